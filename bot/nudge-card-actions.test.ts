import { TestAdapter, type Activity } from 'botbuilder';
import { translatorFor } from './i18n';
import { createHarness, type Harness, type PairFixture } from '../tests/support/use-case-harness';
import { MemoryDocumentStore } from '../adapters/memory/memory-document-store';
import type { ActionItem } from '../core/model/documents';
import { VERBS } from './cards/agenda-card';
import type { AdaptiveCardJson } from './cards/card';
import { nudgeCard, REFRESH_NUDGE } from './cards/nudge-card';
import { ConversationReferences } from './conversation-references';
import { ConfiguredIdentities } from './identity';
import { TandemBot } from './tandem-bot';

let h: Harness;
let pair: PairFixture;
let item: ActionItem;

function blakeAdapter(): TestAdapter {
  const bot = new TandemBot({
    useCases: h.uc,
    identities: new ConfiguredIdentities({ 'teams-blake': 'blake' }, false),
    refs: new ConversationReferences(new MemoryDocumentStore()),
    clock: h.clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return new TestAdapter(async (context) => bot.run(context), {
    channelId: 'msteams',
    from: { id: 'teams-blake', name: 'Blake' },
    recipient: { id: 'bot', name: 'Tandem' },
    conversation: { id: 'personal-teams-blake', conversationType: 'personal', isGroup: false, name: '' },
  });
}

/** Presses a button of `shown` as Teams does: its verb and data, with the card's inputs merged into the data. */
function press(shown: AdaptiveCardJson, title: string, inputs: Record<string, string> = {}): Partial<Activity> {
  const action = [...(shown.actions ?? []), shown.refresh?.action].find((a) => a?.title === title)!;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data as object), ...inputs } } },
  };
}

/** The card an invoke answered with: what Teams shows in place of the pressed one. */
const cardOf = (reply: Partial<Activity>) =>
  (reply.value as { body: { type: string; value: AdaptiveCardJson } }).body.value;
const words = (c: AdaptiveCardJson) => JSON.stringify(c.body);
const buttons = (c: AdaptiveCardJson) => (c.actions ?? []).map((a) => a.title);

beforeEach(async () => {
  h = createHarness();
  pair = await h.createPair();
  ({ item } = await h.uc.commitments.addActionItem('avery', pair.pairId, {
    text: 'Book the training',
    ownerId: 'blake',
    due: '2026-03-10',
    sessionId: pair.sessionId(0),
  }));
});

describe('the nudge card: done and snooze, refreshed in place', () => {
  it('snoozes to the date picked, then marks done, each time answering the card redrawn', async () => {
    let shown = nudgeCard(pair.pairId, item, 'Avery Chen', translatorFor('en'));
    expect(shown.refresh?.action).toMatchObject({ verb: REFRESH_NUDGE });

    await blakeAdapter()
      .send(press(shown, 'Move the date', { due: '2026-03-17' }))
      .assertReply((reply) => {
        shown = cardOf(reply);
        expect(words(shown)).toContain('Moved to');
        expect(words(shown)).toContain('due Mar 17, 2026');
        expect(buttons(shown)).toEqual(['Done', 'Move the date']);
      })
      .startTest();
    // The redrawn card carries the new revision: its Done works without reloading anything.
    await blakeAdapter()
      .send(press(shown, 'Done'))
      .assertReply((reply) => {
        shown = cardOf(reply);
        expect(words(shown)).toContain('Marked done');
        expect(buttons(shown)).toEqual([]);
      })
      .startTest();
    expect((await h.uc.pairs.overview('blake', pair.pairId)).actionItems[0]).toMatchObject({
      due: '2026-03-17',
      status: 'done',
    });
  });

  it('shows an item changed elsewhere as it is now instead of failing, and refreshes an old card', async () => {
    const old = nudgeCard(pair.pairId, item, 'Avery Chen', translatorFor('en'));
    await h.uc.commitments.editActionItem('blake', pair.pairId, item.id, { rev: 1, due: '2026-03-24' });

    await blakeAdapter()
      .send(press(old, 'Done'))
      .assertReply((reply) => {
        const now = cardOf(reply);
        expect(words(now)).toContain('It changed meanwhile');
        expect(words(now)).toContain('due Mar 24, 2026');
        expect(now.actions?.[0]).toMatchObject({ verb: VERBS.actionDone, data: { rev: 2 } });
      })
      .startTest();
    expect((await h.uc.pairs.overview('blake', pair.pairId)).actionItems[0]!.status).toBe('open');

    await h.uc.commitments.editActionItem('blake', pair.pairId, item.id, { rev: 2, status: 'done' });
    await blakeAdapter()
      .send(press(old, 'Refresh'))
      .assertReply((reply) => {
        const now = cardOf(reply);
        expect(words(now)).toContain('Done');
        expect(buttons(now)).toEqual([]);
      })
      .startTest();
  });
});
