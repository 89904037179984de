import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ActionItemView, EditActionItemBody, Note, PersonRef, TopicView } from '../api/types';
import { GoalPicker, withLinkedGoal, type GoalOption } from '../action-items/goal-link';
import { useActionItemStrings } from '../action-items/action-item-strings';
import { OwnerPicker } from '../action-items/owner-picker';
import { useAgendaStrings } from './agenda-strings';
import { InlineAddRow } from './inline-add-row';
import { LinkifiedText } from './linkified-text';
import { ActionItemRow } from './next-steps';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingInlineStart: '32px',
    paddingBlock: tokens.spacingVerticalXS,
  },
  detail: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  half: { flexGrow: 1, minWidth: '100px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TopicDetailProps {
  readonly topic: TopicView;
  readonly notes: readonly Note[];
  readonly actionItems: readonly ActionItemView[];
  /** The pair's open goals, to link the topic or a new action item to one. */
  readonly goals?: readonly GoalOption[];
  readonly people: readonly PersonRef[];
  readonly nameOf: (id: string) => string;
  readonly today: string;
  readonly readOnly: boolean;
  readonly onAddNote: (text: string) => Promise<void>;
  readonly onAddActionItem: (input: { text: string; ownerId: string; due: string; goalId?: string }) => Promise<void>;
  readonly onActionStatus: (item: ActionItemView, done: boolean) => void;
  readonly onEditActionItem?: (item: ActionItemView, change: Omit<EditActionItemBody, 'rev'>) => Promise<boolean>;
  /** Link the topic to a goal (null: none); only for its author while the agenda is open. */
  readonly onLinkGoal?: (goalId: string | null) => void;
  /** For a private talking point: who sees it (only the viewer); nothing shared is added to it. */
  readonly privateNote?: string;
}

/** A week after `today`: when a commitment made in a weekly 1:1 is usually looked at again. */
function aWeekAfter(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/** A topic opened in place: its detail, the shared notes taken on it and the action items that came out of it. */
export function TopicDetail(props: TopicDetailProps) {
  const S = useAgendaStrings();
  const A = useActionItemStrings();
  const { topic } = props;
  // Shared notes and action items are for both people: a private talking point takes neither.
  const readOnly = props.readOnly || props.privateNote !== undefined;
  const styles = useStyles();
  const [text, setText] = useState('');
  // Whoever raised the topic usually owns what comes out of it; due a week out. Both can be changed.
  const [ownerId, setOwnerId] = useState(topic.authorId);
  const [due, setDue] = useState(() => aWeekAfter(props.today));
  // What comes out of a topic about a goal usually works towards it too, also once the topic is (re)linked.
  const topicGoal = topic.goal && !topic.goal.closed ? topic.goal.id : '';
  const [goalId, setGoalId] = useState(topicGoal);
  const [followed, setFollowed] = useState(topicGoal);
  if (followed !== topicGoal) {
    setFollowed(topicGoal);
    setGoalId(topicGoal);
  }
  const goals = withLinkedGoal(props.goals ?? [], topic.goal);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    await props.onAddActionItem({ text: text.trim(), ownerId, due, ...(goalId && { goalId }) });
    setText('');
  };
  const empty = !topic.detail && props.notes.length === 0 && props.actionItems.length === 0;
  return (
    <div className={styles.box} id={`topic-detail-${topic.id}`}>
      {topic.detail && (
        <p className={styles.detail}>
          <LinkifiedText text={topic.detail} />
        </p>
      )}
      {props.onLinkGoal && (
        <GoalPicker
          goals={goals}
          linked={topic.goal?.id}
          value={topic.goal?.id ?? ''}
          onChange={(id) => props.onLinkGoal?.(id === '' ? null : id)}
          label={A.topicGoal}
          size="small"
        />
      )}
      {props.privateNote && (
        <Text size={200} className={styles.muted}>
          {props.privateNote}
        </Text>
      )}
      {empty && readOnly && !props.privateNote && (
        <Text size={200} className={styles.muted}>
          {S.noDetail}
        </Text>
      )}
      {props.notes.length > 0 && (
        <ul className={styles.list} aria-label={S.topicNotes(topic.title)}>
          {props.notes.map((n) => (
            <li key={n.id}>
              <p className={styles.note}>
                <LinkifiedText text={n.text} />
              </p>
              <Text size={200} className={styles.muted}>
                {props.nameOf(n.authorId)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <InlineAddRow
          label={S.addTopicNote}
          placeholder={S.addTopicNote}
          buttonLabel={S.addNote}
          emptyMessage={S.addTopicNote}
          onAdd={props.onAddNote}
        />
      )}
      {props.actionItems.length > 0 && (
        <ul className={styles.list} aria-label={S.topicActions(topic.title)}>
          {props.actionItems.map((item) => (
            <ActionItemRow
              key={item.id}
              item={item}
              ownerName={props.nameOf(item.ownerId)}
              today={props.today}
              {...(!readOnly && { onStatus: (done: boolean) => props.onActionStatus(item, done) })}
              {...(!readOnly &&
                props.onEditActionItem && {
                  edit: { people: props.people, goals, onSave: (change) => props.onEditActionItem!(item, change) },
                })}
            />
          ))}
        </ul>
      )}
      {!readOnly && (
        <form className={styles.form} onSubmit={add} aria-label={S.newActionItem}>
          <Field label={S.newActionItem} size="small">
            <Input size="small" value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <div className={styles.row}>
            <OwnerPicker
              people={props.people}
              label={S.owner}
              value={ownerId}
              onChange={setOwnerId}
              size="small"
              className={styles.half}
            />
            <Field label={S.due} size="small" className={styles.half}>
              <Input size="small" type="date" value={due} onChange={(_, d) => setDue(d.value)} />
            </Field>
            <GoalPicker goals={goals} value={goalId} onChange={setGoalId} size="small" className={styles.half} />
            <Button type="submit" size="small">
              {S.addActionItem}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
