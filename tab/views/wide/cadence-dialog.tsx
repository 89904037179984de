import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { Cadence, PairSummary } from '../../../ui/api/types';
import { whenInZone, zonedDate } from './occurrence-logic';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const FREQUENCY_WORDS: Record<Cadence['frequency'], string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
};

/**
 * The organizer changes how often, which day, when, how long and in which time zone the 1:1 meets, from the
 * next meeting on; past meetings stay as they were. The first new meeting's date sets the weekday.
 */
export function CadenceDialog({
  api,
  pair,
  locale,
  onChanged,
}: {
  api: TandemApi;
  pair: PairSummary;
  locale: string | undefined;
  onChanged: (message: string) => void;
}) {
  const styles = useStyles();
  const initial = (): Cadence => ({
    ...pair.cadence,
    startDate: pair.nextSession ? zonedDate(pair.nextSession.start, pair.cadence.timeZone) : pair.cadence.startDate,
  });
  const [open, setOpen] = useState(false);
  const [cadence, setCadence] = useState<Cadence>(initial);
  const [error, setError] = useState('');
  if (pair.role !== (pair.organizedByReport ? 'report' : 'manager')) return null;
  const set = (patch: Partial<Cadence>) => setCadence((c) => ({ ...c, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const changed = await api.changeCadence(pair.id, cadence);
      setOpen(false);
      onChanged(
        `From ${whenInZone(changed.firstStart, changed.cadence.timeZone, locale)} the 1:1 follows its new rhythm.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (d.open) {
          setCadence(initial());
          setError('');
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>Change day, time or rhythm…</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Change the 1:1 with {pair.other.displayName}</DialogTitle>
            <DialogContent className={styles.fields}>
              <Text>From the next meeting on, in Outlook too; the meetings held so far stay as they were.</Text>
              <Field label="How often">
                <Select
                  value={cadence.frequency}
                  onChange={(_, d) => set({ frequency: d.value as Cadence['frequency'] })}
                >
                  {Object.entries(FREQUENCY_WORDS).map(([value, words]) => (
                    <option key={value} value={value}>
                      {words}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="First meeting in the new rhythm" hint="Its weekday becomes the meeting day.">
                <Input
                  type="date"
                  value={cadence.startDate}
                  onChange={(_, d) => set({ startDate: d.value })}
                  required
                />
              </Field>
              <Field label="Time">
                <Input type="time" value={cadence.time} onChange={(_, d) => set({ time: d.value })} required />
              </Field>
              <Field label="Length in minutes" hint="From 15 to 240.">
                <Input
                  type="number"
                  min={15}
                  max={240}
                  step={5}
                  value={String(cadence.durationMinutes)}
                  onChange={(_, d) => set({ durationMinutes: Number(d.value) })}
                  required
                />
              </Field>
              <Field label="Time zone" hint="The zone the day and time are in, such as Europe/Berlin.">
                <Input value={cadence.timeZone} onChange={(_, d) => set({ timeZone: d.value })} required />
              </Field>
              {error && (
                <Text role="alert" size={200}>
                  {error}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                Change from the next meeting
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
