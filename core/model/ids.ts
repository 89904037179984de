import { ValidationError } from '../errors';

/** Client-made ids make retried writes idempotent. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function assertClientId(id: string, field: string): void {
  if (!CLIENT_ID_PATTERN.test(id)) {
    throw new ValidationError('must be 1-64 letters, digits, "-" or "_"', field);
  }
}

/**
 * A session is keyed by its occurrence's ORIGINAL start (iCalendar basic format, UTC), so a moved
 * meeting keeps its agenda: 2026-11-24T09:00:00Z → 20261124T090000Z.
 */
const SESSION_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Ids of the starts seen lately: every agenda read turns each of the series' occurrences into its id. */
const idsOfStarts = new Map<string, string>();
const IDS_KEPT = 10_000;

export function sessionIdFromStart(originalStart: Date | string): string {
  if (typeof originalStart !== 'string') return idOf(originalStart);
  let id = idsOfStarts.get(originalStart);
  if (id === undefined) {
    id = idOf(new Date(originalStart));
    if (idsOfStarts.size >= IDS_KEPT) idsOfStarts.clear();
    idsOfStarts.set(originalStart, id);
  }
  return id;
}

function idOf(start: Date): string {
  return start.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
}

export function isSessionId(id: string): boolean {
  const m = SESSION_ID.exec(id);
  if (!m) return false;
  // Month 13 or hour 25 match the pattern but are no instant at all.
  const start = startFromSessionId(id);
  return !Number.isNaN(start.getTime()) && sessionIdFromStart(start) === id;
}

export function startFromSessionId(id: string): Date {
  const m = SESSION_ID.exec(id);
  if (!m) throw new ValidationError('must look like 20261124T090000Z (the occurrence start, UTC)', 'sessionId');
  const [, y, mo, d, h, mi, s] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** Chat ids (and Teams user ids) hold ':' and '@', which are not document-key characters. */
export function encodeChatId(chatId: string): string {
  return chatId.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
