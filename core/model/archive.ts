import type { ActionItem, PairDocument, Topic } from './documents';
import { startFromSessionId } from './ids';

/**
 * What is finished leaves the live pair document, so a write there touches a bounded amount of data however
 * long the pair has met (docs/performance.md, Storage): a topic discussed in a session that began more than
 * TOPIC_SETTLE_DAYS ago, and an action item closed more than ITEM_SETTLE_DAYS ago, move to the archive
 * document of their quarter. Goals stay (a pair holds at most 200). Nothing else changes: readers that need
 * the history merge the archives back (`withArchives`), so the model and the views see one pair document.
 */
export const TOPIC_SETTLE_DAYS = 14;
/** Longer than topics: the next agenda's progress shows what closed since the previous meeting. */
export const ITEM_SETTLE_DAYS = 90;
/** Reads reach for the archives this much earlier than writes settle: another instance's clock may be ahead. */
const SKEW_DAYS = 2;
const DAY = 86_400_000;

export interface ArchiveDocument {
  readonly schema: 1;
  readonly pairId: string;
  /** `2026-Q1`: the quarter a topic was discussed in (its session's start) or an item was closed in. */
  readonly period: string;
  topics: Topic[];
  actionItems: ActionItem[];
}

export function periodOf(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The quarters that overlap [from, to]. */
export function periodsBetween(from: number, to: number): string[] {
  const periods: string[] = [];
  const d = new Date(from);
  let year = d.getUTCFullYear();
  let quarter = Math.floor(d.getUTCMonth() / 3);
  while (Date.UTC(year, quarter * 3, 1) <= to) {
    periods.push(`${year}-Q${quarter + 1}`);
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year++;
  }
  return periods;
}

/** The live pair's settled topics and items, by the quarter they go to; empty when there is nothing to move. */
export function settledOf(
  pair: PairDocument,
  now: number,
): Map<string, { topics: Topic[]; actionItems: ActionItem[] }> {
  const byPeriod = new Map<string, { topics: Topic[]; actionItems: ActionItem[] }>();
  const periodEntry = (period: string) => {
    let entry = byPeriod.get(period);
    if (!entry) byPeriod.set(period, (entry = { topics: [], actionItems: [] }));
    return entry;
  };
  for (const t of pair.topics) {
    const at = t.discussedIn && startFromSessionId(t.discussedIn).getTime();
    if (at && at < now - TOPIC_SETTLE_DAYS * DAY) periodEntry(periodOf(at)).topics.push(t);
  }
  for (const a of pair.actionItems) {
    const at = a.status !== 'open' && a.closedAt ? Date.parse(a.closedAt) : undefined;
    if (at && at < now - ITEM_SETTLE_DAYS * DAY) periodEntry(periodOf(at)).actionItems.push(a);
  }
  return byPeriod;
}

/**
 * Puts the moved versions in (replacing an older copy of the same id, e.g. one reopened and discussed again):
 * moving twice, after a crash between the two writes, changes nothing.
 */
export function mergeIntoArchive(
  archive: ArchiveDocument,
  moved: { readonly topics: readonly Topic[]; readonly actionItems: readonly ActionItem[] },
): boolean {
  const before = JSON.stringify(archive);
  const topics = new Map(moved.topics.map((t) => [t.id, t]));
  const items = new Map(moved.actionItems.map((a) => [a.id, a]));
  archive.topics = [...archive.topics.filter((t) => !topics.has(t.id)), ...topics.values()];
  archive.actionItems = [...archive.actionItems.filter((a) => !items.has(a.id)), ...items.values()];
  return JSON.stringify(archive) !== before;
}

/** The pair with its archived history merged back; the live copy wins where both have an id (a crash mid-move). */
export function withArchives(pair: PairDocument, archives: readonly (ArchiveDocument | undefined)[]): PairDocument {
  const topicIds = new Set(pair.topics.map((t) => t.id));
  const itemIds = new Set(pair.actionItems.map((a) => a.id));
  const topics = [...pair.topics];
  const actionItems = [...pair.actionItems];
  for (const archive of archives) {
    if (!archive) continue;
    for (const t of archive.topics) if (!topicIds.has(t.id) && topicIds.add(t.id)) topics.push(t);
    for (const a of archive.actionItems) if (!itemIds.has(a.id) && itemIds.add(a.id)) actionItems.push(a);
  }
  return { ...pair, topics, actionItems };
}

/**
 * Whether the view of a session may need archived material: a topic discussed in it or after it (topics are
 * carried), or an item closed since the previous meeting (its progress), may have settled already.
 */
export function viewReachesArchive(sessionStart: number, previousStart: number | undefined, now: number): boolean {
  return (
    sessionStart < now - (TOPIC_SETTLE_DAYS - SKEW_DAYS) * DAY ||
    (previousStart ?? sessionStart) < now - (ITEM_SETTLE_DAYS - SKEW_DAYS) * DAY
  );
}

/** The quarters such a view reads: from the previous meeting through the carry window after the session. */
export function viewPeriods(sessionStart: number, previousStart: number | undefined, now: number): string[] {
  return periodsBetween(Math.min(previousStart ?? sessionStart, sessionStart), Math.min(now, sessionStart + 400 * DAY));
}
