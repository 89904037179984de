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

export function noticeCard(notice: PairNotice, otherName: string, t: Translator): AdaptiveCardJson {
  return card([
    text(t.t(TITLES[notice]), { weight: 'Bolder', size: 'Medium' }),
    line([run(t.t(LINES[notice], { name: otherName }))]),
  ]);
}

export function noticeSummary(notice: PairNotice): MessageId {
  return TITLES[notice];
}
