import { dateFormat } from '../../core/i18n/date-format';
import { useMemo } from 'react';
import { formatDay } from '../../core/i18n/format-day';
import type { Translator } from '../../core/i18n/messages';
import type { GoalChangeKind, GoalStatus, LearningFormat } from '../api/types';
import { useT } from '../i18n/intl';

/** ICU select keys cannot hold '-' ("cross-team", "milestone-added"). */
const key = (value: string) => value.replace(/-/g, '_');

/** Every word the goal views show, from the catalogs in the reader's language. */
export function goalStrings(tr: Translator) {
  const { t } = tr;
  return {
    heading: t('goals.heading'),
    pairHeading: (name: string) => t('goals.pairHeading', { name }),
    none: t('goals.none'),
    newGoal: t('goals.newGoal'),
    propose: t('goals.propose'),
    edit: t('goals.edit'),
    achieve: t('goals.achieve'),
    drop: t('goals.drop'),
    withdraw: t('goals.withdraw'),
    accept: t('goals.accept'),
    decline: t('goals.decline'),
    reopen: t('goals.reopen'),
    save: t('goals.save'),
    cancel: t('goals.cancel'),
    add: t('goals.add'),
    kind: t('goals.kind'),
    kindGoal: t('goals.kindGoal'),
    kindDevelopment: t('goals.kindDevelopment'),
    title: t('goals.title'),
    detail: t('goals.detail'),
    competency: t('goals.competency'),
    learningFormat: t('goals.learningFormat'),
    noFormat: t('goals.noFormat'),
    milestones: (done: number, all: number) => t('goals.milestones', { done, all }),
    milestoneTitle: t('goals.milestoneTitle'),
    milestoneDue: t('goals.milestoneDue'),
    addMilestone: t('goals.addMilestone'),
    editMilestone: (title: string) => t('goals.editMilestone', { title }),
    editMilestoneTitle: t('goals.editMilestoneTitle'),
    due: (date: string) => t('goals.due', { date: formatDay(tr, date) }),
    /** When a comment or change was made, as the reader writes a date (in their own time zone). */
    when: (at: string) =>
      dateFormat(tr.locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(at)),
    overdue: t('goals.overdue'),
    progressLabel: t('goals.progressLabel'),
    newlyDone: t('goals.newlyDone'),
    changed: t('goals.changed'),
    comments: t('goals.comments'),
    comment: t('goals.comment'),
    send: t('goals.send'),
    history: t('goals.history'),
    kindLabel: (kind: 'goal' | 'development') => t('goals.kindLabel', { kind }),
    status: (status: GoalStatus) => t('goals.status', { status }),
    format: (format: LearningFormat) => t('goals.format', { format: key(format) }),
    /** One line of a goal's history: "Blake ticked milestone “Shadow one”". */
    change: (kind: GoalChangeKind, name: string, subject: string | undefined) =>
      t('goals.change', { kind: key(kind), name, subject: subject ?? '' }),
    ownedByReport: (name: string) => t('goals.ownedByReport', { name }),
    proposalFrom: (name: string) => t('goals.proposalFrom', { name }),
    titleRequired: t('goals.titleRequired'),
    failed: t('goals.failed'),
    forbidden: t('goals.forbidden'),
    stale: t('goals.stale'),
    moreFor: (title: string) => t('goals.moreFor', { title }),
    milestonesOf: (title: string) => t('goals.milestonesOf', { title }),
    editGoal: (title: string) => t('goals.editGoal', { title }),
    addMilestoneTo: (title: string) => t('goals.addMilestoneTo', { title }),
    commentOn: (title: string) => t('goals.commentOn', { title }),
  };
}

export type GoalStrings = ReturnType<typeof goalStrings>;

/** The goal words in the current language. */
export function useGoalStrings(): GoalStrings {
  const tr = useT();
  return useMemo(() => goalStrings(tr), [tr]);
}
