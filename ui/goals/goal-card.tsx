import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  ProgressBar,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../core/contract/limits';
import type { EditGoalBody, Goal, Milestone } from '../api/types';
import { useDialogSlot } from '../forms/use-dialog-slot';
import { GoalEditorDialog, type GoalFields } from './goal-editor-dialog';
import { describeChange, fieldsChange, mayEditGoal, statusActions } from './goal-logic';
import { useGoalStrings } from './goal-strings';
import { MilestoneDialog } from './milestone-dialog';
import { MilestoneRow } from './milestone-row';

export type GoalChangeRequest = Omit<EditGoalBody, 'rev'>;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
});

/**
 * One goal or development item: its milestones to tick, add and move, its status changes, comments and a
 * short history. What the viewer may not change (the report's own plan, for their manager) is not offered.
 */
export function GoalCard({
  goal,
  role,
  reportName,
  nameOf,
  today,
  onChange,
  onComment,
}: {
  goal: Goal;
  role: 'manager' | 'report';
  /** The report's name: the development plan is theirs. */
  reportName: string;
  nameOf: (userId: string) => string;
  today: string;
  onChange: (change: GoalChangeRequest) => Promise<boolean>;
  onComment: (text: string) => Promise<boolean>;
}) {
  const t = useGoalStrings();
  const styles = useStyles();
  const editing = useDialogSlot<'goal' | Milestone>();
  // Focus goes back to what opened a dialog once it closes (Fluent's DialogTrigger does this for its own).
  const restoreFocusTarget = useRestoreFocusTarget();
  const editedMilestone = editing.last?.value === 'goal' ? undefined : editing.last?.value;
  const [milestoneTitle, setMilestoneTitle] = useState('');
  const [milestoneDue, setMilestoneDue] = useState('');
  const [comment, setComment] = useState('');
  const canEdit = mayEditGoal(role, goal);
  const open = goal.status === 'active' || goal.status === 'proposed';
  const done = goal.milestones.filter((m) => m.doneAt).length;
  const headingId = `goal-${goal.id}`;

  const addMilestone = async (event: FormEvent) => {
    event.preventDefault();
    if (milestoneTitle.trim() === '') return;
    const ok = await onChange({
      addMilestone: { title: milestoneTitle, ...(milestoneDue && { due: milestoneDue }) },
    });
    if (ok) {
      setMilestoneTitle('');
      setMilestoneDue('');
    }
  };
  const sendComment = async (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim() === '') return;
    if (await onComment(comment)) setComment('');
  };
  const saveFields = (f: GoalFields) => onChange(fieldsChange(goal, f));

  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        header={
          <Text as="h4" id={headingId} weight="semibold">
            {goal.title}
          </Text>
        }
        description={
          <Text size={200}>
            {t.kindLabel(goal.kind)}
            {goal.competency && ` · ${goal.competency}`}
            {goal.learningFormat && ` · ${t.format(goal.learningFormat)}`}
          </Text>
        }
        action={<Badge appearance="tint">{t.status(goal.status)}</Badge>}
      />
      {goal.detail && <Text>{goal.detail}</Text>}
      {goal.status === 'proposed' && role === 'report' && <Text italic>{t.proposalFrom(nameOf(goal.createdBy))}</Text>}
      {!canEdit && <Text italic>{t.ownedByReport(reportName)}</Text>}

      <Field label={t.milestones(done, goal.milestones.length)} validationState="none">
        <ProgressBar value={goal.milestones.length ? done / goal.milestones.length : 0} />
      </Field>
      <ul className={styles.list} aria-label={t.milestones(done, goal.milestones.length)}>
        {goal.milestones.map((m) => (
          <MilestoneRow
            key={m.id}
            milestone={m}
            today={today}
            canEdit={canEdit}
            rev={goal.rev}
            onTick={(done) => onChange(done ? { completeMilestone: m.id } : { reopenMilestone: m.id })}
            onEdit={() => editing.open(m)}
          />
        ))}
      </ul>
      {canEdit && open && (
        <form className={styles.row} onSubmit={(e) => void addMilestone(e)}>
          <Field label={t.milestoneTitle} className={styles.grow}>
            <Input value={milestoneTitle} maxLength={LIMITS.title} onChange={(_, d) => setMilestoneTitle(d.value)} />
          </Field>
          <Field label={t.milestoneDue}>
            <Input type="date" value={milestoneDue} onChange={(_, d) => setMilestoneDue(d.value)} />
          </Field>
          <Button type="submit">{t.addMilestone}</Button>
        </form>
      )}

      <div className={styles.row}>
        {canEdit && (
          <Button {...restoreFocusTarget} onClick={() => editing.open('goal')}>
            {t.edit}
          </Button>
        )}
        {statusActions(role, goal, t).map((a) => (
          <Button key={a.status} onClick={() => void onChange({ status: a.status })}>
            {a.label}
          </Button>
        ))}
      </div>

      <Accordion collapsible multiple>
        <AccordionItem value="comments">
          <AccordionHeader>
            {t.comments} ({goal.comments?.length ?? 0})
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {(goal.comments ?? []).map((c) => (
                <li key={c.id}>
                  <Text weight="semibold">{nameOf(c.authorId)}</Text> <Text size={200}>{t.when(c.at)}</Text>
                  <br />
                  <Text>{c.text}</Text>
                </li>
              ))}
            </ul>
            <form className={styles.row} onSubmit={(e) => void sendComment(e)}>
              <Field label={t.comment} className={styles.grow}>
                <Textarea value={comment} maxLength={LIMITS.detail} onChange={(_, d) => setComment(d.value)} />
              </Field>
              <Button type="submit">{t.send}</Button>
            </form>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="history">
          <AccordionHeader>{t.history}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {[...(goal.history ?? [])].reverse().map((c, i) => (
                <li key={i}>
                  <Text size={200}>{t.when(c.at)}</Text> {describeChange(c, nameOf, t)}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      {editing.last?.value === 'goal' && (
        <GoalEditorDialog
          key={editing.last.key}
          heading={t.edit}
          goal={goal}
          open={editing.shown}
          onClose={editing.close}
          onSave={saveFields}
        />
      )}
      {editing.last && editedMilestone && (
        <MilestoneDialog
          key={editing.last.key}
          milestone={editedMilestone}
          open={editing.shown}
          onClose={editing.close}
          onSave={(change) => onChange({ editMilestone: { id: editedMilestone.id, ...change } })}
        />
      )}
    </Card>
  );
}
