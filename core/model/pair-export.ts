import type { TopicView, PersonRef } from './agenda-view';
import type { Cadence } from './cadence';
import type { ActionItem, CheckIn, Feedback, Goal, Note } from './documents';
import { escapeMarkdown as md } from './markdown';
import type { SessionStatus } from './timeline';

/** A pair's history as its reader may see it: their own private notes only, nobody's single rating but theirs. */
export interface PairExport {
  readonly format: 'tandem.pair-export/1';
  readonly exportedAt: string;
  readonly exportedBy: PersonRef;
  readonly pairId: string;
  readonly manager: PersonRef;
  readonly report: PersonRef;
  readonly cadence: Cadence;
  readonly goals: Goal[];
  readonly actionItems: ActionItem[];
  readonly backlog: Array<{ id: string; title: string; authorId: string }>;
  readonly sessions: SessionExport[];
}

export interface SessionExport {
  readonly id: string;
  readonly start: string;
  readonly status: SessionStatus;
  /** When a held meeting took place (ahead of its slot when it was held early). */
  readonly heldAt?: string;
  readonly topics: TopicView[];
  readonly checkIns: Array<CheckIn & { userId: string }>;
  readonly sharedNotes: Note[];
  readonly feedback: Feedback[];
  readonly myPrivateNotes: Note[];
  readonly myRating?: number;
}

export function renderPairMarkdown(data: PairExport): string {
  const name = (id: string) => md([data.manager, data.report].find((p) => p.id === id)?.displayName ?? id);
  const lines: string[] = [
    `# 1:1 ${md(data.manager.displayName)} and ${md(data.report.displayName)}`,
    '',
    `Exported ${data.exportedAt} by ${md(data.exportedBy.displayName)}. Private notes in this file are ${md(data.exportedBy.displayName)}'s own.`,
    '',
    '## Goals and development',
    '',
  ];
  if (data.goals.length === 0) lines.push('None yet.', '');
  for (const g of data.goals) {
    const extra = [g.competency && `competency: ${md(g.competency)}`, g.learningFormat && `format: ${g.learningFormat}`]
      .filter(Boolean)
      .join(', ');
    lines.push(`- **${md(g.title)}** (${g.kind}, ${g.status}${extra ? `, ${extra}` : ''})`);
    for (const m of g.milestones)
      lines.push(`  - [${m.doneAt ? 'x' : ' '}] ${md(m.title)}${m.due ? ` (due ${m.due})` : ''}`);
  }
  lines.push('', '## Action items', '');
  if (data.actionItems.length === 0) lines.push('None yet.');
  for (const a of data.actionItems) {
    lines.push(`- [${a.status === 'done' ? 'x' : ' '}] ${md(a.text)} (${name(a.ownerId)}, due ${a.due}, ${a.status})`);
  }
  lines.push('', '## Sessions', '');
  for (const s of data.sessions) {
    lines.push(`### ${(s.heldAt ?? s.start).slice(0, 10)} (${s.status})`, '');
    for (const c of s.checkIns)
      lines.push(`- Check-in ${name(c.userId)}: mood ${c.mood}/5${c.line ? `, ${md(c.line)}` : ''}`);
    if (s.topics.length > 0) lines.push('', '**Topics**', '');
    for (const t of s.topics) {
      const state = t.discussed ? 'x' : ' ';
      const carried = t.carriedForward ? ' (carried forward)' : '';
      lines.push(`- [${state}] ${md(t.title)} (${name(t.authorId)}, ${t.section})${carried}`);
    }
    if (s.sharedNotes.length > 0) lines.push('', '**Shared notes**', '');
    for (const n of s.sharedNotes) lines.push(`- ${name(n.authorId)}: ${md(n.text)}`);
    if (s.feedback.length > 0) lines.push('', '**Feedback**', '');
    for (const f of s.feedback) lines.push(`- ${name(f.fromId)} to ${name(f.toId)}: ${md(f.text)}`);
    if (s.myPrivateNotes.length > 0) lines.push('', '**My private notes**', '');
    for (const n of s.myPrivateNotes) lines.push(`- ${md(n.text)}`);
    if (s.myRating !== undefined) lines.push('', `My rating: ${s.myRating}/5`);
    lines.push('');
  }
  return lines.join('\n');
}
