import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../ui/api/api-error';
import type { TandemApi } from '../../ui/api/client';
import type { Person } from '../../ui/api/types';
import { useT } from '../../ui/i18n/intl';
import { FREQUENCIES, type Frequency } from '../../core/model/cadence';
import { cadenceFromEvent } from '../logic/cadence-from-event';
import type { AppointmentInfo } from '../office/office-host';
import { useHostErrorText } from './use-host-error-text';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface LinkEventProps {
  readonly api: TandemApi;
  readonly info: AppointmentInfo;
  readonly onLinked: () => void;
}

/** An event that is not (yet) a Tandem 1:1: its organizer can make it one with a direct report. */
export function LinkEvent({ api, info, onLinked }: LinkEventProps) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <main className={styles.page} aria-label="Tandem">
      <h1 className={styles.heading}>{t('addin.link.heading')}</h1>
      {info.role === 'attendee' ? (
        <Text>{t('addin.link.attendee')}</Text>
      ) : info.chatId ? (
        <LinkForm api={api} info={info} onLinked={onLinked} />
      ) : (
        <Text>{t('addin.link.needsTeams')}</Text>
      )}
    </main>
  );
}

function LinkForm({ api, info, onLinked }: LinkEventProps) {
  const [reports, setReports] = useState<Person[]>();
  const [reportId, setReportId] = useState('');
  const [frequency, setFrequency] = useState<Frequency>('weekly');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // A 1:1 with this report exists already: the person decides whether this event makes a second one.
  const [duplicate, setDuplicate] = useState(false);
  const { t } = useT();
  const errorText = useHostErrorText();

  useEffect(() => {
    api.reports().then(
      (list) => {
        setReports(list);
        // The report this event invites; with no attendee list to go by, the first report.
        setReportId((current) => current || invitedReport(list, info.attendees)?.id || '');
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [api, info.attendees, errorText]);

  const submit = async (event: FormEvent, allowDuplicate = false) => {
    event.preventDefault();
    setBusy(true);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      await api.linkPair({
        reportId,
        cadence: cadenceFromEvent(info, frequency, timeZone),
        chatId: info.chatId!,
        ...(info.joinUrl && { joinUrl: info.joinUrl }),
        // The series master's id; a single event's own id (Graph reads the event behind it to adopt it).
        ...((info.seriesId ?? info.itemId) && { seriesId: info.seriesId ?? info.itemId }),
        ...(info.attendees && { attendees: info.attendees }),
        ...(allowDuplicate && { allowDuplicate }),
      });
      onLinked();
    } catch (e) {
      setDuplicate(e instanceof ApiError && e.code === 'duplicate-pair');
      setError(errorText(e));
      setBusy(false);
    }
  };

  if (!reports && !error) return <Spinner label={t('addin.link.finding')} />;
  if (reports?.length === 0) return <Text>{t('addin.link.noReports')}</Text>;
  if (reports && !invitedReport(reports, info.attendees)) return <Text>{t('addin.link.notInvited')}</Text>;
  return (
    <form onSubmit={submit} aria-label={t('addin.link.form')}>
      <Text as="p">{t('addin.link.intro')}</Text>
      <Field label={t('addin.link.report')}>
        <Select value={reportId} onChange={(_, d) => setReportId(d.value)}>
          {invitedReports(reports ?? [], info.attendees).map((r) => (
            <option key={r.id} value={r.id}>
              {r.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('addin.link.frequency')}>
        <Select value={frequency} onChange={(_, d) => setFrequency(d.value as Frequency)}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`frequency.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        type="submit"
        appearance="primary"
        disabled={busy || !reportId}
        style={{ marginTop: tokens.spacingVerticalM }}
      >
        {t('addin.link.submit')}
      </Button>
      {duplicate && (
        <Button
          disabled={busy}
          style={{ marginTop: tokens.spacingVerticalM, marginInlineStart: tokens.spacingHorizontalS }}
          onClick={(e) => void submit(e, true)}
        >
          {t('addin.link.createAnyway')}
        </Button>
      )}
    </form>
  );
}

/** The direct reports this event invites (all of them when Outlook does not tell the attendees). */
export function invitedReports(reports: readonly Person[], attendees: readonly string[] | undefined): Person[] {
  if (!attendees) return [...reports];
  const invited = new Set(attendees.map((a) => a.toLowerCase()));
  return reports.filter((r) => r.email && invited.has(r.email.toLowerCase()));
}

function invitedReport(reports: readonly Person[], attendees: readonly string[] | undefined): Person | undefined {
  return invitedReports(reports, attendees)[0];
}
