import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { TandemApi } from '../../ui/api/client';
import type { ClientConfig } from '../../ui/api/client-config';
import { useHostErrorText } from './use-host-error-text';
import { useT } from '../../ui/i18n/intl';
import { meetingTabUrl } from '../logic/tab-link';
import type { AppointmentInfo, OfficeHost } from '../office/office-host';
import { InviteAgenda } from './invite-agenda';
import { useInsertAgenda } from './use-insert-agenda';
import { useInvite } from './use-invite';

// Most invites are 1:1s already; the form that makes one is fetched only for those that are not.
const LinkEvent = lazy(() => import('./link-event').then((m) => ({ default: m.LinkEvent })));

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: '100vh' },
  invite: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
});

export interface TaskPaneProps {
  readonly host: OfficeHost;
  readonly config: ClientConfig;
}

/**
 * The add-in's task pane: the invite's 1:1 agenda, and for the organizer editing it, the invite actions.
 * Rendered inside a LocaleProvider (index.tsx) with Outlook's display language.
 */
export function TaskPane({ host, config }: TaskPaneProps) {
  const styles = useStyles();
  const { t } = useT();
  const errorText = useHostErrorText();
  const [linked, setLinked] = useState(0);
  const state = useInvite(host, config, linked);
  if (state.status === 'loading') return <Spinner label={t('addin.reading')} />;
  if (state.status === 'error')
    return (
      <main className={styles.invite} aria-label="Tandem">
        <MessageBar intent="error">
          <MessageBarBody>{errorText(state.error)}</MessageBarBody>
        </MessageBar>
      </main>
    );
  if (state.status === 'not-linked')
    return (
      <Suspense fallback={<Spinner label={t('addin.reading')} />}>
        <LinkEvent api={state.api} info={state.info} onLinked={() => setLinked((n) => n + 1)} />
      </Suspense>
    );
  if (state.status === 'no-session')
    return (
      <main className={styles.invite} aria-label="Tandem">
        <MessageBar intent="info">
          <MessageBarBody>{t('addin.noSession')}</MessageBarBody>
        </MessageBar>
      </main>
    );
  const teamsUrl = meetingTabUrl({
    chatId: state.info.chatId ?? '',
    ...(config.teamsAppId && { teamsAppId: config.teamsAppId }),
    origin: window.location.origin,
  });
  return (
    <div className={styles.pane}>
      <InviteAgenda
        api={state.api}
        pairId={state.pairId}
        sessionId={state.sessionId}
        first={state.first}
        inviteStart={state.info.start}
        teamsUrl={teamsUrl}
        actions={
          <InviteActions
            host={host}
            info={state.info}
            api={state.api}
            pairId={state.pairId}
            sessionId={state.sessionId}
            config={config}
          />
        }
      />
    </div>
  );
}

interface InviteActionsProps {
  readonly host: OfficeHost;
  readonly info: AppointmentInfo;
  readonly api: TandemApi;
  readonly pairId: string;
  readonly sessionId: string;
  readonly config: ClientConfig;
}

/** The organizer editing the invite can put the agenda into it; everyone else is told where topics go. */
function InviteActions({ host, info, api, pairId, sessionId, config }: InviteActionsProps) {
  const styles = useStyles();
  const { t, locale } = useT();
  // The organizer inserts the agenda: in the organizer's language (Outlook's), which is this pane's.
  const target = useMemo(
    () => ({
      api,
      pairId,
      sessionId,
      chatId: info.chatId ?? '',
      start: info.start,
      teamsAppId: config.teamsAppId,
      locale,
    }),
    [api, pairId, sessionId, info.chatId, info.start, config.teamsAppId, locale],
  );
  const { insert, busy, outcome } = useInsertAgenda(host, target);
  if (info.mode !== 'compose' || info.role !== 'organizer')
    return (
      <section className={styles.invite} aria-label={t('addin.about')}>
        <Text size={200}>{t(info.role === 'attendee' ? 'addin.attendeeHint' : 'addin.editHint')}</Text>
      </section>
    );
  return (
    <section className={styles.invite} aria-label={t('addin.invite')}>
      <Button appearance="primary" onClick={() => void insert()} disabled={busy}>
        {busy ? t('addin.inserting') : t('addin.insert')}
      </Button>
      <div role="status" aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.intent}>
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
