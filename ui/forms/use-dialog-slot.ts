import { useState } from 'react';

export interface DialogSlot<T> {
  /** What the dialog was last opened with (kept once closed), and a key new at each opening. */
  readonly last?: { readonly value: T; readonly key: number };
  /** The dialog's `open`. */
  readonly shown: boolean;
  readonly open: (value: T) => void;
  readonly close: () => void;
}

/**
 * A dialog opened on demand that stays mounted once closed: render it for `last` with `open={shown}` and
 * `key={last.key}`. A Fluent dialog unmounted while open leaves the rest of the page hidden from assistive
 * technology (aria-hidden) and focus on nothing; closed first, it gives both back. The key makes each opening
 * a fresh dialog, filled from what it is opened with.
 */
export function useDialogSlot<T>(): DialogSlot<T> {
  const [last, setLast] = useState<{ value: T; key: number }>();
  const [shown, setShown] = useState(false);
  return {
    ...(last && { last }),
    shown,
    open: (value: T) => {
      setLast((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));
      setShown(true);
    },
    close: () => setShown(false),
  };
}
