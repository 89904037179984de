import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { Goal, Me } from '../../../ui/api/types';
import { useT } from '../../../ui/i18n/intl';
import { LoadingSpinner } from '../../../ui/forms/loading-spinner';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Proposal = Me['proposals'][number];

/**
 * The report, once their new 1:1 exists, picks which open goals and development items of the earlier 1:1 go
 * on there (docs/pair-lifecycle.md). Nothing is picked for them; only what they pick is copied.
 */
export function CarryOverPanel({
  api,
  proposal,
  onDone,
}: {
  api: TandemApi;
  proposal: Proposal & { newPairId: string };
  onDone: () => void;
}) {
  const styles = useStyles();
  const { t } = useT();
  const [open, setOpen] = useState<Goal[]>();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [carried, setCarried] = useState<number>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = proposal.manager.displayName;
  const listId = useId();

  useEffect(() => {
    api
      .overview(proposal.fromPairId)
      .then((o) => setOpen(o.goals.filter((g) => g.status === 'active')))
      .catch(() => setOpen([]));
  }, [api, proposal.fromPairId]);

  const toggle = (id: string, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const carry = async () => {
    setBusy(true);
    try {
      const ids = (open ?? []).filter((g) => picked.has(g.id)).map((g) => g.id);
      await api.carryOver(proposal.newPairId, proposal.fromPairId, ids);
      setCarried(ids.length);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const finish = () => void api.dismissProposal(proposal.fromPairId).then(onDone, onDone);

  return (
    <MessageBar intent={carried === undefined ? 'info' : 'success'} layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t('continuity.carryOver.title', { name })}</MessageBarTitle>
        {carried !== undefined ? (
          <span role="status">{t('continuity.carryOver.done', { count: carried, name })}</span>
        ) : !open ? (
          <LoadingSpinner size="tiny" />
        ) : open.length === 0 ? (
          <span>{t('continuity.carryOver.none')}</span>
        ) : (
          <>
            <span>{t('continuity.carryOver.intro')}</span>
            {/* Not a Fluent Field: it would give every checkbox in it the same id. */}
            <Text weight="semibold" id={listId}>
              {t('continuity.carryOver.list')}
            </Text>
            <div className={styles.list} role="group" aria-labelledby={listId}>
              {open.map((g) => (
                <Checkbox
                  key={g.id}
                  checked={picked.has(g.id)}
                  onChange={(_, d) => toggle(g.id, d.checked === true)}
                  label={t('continuity.carryOver.item', { kind: g.kind, title: g.title })}
                />
              ))}
            </div>
            {failed && <span role="alert">{t('continuity.carryOver.failed')}</span>}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {carried === undefined && open && open.length > 0 && (
          <Button appearance="primary" disabled={picked.size === 0 || busy} onClick={() => void carry()}>
            {t('continuity.carryOver.submit', { count: picked.size })}
          </Button>
        )}
        <Button onClick={finish}>{t('continuity.carryOver.finish')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
