import { Menu, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import type { RefObject } from 'react';
import { useAgendaStrings } from './agenda-strings';

export interface TopicMenuItems {
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly isCurrent: boolean;
  readonly canEdit: boolean;
  readonly discussed: boolean;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onEdit: () => void;
  readonly onRemove: () => void;
  readonly onDiscussNow?: () => void;
  readonly onDeepDive?: () => void;
}

export interface TopicMenuProps extends TopicMenuItems {
  readonly open: boolean;
  /** The "More actions" button the menu opens from (topic-menu-button.tsx). */
  readonly target: RefObject<HTMLButtonElement | null>;
  readonly onOpenChange: (open: boolean) => void;
}

/** A topic's actions: move, edit, remove, discuss now, deep dive. Fluent's menu, anchored to the row's button. */
export function TopicMenu({ open, target, onOpenChange, ...item }: TopicMenuProps) {
  const S = useAgendaStrings();
  return (
    <Menu
      open={open}
      onOpenChange={(_, d) => onOpenChange(d.open)}
      positioning={{ target: target.current, position: 'below', align: 'end' }}
    >
      <MenuPopover>
        <MenuList>
          {item.onDiscussNow && !item.isCurrent && <MenuItem onClick={item.onDiscussNow}>{S.discussNow}</MenuItem>}
          <MenuItem disabled={item.isFirst} onClick={() => item.onMove(-1)}>
            {S.moveUp}
          </MenuItem>
          <MenuItem disabled={item.isLast} onClick={() => item.onMove(1)}>
            {S.moveDown}
          </MenuItem>
          {item.onDeepDive && <MenuItem onClick={item.onDeepDive}>{S.deepDiveOnThis}</MenuItem>}
          {item.canEdit && <MenuItem onClick={item.onEdit}>{S.edit}</MenuItem>}
          {item.canEdit && !item.discussed && <MenuItem onClick={item.onRemove}>{S.remove}</MenuItem>}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
