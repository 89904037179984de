import { AVERY_BLAKE, createHarness, type Harness } from '../tests/support/use-case-harness';
import { MemoryDocumentStore } from '../adapters/memory/memory-document-store';
import type { JobDocument } from '../core/ports/jobs';
import { ConversationReferences } from './conversation-references';
import { PROPOSAL_KEEP_DAYS, ReminderExecutor } from './reminder-executor';

const pairId = AVERY_BLAKE.pairId;

/** Everything sent, as the card's text. */
class RecordingMessenger {
  readonly sent: Array<{ to: string; text: string; summary: string }> = [];
  sendCard(to: { conversation?: { id: string } }, card: object, summary: string): Promise<string> {
    this.sent.push({ to: to.conversation!.id, text: JSON.stringify(card), summary });
    return Promise.resolve('activity-1');
  }
}

const job = (to: string, dueAt: string): JobDocument => ({
  schema: 1,
  state: 'pending',
  attempts: 0,
  key: `proposal.${pairId}.${to}`,
  kind: 'proposal',
  dueAt,
  payload: { to, fromPairId: pairId },
});

describe('the bot announces a new 1:1 proposed after a manager change', () => {
  let h: Harness;
  let refs: ConversationReferences;
  let messenger: RecordingMessenger;
  let executor: ReminderExecutor;
  const install = (userId: string, locale = 'en-US') =>
    refs.saveUser(userId, { conversation: { id: `personal-${userId}` } as never, locale });

  beforeEach(async () => {
    h = createHarness();
    await h.createPair();
    refs = new ConversationReferences(new MemoryDocumentStore());
    messenger = new RecordingMessenger();
    executor = new ReminderExecutor(h.uc, refs, messenger, { warn: () => undefined });
    h.directory.setManager('blake', 'devon');
    await h.uc.lifecycle.reconcile();
  });

  const send = async (to: string) => {
    const plan = await executor.plan(job(to, h.clock.now().toISOString()));
    if (plan.type !== 'send') throw new Error(`expected a send, got ${JSON.stringify(plan)}`);
    await plan.send();
    return messenger.sent.at(-1)!;
  };

  it('tells the new manager to start the 1:1, and that the earlier one stays private', async () => {
    await install('devon');
    const sent = await send('devon');
    expect(sent).toMatchObject({ to: 'personal-devon', summary: 'A new 1:1 is proposed' });
    expect(sent.text).toContain('Blake Diaz now reports to you');
    expect(sent.text).toContain('unless they choose to share it with you');
  });

  it('tells the report in their language who their new manager is and what they choose', async () => {
    await install('blake', 'de-DE');
    const sent = await send('blake');
    expect(sent.text).toContain('Du berichtest jetzt an Devon');
    expect(sent.text).toContain('Dein 1:1 mit Avery Chen ist archiviert');
  });

  it('is kept while the person has not installed the bot, for a month', async () => {
    const dueAt = h.clock.now().toISOString();
    const plan = await executor.plan(job('devon', dueAt));
    expect(plan).toMatchObject({
      type: 'wait',
      keepUntil: new Date(Date.parse(dueAt) + PROPOSAL_KEEP_DAYS * 86_400_000).toISOString(),
    });
    expect(messenger.sent).toEqual([]);
  });

  it('is not sent once the proposal was acted on or put away', async () => {
    await install('devon');
    await h.createPair({ id: 'devon-blake', managerId: 'devon', reportId: 'blake' });
    expect(await executor.plan(job('devon', h.clock.now().toISOString()))).toMatchObject({ type: 'skip' });
    await install('blake');
    await h.uc.lifecycle.dismissProposal('blake', pairId);
    expect(await executor.plan(job('blake', h.clock.now().toISOString()))).toMatchObject({ type: 'skip' });
  });
});
