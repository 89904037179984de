import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TandemApi } from '../../ui/api/client';
import { AgendaPanel } from '../../ui/agenda/agenda-panel';
import type { HostContext } from '../host/host';
import { resolveSession, type SessionTarget } from '../../ui/api/resolve-session';

/** The meeting side panel: the session this meeting is, found from the chat id and the meeting's start. */
export function MeetingPanel({ api, host, search }: { api: TandemApi; host: HostContext; search: URLSearchParams }) {
  const [target, setTarget] = useState<SessionTarget | null>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    resolveSession(api, {
      ...(host.chatId && { chatId: host.chatId }),
      ...(host.meetingStart && { meetingStart: host.meetingStart }),
      ...(search.get('pair') && { pairId: search.get('pair')! }),
      ...(search.get('session') && { sessionId: search.get('session')! }),
    }).then(
      (t) => setTarget(t ?? null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [api, host, search]);
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>This meeting is not a Tandem 1:1 you belong to ({error}).</MessageBarBody>
      </MessageBar>
    );
  if (target === undefined) return <Spinner label="Finding this 1:1…" />;
  if (target === null)
    return (
      <MessageBar intent="info">
        <MessageBarBody>No upcoming session.</MessageBarBody>
      </MessageBar>
    );
  return (
    <AgendaPanel api={api} pairId={target.pairId} sessionId={target.sessionId} locale={host.locale} layout="panel" />
  );
}
