import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

/**
 * Where the operational store lives: in Azure, the account's blob endpoint reached with the web app's managed
 * identity (the infrastructure grants it a data role and sets AZURE_STORAGE_BLOB_ENDPOINT; no key anywhere);
 * locally, a connection string (Azurite's `UseDevelopmentStorage=true`).
 */
export type BlobLocation =
  Readonly<{ endpoint: string; container: string }> | Readonly<{ connectionString: string; container: string }>;

/** `DefaultAzureCredential` finds the managed identity on App Service, and a developer's Azure CLI sign-in locally. */
export function blobContainer(location: BlobLocation, credential?: TokenCredential): ContainerClient {
  const service =
    'endpoint' in location
      ? new BlobServiceClient(location.endpoint, credential ?? new DefaultAzureCredential())
      : BlobServiceClient.fromConnectionString(location.connectionString);
  return service.getContainerClient(location.container);
}
