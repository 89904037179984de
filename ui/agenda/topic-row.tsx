import { Badge, Button, Checkbox, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  ChevronDownRegular,
  ChevronRightRegular,
  LockClosedRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { TopicView } from '../api/types';
import { useT } from '../i18n/intl';
import { carriedOverLabel } from './agenda-logic';
import type { SortableBits } from './sortable-topics';
import { useAgendaStrings } from './agenda-strings';
import { TopicMenuButton } from './topic-menu-button';
import { LinkedGoalBadge } from '../goals/linked-goal-badge';

const useStyles = makeStyles({
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  current: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXS, paddingBlock: '2px' },
  main: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  title: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingInlineStart: '32px' },
  edit: { display: 'flex', gap: tokens.spacingHorizontalXS, flexGrow: 1, flexWrap: 'wrap' },
  // Set apart like the private notes: a dashed edge says "not shared".
  private: { borderLeft: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}` },
  dragging: { backgroundColor: tokens.colorNeutralBackground1Hover, boxShadow: tokens.shadow8 },
  // The handle takes the pointer itself: no page scroll while dragging on a touch screen.
  handle: { cursor: 'grab', touchAction: 'none', minWidth: 'auto' },
});

export interface TopicRowProps {
  readonly topic: TopicView;
  readonly authorName: string;
  readonly canEdit: boolean;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly readOnly: boolean;
  readonly isCurrent: boolean;
  readonly expanded: boolean;
  readonly onExpand: (open: boolean) => void;
  readonly onToggle: (discussed: boolean) => void;
  readonly onMove: (delta: number) => void;
  /** `rev`: the revision the person started editing from, so an edit that crossed another is caught. */
  readonly onEdit: (title: string, rev: number) => Promise<void>;
  readonly onRemove: () => void;
  readonly onDiscussNow?: () => void;
  readonly onDeepDive?: () => void;
  /** Its drag handle (in a list one can reorder) and, once drag and drop has arrived, its node and moving style. */
  readonly sortable?: SortableBits;
  /** What shows when the topic is opened in place. */
  readonly children?: ReactNode;
}

/**
 * One topic: a checkbox labelled by its title (check off), who raised it, where it came from, how long it was
 * discussed; a chevron opens it in place; the menu moves, edits, removes and marks it as discussed now.
 */
export function TopicRow(props: TopicRowProps) {
  const S = useAgendaStrings();
  const { t, locale } = useT();
  const { topic, readOnly } = props;
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(topic.title);
  // A live reload may bring a newer revision while the person types: keep the one they started from.
  const [startedAt, setStartedAt] = useState(topic.rev);
  const carried = carriedOverLabel(topic, S.carriedFrom, locale);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    await props.onEdit(draft.trim(), startedAt);
    setEditing(false);
  };

  if (editing) {
    return (
      <li className={styles.item}>
        <form className={styles.edit} onSubmit={save} aria-label={S.editTopic(topic.title)}>
          <Input
            aria-label={S.topicTitle}
            value={draft}
            onChange={(_, d) => setDraft(d.value)}
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <Button type="submit" appearance="primary" size="small">
            {S.save}
          </Button>
          <Button size="small" onClick={() => setEditing(false)}>
            {S.cancel}
          </Button>
        </form>
      </li>
    );
  }

  return (
    <li
      ref={props.sortable?.setNodeRef}
      style={props.sortable?.style}
      className={[
        styles.item,
        props.isCurrent && styles.current,
        topic.private && styles.private,
        props.sortable?.dragging && styles.dragging,
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid="topic"
      data-topic-id={topic.id}
      aria-current={props.isCurrent ? 'true' : undefined}
    >
      <div className={styles.row}>
        {props.sortable && !readOnly && (
          <Button
            appearance="transparent"
            size="small"
            className={styles.handle}
            icon={<ReOrderDotsVerticalRegular />}
            {...props.sortable.handleProps}
            aria-label={t('meeting.dnd.handle', { title: topic.title })}
            data-testid="drag-handle"
          />
        )}
        <Button
          appearance="transparent"
          size="small"
          icon={props.expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-label={S.showDetails(topic.title)}
          aria-expanded={props.expanded}
          aria-controls={props.expanded ? `topic-detail-${topic.id}` : undefined}
          onClick={() => props.onExpand(!props.expanded)}
        />
        <div className={styles.main}>
          <Checkbox
            checked={topic.discussed}
            disabled={readOnly}
            onChange={(_, d) => props.onToggle(d.checked === true)}
            label={
              <span className={topic.discussed ? `${styles.title} ${styles.done}` : styles.title}>{topic.title}</span>
            }
          />
          <div className={styles.meta}>
            {topic.private ? (
              <Badge appearance="tint" color="subtle" size="small" icon={<LockClosedRegular />}>
                {t('meeting.private.badge')}
              </Badge>
            ) : (
              <Text size={200}>{props.authorName}</Text>
            )}
            {props.isCurrent && (
              <Badge appearance="filled" color="brand" size="small">
                {S.nowBadge}
              </Badge>
            )}
            {topic.secondsDiscussed !== undefined && topic.secondsDiscussed > 0 && (
              <Badge appearance="outline" color="informative" size="small">
                {S.minutesSpent(topic.secondsDiscussed)}
              </Badge>
            )}
            {carried && (
              <Badge appearance="tint" color="warning" size="small">
                {carried}
              </Badge>
            )}
            {topic.carriedForward && (
              <Badge appearance="tint" color="informative" size="small">
                {S.carriedOn}
              </Badge>
            )}
            {topic.goal && <LinkedGoalBadge goal={topic.goal} />}
          </div>
        </div>
        {!readOnly && (
          <TopicMenuButton
            title={topic.title}
            isFirst={props.isFirst}
            isLast={props.isLast}
            isCurrent={props.isCurrent}
            canEdit={props.canEdit}
            discussed={topic.discussed}
            onMove={props.onMove}
            onRemove={props.onRemove}
            onEdit={() => {
              setDraft(topic.title);
              setStartedAt(topic.rev);
              setEditing(true);
            }}
            {...(props.onDiscussNow && { onDiscussNow: props.onDiscussNow })}
            {...(props.onDeepDive && { onDeepDive: props.onDeepDive })}
          />
        )}
      </div>
      {props.expanded && props.children}
    </li>
  );
}
