import { useMemo } from 'react';
import type { MessageId, Translator } from '../../core/i18n/messages';
import { SECTION_TITLES, type SectionId } from '../../core/model/sections';
import { useT } from '../i18n/intl';

/**
 * What the agenda says, from the catalogs (core/i18n/catalogs/agenda) in the reader's language. Functions
 * take what varies; nothing here is an API field name. Components read it with useAgendaStrings().
 */
export function agendaStrings({ t }: Translator) {
  return {
    agendaLabel: t('agenda.label'),
    loading: t('agenda.loading'),
    loadFailed: (why: string) => t('agenda.loadFailed', { why }),
    title: (name: string) => t('agenda.title', { name }),
    live: t('agenda.live'),
    reconnecting: t('agenda.reconnecting'),
    progress: (done: number, total: number) => t('agenda.progress', { done, total }),
    status: {
      upcoming: t('agenda.status.upcoming'),
      'in-progress': t('agenda.status.inProgress'),
      held: t('agenda.status.held'),
      skipped: t('agenda.status.skipped'),
      cancelled: t('agenda.status.cancelled'),
    } as Record<string, string>,
    // Sections
    expand: (title: string) => t('agenda.expand', { title }),
    collapse: (title: string) => t('agenda.collapse', { title }),
    topicsOf: (title: string) => t('agenda.topicsOf', { title }),
    newTopic: t('agenda.newTopic'),
    newTopicIn: (section: string) => t('agenda.newTopicIn', { section }),
    addTopic: t('agenda.addTopic'),
    addTo: (section: string) => t('agenda.addTo', { section }),
    addPlaceholder: t('agenda.addPlaceholder'),
    typeFirst: t('agenda.typeFirst'),
    couldNotAdd: t('agenda.couldNotAdd'),
    /** A section's title in the reader's words; a title someone wrote (a template's) stays as written. */
    sectionTitle: (s: { readonly id: string; readonly title: string }) =>
      SECTION_TITLES[s.id as SectionId] === s.title ? t(`section.${s.id}` as MessageId) : s.title,
    fromLastTime: t('agenda.fromLastTime'),
    carriedFrom: (day: string) => t('agenda.carriedFrom', { day }),
    notes: t('agenda.notes'),
    rating: t('agenda.rating'),
    // Empty states
    emptyReport: (manager: string) => t('agenda.emptyReport', { name: manager }),
    emptyManager: (report: string) => t('agenda.emptyManager', { name: report }),
    emptyHeld: t('agenda.emptyHeld'),
    // Topic
    moreActions: (title: string) => t('agenda.moreActions', { title }),
    showDetails: (title: string) => t('agenda.showDetails', { title }),
    moveUp: t('agenda.moveUp'),
    moveDown: t('agenda.moveDown'),
    moved: (title: string, position: number, of: number) => t('agenda.moved', { title, position, of }),
    discussNow: t('agenda.discussNow'),
    deepDiveOnThis: t('agenda.deepDiveOnThis'),
    edit: t('agenda.edit'),
    remove: t('agenda.remove'),
    save: t('agenda.save'),
    cancel: t('agenda.cancel'),
    topicTitle: t('agenda.topicTitle'),
    editTopic: (title: string) => t('agenda.editTopic', { title }),
    carriedOn: t('agenda.carriedOn'),
    nowBadge: t('agenda.nowBadge'),
    minutesSpent: (seconds: number) => t('agenda.minutes', { minutes: Math.max(1, Math.round(seconds / 60)) }),
    topicNotes: (title: string) => t('agenda.topicNotes', { title }),
    addTopicNote: t('agenda.addTopicNote'),
    addNote: t('agenda.addNote'),
    topicActions: (title: string) => t('agenda.topicActions', { title }),
    newActionItem: t('agenda.newActionItem'),
    owner: t('agenda.owner'),
    due: t('agenda.due'),
    addActionItem: t('agenda.addActionItem'),
    noDetail: t('agenda.noDetail'),
    // Now discussing
    nowDiscussing: t('agenda.nowDiscussing'),
    nothingCurrent: t('agenda.nothingCurrent'),
    running: (time: string) => t('agenda.running', { time }),
    nextUp: t('agenda.nextUp'),
    nextTopic: t('agenda.nextTopic'),
    stopDiscussing: t('agenda.stopDiscussing'),
    startWith: (title: string) => t('agenda.startWith', { title }),
    // Deep dive
    deepDiveTimer: (title: string) => t('agenda.deepDiveTimer', { title }),
    pickDeepDive: (minutes: number) => t('agenda.pickDeepDive', { minutes }),
    left: (time: string) => t('agenda.left', { time }),
    overBy: (time: string) => t('agenda.overBy', { time }),
    stopped: t('agenda.stopped'),
    stopTimer: t('agenda.stopTimer'),
    timebox: t('agenda.timebox'),
    setTimebox: t('agenda.setTimebox'),
    // Wins
    wins: t('agenda.wins'),
    newWin: t('agenda.newWin'),
    addWin: t('agenda.addWin'),
    // Recap
    recap: t('agenda.recap'),
    discussed: t('agenda.discussed'),
    carriedForward: t('agenda.carriedForward'),
    timeSpent: t('agenda.timeSpent'),
    reportShare: (name: string, percent: number) => t('agenda.reportShare', { name, percent }),
    noTimeRecorded: t('agenda.noTimeRecorded'),
    actionItems: t('agenda.actionItems'),
    nextSession: (when: string) => t('agenda.nextSession', { when }),
    checkInAndWins: (title: string) => t('agenda.checkInAndWins', { title }),
    startMeeting: t('agenda.startMeeting'),
    endMeeting: t('agenda.endMeeting'),
  } as const;
}

export type AgendaStrings = ReturnType<typeof agendaStrings>;

/** The agenda's words in the current language. */
export function useAgendaStrings(): AgendaStrings {
  const tr = useT();
  return useMemo(() => agendaStrings(tr), [tr]);
}
