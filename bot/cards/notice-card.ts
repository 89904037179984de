import type { MessageId, Translator } from '../../core/i18n/messages';
import { card, line, run, text, type AdaptiveCardJson } from './card';

/** What happened to a 1:1 that its person did not do themselves (docs/pair-lifecycle.md). */
export type PairNotice = 'deleted' | 'manager-changed' | 'left';

const TITLES: Record<PairNotice, MessageId> = {
  deleted: 'card.notice.deleted.title',
  'manager-changed': 'card.notice.archived.title',
  left: 'card.notice.archived.title',
};

const LINES: Record<PairNotice, MessageId> = {
  deleted: 'card.notice.deleted.line',
  'manager-changed': 'card.notice.managerChanged.line',
  left: 'card.notice.left.line',
};

/** `role`: the reader's role in the 1:1 (a report without a new manager reads their own line). */
export function noticeCard(
  notice: PairNotice,
  otherName: string,
  t: Translator,
  role?: 'manager' | 'report',
): AdaptiveCardJson {
  const id =
    notice === 'manager-changed' && role === 'report' ? 'card.notice.managerChanged.reportLine' : LINES[notice];
  return card([
    text(t.t(TITLES[notice]), { weight: 'Bolder', size: 'Medium' }),
    line([run(t.t(id, { name: otherName }))]),
  ]);
}

export function noticeSummary(notice: PairNotice): MessageId {
  return TITLES[notice];
}
