import { agendaWith, topic } from '../test-support/agenda-fixture';
import {
  agendaProgress,
  carriedOverLabel,
  moveTopic,
  timeboxLeft,
  topicSections,
  withTopicAdded,
  withTopicOrder,
} from './agenda-logic';
import { translatorFor } from '../i18n/translator';
import { agendaStrings } from './agenda-strings';

const S = agendaStrings(translatorFor('en-GB'));

describe('agenda logic', () => {
  it('names the day the earlier meeting took place on a carry-over badge', () => {
    const moved = topic({
      id: 'm',
      title: 'x',
      carriedFrom: '20261205T100000Z',
      carriedFromAt: '2026-12-08T15:00:00Z',
    });
    expect(carriedOverLabel(moved, S.carriedFrom, 'en-GB', 'UTC')).toBe('Carried over from Tue 8 Dec');
    expect(
      carriedOverLabel(topic({ id: 'o', title: 'y', carriedFrom: '20261205T100000Z' }), S.carriedFrom, 'en-GB', 'UTC'),
    ).toBe('Carried over from Sat 5 Dec');
  });

  it('moves a topic one place and leaves the ends alone', () => {
    expect(moveTopic(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveTopic(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    // A drag moves one topic several places; the others keep their order.
    expect(moveTopic(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveTopic(['a', 'b', 'c', 'd'], 'd', -2)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveTopic(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveTopic(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveTopic(['a'], 'x', 1)).toEqual(['a']);
  });

  it('offers only the sections people put topics in', () => {
    expect(topicSections(agendaWith([])).map((s) => s.id)).toEqual([
      'progress',
      'topics',
      'deep-dive',
      'feedback',
      'next-steps',
    ]);
  });

  it('adds an optimistic topic once, even if the reload already has it', () => {
    const t = topic({ id: 't', title: 'x' });
    const once = withTopicAdded(agendaWith([]), t);
    expect(withTopicAdded(once, t).sections.find((s) => s.id === 'topics')?.topics).toHaveLength(1);
  });

  it('applies an order and counts what is discussed', () => {
    const a = agendaWith([topic({ id: 'a', title: 'A', discussed: true }), topic({ id: 'b', title: 'B' })]);
    const ordered = withTopicOrder(a, 'topics', ['b', 'a']);
    expect(ordered.sections.find((s) => s.id === 'topics')?.topics.map((t) => t.id)).toEqual(['b', 'a']);
    expect(agendaProgress(a)).toEqual({ done: 1, total: 2 });
  });

  it('counts a timebox down and then says by how much it ran over', () => {
    const start = '2026-11-25T10:00:00.000Z';
    expect(timeboxLeft(start, 15, Date.parse(start) + 60_500)).toEqual({ left: '14:00', over: false });
    expect(timeboxLeft(start, 15, Date.parse(start))).toEqual({ left: '15:00', over: false });
    expect(timeboxLeft(start, 15, Date.parse(start) + 16 * 60_000 + 5_000)).toEqual({ left: '1:05', over: true });
  });
});
