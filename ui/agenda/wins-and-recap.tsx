import { dateFormat } from '../../core/i18n/date-format';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { RecapGoals } from '../goals/recap-goals';
import { LIMITS } from '../../core/contract/limits';
import type { AgendaView } from '../api/types';
import { useAgendaStrings } from './agenda-strings';
import { InlineAddRow } from './inline-add-row';
import { LinkifiedText } from './linkified-text';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface WinsProps {
  readonly agenda: AgendaView;
  readonly nameOf: (id: string) => string;
  readonly readOnly: boolean;
  readonly onAdd: (text: string) => Promise<void>;
}

/** What went well since last time: "celebrate small wins", noted by either person, shown in the recap. */
export function Wins({ agenda, nameOf, readOnly, onAdd }: WinsProps) {
  const S = useAgendaStrings();
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <h3 className={styles.heading}>{S.wins}</h3>
      {agenda.wins.length > 0 && (
        <ul className={styles.list} aria-label={S.wins}>
          {agenda.wins.map((w) => (
            <li key={w.id}>
              <LinkifiedText text={w.text} />{' '}
              <Text size={200} className={styles.muted}>
                ({nameOf(w.authorId)})
              </Text>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <InlineAddRow
          label={S.newWin}
          placeholder={S.newWin}
          buttonLabel={S.addWin}
          emptyMessage={S.newWin}
          maxLength={LIMITS.line}
          onAdd={onAdd}
        />
      )}
    </div>
  );
}

/** After the meeting: what the bot posts, on the tab too — discussed, wins, where the time went, commitments. */
export function RecapView({
  agenda,
  nameOf,
  locale,
}: {
  agenda: AgendaView;
  nameOf: (id: string) => string;
  locale?: string;
}) {
  const S = useAgendaStrings();
  const styles = useStyles();
  const recap = agenda.recap;
  if (!recap) return null;
  const percent = recap.time.reportShare === undefined ? undefined : Math.round(recap.time.reportShare * 100);
  return (
    <div className={styles.box} data-testid="recap">
      {recap.discussed.length > 0 && (
        <>
          <h3 className={styles.heading}>{S.discussed}</h3>
          <ul className={styles.list}>
            {recap.discussed.map((t) => (
              <li key={t.id}>{t.title}</li>
            ))}
          </ul>
        </>
      )}
      {recap.wins.length > 0 && (
        <>
          <h3 className={styles.heading}>{S.wins}</h3>
          <ul className={styles.list}>
            {recap.wins.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <RecapGoals recap={recap} className={styles.heading} />
      <h3 className={styles.heading}>{S.timeSpent}</h3>
      {recap.time.topics.length > 0 ? (
        <>
          <ul className={styles.list} aria-label={S.timeSpent}>
            {recap.time.topics.map((t) => (
              <li key={t.id}>
                {t.title}: {S.minutesSpent(t.seconds)}
              </li>
            ))}
          </ul>
          {percent !== undefined && <Text size={200}>{S.reportShare(agenda.report.displayName, percent)}</Text>}
        </>
      ) : (
        <Text size={200} className={styles.muted}>
          {S.noTimeRecorded}
        </Text>
      )}
      {recap.carriedForward.length > 0 && (
        <>
          <h3 className={styles.heading}>{S.carriedForward}</h3>
          <ul className={styles.list}>
            {recap.carriedForward.map((t) => (
              <li key={t.id}>{t.title}</li>
            ))}
          </ul>
        </>
      )}
      {recap.actionItems.length > 0 && (
        <>
          <h3 className={styles.heading}>{S.actionItems}</h3>
          <ul className={styles.list}>
            {recap.actionItems.map((a) => (
              <li key={a.id}>
                {a.text}: {nameOf(a.ownerId)}, {S.due.toLowerCase()} {a.due}
              </li>
            ))}
          </ul>
        </>
      )}
      {recap.nextSessionStart && (
        <Text size={200}>
          {S.nextSession(
            dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(recap.nextSessionStart)),
          )}
        </Text>
      )}
    </div>
  );
}
