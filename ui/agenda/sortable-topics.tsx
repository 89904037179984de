import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { useT } from '../i18n/intl';

/** What a row needs to be sortable: its node, its moving style and the handle's props (pointer and keyboard). */
export interface SortableBits {
  readonly setNodeRef: (node: HTMLElement | null) => void;
  readonly style: CSSProperties;
  readonly dragging: boolean;
  readonly handleProps: HTMLAttributes<HTMLElement>;
}

export interface SortableTopicsProps {
  readonly items: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** A topic was dropped `delta` places from where it was. */
  readonly onMove: (id: string, delta: number) => void;
  readonly children: (id: string, bits: SortableBits) => ReactNode;
  /** The list element around the rows: dnd-kit's hidden live region and instructions must sit outside it. */
  readonly list: (rows: ReactNode) => ReactNode;
}

/**
 * A section's topics in an order people can drag: with the pointer (after a few pixels, so a click on the
 * handle is not a drag) or with the keyboard (Space or Enter picks up, arrows move, Space or Enter drops,
 * Escape cancels), each step announced in the reader's language. Loaded on demand: the agenda shows its
 * plain rows, with "Move up" and "Move down", until this module arrives.
 */
export default function SortableTopics({ items, onMove, children, list }: SortableTopicsProps) {
  const { t } = useT();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((i) => i.id);
  const place = (id: UniqueIdentifier | undefined) => {
    const index = id === undefined ? -1 : ids.indexOf(String(id));
    return { position: index + 1, count: ids.length };
  };
  const title = (id: UniqueIdentifier) => items.find((i) => i.id === String(id))?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('meeting.dnd.start', { title: title(active.id), ...place(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('meeting.dnd.over', { title: title(active.id), ...place(over.id) }) : undefined,
    onDragEnd: ({ active, over }) => t('meeting.dnd.end', { title: title(active.id), ...place(over?.id ?? active.id) }),
    onDragCancel: ({ active }) => t('meeting.dnd.cancel', { title: title(active.id), ...place(active.id) }),
  };
  const dropped = ({ active, over }: DragEndEvent) => {
    if (!over || over.id === active.id) return;
    onMove(String(active.id), ids.indexOf(String(over.id)) - ids.indexOf(String(active.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={dropped}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('meeting.dnd.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {list(ids.map((id) => <SortableRow key={id} id={id} render={children} />))}
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ id, render }: { id: string; render: SortableTopicsProps['children'] }) {
  const { setNodeRef, transform, transition, isDragging, attributes, listeners } = useSortable({ id });
  return render(id, {
    setNodeRef,
    style: {
      transform: CSS.Translate.toString(transform),
      transition,
      position: 'relative',
      zIndex: isDragging ? 1 : 0,
    },
    dragging: isDragging,
    handleProps: { ...attributes, ...listeners },
  });
}
