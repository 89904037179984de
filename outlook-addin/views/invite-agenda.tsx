import { Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, CircleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { LIMITS } from '../../core/contract/limits';
import { topicSections } from '../../ui/agenda/agenda-logic';
import { useAgendaStrings } from '../../ui/agenda/agenda-strings';
import { InlineAddRow } from '../../ui/agenda/inline-add-row';
import { useSectionHeading } from '../../ui/templates/section-prompts';
import { useAgendaActions } from '../../ui/agenda/use-agenda-actions';
import type { TandemApi } from '../../ui/api/client';
import type { AgendaRead } from '../../ui/api/resolve-session';
import { useAgenda } from '../../ui/hooks/use-agenda';
import { useT } from '../../ui/i18n/intl';

const useStyles = makeStyles({
  agenda: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  section: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  topic: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  icon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground3 },
  done: { flexShrink: 0, marginTop: '2px', color: tokens.colorPaletteGreenForeground1 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  discussed: { overflowWrap: 'anywhere', textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  quiet: { color: tokens.colorNeutralForeground2 },
});

export interface InviteAgendaProps {
  readonly api: TandemApi;
  readonly pairId: string;
  readonly sessionId: string;
  /** The agenda the invite's look-up answered with, shown without a read of its own. */
  readonly first?: AgendaRead;
  /** The invite's start as Outlook has it: when Tandem moved the occurrence elsewhere, the pane says so. */
  readonly inviteStart?: string;
  /** The full agenda in Teams (outlook-addin/logic/tab-link.ts). */
  readonly teamsUrl: string;
  /** What the invite offers around its agenda (insert, attach), for an occurrence that takes place. */
  readonly actions: ReactNode;
}

/**
 * What belongs in an invite (issue 15): the occurrence's topics, who raised them, open or discussed, a row
 * to add one, and the way to the full agenda in Teams. Check-in, notes, feedback and the rating stay in
 * Teams. Live like the tab: a topic added in Teams shows here.
 */
export function InviteAgenda({ api, pairId, sessionId, first, inviteStart, teamsUrl, actions }: InviteAgendaProps) {
  const styles = useStyles();
  const { t, locale } = useT();
  const S = useAgendaStrings();
  const headingOf = useSectionHeading();
  const state = useAgenda(api, pairId, sessionId, first);
  const { error, actions: act } = useAgendaActions(api, state);
  const { agenda } = state;
  if (!agenda) {
    if (state.error)
      return (
        <MessageBar intent="error">
          <MessageBarBody>{t('addin.agenda.loadFailed', { reason: state.error.message })}</MessageBarBody>
        </MessageBar>
      );
    return <Spinner label={t('addin.reading')} />;
  }
  const other = agenda.viewer.role === 'manager' ? agenda.report : agenda.manager;
  const people = [agenda.manager, agenda.report];
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  const off = agenda.status === 'skipped' || agenda.status === 'cancelled';
  const moved = inviteStart !== undefined && !off && Date.parse(agenda.start) !== Date.parse(inviteStart);
  const sections = topicSections(agenda).filter((s) => s.topics.length > 0);
  const readOnly = off || agenda.status === 'held';
  return (
    <>
      {!off && actions}
      <main className={styles.agenda} aria-label={t('addin.agenda.title', { name: other.displayName })}>
        <h1 className={styles.heading}>{t('addin.agenda.title', { name: other.displayName })}</h1>
        <Text size={200}>{when(agenda.start)}</Text>
        {off && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t(agenda.status === 'skipped' ? 'addin.occurrence.skipped' : 'addin.occurrence.cancelled')}
            </MessageBarBody>
          </MessageBar>
        )}
        {moved && (
          <MessageBar intent="info">
            <MessageBarBody>{t('addin.occurrence.moved', { date: when(agenda.start) })}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!off && sections.length === 0 && (
          <Text size={200} className={styles.quiet}>
            {t('addin.agenda.empty')}
          </Text>
        )}
        {!off &&
          sections
            .map((section) => ({ ...section, title: headingOf({ ...section, title: S.sectionTitle(section) }) }))
            .map((s) => (
              <section key={s.id} aria-labelledby={`invite-section-${s.id}`}>
                <h2 className={styles.section} id={`invite-section-${s.id}`}>
                  {s.title}
                </h2>
                <ul className={styles.list} aria-label={t('addin.agenda.topicsOf', { section: s.title })}>
                  {s.topics.map((topic) => (
                    <li key={topic.id} className={styles.topic} data-testid="invite-topic">
                      {topic.discussed ? (
                        <CheckmarkCircleRegular className={styles.done} aria-hidden />
                      ) : (
                        <CircleRegular className={styles.icon} aria-hidden />
                      )}
                      <span className={styles.text}>
                        <Text className={topic.discussed ? styles.discussed : styles.title}>{topic.title}</Text>
                        <Text size={200} className={styles.quiet}>
                          {topic.discussed ? t('addin.agenda.discussed') : t('addin.agenda.open')} ·{' '}
                          {t('addin.agenda.raisedBy', { name: nameOf(topic.authorId) })}
                        </Text>
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        {!readOnly && act && (
          <InlineAddRow
            label={t('addin.agenda.newTopic')}
            placeholder={t('addin.agenda.placeholder')}
            buttonLabel={t('addin.agenda.addTopic')}
            emptyMessage={t('addin.agenda.typeFirst')}
            maxLength={LIMITS.title}
            onAdd={(title) => act.addTopic(title, 'topics')}
          />
        )}
        <Link href={teamsUrl} target="_blank" rel="noopener noreferrer">
          {t('addin.agenda.openInTeams')}
        </Link>
        <Text size={200} className={styles.quiet}>
          {t('addin.agenda.inTeams')}
        </Text>
      </main>
    </>
  );
}
