import { useCallback, useState } from 'react';
import { newTopicView } from '../../core/model/agenda-view';
import { ApiError } from '../api/api-error';
import { newClientId, type TandemApi } from '../api/client';
import type { ActionItem, AgendaView, EditActionItemBody, Note, TopicSectionId, TopicView } from '../api/types';
import type { AgendaState } from '../hooks/use-agenda';
import { moveTopic, withTopicAdded, withTopicOrder, withTopicReplaced } from './agenda-logic';
import type { EditConflict } from './conflict-dialog';
import { useErrorText } from '../i18n/use-error-text';

/** A topic the service refused because its meeting is over (`code`: session-ended, -skipped, -cancelled). */
export interface HeldTopic {
  readonly title: string;
  readonly section: TopicSectionId;
  readonly code: string;
  /** A private talking point stays private on the next meeting too. */
  readonly private?: boolean;
  /** Added to the next meeting, which starts then. */
  readonly addedTo?: string;
  /** There is no next meeting yet. */
  readonly noNext?: boolean;
}

/** What a conflict's `current` holds for the things the panel edits. */
type WithRev = { rev: number };
const currentOf = <T extends WithRev>(error: unknown): T | undefined =>
  error instanceof ApiError && error.isConflict ? (error.problem.current as T | undefined) : undefined;

/**
 * Every change the agenda panel makes: optimistic where it is safe, re-read afterwards, and on a stale
 * revision either retried (a check-off carries no text) or handed to the person as a conflict to resolve.
 */
