import type { Recap } from '../../core/model/recap';
import { translatorFor } from '../i18n';
import { recapCard } from './recap-card';

// The package's lib/ build cannot load in Node; its dist bundle can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

const people = {
  manager: { id: 'avery', displayName: 'Avery Chen' },
  report: { id: 'blake', displayName: 'Blake Diaz' },
};
const recap: Recap = {
  sessionId: '20260310T100000Z',
  heldOn: '2026-03-10T10:00:00.000Z',
  discussed: [],
  carriedForward: [],
  sharedNotes: [],
  actionItems: [],
  wins: [],
  time: { topics: [], totalSeconds: 0 },
  goalsMoved: [
    {
      id: 'g-1',
      title: 'Ship **search** [now](http://x)',
      milestones: [
        { title: 'Prototype', done: true },
        { title: 'Load test', done: false },
      ],
    },
  ],
};

describe('the recap card says which goals moved', () => {
  it('lists each milestone with its goal, in the reader’s language, user text as typed', () => {
    const card = recapCard(recap, people, translatorFor('de-DE'), 'blake');
    const json = JSON.stringify(card.body);
    expect(json).toContain('Ziele, die vorangekommen sind');
    expect(json).toContain('{"type":"TextRun","text":"Ship **search** [now](http://x)"}');
    expect(json).toContain('(erledigt)');
    expect(json).toContain('(geändert)');
    const context = new AC.SerializationContext();
    new AC.AdaptiveCard().parse(card, context);
    expect(context.eventCount).toBe(0);
  });

  it('says nothing about goals when none moved', () => {
    const { goalsMoved: _none, ...quiet } = recap;
    expect(JSON.stringify(recapCard(quiet, people, translatorFor('en')).body)).not.toContain('Goals that moved');
  });
});
