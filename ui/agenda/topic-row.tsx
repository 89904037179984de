import {
  Badge,
  Button,
  Checkbox,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { TopicView } from '../api/types';
import { carriedOverLabel } from './agenda-logic';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  title: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingInlineStart: '32px' },
  edit: { display: 'flex', gap: tokens.spacingHorizontalXS, flexGrow: 1, flexWrap: 'wrap' },
});

export interface TopicRowProps {
  readonly topic: TopicView;
  readonly authorName: string;
  readonly canEdit: boolean;
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly readOnly: boolean;
  readonly onToggle: (discussed: boolean) => void;
  readonly onMove: (delta: -1 | 1) => void;
  /** `rev`: the revision the person started editing from, so an edit that crossed another is caught. */
  readonly onEdit: (title: string, rev: number) => Promise<void>;
  readonly onRemove: () => void;
  readonly onDeepDive?: () => void;
}

/** One topic: a checkbox labelled by its title (check off), who raised it, where it came from, its actions. */
export function TopicRow(props: TopicRowProps) {
  const { topic, readOnly } = props;
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(topic.title);
  // A live reload may bring a newer revision while the person types: keep the one they started from.
  const [startedAt, setStartedAt] = useState(topic.rev);
  const carried = carriedOverLabel(topic);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    await props.onEdit(draft.trim(), startedAt);
    setEditing(false);
  };

  if (editing) {
    return (
      <li className={styles.row}>
        <form className={styles.edit} onSubmit={save} aria-label={`Edit topic ${topic.title}`}>
          <Input
            aria-label="Topic title"
            value={draft}
            onChange={(_, d) => setDraft(d.value)}
            autoFocus
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <Button type="submit" appearance="primary" size="small">
            Save
          </Button>
          <Button size="small" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      </li>
    );
  }

  return (
    <li className={styles.row} data-testid="topic" data-topic-id={topic.id}>
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
          <Text size={200}>{props.authorName}</Text>
          {carried && (
            <Badge appearance="tint" color="warning" size="small">
              {carried}
            </Badge>
          )}
          {topic.carriedForward && (
            <Badge appearance="tint" color="informative" size="small">
              Moved on to the next session
            </Badge>
          )}
        </div>
      </div>
      {!readOnly && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              appearance="subtle"
              size="small"
              icon={<MoreHorizontalRegular />}
              aria-label={`More actions for ${topic.title}`}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled={props.isFirst} onClick={() => props.onMove(-1)}>
                Move up
              </MenuItem>
              <MenuItem disabled={props.isLast} onClick={() => props.onMove(1)}>
                Move down
              </MenuItem>
              {props.onDeepDive && <MenuItem onClick={props.onDeepDive}>Deep dive on this</MenuItem>}
              {props.canEdit && (
                <MenuItem
                  onClick={() => {
                    setDraft(topic.title);
                    setStartedAt(topic.rev);
                    setEditing(true);
                  }}
                >
                  Edit
                </MenuItem>
              )}
              {props.canEdit && !topic.discussed && <MenuItem onClick={props.onRemove}>Remove</MenuItem>}
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </li>
  );
}
