import { createHarness } from '../../tests/support/use-case-harness';
import { agendaCard } from './agenda-card';
import { escapeText, type AdaptiveCardJson } from './card';
import { nudgeCard } from './nudge-card';
import { recapCard } from './recap-card';

// The package's lib/ build cannot load in Node (docs/toolchain.md, The bot); its dist bundle can.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Everything the Adaptive Cards library reports while parsing: unknown elements, bad properties. */
function parseEvents(json: AdaptiveCardJson): string[] {
  const context = new AC.SerializationContext();
  new AC.AdaptiveCard().parse(json, context);
  return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
}

const HOSTILE = '**urgent** [click](http://evil.example) <b>x</b> # _y_ 1. {{DATE(2026-01-01)}}';

async function scenario() {
  const h = createHarness();
  const pair = await h.createPair();
  const s0 = pair.sessionId(0);
  await h.uc.topics.add('blake', pair.pairId, s0, { title: HOSTILE });
  await h.uc.topics.add('avery', pair.pairId, s0, { title: 'Roadmap' });
  await h.uc.sessions.addNote('avery', pair.pairId, s0, { text: `Shared ${HOSTILE}`, private: false });
  await h.uc.sessions.addNote('avery', pair.pairId, s0, { text: 'PRIVATE thought', private: true });
  const { item } = await h.uc.commitments.addActionItem('blake', pair.pairId, {
    text: HOSTILE,
    ownerId: 'blake',
    due: '2026-03-10',
    sessionId: s0,
  });
  return { h, pair, s0, item };
}

describe('card builders', () => {
  it('escape every Markdown character so user text shows as typed', () => {
    const escaped = escapeText(HOSTILE);
    expect(escaped).not.toMatch(/(^|[^\\])[*[\]()_#]/);
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(HOSTILE);
  });

  it('build an agenda prompt the Adaptive Cards library parses without errors, with the text escaped', async () => {
    const { h, pair, s0 } = await scenario();
    const card = agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0));

    expect(parseEvents(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain(JSON.stringify(escapeText(HOSTILE)).slice(1, -1));
    expect(json).not.toContain('[click](http');
    expect(card.actions?.map((a) => a.verb)).toEqual(['tandem.addTopic', 'tandem.nothingFromMe']);
    expect(card.body.find((e) => e.type === 'Input.Text')).toMatchObject({ id: 'topic', maxLength: 200 });
  });

  it('drop "nothing from me" once said, and the input once the session is over', async () => {
    const { h, pair, s0 } = await scenario();
    await h.uc.sessions.nothingFromMe('blake', pair.pairId, s0);
    expect(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0)).actions?.map((a) => a.verb)).toEqual([
      'tandem.addTopic',
    ]);
    h.after(pair, 0);
    expect(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0)).actions).toBeUndefined();
  });

  it('build a recap with notes and action items (owner, due date) and never a private note', async () => {
    const { h, pair, s0 } = await scenario();
    h.after(pair, 0);
    const view = await h.uc.sessions.agenda('avery', pair.pairId, s0);
    const card = recapCard(view.recap!, view);

    expect(parseEvents(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('Blake Diaz, due 2026-03-10');
    expect(json).toContain('Shared');
    expect(json).toContain('Next session');
    expect(json).not.toContain('PRIVATE');
    expect(json).not.toContain('[click](http');
  });

  it("build a recap with the wins and the time spent per topic, the report's share of it", async () => {
    const { h, pair, s0 } = await scenario();
    const roadmap = (await h.agenda('avery', s0)).sections.flatMap((s) => s.topics).find((t) => t.title === 'Roadmap')!;
    h.at(pair, 0, 1);
    await h.uc.meeting.addWin('blake', pair.pairId, s0, { text: 'Shipped the beta' });
    await h.uc.meeting.discuss('avery', pair.pairId, s0, roadmap.id);
    h.at(pair, 0, 7);
    await h.uc.meeting.discuss('avery', pair.pairId, s0, null);
    h.after(pair, 0);
    const view = await h.uc.sessions.agenda('avery', pair.pairId, s0);
    const json = JSON.stringify(recapCard(view.recap!, view));
    expect(parseEvents(recapCard(view.recap!, view))).toEqual([]);
    expect(json).toContain('Shipped the beta');
    expect(json).toContain('Roadmap: 6 min');
    expect(json).toContain("0% of the time on Blake Diaz's topics");
  });

  it('build a nudge with "done" and "move the date" carrying the revision', async () => {
    const { item } = await scenario();
    const card = nudgeCard('avery-blake', item, 'Avery Chen');

    expect(parseEvents(card)).toEqual([]);
    expect(card.actions).toEqual([
      expect.objectContaining({ verb: 'tandem.actionDone', data: { pairId: 'avery-blake', itemId: item.id, rev: 1 } }),
      expect.objectContaining({ verb: 'tandem.moveDue', data: { pairId: 'avery-blake', itemId: item.id, rev: 1 } }),
    ]);
    expect(JSON.stringify(card)).not.toContain('[click](http');
  });
});
