import type { Translator } from '../../core/i18n/messages';
import { addinEn } from '../../core/i18n/catalogs/addin/en';
import { englishTranslator } from '../../ui/i18n/english';
import type { AgendaView, TopicView } from '../../ui/api/types';

/**
 * The readable agenda the organizer puts into the invite body. Every piece of user text is HTML-escaped. The
 * block sits between comment markers inside a `div#tandem-agenda`, so a later insert finds and replaces it
 * instead of stacking another; Outlook may drop comments or prefix ids (`x_tandem-agenda`), so both are
 * recognised. The Teams meeting block is never part of what is replaced.
 */
export const BLOCK_ID = 'tandem-agenda';
const BEGIN = `<!-- ${BLOCK_ID}:begin -->`;
const END = `<!-- ${BLOCK_ID}:end -->`;
const MARKED = new RegExp(`<!--\\s*${BLOCK_ID}:begin\\s*-->[\\s\\S]*?<!--\\s*${BLOCK_ID}:end\\s*-->`, 'g');
const BLOCK_DIV = new RegExp(`<div\\b[^>]*\\bid=["']?(?:x_)?${BLOCK_ID}["'\\s>]`, 'i');
const TEAMS_MEETING = /teams\.microsoft\.com\/l\/meetup-join|microsoft teams meeting/i;

export interface AgendaBlockOptions {
  /** Opens the meeting's Tandem tab in Teams (or the tab's page in embedded mode). */
  readonly tabUrl?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** The organizer's language (the add-in's); English when none is given. */
  readonly translator?: Translator;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web links go into an href: never `javascript:` or `data:`. */
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? escapeHtml(parsed.href) : undefined;
  } catch {
    return undefined;
  }
}

function topicLine(agenda: AgendaView, topic: TopicView): string {
  const author = topic.authorId === agenda.manager.id ? agenda.manager : agenda.report;
  const detail = topic.detail ? `<br><span style="color:#605e5c">${escapeHtml(topic.detail)}</span>` : '';
  return `<li>${escapeHtml(topic.title)} <span style="color:#605e5c">(${escapeHtml(author.displayName)})</span>${detail}</li>`;
}

/** The agenda's content as HTML: a heading line, each section that has topics, open commitments, the link. */
export function agendaHtml(agenda: AgendaView, options: AgendaBlockOptions = {}): string {
  const { t } = options.translator ?? englishTranslator(addinEn);
  const when = new Date(agenda.start).toLocaleString(options.locale ?? options.translator?.locale ?? 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.timeZone && { timeZone: options.timeZone }),
  });
  const title = t('invite.title', { manager: agenda.manager.displayName, report: agenda.report.displayName, when });
  const parts = [`<p style="margin:0 0 6px"><b>${escapeHtml(title)}</b></p>`];
  // The invite goes to both people: the organizer's private talking points stay out of it.
  const withTopics = agenda.sections
    .map((s) => ({ ...s, topics: s.topics.filter((t) => !t.private) }))
    .filter((s) => s.topics.length > 0);
  for (const section of withTopics) {
    parts.push(`<p style="margin:6px 0 2px"><b>${escapeHtml(section.title)}</b></p>`);
    parts.push(
      `<ul style="margin:0 0 0 20px;padding:0">${section.topics.map((t) => topicLine(agenda, t)).join('')}</ul>`,
    );
  }
  if (withTopics.length === 0) parts.push(`<p style="margin:0">${escapeHtml(t('invite.noTopics'))}</p>`);
  const open = agenda.progress.actionItems.filter((a) => a.status === 'open');
  if (open.length > 0) {
    parts.push(`<p style="margin:6px 0 2px"><b>${escapeHtml(t('invite.openCommitments'))}</b></p>`);
    const items = open
      .map((a) => `<li>${escapeHtml(t('invite.commitment', { text: a.text, due: a.due }))}</li>`)
      .join('');
    parts.push(`<ul style="margin:0 0 0 20px;padding:0">${items}</ul>`);
  }
  const href = options.tabUrl && safeHref(options.tabUrl);
  if (href) parts.push(`<p style="margin:6px 0 0"><a href="${href}">${escapeHtml(t('invite.openInTeams'))}</a></p>`);
  return parts.join('\n');
}

/** The block for the invite body, markers included. */
export function agendaBlock(agenda: AgendaView, options: AgendaBlockOptions = {}): string {
  const style =
    'font-family:Segoe UI,Arial,sans-serif;font-size:14px;border-left:3px solid #5b5fc7;padding:4px 10px;margin:0 0 12px';
  return `${BEGIN}<div id="${BLOCK_ID}" style="${style}">\n${agendaHtml(agenda, options)}\n</div>${END}`;
}

export class AgendaBlockError extends Error {
  override readonly name = 'AgendaBlockError';
}

/** Where an earlier block sits in the body: by its markers, else by its div (markers stripped by the host). */
function findBlocks(body: string): Array<[start: number, end: number]> {
  const marked = [...body.matchAll(MARKED)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  if (marked.length > 0) return marked;
  const open = BLOCK_DIV.exec(body);
  if (!open) return [];
  const end = closingDivEnd(body, open.index);
  return end === undefined ? [] : [[open.index, end]];
}

/** The index just past the `</div>` that closes the div opening at `start`, counting nested divs. */
function closingDivEnd(html: string, start: number): number | undefined {
  const tag = /<(\/?)div\b[^>]*>/gi;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return undefined;
}

export function hasAgendaBlock(body: string): boolean {
  return findBlocks(body).length > 0;
}

/**
 * The body with `block` in place of the earlier agenda block (every copy of it, should there be several),
 * or at the top of the body when there is none. Throws rather than replace a region holding the Teams link.
 */
export function withAgendaBlock(body: string, block: string): string {
  const found = findBlocks(body);
  if (found.length === 0) {
    const bodyTag = /<body\b[^>]*>/i.exec(body);
    if (!bodyTag) return block + body;
    const at = bodyTag.index + bodyTag[0].length;
    return body.slice(0, at) + block + body.slice(at);
  }
  if (found.some(([s, e]) => TEAMS_MEETING.test(body.slice(s, e))))
    throw new AgendaBlockError('The earlier agenda block runs into the Teams meeting details; remove it by hand.');
  let result = body;
  for (const [index, [s, e]] of [...found.entries()].reverse()) {
    result = result.slice(0, s) + (index === 0 ? block : '') + result.slice(e);
  }
  return result;
}
