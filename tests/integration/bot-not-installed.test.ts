import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FixedClock } from '../../core/clock';
import { removeDataDir } from '../support/data-dir';
import { startInProcess, type InProcessTandem } from '../support/in-process';
import { LocalConnector } from '../support/local-connector';

jest.setTimeout(30_000);

// Monday 08:00 UTC: the seeded avery–blake 1:1 is tomorrow 10:00 (server/seed-demo.ts).
const START = new Date('2026-11-23T08:00:00Z');
const env = { TANDEM_BOT_IDENTITIES: 'teams-avery=avery,teams-blake=blake', TANDEM_JOB_POLL_MS: '50' };
const users = { avery: { id: 'teams-avery', name: 'Avery' }, blake: { id: 'teams-blake', name: 'Blake' } };
const bot = { id: 'bot-tandem', name: 'Tandem' };

/** A prompt due while someone has not installed the bot waits for them instead of being dropped. */
describe('a prompt for someone without the bot', () => {
  const clock = new FixedClock(START);
  const connector = new LocalConnector();
  let server: InProcessTandem;

  const install = (user: keyof typeof users) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        membersAdded: [bot],
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        recipient: bot,
        id: `install-${user}`,
        timestamp: clock.now().toISOString(),
        from: users[user],
        conversation: { id: `personal-${user}`, conversationType: 'personal' },
      }),
    });
  const promptsTo = (user: string) => connector.withSummary(`personal-${user}`, 'Topics for your next 1:1?');
  const doneMark = async (key: string) =>
    fs.readFile(path.join(server.dataDir, `ops/jobs/done/${key}.json`), 'utf8').then(
      (text) => JSON.parse(text) as { outcome: string; reason?: string },
      () => undefined,
    );

  beforeAll(async () => {
    await connector.start();
    server = await startInProcess('bot-not-installed', {
      env: { ...env, TANDEM_BOT_SERVICE_URLS: connector.serviceUrl },
      clock,
    });
    // Blake's seeded topic is already on the agenda, which by default spares Blake the prompt: this test follows it.
    await server.tandem.useCases.attention.update('blake', { skipWhenMyTopics: false });
  });

  afterAll(async () => {
    await server?.tandem.close();
    if (server) await removeDataDir(server.dataDir);
    await connector.stop();
  });

  test('is kept while the bot is not installed, and comes once the person installs it', async () => {
    expect((await install('blake')).status).toBe(200);
    clock.set(new Date('2026-11-23T10:00:30Z')); // 24 h before, plus a moment
    await connector.waitFor(() => promptsTo('blake').length === 1);
    // Avery has no conversation with the bot: the prompt is kept, not marked done.
    expect(await doneMark('prompt.avery-blake.20261124T100000Z.avery')).toBeUndefined();

    expect((await install('avery')).status).toBe(200);
    clock.set(new Date('2026-11-23T10:06:00Z')); // past the recheck
    await connector.waitFor(() => promptsTo('avery').length === 1);
    // The mark is written once the connector has answered.
    while (!(await doneMark('prompt.avery-blake.20261124T100000Z.avery'))) await new Promise((r) => setTimeout(r, 50));
    expect(await doneMark('prompt.avery-blake.20261124T100000Z.avery')).toMatchObject({ outcome: 'sent' });
    expect(promptsTo('blake')).toHaveLength(1);
  });
});
