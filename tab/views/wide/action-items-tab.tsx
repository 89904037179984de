import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ActionItemRow } from '../../../ui/agenda/next-steps';
import type { ActionItem, PairExport } from '../../../ui/api/types';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, maxWidth: '720px' },
  group: { marginBlockEnd: tokens.spacingVerticalL },
});

/** Open action items across all my 1:1s: mine first, then theirs; overdue and soonest due on top. */
export function ActionItemsTab({
  histories,
  viewerId,
}: {
  histories: Readonly<Record<string, PairExport>>;
  viewerId: string;
}) {
  const styles = useStyles();
  const today = new Date().toISOString().slice(0, 10);
  const all = Object.values(histories).flatMap((h) =>
    h.actionItems.map((item) => ({ item, pair: h, owner: [h.manager, h.report].find((p) => p.id === item.ownerId) })),
  );
  const open = all.filter((a) => a.item.status === 'open').sort((a, b) => a.item.due.localeCompare(b.item.due));
  const groups: Array<[string, typeof open]> = [
    ['Mine', open.filter((a) => a.item.ownerId === viewerId)],
    ['Theirs', open.filter((a) => a.item.ownerId !== viewerId)],
  ];
  const other = (h: PairExport) => (h.manager.id === viewerId ? h.report : h.manager).displayName;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Open action items</h2>
      {groups.map(([title, items]) => (
        <div key={title} className={styles.group}>
          <h3>{title}</h3>
          {items.length === 0 && <Text>Nothing open.</Text>}
          <ul className={styles.list} aria-label={`${title}: open action items`}>
            {items.map(({ item, pair, owner }) => (
              <ActionItemRow
                key={`${pair.pairId}/${item.id}`}
                item={item as ActionItem}
                ownerName={`${owner?.displayName ?? item.ownerId} · 1:1 with ${other(pair)}`}
                today={today}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
