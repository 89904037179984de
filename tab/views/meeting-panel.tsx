import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TandemApi } from '../../ui/api/client';
import { AgendaPanel } from '../../ui/agenda/agenda-panel';
import type { HostContext } from '../host/host';
import { resolveSession, type SessionTarget } from '../../ui/api/resolve-session';
import type { TrackedPromise } from '../tracked-promise';
import { panelWhere } from './panel-where';
import { useT } from '../../ui/i18n/intl';
import { useErrorText } from '../../ui/i18n/use-error-text';

export interface MeetingPanelProps {
  readonly api: TandemApi;
  readonly host: HostContext;
  readonly search: URLSearchParams;
  /** The look-up already started for this host as soon as Teams answered (`tab/index.tsx`). */
  readonly firstLookUp?: TrackedPromise<SessionTarget | undefined>;
}

/** The meeting side panel: the session this meeting is, found from the chat id and the meeting's start. */
export function MeetingPanel({ api, host, search, firstLookUp }: MeetingPanelProps) {
  const { t } = useT();
  const errorText = useErrorText();
  // Answered before the first render: shown in it (the same answer set again below changes nothing).
  const known = firstLookUp?.outcome;
  const [target, setTarget] = useState<SessionTarget | null | undefined>(() =>
    known && 'value' in known ? (known.value ?? null) : undefined,
  );
  const [error, setError] = useState(() => (known && 'error' in known ? errorText(known.error) : undefined));
  useEffect(() => {
    (firstLookUp?.promise ?? resolveSession(api, panelWhere(host, search))).then(
      (found) => setTarget(found ?? null),
      (e: unknown) => setError(errorText(e)),
    );
  }, [api, host, search, firstLookUp, errorText]);
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
