import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairSummary, SessionListItem } from '../../../ui/api/types';
import { isoToZonedInput, statusWords, whenInZone, zonedInputToIso } from './occurrence-logic';

const DAY = 86_400_000;
/** The list reaches this far back (to open past meetings) and ahead (to plan around holidays). */
const BACK_DAYS = 90;
const AHEAD_DAYS = 12 * 7;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: { maxHeight: '320px', overflowY: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  // The text takes the selected pair's colour too: in high contrast the selected background is the highlight.
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, color: tokens.colorNeutralForeground1Selected },
});

type Pending = { readonly kind: 'skip' | 'move'; readonly session: SessionListItem };

/**
 * The 1:1's meetings, a few months back and ahead, in its own time zone: open any one in the agenda; the
 * organizer skips any meeting ahead (after a confirmation, with an undo where the calendar allows it), moves
 * any, or brings a skipped one back.
 */
export function OccurrencesPanel({
  api,
  pair,
  locale,
  openSessionId,
  onOpen,
  onChanged,
}: {
  api: TandemApi;
  pair: PairSummary;
  locale: string | undefined;
  openSessionId: string | undefined;
  onOpen: (sessionId: string) => void;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const zone = pair.cadence.timeZone;
  const organizer = pair.role === 'manager';
  const [sessions, setSessions] = useState<SessionListItem[]>();
  const [pending, setPending] = useState<Pending>();
  const [moveTo, setMoveTo] = useState('');
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<SessionListItem>();
  const [error, setError] = useState('');
  const when = (iso: string) => whenInZone(iso, zone, locale);

  const load = useCallback(async () => {
    const now = Date.now();
    const from = new Date(now - BACK_DAYS * DAY).toISOString();
    const to = new Date(now + AHEAD_DAYS * DAY).toISOString();
    try {
      setSessions(await api.sessions(pair.id, from, to));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, pair.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async (message: string, undoable?: SessionListItem) => {
    setStatus(message);
    setUndo(undoable);
    setError('');
    setPending(undefined);
    await load();
    onChanged();
  };
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const skip = async (session: SessionListItem) => {
    try {
      await api.skip(pair.id, session.id);
      const listed = (
        await api.sessions(
          pair.id,
          session.originalStart,
          new Date(Date.parse(session.originalStart) + 1).toISOString(),
        )
      )[0];
      await changed(
        `Skipped the meeting of ${when(session.start)}: its open topics carry to the next meeting.`,
        listed?.undoable ? listed : undefined,
      );
    } catch (e) {
      fail(e);
    }
  };
  const undoSkip = async (session: SessionListItem) => {
    try {
      const back = await api.undoSkip(pair.id, session.id);
      await changed(`The meeting of ${when(back.start)} is back on.`);
    } catch (e) {
      fail(e);
    }
  };
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!pending || !moveTo) return;
    try {
      const moved = await api.move(pair.id, pending.session.id, zonedInputToIso(moveTo, zone));
      await changed(`Moved to ${when(moved.start)}.`);
    } catch (e) {
      fail(e);
    }
  };

  if (!sessions && !error) return <Spinner size="tiny" label="Loading the meetings…" />;
  return (
    <section className={styles.panel} aria-labelledby={`meetings-${pair.id}`}>
      <h2 id={`meetings-${pair.id}`}>Meetings</h2>
      <Text size={200}>
        Times in {zone}.{' '}
        {organizer
          ? 'Skip or move any meeting ahead; open any meeting to see its agenda.'
          : 'Open any meeting to see its agenda.'}
      </Text>
      <div className={styles.scroll}>
        <Table size="small" aria-label={`Meetings with ${pair.other.displayName}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When ({zone})</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(sessions ?? []).map((s) => {
              const label = when(s.start);
              const ahead = s.status === 'upcoming';
              return (
                <TableRow key={s.id} className={s.id === openSessionId ? styles.current : undefined}>
                  <TableCell>
                    {label}
                    {s.moved && <Text size={200}> (moved from {when(s.originalStart)})</Text>}
                  </TableCell>
                  <TableCell>
                    <Badge
                      appearance="tint"
                      color={
                        s.status === 'skipped' || s.status === 'cancelled'
                          ? 'warning'
                          : ahead
                            ? 'informative'
                            : 'subtle'
                      }
                    >
                      {statusWords(s.status)}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button
                        size="small"
                        aria-label={`Open the meeting of ${label}`}
                        aria-pressed={s.id === openSessionId}
                        onClick={() => onOpen(s.id)}
                      >
                        Open
                      </Button>
                      {organizer && ahead && (
                        <>
                          <Button
                            size="small"
                            aria-label={`Move the meeting of ${label}`}
                            onClick={() => {
                              setMoveTo(isoToZonedInput(s.start, zone));
                              setPending({ kind: 'move', session: s });
                            }}
                          >
                            Move…
                          </Button>
                          <Button
                            size="small"
                            aria-label={`Skip the meeting of ${label}`}
                            onClick={() => setPending({ kind: 'skip', session: s })}
                          >
                            Skip…
                          </Button>
                        </>
                      )}
                      {organizer && s.undoable && (
                        <Button size="small" aria-label={`Undo the skip of ${label}`} onClick={() => void undoSkip(s)}>
                          Undo skip
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <div role="status" aria-live="polite" className={styles.actions}>
        {status && <Text size={200}>{status}</Text>}
        {undo && (
          <Button size="small" appearance="primary" onClick={() => void undoSkip(undo)}>
            Undo
          </Button>
        )}
      </div>
      {error && (
        <Text role="alert" size={200}>
          {error}
        </Text>
      )}
      <Dialog open={pending?.kind === 'skip'} onOpenChange={(_, d) => !d.open && setPending(undefined)}>
        <DialogSurface aria-describedby="skip-explained">
          <DialogBody>
            <DialogTitle>Skip the meeting of {pending && when(pending.session.start)}?</DialogTitle>
            <DialogContent id="skip-explained">
              It is cancelled in the calendar for both of you, and its open topics carry to the next meeting. Where the
              calendar allows it, you can undo this until the meeting's time; Outlook cannot bring a cancelled meeting
              back.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => pending && void skip(pending.session)}>
                Skip meeting
              </Button>
              <Button onClick={() => setPending(undefined)}>Keep it</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={pending?.kind === 'move'} onOpenChange={(_, d) => !d.open && setPending(undefined)}>
        <DialogSurface>
          <form onSubmit={(e) => void move(e)}>
            <DialogBody>
              <DialogTitle>Move the meeting of {pending && when(pending.session.start)}</DialogTitle>
              <DialogContent>
                <Field label={`New date and time (${zone})`} hint="Its agenda moves with it.">
                  <Input type="datetime-local" value={moveTo} onChange={(_, d) => setMoveTo(d.value)} required />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary" disabled={!moveTo}>
                  Move meeting
                </Button>
                <Button onClick={() => setPending(undefined)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
