import type { TandemApi } from './client';
import type { AgendaView, MeetingSessionWithAgenda } from './types';

/** An agenda as read with its ETag: shown at once, and re-read later by that ETag like any other. */
export interface AgendaRead {
  readonly agenda: AgendaView;
  readonly etag?: string;
}

/** The agenda a look-up with `include=agenda` answered, as the agenda's own read would give it. */
export function agendaReadOf(found: MeetingSessionWithAgenda): AgendaRead | undefined {
  return found.agenda && { agenda: found.agenda, ...(found.agendaEtag && { etag: found.agendaEtag }) };
}

export interface SessionTarget {
  readonly pairId: string;
  readonly sessionId: string;
  /** The session's agenda when the look-up answered it too (one round trip to the first screen). */
  readonly first?: AgendaRead;
}

export interface Where {
  readonly chatId?: string;
  readonly meetingStart?: string;
  readonly pairId?: string;
  readonly sessionId?: string;
}

/**
 * Which session the panel shows: an explicit pair and session; else the session the meeting is, by core's
 * rule (the service answers, with its agenda); outside a meeting, my chosen (or first) 1:1's.
 */
export async function resolveSession(api: TandemApi, where: Where): Promise<SessionTarget | undefined> {
  if (where.pairId && where.sessionId) return { pairId: where.pairId, sessionId: where.sessionId };
  const pairId = where.chatId
    ? undefined
    : (await api.me()).pairs.find((p) => !where.pairId || p.id === where.pairId)?.id;
  if (!where.chatId && !pairId) return undefined;
  const found = await api.meetingAgenda({
    ...(where.chatId ? { chatId: where.chatId } : { pairId }),
    ...(where.meetingStart && { meetingStart: where.meetingStart }),
  });
  if (!found.sessionId) return undefined;
  return {
    pairId: found.pairId,
    sessionId: found.sessionId,
    ...(found.agenda && { first: agendaReadOf(found) }),
  };
}
