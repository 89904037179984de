import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairSummary } from '../../../ui/api/types';
import { localToIso } from './new-pair-logic';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** The organizer moves or skips the next occurrence; its agenda follows (a skip carries topics on). */
export function ScheduleControls({
  api,
  pair,
  onChanged,
}: {
  api: TandemApi;
  pair: PairSummary;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const next = pair.nextSession;
  const [when, setWhen] = useState('');
  const [status, setStatus] = useState('');
  if (!next || pair.role !== 'manager') return null;
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!when) return;
    try {
      await api.move(pair.id, next.id, localToIso(when));
      setStatus(`Moved to ${new Date(when).toLocaleString()}`);
      onChanged();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  const skip = async () => {
    try {
      await api.skip(pair.id, next.id);
      setStatus('Skipped: its open topics carry to the next session');
      onChanged();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className={styles.row} onSubmit={move} aria-label="Move or skip the next session">
      <Field label="Move the next session to">
        <Input type="datetime-local" value={when} onChange={(_, d) => setWhen(d.value)} />
      </Field>
      <Button type="submit" disabled={!when}>
        Move
      </Button>
      <Button onClick={() => void skip()}>Skip next session</Button>
      <Text role="status" size={200}>
        {status}
      </Text>
    </form>
  );
}
