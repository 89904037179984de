import { createHarness } from '../../tests/support/use-case-harness';
import { agendaCard, sharedAgendaCard } from './agenda-card';
import { translatorFor } from '../i18n';
import { escapeText, REFRESH_VERB, withRefresh, type AdaptiveCardJson } from './card';
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

const en = translatorFor('en-US');
const de = translatorFor('de-DE');

/** Every piece of text a card shows (TextBlocks, TextRuns, labels, button titles), in order. */
function texts(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(texts);
  if (typeof json !== 'object' || json === null) return [];
  const o = json as Record<string, unknown>;
  const own = ['text', 'title', 'label', 'placeholder'].flatMap((k) => (typeof o[k] === 'string' ? [o[k]] : []));
  return [...own, ...Object.values(o).flatMap(texts)] as string[];
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
    const card = agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0), en);

    expect(parseEvents(card)).toEqual([]);
    // User text sits in TextRuns, which Teams never reads as Markdown; only `{{` is broken up.
    expect(texts(card)).toContain(HOSTILE.replace('{{', '{\u200b{'));
    expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock","text":"[^"]*\[click\]\(http/);
    expect(card.actions?.map((a) => a.verb)).toEqual(['tandem.addTopic', 'tandem.nothingFromMe']);
    expect(card.body.find((e) => e.type === 'Input.Text')).toMatchObject({ id: 'topic', maxLength: 200 });
  });

  it('drop "nothing from me" once said, and the input once the session is over', async () => {
    const { h, pair, s0 } = await scenario();
    await h.uc.sessions.nothingFromMe('blake', pair.pairId, s0);
    expect(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0), en).actions?.map((a) => a.verb)).toEqual([
      'tandem.addTopic',
    ]);
    h.after(pair, 0);
    expect(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0), en).actions).toBeUndefined();
  });

  it('build a recap with notes and action items (owner, due date) and never a private note', async () => {
    const { h, pair, s0 } = await scenario();
    h.after(pair, 0);
    const view = await h.uc.sessions.agenda('avery', pair.pairId, s0);
    const card = recapCard(view.recap!, view, en);

    expect(parseEvents(card)).toEqual([]);
    const shown = texts(card);
    expect(shown).toContain(' (Blake Diaz, due Mar 10, 2026)');
    expect(shown).toContain(`Shared ${HOSTILE.replace('{{', '{\u200b{')}`);
    expect(shown.some((t) => t.startsWith('Next session: {{DATE('))).toBe(true);
    expect(JSON.stringify(card)).not.toContain('PRIVATE');
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
    const card = recapCard(view.recap!, view, en);
    const json = JSON.stringify(card);
    expect(parseEvents(card)).toEqual([]);
    expect(json).toContain('Shipped the beta');
    expect(texts(card)).toContain(' (6 min)');
    expect(json).toContain("0% of the time went to Blake Diaz's topics");
  });

  it('build a nudge with "done" and "move the date" carrying the revision', async () => {
    const { item } = await scenario();
    const card = nudgeCard('avery-blake', item, 'Avery Chen', en);

    expect(parseEvents(card)).toEqual([]);
    expect(card.actions).toEqual([
      expect.objectContaining({ verb: 'tandem.actionDone', data: { pairId: 'avery-blake', itemId: item.id, rev: 1 } }),
      expect.objectContaining({ verb: 'tandem.moveDue', data: { pairId: 'avery-blake', itemId: item.id, rev: 1 } }),
    ]);
    expect(texts(card)).toContain('From your 1:1 with Avery Chen; due Mar 10, 2026');
  });

  it('speak the reader’s language: a German reader gets a German card, dates as Germans write them', async () => {
    const { h, pair, s0, item } = await scenario();
    const agenda = agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0), de);
    expect(texts(agenda)).toEqual(
      expect.arrayContaining(['Dein 1:1 mit Avery Chen', 'Thema hinzufügen', 'Diesmal nichts von mir']),
    );
    expect(texts(agenda).find((t) => t.includes('{{DATE('))).toMatch(/ · 2 Themen$/);
    expect(texts(nudgeCard('avery-blake', item, 'Avery Chen', de))).toContain(
      'Aus deinem 1:1 mit Avery Chen; fällig am 10.03.2026',
    );
  });

  it('put the meeting time in Teams’ date functions, so each reader sees their own zone and locale', async () => {
    const { h, pair, s0 } = await scenario();
    const view = await h.uc.sessions.agenda('blake', pair.pairId, s0);
    const at = new Date(view.start).toISOString().replace('.000Z', 'Z');
    expect(texts(agendaCard(view, en))).toContain(`{{DATE(${at}, SHORT)}} {{TIME(${at})}} · 2 topics`);
  });

  it('carry a refresh block for the two people, and give each of them their own view', async () => {
    const { h, pair, s0 } = await scenario();
    const shared = sharedAgendaCard(await h.uc.sessions.agenda('avery', pair.pairId, s0), en);
    const posted = withRefresh(shared, { kind: 'agenda', pairId: pair.pairId, sessionId: s0 }, [
      '29:avery',
      '29:blake',
    ]);
    expect(parseEvents(posted)).toEqual([]);
    expect(posted.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: REFRESH_VERB,
        data: { kind: 'agenda', pairId: pair.pairId, sessionId: s0 },
      },
      userIds: ['29:avery', '29:blake'],
    });
    // The shared card speaks from neither side.
    expect(texts(posted)[0]).toBe('1:1 of Avery Chen and Blake Diaz');
    expect(texts(posted).join(' ')).not.toMatch(/\byou(rs)?\b/i);

    const averys = texts(agendaCard(await h.uc.sessions.agenda('avery', pair.pairId, s0), en));
    const blakes = texts(agendaCard(await h.uc.sessions.agenda('blake', pair.pairId, s0), en));
    expect(averys[0]).toBe('Your 1:1 with Blake Diaz');
    expect(blakes[0]).toBe('Your 1:1 with Avery Chen');
    // Each sees their own topic marked as theirs, and the other's with its author's name.
    expect(averys).toEqual(expect.arrayContaining(['Roadmap', ' (yours; Topics)', ' (Topics, Blake Diaz)']));
    expect(blakes).toEqual(expect.arrayContaining(['Roadmap', ' (Topics, Avery Chen)', ' (yours; Topics)']));
    expect(averys).not.toEqual(blakes);
  });

  it('give each person their own recap: their action items as theirs', async () => {
    const { h, pair, s0 } = await scenario();
    h.after(pair, 0);
    const view = await h.uc.sessions.agenda('avery', pair.pairId, s0);
    const blakes = texts(recapCard(view.recap!, view, en, 'blake'));
    const averys = texts(recapCard(view.recap!, view, en, 'avery'));
    expect(blakes).toEqual(expect.arrayContaining(['Recap: your 1:1 with Avery Chen', 'Your action item']));
    expect(averys).toEqual(expect.arrayContaining(['Recap: your 1:1 with Blake Diaz', 'Action item for Blake Diaz']));
    expect(averys).not.toContain('Your action item');
  });
});
