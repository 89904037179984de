import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../../ui/api/api-error';
import type { TandemApi } from '../../../ui/api/client';
import type { Person } from '../../../ui/api/types';
import { FREQUENCIES, WEEKDAYS, type Frequency, type Weekday } from '../../../core/model/cadence';
import { firstDateOn } from './new-pair-logic';
import { useT } from '../../../ui/i18n/intl';
import { useErrorText } from '../../../ui/i18n/use-error-text';

/** A weekday's name in the reader's locale (1 January 2024 was a Monday). */
const dayName = (weekday: Weekday, locale: string) =>
  new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(weekday))).toLocaleDateString(locale, {
    weekday: 'long',
    timeZone: 'UTC',
  });

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
});

/** A manager starts a 1:1: report, cadence, weekday and time; Tandem creates the pair and the series. */
export function NewPairForm({
  api,
  onCreated,
  onOpen,
}: {
  api: TandemApi;
  onCreated: () => void;
  /** Shows an existing 1:1 (the one a duplicate warning names). */
  onOpen: (pairId: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useT();
  const errorText = useErrorText();
  const [reports, setReports] = useState<Person[]>();
  const [reportId, setReportId] = useState('');
  const [frequency, setFrequency] = useState<Frequency>('weekly');
  const [weekday, setWeekday] = useState<Weekday>('TU');
  const [time, setTime] = useState('10:00');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  /** A 1:1 with this report exists already: the warning names it until the manager decides. */
  const [duplicateOf, setDuplicateOf] = useState<string>();
  useEffect(() => {
    void api.reports().then((r) => {
      setReports(r);
      setReportId((id) => id || r[0]?.id || '');
    });
  }, [api]);

  const reportName = reports?.find((r) => r.id === reportId)?.displayName ?? t('newPair.thisPerson');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create(false);
  };

  const create = async (allowDuplicate: boolean) => {
    setDuplicateOf(undefined);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const startDate = firstDateOn(new Date().toISOString().slice(0, 10), weekday);
    try {
      const pair = await api.createPair({
        reportId,
        cadence: { frequency, startDate, time, timeZone, durationMinutes: 30 },
        ...(allowDuplicate && { allowDuplicate: true }),
      });
      setMessage({
        intent: 'success',
        text: t('newPair.created', {
          name: pair.other.displayName,
          date: new Date(`${startDate}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
          time,
        }),
      });
      onCreated();
    } catch (e) {
      const existing =
        e instanceof ApiError && e.code === 'duplicate-pair' && (e.problem.current as { pairId?: string });
      if (existing && existing.pairId) {
        setMessage(undefined);
        setDuplicateOf(existing.pairId);
        return;
      }
      setMessage({ intent: 'error', text: errorText(e) });
    }
  };

  if (reports && reports.length === 0)
    return (
      <MessageBar>
        <MessageBarBody>{t('newPair.noReports')}</MessageBarBody>
      </MessageBar>
    );
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="new-pair-heading">
      <h2 id="new-pair-heading">{t('newPair.heading')}</h2>
      <Field label={t('newPair.report')}>
        <Select
          value={reportId}
          onChange={(_, d) => {
            setReportId(d.value);
            setDuplicateOf(undefined);
          }}
        >
          {(reports ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.displayName}
              {r.jobTitle ? ` — ${r.jobTitle}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('newPair.cadence')}>
        <Select value={frequency} onChange={(_, d) => setFrequency(d.value as Frequency)}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`frequency.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('newPair.weekday')}>
        <Select value={weekday} onChange={(_, d) => setWeekday(d.value as Weekday)}>
          {WEEKDAYS.map((w) => (
            <option key={w} value={w}>
              {dayName(w, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('newPair.time')}>
        <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} required />
      </Field>
      {duplicateOf ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('newPair.duplicate', { name: reportName })}</MessageBarTitle>
            {t('newPair.duplicateBody')}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onOpen(duplicateOf)}>
              {t('newPair.openExisting')}
            </Button>
            <Button onClick={() => void create(true)}>{t('newPair.createAnyway')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Button type="submit" appearance="primary" disabled={!reportId}>
          {t('newPair.submit')}
        </Button>
      )}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
