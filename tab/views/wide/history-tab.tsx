import { Badge, Card, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairExport, SessionExport } from '../../../ui/api/types';
import { ExportMenu } from '../../../ui/export/export-menu';

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
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const sessions = Object.values(histories)
    .flatMap((h) => h.sessions.filter((s) => s.status === 'held').map((s) => ({ s, h })))
    .filter(({ s }) => !needle || sessionText(s).includes(needle))
    .sort((a, b) => heldAt(b.s).localeCompare(heldAt(a.s)));
  const name = (h: PairExport, id: string) => [h.manager, h.report].find((p) => p.id === id)?.displayName ?? id;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History and feedback</h2>
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
        aria-label="Search past sessions"
        placeholder="Search topics, notes and feedback"
        value={query}
        onChange={(_, d) => setQuery(d.value)}
      />
      <Text role="status" size={200} block>
        {sessions.length} {sessions.length === 1 ? 'session' : 'sessions'}
      </Text>
      <div className={styles.list}>
        {sessions.map(({ s, h }) => (
          <Card key={`${h.pairId}/${s.id}`} aria-label={`Session on ${new Date(heldAt(s)).toDateString()}`}>
            <Text weight="semibold">
              {new Date(heldAt(s)).toLocaleDateString(undefined, { dateStyle: 'medium' })} · 1:1 with{' '}
              {(h.manager.id === viewerId ? h.report : h.manager).displayName}
            </Text>
            <ul className={styles.items}>
              {s.topics.map((t) => (
                <li key={t.id}>
                  {t.title}
                  {t.discussed ? '' : ' (carried on)'}
                </li>
              ))}
            </ul>
            {s.sharedNotes.map((n) => (
              <Text key={n.id} block>
                <strong>Shared note:</strong> {n.text}
              </Text>
            ))}
            {s.myPrivateNotes.map((n) => (
              <Text key={n.id} block>
                <Badge appearance="filled" color="warning" size="small">
                  Private
                </Badge>{' '}
                {n.text}
              </Text>
            ))}
            {s.feedback.map((f) => (
              <Text key={f.id} block className={styles.feedback}>
                Feedback from {name(h, f.fromId)} to {name(h, f.toId)}: “{f.text}”
              </Text>
            ))}
          </Card>
        ))}
      </div>
    </section>
  );
}
