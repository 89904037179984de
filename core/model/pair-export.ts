import type { TopicView, PersonRef } from './agenda-view';
import type { Cadence } from './cadence';
import type { ActionItem, CheckIn, Feedback, Goal, Note } from './documents';
import { escapeMarkdown as md } from './markdown';
import type { SessionStatus } from './timeline';
import { isCustomSectionId, type CustomSectionId } from './templates';
import type { MessageId, Translator } from '../i18n/messages';

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
  /** The sections this session's template added and showed, with their titles (the manager's or a built-in's). */
  readonly addedSections?: ReadonlyArray<{
    readonly id: CustomSectionId;
    readonly title?: string;
    readonly titleKey?: string;
  }>;
}

/**
 * The export as Markdown in the reader's language (`t`, from their Accept-Language). Dates stay ISO: the file
 * is an archive, read anywhere; user text is escaped so it shows as typed.
 */
export function renderPairMarkdown(data: PairExport, translator: Translator): string {
  const { t } = translator;
  const name = (id: string) => md([data.manager, data.report].find((p) => p.id === id)?.displayName ?? id);
  const manager = md(data.manager.displayName);
  const report = md(data.report.displayName);
  const lines: string[] = [
    `# ${t('export.title', { manager, report })}`,
    '',
    t('export.exported', { at: data.exportedAt, name: md(data.exportedBy.displayName) }),
    '',
    `## ${t('export.goals')}`,
    '',
  ];
  if (data.goals.length === 0) lines.push(t('export.none'), '');
  for (const g of data.goals) {
    const extra = [
      t('export.goalState', { kind: g.kind, status: g.status }),
      g.competency && t('export.competency', { value: md(g.competency) }),
      g.learningFormat && t('export.format', { value: g.learningFormat.replace(/-/g, '_') }),
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`- **${md(g.title)}** (${extra})`);
    for (const m of g.milestones)
      lines.push(`  - [${m.doneAt ? 'x' : ' '}] ${md(m.title)}${m.due ? ` (${t('export.due', { due: m.due })})` : ''}`);
  }
  lines.push('', `## ${t('export.actions')}`, '');
  if (data.actionItems.length === 0) lines.push(t('export.none'));
  for (const a of data.actionItems) {
    const detail = t('export.actionLine', { owner: name(a.ownerId), due: a.due, status: a.status });
    lines.push(`- [${a.status === 'done' ? 'x' : ' '}] ${md(a.text)} (${detail})`);
  }
  lines.push('', `## ${t('export.sessions')}`, '');
  for (const s of data.sessions) {
    lines.push(
      `### ${(s.heldAt ?? s.start).slice(0, 10)} (${t('export.status', { status: s.status.replace(/-/g, '_') })})`,
      '',
    );
    for (const c of s.checkIns)
      lines.push(`- ${t('export.checkIn', { name: name(c.userId), mood: c.mood })}${c.line ? `, ${md(c.line)}` : ''}`);
    if (s.topics.length > 0) lines.push('', `**${t('export.topics')}**`, '');
    for (const topic of s.topics) {
      const state = topic.discussed ? 'x' : ' ';
      const carried = topic.carriedForward ? ` (${t('export.carriedForward')})` : '';
      const where = isCustomSectionId(topic.section)
        ? addedSectionTitle(s, topic.section, translator)
        : t(`section.${topic.section}`);
      lines.push(`- [${state}] ${md(topic.title)} (${name(topic.authorId)}, ${where})${carried}`);
    }
    if (s.sharedNotes.length > 0) lines.push('', `**${t('export.sharedNotes')}**`, '');
    for (const n of s.sharedNotes) lines.push(`- ${name(n.authorId)}: ${md(n.text)}`);
    if (s.feedback.length > 0) lines.push('', `**${t('export.feedback')}**`, '');
    for (const f of s.feedback)
      lines.push(`- ${t('export.feedbackLine', { from: name(f.fromId), to: name(f.toId) })}: ${md(f.text)}`);
    if (s.myPrivateNotes.length > 0) lines.push('', `**${t('export.privateNotes')}**`, '');
    for (const n of s.myPrivateNotes) lines.push(`- ${md(n.text)}`);
    if (s.myRating !== undefined) lines.push('', t('export.rating', { rating: s.myRating }));
    lines.push('');
  }
  return lines.join('\n');
}

/** An added section by its title; one this session's version hides or lacks is under Topics, as on the agenda. */
function addedSectionTitle(s: SessionExport, id: CustomSectionId, { t }: Translator): string {
  const section = s.addedSections?.find((a) => a.id === id);
  if (section?.title !== undefined) return md(section.title);
  if (section?.titleKey !== undefined) return t(section.titleKey as MessageId);
  return t('section.topics');
}
