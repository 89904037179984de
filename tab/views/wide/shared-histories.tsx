import { Button, Card, CardHeader, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairExport, SharedHistoryRef } from '../../../ui/api/types';
import { useT } from '../../../ui/i18n/intl';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  heading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * For a new manager: the earlier 1:1s their reports chose to share with them, read-only (docs/pair-lifecycle.md).
 * Nothing shows when nothing is shared.
 */
export function SharedHistories({ api }: { api: TandemApi }) {
  const styles = useStyles();
  const { t } = useT();
  const [refs, setRefs] = useState<SharedHistoryRef[]>([]);
  useEffect(() => {
    api.sharedHistories().then(setRefs, () => setRefs([]));
  }, [api]);
  if (refs.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="shared-histories-title">
      <h2 id="shared-histories-title" className={styles.title}>
        {t('continuity.shared.title')}
      </h2>
      {refs.map((ref) => (
        <SharedHistory key={ref.pairId} api={api} shared={ref} />
      ))}
    </section>
  );
}

function SharedHistory({ api, shared }: { api: TandemApi; shared: SharedHistoryRef }) {
  const styles = useStyles();
  const { t, locale } = useT();
  const [open, setOpen] = useState(false);
  const [record, setRecord] = useState<PairExport | 'gone'>();
  const names = { report: shared.report.displayName, manager: shared.manager.displayName };
  const toggle = () => {
    setOpen(!open);
    if (!open && !record) api.sharedHistory(shared.pairId).then(setRecord, () => setRecord('gone'));
  };
  const held = record && record !== 'gone' ? record.sessions.filter((s) => s.status === 'held') : [];
  return (
    <Card>
      <CardHeader
        header={<Text weight="semibold">{t('continuity.shared.item', names)}</Text>}
        description={<Text size={200}>{t('continuity.shared.explain', names)}</Text>}
        action={
          <Button onClick={toggle} aria-expanded={open}>
            {t(open ? 'continuity.shared.close' : 'continuity.shared.open')}
          </Button>
        }
      />
      {open && !record && <Spinner size="tiny" label={t('continuity.shared.loading')} />}
      {open && record === 'gone' && <Text>{t('continuity.shared.gone')}</Text>}
      {open && record && record !== 'gone' && (
        <div>
          <h3 className={styles.heading}>{t('continuity.shared.goals')}</h3>
          <ul className={styles.list}>
            {record.goals.map((g) => (
              <li key={g.id}>{t('continuity.carryOver.item', { kind: g.kind, title: g.title })}</li>
            ))}
          </ul>
          <h3 className={styles.heading}>{t('continuity.shared.meetings')}</h3>
          {held.map((s) => (
            <div key={s.id}>
              <Text weight="semibold">
                {new Date(s.heldAt ?? s.start).toLocaleDateString(locale, { dateStyle: 'long' })}
              </Text>
              {s.topics.length === 0 && s.sharedNotes.length === 0 ? (
                <Text block size={200}>
                  {t('continuity.shared.nothing')}
                </Text>
              ) : (
                <ul className={styles.list}>
                  {s.topics.map((topic) => (
                    <li key={topic.id}>{topic.title}</li>
                  ))}
                  {s.sharedNotes.map((n) => (
                    <li key={n.id}>
                      {t('continuity.shared.notes')}: {n.text}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
