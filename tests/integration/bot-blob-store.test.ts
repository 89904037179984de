import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite, type RunningAzurite } from '../support/azurite';
import { BOT_ACCOUNT, postActivity } from '../support/bot-server';
import { removeDataDir } from '../support/data-dir';
import { startInProcess, type InProcessTandem } from '../support/in-process';
import { LocalConnector } from '../support/local-connector';

jest.setTimeout(60_000);

describe('the bot with its operational state in Azure Blob Storage (Azurite)', () => {
  let azurite: RunningAzurite;
  let server: InProcessTandem | undefined;
  const connector = new LocalConnector();

  beforeAll(async () => {
    azurite = await startAzurite();
    await connector.start();
  });

  afterAll(async () => {
    await server?.close();
    await connector.stop();
    await azurite?.stop();
  });

  test('keeps conversation references and the lease in blobs, and releases the lease on shutdown', async () => {
    server = await startInProcess('bot-blob', {
      env: {
        TANDEM_BLOB_CONNECTION_STRING: azurite.connectionString,
        TANDEM_BLOB_CONTAINER: 'ops-e2e',
        TANDEM_BOT_IDENTITIES: 'teams-blake=blake',
        TANDEM_JOB_POLL_MS: '50',
        TANDEM_BOT_SERVICE_URLS: connector.serviceUrl,
      },
    });
    const res = await postActivity(server.url, {
      type: 'conversationUpdate',
      id: 'install-1',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: 'teams-blake' },
      recipient: BOT_ACCOUNT,
      membersAdded: [BOT_ACCOUNT],
      conversation: { id: 'personal-blake', conversationType: 'personal' },
    });
    expect(res.status).toBe(200);
    await connector.waitFor(() => connector.textsTo('personal-blake').length === 1);

    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('ops-e2e');
    const names = async () => {
      const all: string[] = [];
      for await (const blob of container.listBlobsFlat()) all.push(blob.name);
      return all;
    };
    expect(await names()).toEqual(expect.arrayContaining(['bot/refs/users/blake', 'jobs/lease']));
    const blob = await container.getBlockBlobClient('bot/refs/users/blake').downloadToBuffer();
    const ref = JSON.parse(blob.toString()) as { conversation: { id: string } };
    expect(ref.conversation.id).toBe('personal-blake');

    await server.tandem.close();
    expect(await names()).not.toContain('jobs/lease');
    await removeDataDir(server.dataDir);
    server = undefined;
  });
});
