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

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const FREQUENCY_NAMES: Record<Frequency, string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
};

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

  const reportName = reports?.find((r) => r.id === reportId)?.displayName ?? 'this person';
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
        text: `1:1 with ${pair.other.displayName} scheduled from ${startDate} at ${time}.`,
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
      setMessage({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  if (reports && reports.length === 0)
    return (
      <MessageBar>
        <MessageBarBody>
          You have no direct reports to start a 1:1 with. When someone joins your team in your organisation&apos;s
          directory, they appear here.
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="new-pair-heading">
      <h2 id="new-pair-heading">New 1:1</h2>
      <Field label="Report">
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
      <Field label="Cadence">
        <Select value={frequency} onChange={(_, d) => setFrequency(d.value as Frequency)}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_NAMES[f]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Weekday">
        <Select value={weekday} onChange={(_, d) => setWeekday(d.value as Weekday)}>
          {WEEKDAYS.map((w) => (
            <option key={w} value={w}>
              {DAY_NAMES[w]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Time">
        <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} required />
      </Field>
      {duplicateOf ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>You already have a 1:1 with {reportName}.</MessageBarTitle>A second one makes a second
            meeting series. Usually you want the existing one.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onOpen(duplicateOf)}>
              Open the existing 1:1
            </Button>
            <Button onClick={() => void create(true)}>Create another anyway</Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Button type="submit" appearance="primary" disabled={!reportId}>
          Create the 1:1 and schedule it
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
