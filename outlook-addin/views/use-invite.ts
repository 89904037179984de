import { useEffect, useState } from 'react';
import { ApiError } from '../../ui/api/api-error';
import { TandemApi } from '../../ui/api/client';
import { resolveSession } from '../../ui/api/resolve-session';
import type { ClientConfig } from '../../ui/api/client-config';
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
    };

/**
 * The invite resolved to a 1:1 and its session: the Teams meeting's chat id (from the join URL in the body)
 * finds the pair, and the occurrence's current start finds the session (by start or original start, so a
 * moved occurrence keeps its agenda). `reloadKey` re-runs it after the event was linked to a pair.
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
        const target = await resolveSession(api, { chatId: info.chatId, meetingStart: info.start });
        if (!target) {
          const pair = await api.pairByChat(info.chatId);
          return settle({ status: 'no-session', info, api, pairId: pair.id });
        }
        settle({ status: 'ready', info, api, ...target });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return settle({ status: 'not-linked', info, api });
        throw error;
      }
    })().catch((error: unknown) => settle({ status: 'error', error }));
    return () => {
      cancelled = true;
    };
  }, [host, config, reloadKey]);
  return state;
}

/** An Office failure's own message (a refusal from the service is shown with useErrorText instead). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
