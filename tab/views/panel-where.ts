import type { Where } from '../../ui/api/resolve-session';
import type { HostContext } from '../host/host';

/** Which session the side panel shows: a pair and session named in its address, else the meeting Teams names. */
export function panelWhere(host: HostContext, search: URLSearchParams): Where {
  return {
    ...(host.chatId && { chatId: host.chatId }),
    ...(host.meetingStart && { meetingStart: host.meetingStart }),
    ...(search.get('pair') && { pairId: search.get('pair')! }),
    ...(search.get('session') && { sessionId: search.get('session')! }),
  };
}
