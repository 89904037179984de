import { dateFormat } from '../../core/i18n/date-format';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../core/contract/limits';
import type { TandemApi } from '../api/client';
import type { AgendaRead } from '../api/resolve-session';
import type { AgendaView, SectionView, TopicView } from '../api/types';
import { useAgenda } from '../hooks/use-agenda';
import { NothingToAdd } from '../attention/nothing-to-add';
import { useT } from '../i18n/intl';
import { agendaProgress, topicSections } from './agenda-logic';
import { AgendaSection } from './agenda-section';
import { useAgendaStrings } from './agenda-strings';
import { AddToNextBar } from './add-to-next-bar';
import { InlineAddRow } from './inline-add-row';
// What the agenda does not show at first is fetched when it first renders (docs/pages.md).
import {
  ActionItemRow,
  CheckIn,
  ConflictDialog,
  DeepDiveTimer,
  FeedbackBothWays,
  NextSteps,
  NotesSection,
  ProgressGoals,
  RecapView,
  SessionRating,
  TopicDetail,
  Wins,
} from './lazy-parts';
import { NowDiscussing } from './now-discussing';
import { useServiceClockOffset } from './service-clock';
import { TopicRow } from './topic-row';
import type { SortableBits } from './sortable-topics';
import { DraggableTopicList } from './draggable-topic-list';
import { useAgendaActions, type AgendaActions } from './use-agenda-actions';
import { SectionPrompts, useSectionHeading } from '../templates/section-prompts';
import { useErrorText } from '../i18n/use-error-text';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    maxWidth: '720px',
    boxSizing: 'border-box',
  },
  compact: { padding: tokens.spacingHorizontalS },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  headerLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  empty: { color: tokens.colorNeutralForeground2 },
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
  /** `panel`: the meeting side panel (320 px), where only what matters in the meeting starts open. */
  readonly layout?: 'panel' | 'wide';
  /** The agenda already read with its ETag (the meeting's look-up answers it): shown without another read. */
  readonly first?: AgendaRead;
}

/** The session's agenda as one shared document, live for both people: the meeting side panel and the wide tab. */
export function AgendaPanel({ api, pairId, sessionId, locale, layout = 'wide', first }: AgendaPanelProps) {
  const S = useAgendaStrings();
  const errorText = useErrorText();
  const styles = useStyles();
  const state = useAgenda(api, pairId, sessionId, first);
  const { conflict, error, held, actions } = useAgendaActions(api, state);
  const offset = useServiceClockOffset(api);
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(state.announcement), [state.announcement]);
  const { agenda } = state;

  if (!agenda) {
    if (state.error)
      return (
        <MessageBar intent="error">
          <MessageBarBody>{S.loadFailed(errorText(state.error))}</MessageBarBody>
        </MessageBar>
      );
    return <Spinner label={S.loading} />;
  }
  const progress = agendaProgress(agenda);
  const start = new Date(agenda.start);
  const other = agenda.viewer.role === 'manager' ? agenda.report : agenda.manager;
  const readOnly = isReadOnly(agenda);
  return (
    <main
      className={layout === 'panel' ? `${styles.panel} ${styles.compact}` : styles.panel}
      aria-label={S.agendaLabel}
    >
      <header className={styles.header}>
        <h1 className={styles.heading}>{S.title(other.displayName)}</h1>
        <div className={styles.headerLine}>
          <Text size={200}>
            {dateFormat(locale, {
              weekday: 'short',
              day: 'numeric',
              month: 'short',
              hour: '2-digit',
              minute: '2-digit',
            }).format(start)}
          </Text>
          <Badge appearance="tint" color={agenda.status === 'in-progress' ? 'success' : 'informative'}>
            {S.status[agenda.status] ?? agenda.status}
          </Badge>
          <Badge appearance="outline" color={state.live === 'live' ? 'success' : 'warning'} data-testid="live-state">
            {state.live === 'live' ? S.live : S.reconnecting}
          </Badge>
          <Text size={200} data-testid="progress">
            {S.progress(progress.done, progress.total)}
          </Text>
        </div>
        {agenda.status === 'upcoming' && <NothingToAdd api={api} agenda={agenda} onNoted={() => void state.reload()} />}
      </header>
      <div className={styles.srOnly} aria-live="polite" role="status">
        {said}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {held && actions && <AddToNextBar held={held} onAdd={actions.addHeldToNext} onDismiss={actions.dismissHeld} />}
      {actions && (
        <>
          <NowDiscussing
            agenda={agenda}
            offset={offset}
            readOnly={readOnly}
            onDiscuss={(t) => void actions.discuss(t)}
            onNext={(current, next) => void actions.next(current, next)}
          />
          <AgendaDocument
            api={api}
            reload={state.reload}
            agenda={agenda}
            actions={actions}
            styles={styles}
            readOnly={readOnly}
            layout={layout}
            offset={offset}
            locale={locale}
            announce={setSaid}
          />
        </>
      )}
      <ConflictDialog conflict={conflict} />
    </main>
  );
}

