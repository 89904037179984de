import { card, escapeText, heading, text, type AdaptiveCardJson } from './card';

/** What happened to a 1:1 that its person did not do themselves (docs/pair-lifecycle.md). */
export type PairNotice = 'deleted' | 'manager-changed' | 'left';

const LINES: Record<PairNotice, { readonly title: string; readonly line: (other: string) => string }> = {
  deleted: {
    title: 'A 1:1 was deleted',
    line: (other) =>
      `${other} deleted your 1:1 with them: its agenda, notes and meeting series are gone. Your own private notes went with it.`,
  },
  'manager-changed': {
    title: 'Your 1:1 is archived',
    line: (other) =>
      `The organisation changed who reports to whom, so your 1:1 with ${other} is archived: you can still read it, not change it. Open Tandem to start the new 1:1 and choose which goals carry over.`,
  },
  left: {
    title: 'Your 1:1 is archived',
    line: (other) =>
      `${other} has left the organisation, so your 1:1 with them is archived. You can read it for a year; export it from Tandem to keep it longer.`,
  },
};

export function noticeCard(notice: PairNotice, otherName: string): AdaptiveCardJson {
  const { title, line } = LINES[notice];
  return card([heading(title), text(line(escapeText(otherName)))]);
}

export function noticeSummary(notice: PairNotice): string {
  return LINES[notice].title;
}
