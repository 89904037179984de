/**
 * Wall-clock time in an IANA zone ↔ UTC instants, with Intl only. Recurrence is expanded on wall-clock
 * times (what the organizer booked: "Tuesdays 10:00 Berlin") and only then turned into instants, so a
 * series keeps its local time across daylight-saving changes.
 */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;

/**
 * Offset of the zone from UTC at an instant, in milliseconds. Every zone's offset is a multiple of 15 minutes
 * and changes on a quarter-hour, so it is constant within each UTC quarter-hour and can be cached per one:
 * Intl's formatToParts is the hottest call when expanding a series.
 */
export function zoneOffset(instant: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offset = computeOffset(instant, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - (instant - (instant % 1000));
}

/** The instant a wall-clock time denotes; in a spring-forward gap, the time just after the gap. */
export function toInstant(wall: WallClock, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - zoneOffset(guess, timeZone);
  const second = guess - zoneOffset(first, timeZone);
  return new Date(Math.max(first, second));
}

export function toWallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute! };
}