function isReadOnly(agenda: AgendaView): boolean {
  return agenda.status === 'held' || agenda.status === 'skipped' || agenda.status === 'cancelled';
}

interface DocumentProps {
  readonly api: TandemApi;
  readonly reload: () => Promise<void>;
  readonly agenda: AgendaView;
  readonly actions: AgendaActions;
  readonly styles: ReturnType<typeof useStyles>;
  readonly readOnly: boolean;
  readonly layout: 'panel' | 'wide';
  readonly offset: number;
  readonly locale: string | undefined;
  readonly announce: (text: string) => void;
}

/** Which sections start open: what matters now; in the side panel the rest is one tap away. */
function openByDefault(id: string, agenda: AgendaView, layout: 'panel' | 'wide'): boolean {
  const wide = layout === 'wide';
  const topics = agenda.sections.find((s) => s.id === id)?.topics.length ?? 0;
  switch (id) {
    case 'topics':
      return true;
    case 'progress':
      return (
        topics > 0 || agenda.progress.goals.length > 0 || agenda.progress.actionItems.some((a) => a.status === 'open')
      );
    case 'deep-dive':
      return topics > 0 || agenda.deepDive !== undefined;
    case 'next-steps':
      return topics > 0 || agenda.nextSteps.length > 0;
    case 'feedback':
      return topics > 0 || (wide && agenda.feedback.length > 0);
    case 'recap':
      return agenda.status === 'held';
    case 'check-in':
      return wide && agenda.status !== 'held';
    case 'notes':
    case 'rating':
      return wide;
    default:
      return false;
  }
}

