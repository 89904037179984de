import { BlobServiceClient } from '@azure/storage-blob';
import { describeDocumentStoreContract } from '../../tests/contracts/document-store-contract';
import { startAzurite, type RunningAzurite } from '../../tests/support/azurite';
import { BlobDocumentStore } from './blob-document-store';

let azurite: RunningAzurite;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

// A fresh container per test: the contract wants an empty store each time.
describeDocumentStoreContract('BlobDocumentStore on Azurite', async () => {
  const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
  const container = service.getContainerClient(`contract-${process.pid}-${++containers}`);
  return { store: new BlobDocumentStore(container), cleanup: async () => void (await container.deleteIfExists()) };
});
