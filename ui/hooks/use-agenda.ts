import { useCallback, useEffect, useRef, useState } from 'react';
import type { TandemApi } from '../api/client';
import type { AgendaRead } from '../api/resolve-session';
import type { AgendaView, PairChange } from '../api/types';
import { LiveChannel, type LiveState } from '../live/live-channel';

export interface AgendaState {
  readonly agenda: AgendaView | undefined;
  readonly error: Error | undefined;
  readonly live: LiveState;
  /** The last change someone else made, for the aria-live region. */
  readonly announcement: string;
  readonly reload: () => Promise<void>;
  /** Show a local change at once; the next reload replaces it with the service's truth. */
  readonly setAgenda: (update: (agenda: AgendaView) => AgendaView) => void;
}

const KIND_WORDS: Partial<Record<PairChange['kind'], string>> = {
  topics: 'the topics',
  notes: 'the shared notes',
  actions: 'the next steps',
  'check-in': 'the check-in',
  feedback: 'the feedback',
  session: 'the session',
  schedule: 'the schedule',
};

const namesOf = (agenda: AgendaView) => ({
  [agenda.manager.id]: agenda.manager.displayName,
  [agenda.report.id]: agenda.report.displayName,
});

/**
 * A session's agenda kept current: loaded once, then re-read (with its ETag) whenever the pair changes.
 * `first`: the agenda already read with its ETag (the meeting's look-up answers it), shown without a read.
 */
export function useAgenda(api: TandemApi, pairId: string, sessionId: string, first?: AgendaRead): AgendaState {
  const seed = first?.agenda.pairId === pairId && first.agenda.sessionId === sessionId ? first : undefined;
  const [agenda, setAgendaState] = useState<AgendaView | undefined>(seed?.agenda);
  const [error, setError] = useState<Error>();
  const [live, setLive] = useState<LiveState>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const etag = useRef<string | undefined>(seed?.etag);
  const names = useRef<Record<string, string>>(seed ? namesOf(seed.agenda) : {});
  const viewer = useRef<string | undefined>(seed?.agenda.viewer.id);
  /** The session whose agenda came with `first`, until another session is shown. */
  const seededFor = useRef(seed && `${pairId}/${sessionId}`);

  const reload = useCallback(async () => {
    try {
      const result = await api.agenda(pairId, sessionId, etag.current);
      if (result.notModified) return;
      etag.current = result.etag;
      names.current = namesOf(result.value);
      viewer.current = result.value.viewer.id;
      setAgendaState(result.value);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [api, pairId, sessionId]);

  useEffect(() => {
    const seeded = seededFor.current === `${pairId}/${sessionId}`;
    if (!seeded) {
      seededFor.current = undefined;
      etag.current = undefined;
      void reload();
    }
    // A seeded agenda was read before this stream began: once it is live, one re-read by its ETag (304 when
    // nothing changed) catches what changed in between.
    let caughtUp = !seeded;
    const channel = new LiveChannel({
      url: () => api.eventsUrl(pairId),
      refresh: () => void reload(),
      onState: (state) => {
        setLive(state);
        if (state !== 'live' || caughtUp) return;
        caughtUp = true;
        void reload();
      },
      onChange: (change) => {
        if (change.sessionId && change.sessionId !== sessionId && change.kind !== 'actions') return;
        void reload().then(() => {
          const who = names.current[change.by];
          const what = KIND_WORDS[change.kind];
          // Only the other person's changes: your own are already on your screen.
          if (who && what && change.by !== viewer.current && change.onlyFor === undefined)
            setAnnouncement(`${who} updated ${what}`);
        });
      },
    });
    channel.open();
    return () => channel.close();
  }, [api, pairId, sessionId, reload]);

  const setAgenda = useCallback((update: (a: AgendaView) => AgendaView) => {
    setAgendaState((current) => (current ? update(current) : current));
  }, []);

  return { agenda, error, live, announcement, reload, setAgenda };
}
