import { TestAdapter, type Activity } from 'botbuilder';
import { createHarness, type Harness, type PairFixture } from '../tests/support/use-case-harness';
import { MemoryDocumentStore } from '../adapters/memory/memory-document-store';
import { ConversationReferences } from './conversation-references';
import { ConfiguredIdentities } from './identity';
import { TandemBot } from './tandem-bot';

let h: Harness;
let pair: PairFixture;
let refs: ConversationReferences;

function adapterFor(
  teamsId: string,
  conversation: Partial<Activity['conversation']> = {},
  locale = 'en-US',
): TestAdapter {
  const bot = new TandemBot({
    useCases: h.uc,
    identities: new ConfiguredIdentities(
      { 'teams-blake': 'blake', 'teams-avery': 'avery', 'teams-devon': 'devon' },
      false,
    ),
    refs,
    clock: h.clock,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return new TestAdapter(async (context) => bot.run(context), {
    channelId: 'msteams',
    locale,
    from: { id: teamsId, name: teamsId },
    recipient: { id: 'bot', name: 'Tandem' },
    conversation: {
      id: `personal-${teamsId}`,
      conversationType: 'personal',
      isGroup: false,
      name: '',
      ...conversation,
    },
  });
}

const invoke = (verb: string, data: Record<string, unknown>): Partial<Activity> => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data } },
});

const topicTitles = async (actor = 'blake') =>
  (await h.uc.sessions.agenda(actor, pair.pairId, pair.sessionId(0))).sections.flatMap((s) =>
    s.topics.map((t) => t.title),
  );

beforeEach(async () => {
  h = createHarness();
  pair = await h.createPair();
  refs = new ConversationReferences(new MemoryDocumentStore());
});

