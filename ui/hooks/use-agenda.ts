import { useCallback, useEffect, useRef, useState } from 'react';
import type { TandemApi } from '../api/client';
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

/** A session's agenda kept current: loaded once, then re-read (with its ETag) whenever the pair changes. */
export function useAgenda(api: TandemApi, pairId: string, sessionId: string): AgendaState {
  const [agenda, setAgendaState] = useState<AgendaView>();
  const [error, setError] = useState<Error>();
  const [live, setLive] = useState<LiveState>('connecting');
  const [announcement, setAnnouncement] = useState('');
  const etag = useRef<string | undefined>(undefined);
  const names = useRef<Record<string, string>>({});
  const viewer = useRef<string | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      const result = await api.agenda(pairId, sessionId, etag.current);
      if (result.notModified) return;
      etag.current = result.etag;
      names.current = {
        [result.value.manager.id]: result.value.manager.displayName,
        [result.value.report.id]: result.value.report.displayName,
      };
      viewer.current = result.value.viewer.id;
      setAgendaState(result.value);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [api, pairId, sessionId]);

  useEffect(() => {
    etag.current = undefined;
    void reload();
    const channel = new LiveChannel({
      url: () => api.eventsUrl(pairId),
      refresh: () => void reload(),
      onState: setLive,
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
