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
import { useT } from '../../../ui/i18n/intl';
import { useErrorText } from '../../../ui/i18n/use-error-text';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const FREQUENCIES: ReadonlyArray<Cadence['frequency']> = ['weekly', 'biweekly', 'monthly'];

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
  const { t } = useT();
  const errorText = useErrorText();
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
      onChanged(t('cadence.changed', { when: whenInZone(changed.firstStart, changed.cadence.timeZone, locale) }));
    } catch (e) {
      setError(errorText(e));
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
        <Button>{t('cadence.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t('cadence.title', { name: pair.other.displayName })}</DialogTitle>
            <DialogContent className={styles.fields}>
              <Text>{t('cadence.intro')}</Text>
              <Field label={t('cadence.frequency')}>
                <Select
                  value={cadence.frequency}
                  onChange={(_, d) => set({ frequency: d.value as Cadence['frequency'] })}
                >
                  {FREQUENCIES.map((value) => (
                    <option key={value} value={value}>
                      {t(`frequency.${value}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t('cadence.first')} hint={t('cadence.firstHint')}>
                <Input
                  type="date"
                  value={cadence.startDate}
                  onChange={(_, d) => set({ startDate: d.value })}
                  required
                />
              </Field>
              <Field label={t('cadence.time')}>
                <Input type="time" value={cadence.time} onChange={(_, d) => set({ time: d.value })} required />
              </Field>
              <Field label={t('cadence.length')} hint={t('cadence.lengthHint')}>
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
              <Field label={t('cadence.zone')} hint={t('cadence.zoneHint')}>
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
                {t('cadence.submit')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('cadence.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