function AgendaDocument(props: DocumentProps) {
  const { api, reload, agenda, actions, styles, readOnly, layout, offset, locale, announce } = props;
  const S = useAgendaStrings();
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [addingIn, setAddingIn] = useState<string>();
  const headingOf = useSectionHeading();
  const addField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (addingIn) addField.current?.focus();
  }, [addingIn]);

  const { t: translate } = useT();
  const people = [agenda.manager, agenda.report];
  const otherName = (agenda.viewer.role === 'manager' ? agenda.report : agenda.manager).displayName;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;
  const today = new Date().toISOString().slice(0, 10);
  const isOpen = (id: string) => opened[id] ?? openByDefault(id, agenda, layout);
  const setOpen = (id: string, open: boolean) => {
    setOpened((o) => ({ ...o, [id]: open }));
    if (!open && addingIn === id) setAddingIn(undefined);
  };
  const allTopics = topicSections(agenda).flatMap((s) => s.topics);
  const deepDiveTopic = allTopics.find((t) => t.id === agenda.deepDive?.topicId);
  const commitments = [...agenda.nextSteps, ...agenda.progress.actionItems];

  const topicRow = (s: SectionView, t: TopicView, i: number, sortable?: SortableBits) => (
    <TopicRow
      key={t.id}
      topic={t}
      {...(sortable && { sortable })}
      authorName={nameOf(t.authorId)}
      canEdit={t.authorId === agenda.viewer.id}
      isFirst={i === 0}
      isLast={i === s.topics.length - 1}
      readOnly={readOnly}
      isCurrent={agenda.nowDiscussing?.topicId === t.id}
      expanded={expanded.has(t.id)}
      onExpand={(open) =>
        setExpanded((current) => {
          const next = new Set(current);
          if (open) next.add(t.id);
          else next.delete(t.id);
          return next;
        })
      }
      onToggle={(discussed) => void actions.toggleTopic(t, discussed)}
      onMove={(delta) => {
        const ids = s.topics.map((x) => x.id);
        const to = i + delta;
        if (to < 0 || to >= ids.length) return;
        announce(S.moved(t.title, to + 1, ids.length));
        void actions.moveTopic(s.id as TopicView['section'], ids, t.id, delta);
      }}
      onEdit={(title, rev) => actions.editTopic(t, title, rev)}
      onRemove={() => void actions.removeTopic(t)}
      // A private topic is nothing the two share: not "now discussing", not the deep dive.
      {...(!t.private && { onDiscussNow: () => void actions.discuss(t) })}
      {...(s.id !== 'deep-dive' && !agenda.deepDive && !t.private && { onDeepDive: () => void actions.deepDive(t) })}
    >
      <TopicDetail
        {...(t.private && { privateNote: translate('meeting.private.note', { name: otherName }) })}
        topic={t}
        notes={agenda.sharedNotes.filter((n) => n.topicId === t.id)}
        actionItems={commitments.filter((a) => a.topicId === t.id)}
        people={people}
        nameOf={nameOf}
        today={today}
        readOnly={readOnly}
        onAddNote={(text) => actions.addNote(text, false, t.id)}
        goals={agenda.progress.goals}
        onAddActionItem={(input) => actions.addActionItem({ ...input, topicId: t.id })}
        onActionStatus={(item, done) => void actions.setActionStatus(item, done)}
        onEditActionItem={actions.editActionItem}
        {...(!readOnly &&
          t.authorId === agenda.viewer.id && { onLinkGoal: (goalId) => void actions.linkTopicGoal(t, goalId) })}
      />
    </TopicRow>
  );

  // Reordered with "Move up" and "Move down" in each topic's menu, and by drag and drop (fetched on intent).
  const topicList = (s: SectionView) =>
    s.topics.length > 0 && (
      <DraggableTopicList
        items={s.topics}
        label={S.topicsOf(s.title)}
        className={styles.list}
        enabled={!readOnly}
        onMove={(id, delta) =>
          void actions.moveTopic(
            s.id as TopicView['section'],
            s.topics.map((x) => x.id),
            id,
            delta,
          )
        }
        row={(t, i, bits) => topicRow(s, t, i, bits)}
      />
    );

  const addRow = (s: SectionView) => {
    const main = s.id === 'topics';
    if (readOnly || !(main || addingIn === s.id || s.topics.length > 0)) return null;
    return (
      <InlineAddRow
        label={main ? S.newTopic : S.newTopicIn(s.title)}
        placeholder={S.addPlaceholder}
        buttonLabel={main ? S.addTopic : S.addTo(s.title)}
        emptyMessage={S.typeFirst}
        maxLength={LIMITS.title}
        {...(addingIn === s.id && { inputRef: addField })}
        // A private talking point is a reminder to oneself; the deep dive is a shared conversation.
        {...(s.id !== 'deep-dive' && { privateLabel: translate('meeting.private.onlyMe') })}
        onAdd={(title, isPrivate) => actions.addTopic(title, s.id as TopicView['section'], isPrivate)}
        {...(!main && { onEscape: () => setAddingIn(undefined) })}
      />
    );
  };

  const emptyState = () => {
    if (allTopics.length > 0) return null;
    const text = readOnly
      ? S.emptyHeld
      : agenda.viewer.role === 'report'
        ? S.emptyReport(agenda.manager.displayName)
        : S.emptyManager(agenda.report.displayName);
    return (
      <Text size={200} className={styles.empty} data-testid="empty-agenda">
        {text}
      </Text>
    );
  };

  const section = (s: SectionView) => {
    if (s.id === 'recap' && !agenda.recap) return null;
    // Sections a template added take topics too (core checks they are in this session's template).
    const canAdd = !readOnly && s.id !== 'topics' && s.id !== 'check-in' && s.id !== 'recap';
    const heading = headingOf(s);
    const rowShown = isOpen(s.id) && (addingIn === s.id || s.topics.length > 0);
    const count =
      s.id === 'progress'
        ? s.topics.length + agenda.progress.actionItems.length + agenda.progress.goals.length
        : s.id === 'next-steps'
          ? s.topics.length + agenda.nextSteps.length
          : s.topics.length;
    return (
      <AgendaSection
        key={s.id}
        id={s.id}
        title={s.id === 'check-in' ? S.checkInAndWins(heading) : heading}
        count={s.id === 'check-in' ? agenda.wins.length : count}
        open={isOpen(s.id)}
        onOpen={(open) => setOpen(s.id, open)}
        {...(canAdd &&
          !rowShown && {
            onAdd: () => {
              setOpen(s.id, true);
              setAddingIn(s.id);
            },
          })}
      >
        <SectionPrompts prompts={s.prompts} heading={heading} />
        {s.id === 'check-in' && (
          <>
            <CheckIn
              agenda={agenda}
              nameOf={nameOf}
              readOnly={readOnly}
              onCheckIn={(mood, line) => actions.checkIn(mood, line)}
            />
            <Wins agenda={agenda} nameOf={nameOf} readOnly={readOnly} onAdd={(text) => actions.addWin(text)} />
          </>
        )}
        {s.id === 'recap' && <RecapView agenda={agenda} nameOf={nameOf} {...(locale && { locale })} />}
        {s.id === 'progress' && (!readOnly || agenda.progress.goals.length > 0) && (
          <ProgressGoals agenda={agenda} {...(!readOnly && { api, onChanged: reload })} />
        )}
        {s.id === 'progress' && agenda.progress.actionItems.length > 0 && (
          <>
            <h3 className={styles.subheading}>{S.fromLastTime}</h3>
            <ul className={styles.list} aria-label={S.fromLastTime}>
              {agenda.progress.actionItems.map((item) => (
                <ActionItemRow
                  key={item.id}
                  item={item}
                  ownerName={nameOf(item.ownerId)}
                  today={today}
                  {...(!readOnly && {
                    onStatus: (done: boolean) => void actions.setActionStatus(item, done),
                    edit: {
                      people,
                      goals: agenda.progress.goals,
                      onSave: (change: Parameters<AgendaActions['editActionItem']>[1]) =>
                        actions.editActionItem(item, change),
                    },
                  })}
                />
              ))}
            </ul>
          </>
        )}
        {s.id === 'deep-dive' && (
          <DeepDiveTimer
            agenda={agenda}
            title={deepDiveTopic?.title}
            offset={offset}
            readOnly={readOnly}
            onChange={(change) => void actions.changeDeepDive(change)}
          />
        )}
        {s.id === 'topics' && emptyState()}
        {topicList(s)}
        {addRow(s)}
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
            goals={agenda.progress.goals}
            today={today}
            readOnly={readOnly}
            onAdd={actions.addActionItem}
            onStatus={(item, done) => void actions.setActionStatus(item, done)}
            onEdit={actions.editActionItem}
          />
        )}
      </AgendaSection>
    );
  };

  return (
    <>
      {agenda.sections.map((s) => section({ ...s, title: S.sectionTitle(s) }))}
      <AgendaSection id="notes" title={S.notes} open={isOpen('notes')} onOpen={(open) => setOpen('notes', open)}>
        <NotesSection
          kind="shared"
          notes={agenda.sharedNotes.filter((n) => n.topicId === undefined)}
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
      </AgendaSection>
      {(agenda.status === 'in-progress' || agenda.status === 'held') && (
        <AgendaSection id="rating" title={S.rating} open={isOpen('rating')} onOpen={(open) => setOpen('rating', open)}>
          <SessionRating value={agenda.myRating} onRate={(score) => void actions.rate(score)} />
        </AgendaSection>
      )}
      {!readOnly && <MeetingState agenda={agenda} actions={actions} />}
    </>
  );
}

/** Start and end the meeting from the agenda (the bot also does it on Teams' meeting start and end). */
function MeetingState({ agenda, actions }: { agenda: AgendaView; actions: AgendaActions }) {
  const S = useAgendaStrings();
  if (agenda.status === 'upcoming')
    return (
      <Button size="small" onClick={() => void actions.setState('start')}>
        {S.startMeeting}
      </Button>
    );
  if (agenda.status === 'in-progress')
    return (
      <Button size="small" onClick={() => void actions.setState('end')}>
        {S.endMeeting}
      </Button>
    );
  return null;
}
