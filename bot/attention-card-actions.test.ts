import { TestAdapter, type Activity } from 'botbuilder';
import { MemoryDocumentStore } from '../adapters/memory/memory-document-store';
import { DEFAULT_ATTENTION } from '../core/model/attention';
import { createHarness, type Harness } from '../tests/support/use-case-harness';
import { ATTENTION_VERBS, attentionCard } from './cards/attention-card';
import type { AdaptiveCardJson } from './cards/card';
import { ConversationReferences } from './conversation-references';
import { translatorFor } from './i18n';
import { ConfiguredIdentities } from './identity';
import { TandemBot } from './tandem-bot';

let h: Harness;

function adapter(conversationType: 'personal' | 'groupChat' = 'personal', locale = 'en-US'): TestAdapter {
  const bot = new TandemBot({
    useCases: h.uc,
    identities: new ConfiguredIdentities({ 'teams-blake': 'blake' }, false),
    refs: new ConversationReferences(new MemoryDocumentStore()),
    clock: h.clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return new TestAdapter(async (context) => bot.run(context), {
    channelId: 'msteams',
    locale,
    from: { id: 'teams-blake', name: 'Blake' },
    recipient: { id: 'bot', name: 'Tandem' },
    conversation: { id: `${conversationType}-teams-blake`, conversationType, isGroup: false, name: '' },
  });
}

/** Presses a button of `shown` as Teams does: its verb and data, with the card's inputs merged into the data. */
function press(shown: AdaptiveCardJson, verb: string, inputs: Record<string, string> = {}): Partial<Activity> {
  const action = [...(shown.actions ?? []), shown.refresh?.action].find((a) => a?.verb === verb)!;
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data as object), ...inputs } } },
  };
}

const cardOf = (reply: Partial<Activity>) =>
  (reply.value as { body: { type: string; value: AdaptiveCardJson } }).body.value;
const sentCard = (reply: Partial<Activity>) => reply.attachments![0]!.content as AdaptiveCardJson;
/** The value each input of a card holds, by id. */
const inputs = (c: AdaptiveCardJson) =>
  Object.fromEntries(c.body.filter((e) => typeof e.id === 'string').map((e) => [e.id as string, e.value]));

beforeEach(() => {
  h = createHarness();
});

describe('the settings card: each person chooses prompts and nudges, refreshed in place', () => {
  it('"settings" shows the quiet defaults; saving stores the choice and answers the card redrawn', async () => {
    let shown!: AdaptiveCardJson;
    await adapter()
      .send('settings')
      .assertReply((reply) => {
        shown = sentCard(reply);
        expect(inputs(shown)).toEqual({
          prompt: 'true',
          promptHoursBefore: '24',
          skipWhenMyTopics: 'true',
          nudges: 'true',
        });
        expect(shown.refresh).toMatchObject({ action: { verb: ATTENTION_VERBS.refresh } });
        expect(shown.refresh?.userIds).toBeUndefined();
      })
      .startTest();

    await adapter()
      .send(press(shown, ATTENTION_VERBS.save, { promptHoursBefore: '2', nudges: 'false', prompt: 'true' }))
      .assertReply((reply) => {
        const now = cardOf(reply);
        expect(JSON.stringify(now.body)).toContain('Saved.');
        expect(inputs(now)).toMatchObject({ promptHoursBefore: '2', nudges: 'false', prompt: 'true' });
      })
      .startTest();
    expect(await h.uc.attention.get('blake')).toEqual({ ...DEFAULT_ATTENTION, promptHoursBefore: 2, nudges: false });
  });

  it('is a card the Adaptive Cards library parses without errors', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
    const context = new AC.SerializationContext();
    new AC.AdaptiveCard().parse(attentionCard(DEFAULT_ATTENTION, translatorFor('ja'), 'x'), context);
    expect(Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message)).toEqual([]);
  });

  it('refreshes an old card to what was chosen since in the tab', async () => {
    const old = attentionCard(DEFAULT_ATTENTION, translatorFor('en'));
    await h.uc.attention.update('blake', { prompt: false });

    await adapter()
      .send(press(old, ATTENTION_VERBS.refresh))
      .assertReply((reply) => {
        expect(inputs(cardOf(reply))).toMatchObject({ prompt: 'false' });
        expect(JSON.stringify(cardOf(reply).body)).not.toContain('Saved.');
      })
      .startTest();
  });

  it('refuses an hour it does not offer and changes nothing', async () => {
    const shown = attentionCard(DEFAULT_ATTENTION, translatorFor('en'));
    await adapter()
      .send(press(shown, ATTENTION_VERBS.save, { promptHoursBefore: '3' }))
      .assertReply((reply) => expect(JSON.stringify(cardOf(reply))).toContain('did not work'))
      .startTest();
    expect(await h.uc.attention.get('blake')).toEqual(DEFAULT_ATTENTION);
  });

  it('answers in the person’s language, and the German word works too', async () => {
    await adapter('personal', 'de-DE')
      .send('einstellungen')
      .assertReply((reply) => {
        const words = JSON.stringify(sentCard(reply).body);
        expect(words).toContain('Woran ich dich erinnere');
        expect(words).toContain('24 Stunden vorher');
      })
      .startTest();
  });

  it('in a group chat, points to the personal chat instead of showing one person’s choices to all', async () => {
    await adapter('groupChat')
      .send('settings')
      .assertReply((reply) => {
        expect(reply.attachments ?? []).toEqual([]);
        expect(reply.text).toContain('personal chat');
      })
      .startTest();
  });
});
