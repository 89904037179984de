import { useMemo } from 'react';
import { formatDay } from '../../core/i18n/format-day';
import type { Translator } from '../../core/i18n/messages';
import { useT } from '../i18n/intl';

/** Every word the action item views show, from the catalogs in the reader's language. */
export function actionItemStrings(tr: Translator) {
  const { t } = tr;
  return {
    heading: t('actions.heading'),
    mine: t('actions.mine'),
    theirs: t('actions.theirs'),
    closed: t('actions.closed'),
    listLabel: (group: string) => t('actions.listLabel', { group }),
    closedLabel: t('actions.closedLabel'),
    nothingOpen: t('actions.nothingOpen'),
    nothingClosed: t('actions.nothingClosed'),
    meta: (owner: string, other: string, due: string) => t('actions.meta', { owner, other, due: formatDay(tr, due) }),
    overdue: t('actions.overdue'),
    carried: (count: number) => t('actions.carried', { count }),
    done: t('actions.done'),
    drop: t('actions.drop'),
    reopen: t('actions.reopen'),
    edit: t('actions.edit'),
    actionsFor: (text: string) => t('actions.actionsFor', { text }),
    dialogTitle: t('actions.dialogTitle'),
    text: t('actions.text'),
    owner: t('actions.owner'),
    due: t('actions.due'),
    save: t('actions.save'),
    cancel: t('actions.cancel'),
    textRequired: t('actions.textRequired'),
    statusDone: t('actions.statusDone'),
    statusDropped: t('actions.statusDropped'),
    failed: t('actions.failed'),
    stale: t('actions.stale'),
    goal: t('goalLink.label'),
    noGoal: t('goalLink.none'),
    topicGoal: t('goalLink.topicLabel'),
  };
}

export type ActionItemStrings = ReturnType<typeof actionItemStrings>;

/** The action item words in the current language. */
export function useActionItemStrings(): ActionItemStrings {
  const tr = useT();
  return useMemo(() => actionItemStrings(tr), [tr]);
}
