import type { TandemApi } from './client';

export interface SessionTarget {
  readonly pairId: string;
  readonly sessionId: string;
}

export interface Where {
  readonly chatId?: string;
  readonly meetingStart?: string;
  readonly pairId?: string;
  readonly sessionId?: string;
}

/**
 * Which session the panel shows: an explicit pair and session; else the session the meeting is, by core's
 * rule (the service answers); outside a meeting, my chosen (or first) 1:1's.
 */
export async function resolveSession(api: TandemApi, where: Where): Promise<SessionTarget | undefined> {
  if (where.pairId && where.sessionId) return { pairId: where.pairId, sessionId: where.sessionId };
  const pairId = where.chatId
    ? undefined
    : (await api.me()).pairs.find((p) => !where.pairId || p.id === where.pairId)?.id;
  if (!where.chatId && !pairId) return undefined;
  const found = await api.meetingSession({
    ...(where.chatId ? { chatId: where.chatId } : { pairId }),
    ...(where.meetingStart && { meetingStart: where.meetingStart }),
  });
  return found.sessionId ? { pairId: found.pairId, sessionId: found.sessionId } : undefined;
}
