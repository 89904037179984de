import { Badge, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TandemApi } from '../api/client';
import type { AgendaView, SectionView } from '../api/types';
import { useAgenda } from '../hooks/use-agenda';
import { AddTopicForm } from './add-topic-form';
import { agendaProgress, topicSections } from './agenda-logic';
import { CheckIn, FeedbackBothWays } from './check-in-and-feedback';
import { ConflictDialog } from './conflict-dialog';
import { ProgressGoals } from '../goals/progress-goals';
import { NextSteps, ActionItemRow } from './next-steps';
import { NotesSection } from './notes-section';
import { DeepDiveTimer, SessionRating } from './session-extras';
import { TopicRow } from './topic-row';
import { useAgendaActions, type AgendaActions } from './use-agenda-actions';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  headerLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  empty: { color: tokens.colorNeutralForeground3 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface AgendaPanelProps {
  readonly api: TandemApi;
  readonly pairId: string;
  readonly sessionId: string;
  /** The viewer's locale and time zone, from the host. */
  readonly locale?: string;
}

/** The session's shared agenda by framework section, live for both people: the meeting side panel. */
export function AgendaPanel({ api, pairId, sessionId, locale }: AgendaPanelProps) {
  const styles = useStyles();
  const state = useAgenda(api, pairId, sessionId);
  const { conflict, error, actions } = useAgendaActions(api, state);
  const { agenda } = state;

  if (!agenda) {
    if (state.error)
      return (
        <MessageBar intent="error">
          <MessageBarBody>Could not load the agenda: {state.error.message}</MessageBarBody>
        </MessageBar>
      );
    return <Spinner label="Loading the agenda…" />;
  }
  const progress = agendaProgress(agenda);
  const start = new Date(agenda.start);
  const other = agenda.viewer.role === 'manager' ? agenda.report : agenda.manager;
  return (
    <main className={styles.panel} aria-label="Shared agenda">
      <header className={styles.header}>
        <h1 className={styles.heading}>1:1 with {other.displayName}</h1>
        <div className={styles.headerLine}>
          <Text size={200}>
            {start.toLocaleString(locale, {
              weekday: 'short',
              day: 'numeric',
              month: 'short',
              hour: '2-digit',
              minute: '2-digit',
            })}
          </Text>
          <Badge appearance="tint" color={agenda.status === 'in-progress' ? 'success' : 'informative'}>
            {agenda.status}
          </Badge>
          <Badge appearance="outline" color={state.live === 'live' ? 'success' : 'warning'} data-testid="live-state">
            {state.live === 'live' ? 'Live' : 'Reconnecting…'}
          </Badge>
          <Text size={200} data-testid="progress">
            {progress.done} of {progress.total} discussed
          </Text>
        </div>
      </header>
      <div className={styles.srOnly} aria-live="polite" role="status">
        {state.announcement}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {actions && <AgendaBody agenda={agenda} actions={actions} styles={styles} readOnly={isReadOnly(agenda)} />}
      <ConflictDialog conflict={conflict} />
    </main>
  );
}

function isReadOnly(agenda: AgendaView): boolean {
  return agenda.status === 'held' || agenda.status === 'skipped' || agenda.status === 'cancelled';
}

interface BodyProps {
  readonly agenda: AgendaView;
  readonly actions: AgendaActions;
  readonly styles: ReturnType<typeof useStyles>;
  readonly readOnly: boolean;
}

function AgendaBody({ agenda, actions, styles, readOnly }: BodyProps) {
  const people = [agenda.manager, agenda.report];
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;
  const today = new Date().toISOString().slice(0, 10);
  const deepDiveTopic = agenda.sections.flatMap((s) => s.topics).find((t) => t.id === agenda.deepDive?.topicId);
  const section = (s: SectionView) => (
    <section key={s.id} className={styles.section} aria-labelledby={`section-${s.id}`}>
      <h2 className={styles.heading} id={`section-${s.id}`}>
        {s.title}
      </h2>
      {s.id === 'deep-dive' && (
        <DeepDiveTimer
          title={deepDiveTopic?.title}
          startedAt={agenda.deepDive?.startedAt}
          minutes={agenda.deepDive?.minutesPlanned ?? agenda.deepDiveMinutes}
        />
      )}
      {s.topics.length === 0 ? (
        s.id !== 'next-steps' &&
        s.id !== 'feedback' && (
          <Text size={200} className={styles.empty}>
            No topics yet
          </Text>
        )
      ) : (
        <ul className={styles.list} aria-label={`${s.title} topics`}>
          {s.topics.map((t, i) => (
            <TopicRow
              key={t.id}
              topic={t}
              authorName={nameOf(t.authorId)}
              canEdit={t.authorId === agenda.viewer.id}
              isFirst={i === 0}
              isLast={i === s.topics.length - 1}
              readOnly={readOnly}
              onToggle={(discussed) => void actions.toggleTopic(t, discussed)}
              onMove={(delta) =>
                void actions.moveTopic(
                  t.section,
                  s.topics.map((x) => x.id),
                  t.id,
                  delta,
                )
              }
              onEdit={(title, rev) => actions.editTopic(t, title, rev)}
              onRemove={() => void actions.removeTopic(t)}
              {...(s.id !== 'deep-dive' && !agenda.deepDive && { onDeepDive: () => void actions.deepDive(t) })}
            />
          ))}
        </ul>
      )}
      {s.id === 'feedback' && (
        <FeedbackBothWays
          agenda={agenda}
          nameOf={nameOf}
          readOnly={readOnly}
          onGive={(text) => actions.giveFeedback(text)}
        />
      )}
      {s.id === 'next-steps' && (
        <NextSteps
          items={agenda.nextSteps}
          people={people}
          today={today}
          readOnly={readOnly}
          onAdd={actions.addActionItem}
          onStatus={(item, done) => void actions.setActionStatus(item, done)}
        />
      )}
    </section>
  );

  return (
    <>
      {!readOnly && <AddTopicForm sections={topicSections(agenda)} onAdd={actions.addTopic} />}
      <section className={styles.section} aria-labelledby="section-check-in">
        <h2 className={styles.heading} id="section-check-in">
          Check-in
        </h2>
        <CheckIn
          agenda={agenda}
          nameOf={nameOf}
          readOnly={readOnly}
          onCheckIn={(mood, line) => actions.checkIn(mood, line)}
        />
      </section>
      {(agenda.progress.actionItems.length > 0 || agenda.progress.goals.length > 0) && (
        <section className={styles.section} aria-labelledby="section-commitments">
          <h2 className={styles.heading} id="section-commitments">
            From last time
          </h2>
          <ProgressGoals goals={agenda.progress.goals} sessionStart={agenda.start} since={agenda.progress.since} />
          <ul className={styles.list}>
            {agenda.progress.actionItems.map((item) => (
              <ActionItemRow
                key={item.id}
                item={item}
                ownerName={nameOf(item.ownerId)}
                today={today}
                {...(!readOnly && { onStatus: (done: boolean) => void actions.setActionStatus(item, done) })}
              />
            ))}
          </ul>
        </section>
      )}
      {topicSections(agenda).map(section)}
      <section className={styles.section} aria-labelledby="section-notes">
        <h2 className={styles.heading} id="section-notes">
          Notes
        </h2>
        <NotesSection
          kind="shared"
          notes={agenda.sharedNotes}
          viewerId={agenda.viewer.id}
          authorName={nameOf}
          onAdd={(text) => actions.addNote(text, false)}
          onEdit={(note, text) => actions.editNote(note, text, false)}
        />
        <NotesSection
          kind="private"
          notes={agenda.privateNotes}
          viewerId={agenda.viewer.id}
          authorName={nameOf}
          onAdd={(text) => actions.addNote(text, true)}
          onEdit={(note, text) => actions.editNote(note, text, true)}
        />
      </section>
      {(agenda.status === 'in-progress' || agenda.status === 'held') && (
        <section className={styles.section} aria-labelledby="section-rating">
          <h2 className={styles.heading} id="section-rating">
            Rating
          </h2>
          <SessionRating value={agenda.myRating} onRate={(score) => void actions.rate(score)} />
        </section>
      )}
    </>
  );
}
