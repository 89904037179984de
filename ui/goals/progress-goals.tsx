import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { milestoneNews } from '../../core/model/follow-through';
import { ApiError } from '../api/api-error';
import { newClientId, type TandemApi } from '../api/client';
import type { AgendaView, EditGoalBody, Goal, Milestone } from '../api/types';
import { useErrorText } from '../i18n/use-error-text';
import { fieldsChange, goalToAdd, mayEditGoal, statusActions } from './goal-logic';
import { useGoalStrings } from './goal-strings';
import { MilestoneRow } from './milestone-row';
import { useDialogSlot } from '../forms/use-dialog-slot';

// The dialogs are fetched when one opens, not with the progress section (docs/growth.md).
const GoalEditorDialog = lazy(() => import('./goal-editor-dialog').then((m) => ({ default: m.GoalEditorDialog })));
const MilestoneDialog = lazy(() => import('./milestone-dialog').then((m) => ({ default: m.MilestoneDialog })));
const GoalCommentDialog = lazy(() => import('./goal-comment-dialog').then((m) => ({ default: m.GoalCommentDialog })));

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  goal: { marginBlockEnd: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  // Titles wrap: the side panel is 320 px wide and never scrolls sideways.
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  milestones: { listStyleType: 'none', margin: 0, paddingInlineStart: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    marginBlock: tokens.spacingVerticalXS,
  },
});

type Open =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly goal: Goal }
  | { readonly kind: 'milestone'; readonly goal: Goal; readonly milestone?: Milestone }
  | { readonly kind: 'comment'; readonly goal: Goal };

/**
 * The goals part of a session's progress section: each active goal (and proposal) with its open milestones and
 * those that moved since the previous meeting (up to the session's end: a tick in the meeting stays listed), and
 * each goal achieved or dropped since then, said so. With `api` (an agenda people can still change), either person
 * ticks, adds and moves milestones, adds, edits, completes and drops goals, and comments, from a compact list that
 * fits the 320 px side panel; what the report's plan does not let the manager change is not offered, and what
 * the service refuses anyway is said here, beside the goal.
 */
