import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TandemApi } from '../../ui/api/client';
import { AgendaPanel } from '../../ui/agenda/agenda-panel';
import type { HostContext } from '../host/host';
import { resolveSession, type SessionTarget } from '../../ui/api/resolve-session';
import { useT } from '../../ui/i18n/intl';
import { useErrorText } from '../../ui/i18n/use-error-text';

/** The meeting side panel: the session this meeting is, found from the chat id and the meeting's start. */
export function MeetingPanel({ api, host, search }: { api: TandemApi; host: HostContext; search: URLSearchParams }) {
  const [target, setTarget] = useState<SessionTarget | null>();
  const { t } = useT();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  useEffect(() => {
    resolveSession(api, {
      ...(host.chatId && { chatId: host.chatId }),
      ...(host.meetingStart && { meetingStart: host.meetingStart }),
      ...(search.get('pair') && { pairId: search.get('pair')! }),
      ...(search.get('session') && { sessionId: search.get('session')! }),
    }).then(
      (found) => setTarget(found ?? null),
      (e: unknown) => setError(errorText(e)),
    );
  }, [api, host, search, errorText]);
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('meetingPanel.notYours', { error })}</MessageBarBody>
      </MessageBar>
    );
  if (target === undefined) return <Spinner label={t('meetingPanel.finding')} />;
  if (target === null)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('meetingPanel.noSession')}</MessageBarBody>
      </MessageBar>
    );
  return (
    <AgendaPanel
      api={api}
      pairId={target.pairId}
      sessionId={target.sessionId}
      locale={host.locale}
      layout="panel"
      first={target.first}
    />
  );
}
