import { useCallback, useEffect, useState } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { Me, PairExport } from '../../../ui/api/types';
import { useErrorText } from '../../../ui/i18n/use-error-text';

export interface PairsData {
  readonly me: Me | undefined;
  /** Each pair's history (the JSON export), by pair id: goals, action items, feedback, past sessions. */
  readonly histories: Readonly<Record<string, PairExport>>;
  readonly error: string | undefined;
  readonly reload: () => Promise<void>;
}

/**
 * Everything the wide tab shows across 1:1s. A person has a handful of 1:1s, so one export per pair is
 * cheaper to build and reason about than new cross-pair endpoints (see docs/decisions.md).
 */
export function usePairs(api: TandemApi): PairsData {
  const [me, setMe] = useState<Me>();
  const [histories, setHistories] = useState<Record<string, PairExport>>({});
  const [error, setError] = useState<string>();
  const errorText = useErrorText();
  const reload = useCallback(async () => {
    try {
      const next = await api.me();
      // Archived 1:1s stay readable: their history is shown too.
      const exports = await Promise.all([...next.pairs, ...next.archived].map((p) => api.exportPair(p.id)));
      setMe(next);
      setHistories(Object.fromEntries(exports.map((e) => [e.pairId, e])));
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, errorText]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { me, histories, error, reload };
}
