import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import type { SortableBits, SortableTopicsProps } from './sortable-topics';

// Drag and drop (dnd-kit, ~15 KiB gzip) is fetched on the first sign that someone may drag (docs/pages.md),
// once per page; every list on the page takes it when it arrives.
let loading: Promise<void> | undefined;
let Sortable: ComponentType<SortableTopicsProps> | undefined;
const waiting = new Set<() => void>();
function loadDnd(): void {
  loading ??= import(/* webpackChunkName: "agenda-dnd" */ './sortable-topics').then(
    (m) => {
      Sortable = m.default;
      for (const notify of waiting) notify();
    },
    () => {
      loading = undefined; // offline for a moment: the next sign of intent tries again
    },
  );
}
const subscribe = (notify: () => void) => {
  waiting.add(notify);
  return () => waiting.delete(notify);
};
const current = () => Sortable;

/** A press on a handle before drag and drop arrived: replayed on the handle once it has. */
interface Pending {
  readonly id: string;
  readonly handle: HTMLElement;
  readonly replay: () => Event;
  readonly done?: AbortController;
}

export interface DraggableTopicListProps<T extends { readonly id: string; readonly title: string }> {
  readonly items: readonly T[];
  readonly label: string;
  readonly className: string;
  /** Off in a read-only agenda: plain rows, no handles. */
  readonly enabled: boolean;
  /** A topic was dropped `delta` places from where it was. */
  readonly onMove: (id: string, delta: number) => void;
  /** A row, keyed by its item's id; `bits` (when enabled) gives it its drag handle and, once dragging works, its node and moving style. */
  readonly row: (item: T, index: number, bits: SortableBits | undefined) => ReactNode;
}

/**
 * A section's topics as a list whose rows can be dragged. The rows and their handles are in the first script
 * and look the same before and after dnd-kit arrives; dnd-kit is fetched when a pointer comes over the list
 * (a touch starts there too), something in it gets the focus, or a handle is pressed. It then mounts beside
 * the list, not around it, and hands each row its bits: the rows are never remounted, so the focus and
 * anything typed in a row stay. A press on a handle before it arrived (pointer still down, or Space or Enter)
 * is replayed on the handle when it has: the drag starts with the next movement, the keyboard pick-up at once.
 */
export function DraggableTopicList<T extends { readonly id: string; readonly title: string }>({
  items,
  label,
  className,
  enabled,
  onMove,
  row,
}: DraggableTopicListProps<T>) {
  const Loaded = useSyncExternalStore(subscribe, current, current);
  const [bits, setBits] = useState<ReadonlyMap<string, SortableBits>>(() => new Map());
  const pending = useRef<Pending | undefined>(undefined);
  const publish = useCallback((id: string, next: SortableBits | undefined) => {
    setBits((map) => {
      if (map.get(id) === next) return map;
      const copy = new Map(map);
      if (next) copy.set(id, next);
      else copy.delete(id);
      return copy;
    });
  }, []);

  useEffect(() => {
    const press = pending.current;
    if (!press || !bits.has(press.id)) return;
    pending.current = undefined;
    press.done?.abort();
    if (press.handle.isConnected) press.handle.dispatchEvent(press.replay());
  }, [bits]);

  const hold = (id: string, event: ReactPointerEvent<HTMLElement>) => {
    loadDnd();
    const { button, isPrimary, pointerId, pointerType, clientX, clientY, screenX, screenY } = event;
    if (button !== 0 || !isPrimary) return;
    pending.current?.done?.abort();
    // Let go before it arrived: a click, nothing to replay.
    const done = new AbortController();
    const release = () => {
      if (pending.current?.done === done) pending.current = undefined;
      done.abort();
    };
    window.addEventListener('pointerup', release, { signal: done.signal });
    window.addEventListener('pointercancel', release, { signal: done.signal });
    pending.current = {
      id,
      handle: event.currentTarget,
      done,
      replay: () =>
        new PointerEvent('pointerdown', {
          bubbles: true,
          cancelable: true,
          composed: true,
          isPrimary,
          button,
          buttons: 1,
          pointerId,
          pointerType,
          clientX,
          clientY,
          screenX,
          screenY,
        }),
    };
  };
  const key = (id: string, event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    loadDnd();
    const { key: pressed, code } = event;
    pending.current?.done?.abort();
    pending.current = {
      id,
      handle: event.currentTarget,
      replay: () => new KeyboardEvent('keydown', { key: pressed, code, bubbles: true, cancelable: true }),
    };
  };
  const plain = (id: string): SortableBits => ({
    dragging: false,
    handleProps: { onFocus: loadDnd, onPointerDown: (e) => hold(id, e), onKeyDown: (e) => key(id, e) },
  });
  const intent = enabled && !Loaded ? { onPointerEnter: loadDnd, onTouchStart: loadDnd, onFocus: loadDnd } : {};

  return (
    <>
      <ul className={className} aria-label={label} {...intent}>
        {items.map((item, i) => row(item, i, enabled ? (bits.get(item.id) ?? plain(item.id)) : undefined))}
      </ul>
      {enabled && Loaded && <Loaded items={items} onMove={onMove} publish={publish} />}
    </>
  );
}