describe('TandemBot', () => {
  it('answers help, and anything else kindly', async () => {
    await adapterFor('teams-blake')
      .send('help')
      .assertReply((a) => expect(a.text).toContain('**add** *topic*'))
      .send('how are you?')
      .assertReply((a) => expect(a.text).toMatch(/didn’t catch that/))
      .startTest();
  });

  it('stores the personal conversation reference on install, by Tandem user', async () => {
    await adapterFor('teams-blake')
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Tandem' }] })
      .assertReply((a) => expect(a.text).toContain('I help you'))
      .startTest();
    expect((await refs.forUser('blake'))?.conversation?.id).toBe('personal-teams-blake');
  });

  it('adds a topic by its author with "add", to the next session', async () => {
    await adapterFor('teams-blake')
      .send('add Salary review')
      .assertReply((a) => expect(a.text).toBe('Added “Salary review” to your 1:1 with Avery Chen.'))
      .startTest();
    const agenda = await h.uc.sessions.agenda('blake', pair.pairId, pair.sessionId(0));
    expect(agenda.sections.flatMap((s) => s.topics).find((t) => t.title === 'Salary review')?.authorId).toBe('blake');
  });

  it('shows the agenda as a card and lists open actions', async () => {
    await h.uc.commitments.addActionItem('avery', pair.pairId, {
      text: 'Book the training',
      ownerId: 'blake',
      due: '2026-03-10',
      sessionId: pair.sessionId(0),
    });
    await adapterFor('teams-blake')
      .send('agenda')
      .assertReply((a) => expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive'))
      .send('actions')
      .assertReply((a) => expect(a.text).toContain('Book the training (due Mar 10, 2026, with Avery Chen)'))
      .startTest();
  });

  it("answers from the shared agenda only: a person's private notes store is never read by the bot", async () => {
    // In Microsoft 365 mode a private notes store is reachable only from its owner's own request; a bot turn
    // or a job is not one, so the bot must not need it (and its cards never show private notes anyway).
    jest.spyOn(h.personalStores, 'forUser').mockImplementation(() => {
      throw new Error('private notes are out of reach here');
    });
    await adapterFor('teams-blake')
      .send('agenda')
      .assertReply((a) => expect(a.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive'))
      .startTest();
  });

  it('adds a topic from the card and answers with the refreshed agenda', async () => {
    await adapterFor('teams-blake')
      .send(invoke('tandem.addTopic', { pairId: pair.pairId, sessionId: pair.sessionId(0), topic: 'Mentoring' }))
      .assertReply((a) => {
        expect(a.type).toBe('invokeResponse');
        expect(JSON.stringify(a.value)).toContain('Mentoring');
      })
      .startTest();
    expect(await topicTitles()).toEqual(['Mentoring']);
  });

  it('records "nothing from me" for the session', async () => {
    await adapterFor('teams-avery')
      .send(invoke('tandem.nothingFromMe', { pairId: pair.pairId, sessionId: pair.sessionId(0) }))
      .assertReply((a) => expect(JSON.stringify(a.value)).toContain('Noted'))
      .startTest();
    expect((await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(0))).nothingFromMe).toBe(true);
  });

  it("leaves authorization to core: a stranger cannot add to someone else's 1:1", async () => {
    await adapterFor('teams-devon')
      .send(invoke('tandem.addTopic', { pairId: pair.pairId, sessionId: pair.sessionId(0), topic: 'Sneaky' }))
      .assertReply((a) => expect(JSON.stringify(a.value)).toContain('did not work'))
      .startTest();
    expect(await topicTitles()).toEqual([]);
  });

  it('tells an unmapped Teams user that it does not know them, and changes nothing', async () => {
    await adapterFor('teams-stranger')
      .send('add Anything')
      .assertReply((a) => expect(a.text).toMatch(/don’t know you/))
      .startTest();
    expect(await topicTitles()).toEqual([]);
  });

  it('marks an action item done and moves a due date from the nudge card', async () => {
    const { item } = await h.uc.commitments.addActionItem('avery', pair.pairId, {
      text: 'Book the training',
      ownerId: 'blake',
      due: '2026-03-10',
      sessionId: pair.sessionId(0),
    });
    await adapterFor('teams-blake')
      .send(invoke('tandem.moveDue', { pairId: pair.pairId, itemId: item.id, rev: 1, due: '2026-03-17' }))
      .assertReply((a) => expect(JSON.stringify(a.value)).toContain('Moved to Mar 17, 2026'))
      .send(invoke('tandem.actionDone', { pairId: pair.pairId, itemId: item.id, rev: 2 }))
      .assertReply((a) => expect(JSON.stringify(a.value)).toContain('Marked done'))
      .startTest();
    const overview = await h.uc.pairs.overview('blake', pair.pairId);
    expect(overview.actionItems[0]).toMatchObject({ due: '2026-03-17', status: 'done' });
  });

  it('ends the session on meetingEnd in the meeting chat, which is what plans its recap', async () => {
    const chatId = (await h.uc.pairs.summary('avery', pair.pairId))!.chatId!;
    h.at(pair, 0, 25);
    await adapterFor('teams-avery', { id: chatId, conversationType: 'groupChat', isGroup: true })
      .send({
        type: 'event',
        name: 'application/vnd.microsoft.meetingEnd',
        value: {
          Id: 'm',
          MeetingType: 'Scheduled',
          JoinUrl: 'https://x',
          Title: '1:1',
          EndTime: h.clock.now().toISOString(),
        },
      })
      .startTest();
    // The session-ended change is the one recap trigger (server/bot-wiring.ts listens for it).
    expect(h.changes.filter((c) => c.kind === 'session-ended')).toEqual([
      expect.objectContaining({ pairId: pair.pairId, sessionId: pair.sessionId(0), by: 'avery' }),
    ]);
    expect((await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(0))).status).toBe('held');
    // A meeting event says nothing about the chat's installation: the recap goes where the bot was added.
    expect(await refs.forChat(chatId)).toBeUndefined();
  });

  it('leaves the next session alone when a meeting starts in the chat days before it', async () => {
    const chatId = (await h.uc.pairs.summary('avery', pair.pairId))!.chatId!;
    h.clock.set(new Date(pair.start(0).getTime() - 3 * 86_400_000));
    await adapterFor('teams-avery', { id: chatId, conversationType: 'groupChat', isGroup: true })
      .send({
        type: 'event',
        name: 'application/vnd.microsoft.meetingStart',
        value: {
          Id: 'm',
          MeetingType: 'Scheduled',
          JoinUrl: 'https://x',
          Title: '1:1',
          StartTime: h.clock.now().toISOString(),
        },
      })
      .startTest();
    expect((await h.uc.sessions.agenda('avery', pair.pairId, pair.sessionId(0))).status).toBe('upcoming');
    // Only the pair's creation was published: nothing about its sessions.
    expect(h.changes.map((c) => c.kind)).toEqual(['pair']);
  });

  it('answers a German activity in German: commands, texts and cards', async () => {
    await h.uc.commitments.addActionItem('avery', pair.pairId, {
      text: 'Schulung buchen',
      ownerId: 'blake',
      due: '2026-03-10',
      sessionId: pair.sessionId(0),
    });
    await adapterFor('teams-blake', {}, 'de-DE')
      .send('hilfe')
      .assertReply((a) => expect(a.text).toContain('- **thema** *Thema*: ein Thema für dein nächstes 1:1 vormerken'))
      .send('thema Gehaltsgespräch')
      .assertReply((a) => expect(a.text).toBe('„Gehaltsgespräch“ ist für dein 1:1 mit Avery Chen vorgemerkt.'))
      .send('agenda')
      .assertReply((a) => {
        const card = JSON.stringify(a.attachments?.[0]?.content);
        expect(card).toContain('Dein 1:1 mit Avery Chen');
        expect(card).toContain('Thema hinzufügen');
        expect(card).not.toContain('Add topic');
      })
      .send('aufgaben')
      .assertReply((a) =>
        expect(a.text).toBe('Deine offene Aufgabe:\r- Schulung buchen (fällig am 10.03.2026, mit Avery Chen)'),
      )
      // English command words keep working whatever the client's language.
      .send('help')
      .assertReply((a) => expect(a.text).toContain('Ich helfe dir'))
      .startTest();
    expect(await topicTitles()).toEqual(['Gehaltsgespräch']);
  });

  it('answers a card button in the clicker’s language', async () => {
    await adapterFor('teams-avery', {}, 'ja-JP')
      .send(invoke('tandem.nothingFromMe', { pairId: pair.pairId, sessionId: pair.sessionId(0) }))
      .assertReply((a) => expect(JSON.stringify(a.value)).toContain('今回は話題なしとして記録しました'))
      .startTest();
  });

  it('posts the agenda to the meeting chat from neither side, and refreshes it into each person’s own card', async () => {
    const chatId = (await h.uc.pairs.summary('avery', pair.pairId))!.chatId!;
    const chat = { id: chatId, conversationType: 'groupChat', isGroup: true };
    await h.uc.topics.add('avery', pair.pairId, pair.sessionId(0), { title: 'Roadmap' });
    // Avery has a personal chat with the bot: the bot knows her Teams id from it.
    await adapterFor('teams-avery')
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Tandem' }] })
      .startTest();
    let posted: Record<string, unknown> | undefined;
    await adapterFor('teams-blake', chat)
      .send('agenda')
      .assertReply((a) => {
        posted = a.attachments?.[0]?.content as Record<string, unknown>;
      })
      .startTest();
    expect(JSON.stringify(posted)).toContain('1:1 of Avery Chen and Blake Diaz');
    expect(posted?.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'tandem.refresh',
        data: { kind: 'agenda', pairId: pair.pairId, sessionId: pair.sessionId(0) },
      },
      userIds: ['teams-avery', 'teams-blake'],
    });
    const refresh = {
      ...invoke('tandem.refresh', (posted!.refresh as { action: { data: Record<string, unknown> } }).action.data),
    };
    const cards: string[] = [];
    await adapterFor('teams-avery', chat, 'de-DE')
      .send({ ...refresh, value: { ...(refresh.value as object), trigger: 'automatic' } })
      .assertReply((a) => void cards.push(JSON.stringify(a.value)))
      .startTest();
    await adapterFor('teams-blake', chat)
      .send({ ...refresh, value: { ...(refresh.value as object), trigger: 'automatic' } })
      .assertReply((a) => void cards.push(JSON.stringify(a.value)))
      .startTest();
    const [averys, blakes] = cards;
    expect(averys).toContain('Dein 1:1 mit Blake Diaz');
    expect(averys).toContain('(deins; Themen)');
    expect(blakes).toContain('Your 1:1 with Avery Chen');
    expect(blakes).toContain('(Topics, Avery Chen)');
    // Each person's card keeps the refresh, so it stays theirs when they look again.
    expect(averys).toContain('"verb":"tandem.refresh"');
  });
});
