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
import { useLayoutEffect, useMemo, type CSSProperties, type HTMLAttributes } from 'react';
import { useT } from '../i18n/intl';

/** What a row needs to be sortable: its node, its moving style and the handle's props (pointer and keyboard). */
export interface SortableBits {
  readonly setNodeRef?: (node: HTMLElement | null) => void;
  readonly style?: CSSProperties;
  readonly dragging: boolean;
  readonly handleProps: HTMLAttributes<HTMLElement>;
}

export interface SortableTopicsProps {
  readonly items: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** A topic was dropped `delta` places from where it was. */
  readonly onMove: (id: string, delta: number) => void;
  /** Hands each row its bits (and takes them back, `undefined`, when the row goes). */
  readonly publish: (id: string, bits: SortableBits | undefined) => void;
}

// Constant options: new ones would make new sensors, new handle listeners and a new publish at every render.
const POINTER = { activationConstraint: { distance: 4 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

/**
 * A section's topics in an order people can drag: with the pointer (after a few pixels, so a click on the
 * handle is not a drag) or with the keyboard (Space or Enter picks up, arrows move, Space or Enter drops,
 * Escape cancels), each step announced in the reader's language. Fetched on intent (`draggable-topic-list.tsx`).
 *
 * It renders no rows: the rows are already on screen, under the list in the first script, and stay mounted.
 * Each topic has a `SortableProbe` here, inside dnd-kit's contexts, that hands its row the node ref, the
 * moving style and the handle's listeners. dnd-kit's hidden instructions and live region render after the
 * list (a list holds only items).
 */
export default function SortableTopics({ items, onMove, publish }: SortableTopicsProps) {
  const { t } = useT();
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
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
        {ids.map((id) => (
          <SortableProbe key={id} id={id} publish={publish} />
        ))}
      </SortableContext>
    </DndContext>
  );
}

/** One topic's place in dnd-kit: renders nothing, hands its row what it needs whenever that changes. */
function SortableProbe({ id, publish }: { id: string; publish: SortableTopicsProps['publish'] }) {
  const { setNodeRef, transform, transition, isDragging, attributes, listeners } = useSortable({ id });
  const moved = CSS.Translate.toString(transform);
  const bits = useMemo<SortableBits>(
    () => ({
      setNodeRef,
      style: { transform: moved, transition, position: 'relative', zIndex: isDragging ? 1 : 0 },
      dragging: isDragging,
      handleProps: { ...attributes, ...listeners },
    }),
    [setNodeRef, moved, transition, isDragging, attributes, listeners],
  );
  // Before paint, so a row moves in the same frame as dnd-kit computed it.
  useLayoutEffect(() => publish(id, bits), [publish, id, bits]);
  useLayoutEffect(() => () => publish(id, undefined), [publish, id]);
  return null;
}
