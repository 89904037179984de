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
 * Which session the panel shows: an explicit pair and session; else the meeting chat's pair, at the
 * occurrence the meeting says (start or original start), or its next session; else my first 1:1's next.
 */
export async function resolveSession(api: TandemApi, where: Where): Promise<SessionTarget | undefined> {
  if (where.pairId && where.sessionId) return { pairId: where.pairId, sessionId: where.sessionId };
  const pair = where.chatId
    ? await api.pairByChat(where.chatId)
    : (await api.me()).pairs.find((p) => !where.pairId || p.id === where.pairId);
  if (!pair) return undefined;
  if (where.meetingStart) {
    const at = Date.parse(where.meetingStart);
    const day = 86_400_000;
    const sessions = await api.sessions(pair.id, new Date(at - day).toISOString(), new Date(at + day).toISOString());
    const match = sessions.find((s) => Date.parse(s.start) === at || Date.parse(s.originalStart) === at);
    if (match) return { pairId: pair.id, sessionId: match.id };
  }
  return pair.nextSession ? { pairId: pair.id, sessionId: pair.nextSession.id } : undefined;
}