export function ProgressGoals({
  agenda,
  api,
  onChanged,
}: {
  agenda: AgendaView;
  /** Absent when the agenda is read-only (a meeting held, skipped or cancelled): goals are shown, not changed. */
  api?: TandemApi;
  /** Re-reads the agenda after a change (the live stream also does, a moment later). */
  onChanged?: () => Promise<void>;
}) {
  const t = useGoalStrings();
  const styles = useStyles();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  // The dialog last opened stays mounted once closed (useDialogSlot says why); each opening is a fresh one.
  const dialog = useDialogSlot<Open>();
  const open = dialog.last && { ...dialog.last.value, key: dialog.last.key };
  const { shown, open: setOpen, close } = dialog;
  // One goal's actions at a time, shown under it: the list stays short in a 320 px panel.
  const [expanded, setExpanded] = useState<string>();
  const { goals, since } = agenda.progress;
  const role = agenda.viewer.role;
  const nameOf = (id: string) => [agenda.manager, agenda.report].find((p) => p.id === id)?.displayName ?? id;
  const today = new Date().toISOString().slice(0, 10);
  if (!api && goals.length === 0) return null;

  const attempt = async (work: (api: TandemApi) => Promise<unknown>): Promise<boolean> => {
    if (!api) return false;
    try {
      await work(api);
      setError(undefined);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      await onChanged?.();
    }
  };
  const change = (goal: Goal, body: Omit<EditGoalBody, 'rev'>) =>
    attempt((a) => a.editGoal(agenda.pairId, goal.id, { rev: goal.rev, ...body }));
  /** A tick carries no text: when the goal moved on meanwhile (another tick), it is made on the newer one. */
  const tick = (goal: Goal, body: Omit<EditGoalBody, 'rev'>) =>
    attempt(async (a) => {
      try {
        await a.editGoal(agenda.pairId, goal.id, { rev: goal.rev, ...body });
      } catch (e) {
        const current = e instanceof ApiError && e.isConflict ? (e.problem.current as Goal | undefined) : undefined;
        if (!current) throw e;
        await a.editGoal(agenda.pairId, goal.id, { rev: current.rev, ...body });
      }
    });

  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {goals.length === 0 && <Text className={styles.note}>{t.none}</Text>}
      {goals.length > 0 && (
        <ul className={styles.list} aria-label={t.progressLabel}>
          {goals.map((goal) => {
            const news = new Map(milestoneNews(goal, agenda.start, since, agenda.end).map((m) => [m.id, m]));
            // Open milestones are what the meeting can tick; done ones only while they are news.
            const shown = goal.milestones.filter(
              (m) => !m.doneAt || news.get(m.id)?.moved || m.doneAt > (since ?? today),
            );
            const done = goal.milestones.filter((m) => m.doneAt).length;
            // A goal achieved or dropped since the previous meeting is listed for what moved in it; it is
            // reopened from the wide tab's goals, not here.
            const live = goal.status === 'active' || goal.status === 'proposed';
            const changeable = api !== undefined && live;
            const canEdit = changeable && mayEditGoal(role, goal);
            const headingId = `progress-goal-${goal.id}`;
            const statuses = changeable ? statusActions(role, goal, t) : [];
            return (
              <li key={goal.id} className={styles.goal} aria-labelledby={headingId}>
                <div className={styles.head}>
                  <Text id={headingId} weight="semibold" className={styles.title}>
                    {goal.title}
                  </Text>
                  {changeable && (
                    <ToggleButton
                      appearance="subtle"
                      size="small"
                      icon={<MoreHorizontalRegular />}
                      checked={expanded === goal.id}
                      aria-expanded={expanded === goal.id}
                      aria-controls={`${headingId}-actions`}
                      aria-label={t.moreFor(goal.title)}
                      onClick={() => setExpanded((e) => (e === goal.id ? undefined : goal.id))}
                    />
                  )}
                </div>
                <div className={styles.meta}>
                  <Text size={200}>
                    {t.kindLabel(goal.kind)} · {t.milestones(done, goal.milestones.length)}
                  </Text>
                  {goal.status !== 'active' && <Badge appearance="tint">{t.status(goal.status)}</Badge>}
                </div>
                {goal.status === 'proposed' && role === 'report' && (
                  <Text size={200} italic>
                    {t.proposalFrom(nameOf(goal.createdBy))}
                  </Text>
                )}
                {changeable && !canEdit && (
                  <Text size={200} italic>
                    {t.ownedByReport(agenda.report.displayName)}
                  </Text>
                )}
                {expanded === goal.id && (
                  <div id={`${headingId}-actions`} className={styles.actions}>
                    {canEdit && (
                      <Button size="small" onClick={() => setOpen({ kind: 'milestone', goal })}>
                        {t.addMilestone}
                      </Button>
                    )}
                    {canEdit && (
                      <Button size="small" onClick={() => setOpen({ kind: 'edit', goal })}>
                        {t.edit}
                      </Button>
                    )}
                    {statuses.map((s) => (
                      <Button key={s.status} size="small" onClick={() => void change(goal, { status: s.status })}>
                        {s.label}
                      </Button>
                    ))}
                    <Button size="small" onClick={() => setOpen({ kind: 'comment', goal })}>
                      {t.comment}
                    </Button>
                  </div>
                )}
                {shown.length > 0 && (
                  <ul className={styles.milestones} aria-label={t.milestonesOf(goal.title)}>
                    {shown.map((m) => {
                      const n = news.get(m.id);
                      return (
                        <MilestoneRow
                          key={m.id}
                          milestone={m}
                          today={today}
                          canEdit={canEdit}
                          rev={goal.rev}
                          extra={
                            n?.moved && (
                              <>
                                {' '}
                                <Badge appearance="tint" color={n.done ? 'success' : 'informative'}>
                                  {n.done ? t.newlyDone : t.changed}
                                </Badge>
                              </>
                            )
                          }
                          onTick={(done) => tick(goal, done ? { completeMilestone: m.id } : { reopenMilestone: m.id })}
                          onEdit={() => setOpen({ kind: 'milestone', goal, milestone: m })}
                        />
                      );
                    })}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {api && (
        <div>
          <Button size="small" icon={<AddRegular />} onClick={() => setOpen({ kind: 'add' })}>
            {t.newGoal}
          </Button>
        </div>
      )}
      <Suspense fallback={null}>
        {open?.kind === 'add' && (
          <GoalEditorDialog
            key={open.key}
            heading={t.newGoal}
            open={shown}
            onClose={close}
            onSave={(f) => attempt((a) => a.addGoal(agenda.pairId, goalToAdd(newClientId(), f)))}
          />
        )}
        {open?.kind === 'edit' && (
          <GoalEditorDialog
            key={open.key}
            heading={t.editGoal(open.goal.title)}
            goal={open.goal}
            open={shown}
            onClose={close}
            onSave={(f) => change(open.goal, fieldsChange(open.goal, f))}
          />
        )}
        {open?.kind === 'milestone' && (
          <MilestoneDialog
            key={open.key}
            open={shown}
            {...(open.milestone && { milestone: open.milestone })}
            heading={t.addMilestoneTo(open.goal.title)}
            onClose={close}
            onSave={(m) =>
              change(
                open.goal,
                open.milestone
                  ? { editMilestone: { id: open.milestone.id, ...m } }
                  : { addMilestone: { title: m.title ?? '', ...(m.due && { due: m.due }) } },
              )
            }
          />
        )}
        {open?.kind === 'comment' && (
          <GoalCommentDialog
            key={open.key}
            open={shown}
            title={open.goal.title}
            onClose={close}
            onSend={(text) => attempt((a) => a.commentOnGoal(agenda.pairId, open.goal.id, { id: newClientId(), text }))}
          />
        )}
      </Suspense>
    </>
  );
}
