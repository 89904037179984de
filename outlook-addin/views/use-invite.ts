import { useEffect, useState } from 'react';
import { ApiError } from '../../ui/api/api-error';
import { TandemApi } from '../../ui/api/client';
import type { ClientConfig } from '../../ui/api/client-config';
import { agendaReadOf, type AgendaRead } from '../../ui/api/resolve-session';
import { tokenSourceFor } from '../auth/token-source';
import type { AppointmentInfo, OfficeHost } from '../office/office-host';

export type InviteState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  /** No Teams meeting in the invite, or one no 1:1 of this user's uses. */
  | { readonly status: 'not-linked'; readonly info: AppointmentInfo; readonly api: TandemApi }
  | { readonly status: 'no-session'; readonly info: AppointmentInfo; readonly api: TandemApi; readonly pairId: string }
  | {
      readonly status: 'ready';
      readonly info: AppointmentInfo;
      readonly api: TandemApi;
      readonly pairId: string;
      readonly sessionId: string;
      /** The session's agenda as the look-up answered it, shown without a read of its own. */
      readonly first?: AgendaRead;
    };

/**
 * The invite resolved to a 1:1 and its session: the Teams meeting's chat id (from the join URL in the body)
 * finds the pair, and the occurrence's current start finds the session (by start or original start, so a
 * moved occurrence keeps its agenda). An occurrence Tandem has no session at is said to be so. `reloadKey` re-runs it after the event was linked to a pair.
 */
export function useInvite(host: OfficeHost, config: ClientConfig, reloadKey = 0): InviteState {
  const [state, setState] = useState<InviteState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    const settle = (next: InviteState) => !cancelled && setState(next);
    (async () => {
      const info = await host.readAppointment();
      const api = new TandemApi({ baseUrl: '', getToken: tokenSourceFor(config, info.userEmail, host) });
      settle(await resolveInvite(api, info));
    })().catch((error: unknown) => settle({ status: 'error', error }));
    return () => {
      cancelled = true;
    };
  }, [host, config, reloadKey]);
  return state;
}

/**
 * One request: the meeting's session names its pair too, also when the meeting is no session of it, and
 * brings the session's agenda (docs/pages.md, Navigation).
 */
export async function resolveInvite(api: TandemApi, info: AppointmentInfo): Promise<InviteState> {
  if (!info.chatId) return { status: 'not-linked', info, api };
  try {
    const found = await api.meetingAgenda({ chatId: info.chatId, ...(info.start && { meetingStart: info.start }) });
    // The invite is one occurrence: only the session at its start (or moved from it) is its agenda, never the
    // next one's (which is what the service offers a panel when nothing matches).
    if (!found.sessionId || (info.start && found.match !== 'start'))
      return { status: 'no-session', info, api, pairId: found.pairId };
    const first = agendaReadOf(found);
    return { status: 'ready', info, api, pairId: found.pairId, sessionId: found.sessionId, ...(first && { first }) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { status: 'not-linked', info, api };
    throw error;
  }
}

/** An Office failure's own message (a refusal from the service is shown with useErrorText instead). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
