import { Badge, Card, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairExport, SessionExport } from '../../../ui/api/types';
import { ExportMenu } from '../../../ui/export/export-menu';
import { useT } from '../../../ui/i18n/intl';
import { FormattedMessage } from 'react-intl';

const useStyles = makeStyles({
  exports: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlockEnd: tokens.spacingVerticalM,
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '820px' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  feedback: { fontStyle: 'italic' },
  search: { width: '100%', maxWidth: '420px' },
});

/** Every text of a session a person might search for: topics, shared and own private notes, feedback. */
export function sessionText(s: SessionExport): string {
  return [
    ...s.topics.map((t) => t.title),
    ...s.sharedNotes.map((n) => n.text),
    ...s.myPrivateNotes.map((n) => n.text),
    ...s.feedback.map((f) => f.text),
    ...s.checkIns.map((c) => c.line ?? ''),
  ]
    .join('\n')
    .toLowerCase();
}

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/** When the meeting took place: ahead of its slot when it was held early. */
const heldAt = (s: SessionExport): string => s.heldAt ?? s.start;

/** Past sessions of all my 1:1s, newest first, filtered by a search over what was said and written. */
export function HistoryTab({
  api,
  histories,
  viewerId,
}: {
  api: TandemApi;
  histories: Readonly<Record<string, PairExport>>;
  viewerId: string;
}) {
  const styles = useStyles();
  const { t, locale } = useT();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const sessions = Object.values(histories)
    .flatMap((h) => h.sessions.filter((s) => s.status === 'held').map((s) => ({ s, h })))
    .filter(({ s }) => !needle || sessionText(s).includes(needle))
    .sort((a, b) => heldAt(b.s).localeCompare(heldAt(a.s)));
  const name = (h: PairExport, id: string) => [h.manager, h.report].find((p) => p.id === id)?.displayName ?? id;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      <div className={styles.exports}>
        {Object.values(histories).map((h) => (
          <ExportMenu
            key={h.pairId}
            api={api}
            pairId={h.pairId}
            other={(h.manager.id === viewerId ? h.report : h.manager).displayName}
          />
        ))}
      </div>
      <SearchBox
        className={styles.search}
        aria-label={t('history.search')}
        placeholder={t('history.searchPlaceholder')}
        value={query}
        onChange={(_, d) => setQuery(d.value)}
      />
      <Text role="status" size={200} block>
        {t('history.count', { count: sessions.length })}
      </Text>
      <div className={styles.list}>
        {sessions.map(({ s, h }) => (
          <Card
            key={`${h.pairId}/${s.id}`}
            aria-label={t('history.sessionOn', {
              date: new Date(heldAt(s)).toLocaleDateString(locale, { dateStyle: 'full' }),
            })}
          >
            <Text weight="semibold">
              {t('history.sessionTitle', {
                date: new Date(heldAt(s)).toLocaleDateString(locale, { dateStyle: 'medium' }),
                name: (h.manager.id === viewerId ? h.report : h.manager).displayName,
              })}
            </Text>
            <ul className={styles.items}>
              {s.topics.map((topic) => (
                <li key={topic.id}>{topic.discussed ? topic.title : t('history.carriedOn', { title: topic.title })}</li>
              ))}
            </ul>
            {s.sharedNotes.map((n) => (
              <Text key={n.id} block>
                <FormattedMessage id="history.sharedNote" values={{ text: n.text, b: bold }} />
              </Text>
            ))}
            {s.myPrivateNotes.map((n) => (
              <Text key={n.id} block>
                <Badge appearance="filled" color="warning" size="small">
                  {t('history.private')}
                </Badge>{' '}
                {n.text}
              </Text>
            ))}
            {s.feedback.map((f) => (
              <Text key={f.id} block className={styles.feedback}>
                {t('history.feedback', { from: name(h, f.fromId), to: name(h, f.toId), text: f.text })}
              </Text>
            ))}
          </Card>
        ))}
      </div>
    </section>
  );
}
