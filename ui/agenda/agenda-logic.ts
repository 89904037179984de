import { dateFormat } from '../../core/i18n/date-format';
import { startFromSessionId } from '../../core/model/ids';
import type { AgendaView, SectionView, TopicSectionId, TopicView } from '../api/types';

/** Sections a person may put topics in, in the order the agenda shows them. */
export function topicSections(agenda: AgendaView): SectionView[] {
  return agenda.sections.filter((s) => s.id !== 'check-in' && s.id !== 'recap');
}

/** The section's topic ids with one topic moved by `delta` places (-1 up, +1 down, more for a drag); unchanged past either end. */
export function moveTopic(topicIds: readonly string[], topicId: string, delta: number): string[] {
  const ids = [...topicIds];
  const from = ids.indexOf(topicId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  ids.splice(to, 0, ...ids.splice(from, 1));
  return ids;
}

/** The agenda as it will look once the service accepts a new topic: shown at once, replaced by the reload. */
export function withTopicAdded(agenda: AgendaView, topic: TopicView): AgendaView {
  return {
    ...agenda,
    sections: agenda.sections.map((s) =>
      s.id === topic.section && !s.topics.some((t) => t.id === topic.id) ? { ...s, topics: [...s.topics, topic] } : s,
    ),
  };
}

export function withTopicOrder(agenda: AgendaView, section: TopicSectionId, topicIds: readonly string[]): AgendaView {
  return {
    ...agenda,
    sections: agenda.sections.map((s) => {
      if (s.id !== section) return s;
      const byId = new Map(s.topics.map((t) => [t.id, t]));
      return { ...s, topics: topicIds.map((id) => byId.get(id)).filter((t): t is TopicView => t !== undefined) };
    }),
  };
}

export function withTopicReplaced(agenda: AgendaView, topic: TopicView): AgendaView {
  return {
    ...agenda,
    sections: agenda.sections.map((s) => ({ ...s, topics: s.topics.map((t) => (t.id === topic.id ? topic : t)) })),
  };
}

/** "Mon 17 Nov": short enough for a 280 px side panel, in the viewer's own time zone. */
export function sessionDate(sessionId: string, locale?: string, timeZone?: string): string {
  return shortDate(startFromSessionId(sessionId), locale, timeZone);
}

function shortDate(date: Date, locale?: string, timeZone?: string): string {
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(timeZone && { timeZone }),
  }).format(date);
}

/** Names the day the earlier meeting took place (a moved meeting's new date), not its original slot. */
export function carriedOverLabel(
  topic: TopicView,
  say: (day: string) => string,
  locale?: string,
  timeZone?: string,
): string | undefined {
  if (!topic.carriedFrom) return undefined;
  const day = topic.carriedFromAt
    ? shortDate(new Date(topic.carriedFromAt), locale, timeZone)
    : sessionDate(topic.carriedFrom, locale, timeZone);
  return say(day);
}

/** Counts for the progress line: how much of the agenda is checked off. */
export function agendaProgress(agenda: AgendaView): { done: number; total: number } {
  const topics = topicSections(agenda).flatMap((s) => s.topics);
  return { done: topics.filter((t) => t.discussed).length, total: topics.length };
}

/** Minutes and seconds left in a timebox, or (with `over`) how far past it the deep dive ran. */
export function timeboxLeft(startedAt: string, minutes: number, now: number): { left: string; over: boolean } {
  const remaining = Date.parse(startedAt) + minutes * 60_000 - now;
  // A countdown shows 15:00 at the start and 0:00 only when time is up.
  const seconds = remaining >= 0 ? Math.ceil(remaining / 1000) : Math.floor(-remaining / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return { left: text, over: remaining < 0 };
}
