import type { Translator } from '../../core/i18n/messages';
import { card, line, run, text, type AdaptiveCardJson } from './card';

/** Who reads the proposal, with the names it needs (docs/pair-lifecycle.md, "A report moves to a new manager"). */
export type ProposalReader =
  | { readonly role: 'manager'; readonly reportName: string }
  | { readonly role: 'report'; readonly managerName: string; readonly oldManagerName: string };

/** A new 1:1 proposed after a manager change, told to the new manager and to the report. */
export function proposalCard(reader: ProposalReader, t: Translator): AdaptiveCardJson {
  const [title, body] =
    reader.role === 'manager'
      ? [
          t.t('card.proposal.manager.title', { name: reader.reportName }),
          t.t('card.proposal.manager.line', { name: reader.reportName }),
        ]
      : [
          t.t('card.proposal.report.title', { name: reader.managerName }),
          t.t('card.proposal.report.line', { name: reader.managerName, old: reader.oldManagerName }),
        ];
  return card([text(title, { weight: 'Bolder', size: 'Medium' }), line([run(body)])]);
}