export function useAgendaActions(api: TandemApi, state: AgendaState) {
  const [conflict, setConflict] = useState<EditConflict>();
  const [error, setError] = useState<string>();
  // A topic refused because the meeting is over, offered for the next one; then where it went.
  const [held, setHeld] = useState<HeldTopic>();
  const errorText = useErrorText();
  const { agenda, reload, setAgenda } = state;

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        setError(undefined);
      } catch (e) {
        setError(errorText(e));
      } finally {
        await reload();
      }
    },
    [reload, errorText],
  );

  if (!agenda) return { conflict, error, held, actions: undefined };
  const { pairId, sessionId } = agenda;

  /** Resolve a stale text edit: both versions shown, the person picks; "keep mine" writes over `current`. */
  const offerConflict = (
    what: string,
    mine: string,
    theirs: string,
    retry: (rev: number) => Promise<unknown>,
    rev: number,
  ) =>
    setConflict({
      what,
      mine,
      theirs,
      keepMine: () => {
        setConflict(undefined);
        void run(() => retry(rev));
      },
      keepTheirs: () => {
        setConflict(undefined);
        void reload();
      },
    });

  const actions = {
    addTopic: async (title: string, section: TopicSectionId, isPrivate = false) => {
      const id = newClientId();
      const optimistic = newTopicView({
        id,
        title,
        section,
        author: agenda.viewer,
        createdAt: new Date().toISOString(),
        private: isPrivate,
      });
      setAgenda((a) => withTopicAdded(a, optimistic));
      try {
        await api.addTopic(pairId, sessionId, { id, title, section, ...(isPrivate && { private: true }) });
      } catch (e) {
        // The meeting ended (or was skipped) meanwhile: offered for the next one, kept above the agenda
        // although the agenda turns read-only.
        if (!(e instanceof ApiError && e.said.action === 'add-to-next' && e.code)) throw e;
        setHeld({ title, section, code: e.code, ...(isPrivate && { private: true }) });
      } finally {
        await reload();
      }
    },
    /** The held topic goes on the next meeting (the upcoming one that starts first). */
    addHeldToNext: async () => {
      if (!held || held.addedTo) return;
      const next = (await api.overview(pairId)).nextSession;
      if (!next || next.id === sessionId) {
        setHeld({ ...held, noNext: true });
        return;
      }
      await api.addTopic(pairId, next.id, {
        id: newClientId(),
        title: held.title,
        section: held.section,
        ...(held.private && { private: true }),
      });
      setHeld({ ...held, addedTo: next.start });
    },
    dismissHeld: () => setHeld(undefined),
    toggleTopic: (topic: TopicView, discussed: boolean) =>
      run(async () => {
        setAgenda((a) => withTopicReplaced(a, { ...topic, discussed }));
        try {
          await api.editTopic(pairId, sessionId, topic.id, { rev: topic.rev, discussed });
        } catch (e) {
          const current = currentOf<TopicView>(e);
          if (!current) throw e;
          // A check-off carries no text: apply it on top of whatever the other person changed.
          if (current.discussed !== discussed)
            await api.editTopic(pairId, sessionId, topic.id, { rev: current.rev, discussed });
        }
      }),
    editTopic: async (topic: TopicView, title: string, startedRev: number) => {
      try {
        await api.editTopic(pairId, sessionId, topic.id, { rev: startedRev, title });
        await reload();
      } catch (e) {
        const current = currentOf<TopicView>(e);
        if (!current) throw e;
        offerConflict(
          'topic',
          title,
          current.title,
          (rev) => api.editTopic(pairId, sessionId, topic.id, { rev, title }),
          current.rev,
        );
      }
    },
    /**
     * Link the topic to a goal (null: none). Only its author may, so a stale revision means the other person
     * ticked it or moved it: the link carries no text and is applied on top, like a check-off.
     */
    linkTopicGoal: (topic: TopicView, goalId: string | null) =>
      run(async () => {
        try {
          await api.editTopic(pairId, sessionId, topic.id, { rev: topic.rev, goalId });
        } catch (e) {
          const current = currentOf<TopicView>(e);
          if (!current) throw e;
          if ((current.goal?.id ?? null) !== goalId)
            await api.editTopic(pairId, sessionId, topic.id, { rev: current.rev, goalId });
        }
      }),
    moveTopic: (section: TopicSectionId, topicIds: string[], topicId: string, delta: number) =>
      run(async () => {
        const order = moveTopic(topicIds, topicId, delta);
        setAgenda((a) => withTopicOrder(a, section, order));
        await api.reorder(pairId, sessionId, section, order);
      }),
    removeTopic: (topic: TopicView) => run(() => api.removeTopic(pairId, sessionId, topic.id)),
    deepDive: (topic: TopicView) => run(() => api.startDeepDive(pairId, sessionId, { topicId: topic.id })),
    addNote: (text: string, isPrivate: boolean, topicId?: string) =>
      run(() =>
        api.addNote(pairId, sessionId, { id: newClientId(), text, private: isPrivate, ...(topicId && { topicId }) }),
      ),
    editNote: async (note: Note, text: string, isPrivate: boolean) => {
      const write = (rev: number) => api.editNote(pairId, sessionId, note.id, { text, rev, private: isPrivate });
      try {
        await write(note.rev);
        await reload();
      } catch (e) {
        const current = currentOf<Note>(e);
        if (!current) throw e;
        offerConflict('note', text, current.text, write, current.rev);
      }
    },
    addActionItem: (input: { text: string; ownerId: string; due: string; topicId?: string; goalId?: string }) =>
      run(() => api.addActionItem(pairId, { id: newClientId(), sessionId, ...input })),
    /** Text, owner, due date or goal from the item's edit dialog; a refusal or a conflict is said, and it closes. */
    editActionItem: async (item: ActionItem, change: Omit<EditActionItemBody, 'rev'>) => {
      await run(() => api.editActionItem(pairId, item.id, { rev: item.rev, ...change }));
      return true;
    },
    setActionStatus: (item: ActionItem, done: boolean) =>
      run(async () => {
        const status = done ? 'done' : 'open';
        try {
          await api.editActionItem(pairId, item.id, { rev: item.rev, status });
        } catch (e) {
          const current = currentOf<ActionItem>(e);
          if (!current) throw e;
          await api.editActionItem(pairId, item.id, { rev: current.rev, status });
        }
      }),
    checkIn: (mood: number, line: string) => run(() => api.checkIn(pairId, sessionId, { mood, ...(line && { line }) })),
    giveFeedback: (text: string) => run(() => api.giveFeedback(pairId, sessionId, { id: newClientId(), text })),
    rate: (score: number) => run(() => api.rate(pairId, sessionId, score)),
    /** Mark the topic discussed now (or none): both screens follow, and the service records the time. */
    discuss: (topic: TopicView | null) => run(() => api.nowDiscussing(pairId, sessionId, topic?.id ?? null)),
    /** Moving on: the current topic is checked off and the next one becomes current. */
    next: (current: TopicView, next: TopicView | undefined) =>
      run(async () => {
        await api.nowDiscussing(pairId, sessionId, next?.id ?? null);
        if (!current.discussed) {
          setAgenda((a) => withTopicReplaced(a, { ...current, discussed: true }));
          await api
            .editTopic(pairId, sessionId, current.id, { rev: current.rev, discussed: true })
            .catch((e: unknown) => {
              // Someone changed it meanwhile: the check-off still applies on top (it carries no text).
              const latest = currentOf<TopicView>(e);
              if (!latest) throw e;
              if (!latest.discussed)
                return api.editTopic(pairId, sessionId, current.id, { rev: latest.rev, discussed: true });
            });
        }
      }),
    changeDeepDive: (change: { minutes: number } | { stop: true }) =>
      run(() => api.changeDeepDive(pairId, sessionId, change)),
    addWin: (text: string) => run(() => api.addWin(pairId, sessionId, { id: newClientId(), text })),
    setState: (action: 'start' | 'end') => run(() => api.setState(pairId, sessionId, action)),
  };
  return { conflict, error, held, actions };
}

export type AgendaActions = NonNullable<ReturnType<typeof useAgendaActions>['actions']>;
export type { AgendaView };
