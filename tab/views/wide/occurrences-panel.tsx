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
import { useT } from '../../../ui/i18n/intl';
import { useErrorText } from '../../../ui/i18n/use-error-text';

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
  const tr = useT();
  const { t } = tr;
  const errorText = useErrorText();
  const zone = pair.cadence.timeZone;
  // Whoever's calendar holds the series moves and skips: the manager, unless the report re-made it.
  const organizer = pair.role === (pair.organizedByReport ? 'report' : 'manager');
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
      setError(errorText(e));
    }
  }, [api, pair.id, errorText]);
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
  const fail = (e: unknown) => setError(errorText(e));

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
      await changed(t('meetings.skipped', { when: when(session.start) }), listed?.undoable ? listed : undefined);
    } catch (e) {
      fail(e);
    }
  };
  const undoSkip = async (session: SessionListItem) => {
    try {
      const back = await api.undoSkip(pair.id, session.id);
      await changed(t('meetings.back', { when: when(back.start) }));
    } catch (e) {
      fail(e);
    }
  };
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!pending || !moveTo) return;
    try {
      const moved = await api.move(pair.id, pending.session.id, zonedInputToIso(moveTo, zone));
      await changed(t('meetings.moved', { when: when(moved.start) }));
    } catch (e) {
      fail(e);
    }
  };

  if (!sessions && !error) return <Spinner size="tiny" label={t('meetings.loading')} />;
  return (
    <section className={styles.panel} aria-labelledby={`meetings-${pair.id}`}>
      <h2 id={`meetings-${pair.id}`}>{t('meetings.heading')}</h2>
      <Text size={200}>
        {t('meetings.zone', { zone })} {organizer ? t('meetings.organizerHint') : t('meetings.hint')}
      </Text>
      <div className={styles.scroll}>
        <Table size="small" aria-label={t('meetings.table', { name: pair.other.displayName })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('meetings.when', { zone })}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.status')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.actions')}</TableHeaderCell>
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
                    {s.moved && <Text size={200}> {t('meetings.movedFrom', { when: when(s.originalStart) })}</Text>}
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
                      {statusWords(s.status, tr)}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button
                        size="small"
                        aria-label={t('meetings.openLabel', { when: label })}
                        aria-pressed={s.id === openSessionId}
                        onClick={() => onOpen(s.id)}
                      >
                        {t('meetings.open')}
                      </Button>
                      {organizer && ahead && (
                        <>
                          <Button
                            size="small"
                            aria-label={t('meetings.moveLabel', { when: label })}
                            onClick={() => {
                              setMoveTo(isoToZonedInput(s.start, zone));
                              setPending({ kind: 'move', session: s });
                            }}
                          >
                            {t('meetings.move')}
                          </Button>
                          <Button
                            size="small"
                            aria-label={t('meetings.skipLabel', { when: label })}
                            onClick={() => setPending({ kind: 'skip', session: s })}
                          >
                            {t('meetings.skip')}
                          </Button>
                        </>
                      )}
                      {organizer && s.undoable && (
                        <Button
                          size="small"
                          aria-label={t('meetings.undoSkipLabel', { when: label })}
                          onClick={() => void undoSkip(s)}
                        >
                          {t('meetings.undoSkip')}
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
            {t('meetings.undo')}
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
            <DialogTitle>{pending && t('meetings.skipTitle', { when: when(pending.session.start) })}</DialogTitle>
            <DialogContent id="skip-explained">{t('meetings.skipBody')}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => pending && void skip(pending.session)}>
                {t('meetings.skipConfirm')}
              </Button>
              <Button onClick={() => setPending(undefined)}>{t('meetings.keep')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={pending?.kind === 'move'} onOpenChange={(_, d) => !d.open && setPending(undefined)}>
        <DialogSurface>
          <form onSubmit={(e) => void move(e)}>
            <DialogBody>
              <DialogTitle>{pending && t('meetings.moveTitle', { when: when(pending.session.start) })}</DialogTitle>
              <DialogContent>
                <Field label={t('meetings.moveTo', { zone })} hint={t('meetings.moveHint')}>
                  <Input type="datetime-local" value={moveTo} onChange={(_, d) => setMoveTo(d.value)} required />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary" disabled={!moveTo}>
                  {t('meetings.moveConfirm')}
                </Button>
                <Button onClick={() => setPending(undefined)}>{t('meetings.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
