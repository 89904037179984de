import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { timesCarried } from '../../../core/model/follow-through';
import { ApiError } from '../../../ui/api/api-error';
import type { TandemApi } from '../../../ui/api/client';
import type { ActionItem, EditActionItemBody, PairExport } from '../../../ui/api/types';
import { useActionItemStrings } from '../../../ui/action-items/action-item-strings';
import { EditableActionItem } from '../../../ui/action-items/editable-action-item';
import { ActionItemDialog } from '../../../ui/action-items/action-item-dialog';
import { focusWhenLost } from '../../../ui/forms/focus-when-lost';
import { useDialogSlot } from '../../../ui/forms/use-dialog-slot';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, maxWidth: '820px' },
  group: { marginBlockEnd: tokens.spacingVerticalL },
});

/** How many closed items stay in view, to reopen one closed by mistake. */
const RECENTLY_CLOSED = 10;

/**
 * Action items across all my 1:1s, to edit, close and reopen: mine first, then theirs, soonest due on top;
 * then the few closed most recently. Changes go to the service and the view reloads from it.
 */
export function ActionItemsTab({
  api,
  histories,
  viewerId,
  onChanged,
}: {
  api: TandemApi;
  histories: Readonly<Record<string, PairExport>>;
  viewerId: string;
  onChanged: () => Promise<void>;
}) {
  const t = useActionItemStrings();
  const styles = useStyles();
  const [error, setError] = useState<string>();
  // One edit dialog for the view, kept mounted once closed (useDialogSlot says why): a change of owner moves
  // the item to the other list, which would take a dialog of the item's own with it while still open.
  const editing = useDialogSlot<{ readonly pair: PairExport; readonly item: ActionItem }>();
  const edited = editing.last && { ...editing.last.value, key: editing.last.key };
  // A change of owner moves the item to the other list, as a new Edit button: not the one Fluent gives focus
  // back to once the dialog has gone, so focus would be left on nothing. The list gives it to the new one.
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const keyOf = (pair: PairExport, item: ActionItem) => `${pair.pairId}/${item.id}`;
  const editedKey = edited && keyOf(edited.pair, edited.item);
  useEffect(() => {
    if (editing.shown || !editedKey) return;
    return focusWhenLost(() => editButtons.current.get(editedKey));
  }, [editing.shown, editedKey]);
  const today = new Date().toISOString().slice(0, 10);
  const all = Object.values(histories).flatMap((pair) => pair.actionItems.map((item) => ({ item, pair })));
  const open = all.filter((a) => a.item.status === 'open').sort((a, b) => a.item.due.localeCompare(b.item.due));
  const closed = all
    .filter((a) => a.item.status !== 'open')
    .sort((a, b) => (b.item.closedAt ?? '').localeCompare(a.item.closedAt ?? ''))
    .slice(0, RECENTLY_CLOSED);
  const groups: Array<[string, string, typeof open]> = [
    [t.mine, t.listLabel(t.mine), open.filter((a) => a.item.ownerId === viewerId)],
    [t.theirs, t.listLabel(t.theirs), open.filter((a) => a.item.ownerId !== viewerId)],
    [t.closed, t.closedLabel, closed],
  ];

  const change = async (pair: PairExport, item: ActionItem, edit: Omit<EditActionItemBody, 'rev'>) => {
    try {
      await api.editActionItem(pair.pairId, item.id, { rev: item.rev, ...edit });
      setError(undefined);
      return true;
    } catch (e) {
      setError(e instanceof ApiError && e.isConflict ? t.stale : t.failed);
      return false;
    } finally {
      await onChanged();
    }
  };

  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t.heading}</h2>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {groups.map(([title, label, items]) => (
        <div key={title} className={styles.group}>
          <h3>{title}</h3>
          {items.length === 0 && <Text>{title === t.closed ? t.nothingClosed : t.nothingOpen}</Text>}
          <ul className={styles.list} aria-label={label}>
            {items.map(({ item, pair }) => (
              <EditableActionItem
                key={keyOf(pair, item)}
                item={item}
                people={[pair.manager, pair.report]}
                goals={pair.goals}
                other={(pair.manager.id === viewerId ? pair.report : pair.manager).displayName}
                today={today}
                carried={timesCarried(item, pair.sessions)}
                onEdit={() => editing.open({ pair, item })}
                editRef={(button) => {
                  if (button) editButtons.current.set(keyOf(pair, item), button);
                  else editButtons.current.delete(keyOf(pair, item));
                }}
                onChange={(edit) => change(pair, item, edit)}
              />
            ))}
          </ul>
        </div>
      ))}
      {edited && (
        <ActionItemDialog
          key={edited.key}
          item={edited.item}
          people={[edited.pair.manager, edited.pair.report]}
          goals={edited.pair.goals}
          open={editing.shown}
          onClose={editing.close}
          onSave={(edit) => change(edited.pair, edited.item, edit)}
        />
      )}
    </section>
  );
}
