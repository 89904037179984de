import { useEffect, useState } from 'react';
import { ApiError } from '../../ui/api/api-error';
import { TandemApi } from '../../ui/api/client';
import type { ClientConfig } from '../../ui/api/client-config';
import { tokenSourceFor } from '../auth/token-source';
import type { AppointmentInfo, OfficeHost } from '../office/office-host';

export type InviteState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  /** No Teams meeting in the invite, or one no 1:1 of this user's uses. */
  | { readonly status: 'not-linked'; readonly info: AppointmentInfo; readonly api: TandemApi }
  | { readonly status: 'no-session'; readonly info: AppointmentInfo; readonly api: TandemApi; readonly pairId: string }
  | {
      readonly status: 'ready';
      readonly info: AppointmentInfo;
      readonly api: TandemApi;
      readonly pairId: string;
      readonly sessionId: string;
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
      if (!info.chatId) return settle({ status: 'not-linked', info, api });
      try {
        const found = await api.meetingSession({
          chatId: info.chatId,
          ...(info.start && { meetingStart: info.start }),
        });
        // The invite is one occurrence: only the session at its start (or moved from it) is its agenda, never
        // the next one's (which is what the service offers a panel when nothing matches).
        if (!found.sessionId || (info.start && found.match !== 'start'))
          return settle({ status: 'no-session', info, api, pairId: found.pairId });
        settle({ status: 'ready', info, api, pairId: found.pairId, sessionId: found.sessionId });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return settle({ status: 'not-linked', info, api });
        throw error;
      }
    })().catch((error: unknown) => settle({ status: 'error', message: messageOf(error) }));
    return () => {
      cancelled = true;
    };
  }, [host, config, reloadKey]);
  return state;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
