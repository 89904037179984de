import { useEffect, useState } from 'react';
import type { TandemApi } from '../api/client';

/**
 * How far the service's clock is ahead of this device's (ms): shared timers count from the service's
 * instants, so two people whose clocks differ still see the same countdown. Measured once per view, halving
 * the round trip; 0 until known or when the service cannot be asked.
 */
export function useServiceClockOffset(api: TandemApi): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    const sent = Date.now();
    api.serviceTime().then(
      ({ now }) => {
        const received = Date.now();
        const at = Date.parse(now);
        if (live && !Number.isNaN(at)) setOffset(at - (sent + received) / 2);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return offset;
}

/** The service's time now, ticking every second while `running`. */
export function useServiceNow(offset: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset, running]);
  return now;
}

/** "4:05", "1:02:03": elapsed or remaining time. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
