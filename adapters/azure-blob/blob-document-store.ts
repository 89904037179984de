import { RestError, type ContainerClient } from '@azure/storage-blob';
import {
  assertValidDocumentKey,
  PreconditionFailedError,
  putOneByOne,
  type DeleteOptions,
  type DocumentStore,
  type PutOptions,
  type PutOutcome,
  type PutRequest,
  type StoredDocument,
} from '../../core/ports/document-store';

/**
 * A DocumentStore on Azure Blob Storage, for the operational state an instance fleet shares (conversation
 * references, job leases, sent marks). One blob per key, named by the key itself: blob names are a flat
 * namespace, so a document and the documents below its key coexist. The blob's own ETag and the service's
 * If-Match / If-None-Match conditions give the conditional writes the port promises.
 */
export class BlobDocumentStore implements DocumentStore {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly container: ContainerClient) {}

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    assertValidDocumentKey(key);
    await this.ensureContainer();
    try {
      // One download: body and ETag come from the same response, so they always belong together.
      const response = await this.container.getBlockBlobClient(key).download();
      const text = await streamToString(response.readableStreamBody!);
      return { key, etag: response.etag!, body: JSON.parse(text) as T };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async put<T>(key: string, body: T, options: PutOptions = {}): Promise<string> {
    assertValidDocumentKey(key);
    await this.ensureContainer();
    const text = JSON.stringify(body);
    try {
      const result = await this.container.getBlockBlobClient(key).upload(text, Buffer.byteLength(text), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        conditions: {
          ...(options.ifMatch !== undefined && { ifMatch: options.ifMatch }),
          ...(options.ifNoneMatch && { ifNoneMatch: '*' }),
        },
      });
      return result.etag!;
    } catch (error) {
      if (isConditionFailure(error, options.ifMatch !== undefined || options.ifNoneMatch !== undefined)) {
        throw new PreconditionFailedError(key);
      }
      throw error;
    }
  }

  /** One write after another, stopping at the first failed condition (the port's putMany). */
  putMany(writes: readonly PutRequest[]): Promise<PutOutcome[]> {
    return putOneByOne(this, writes);
  }

  async delete(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidDocumentKey(key);
    await this.ensureContainer();
    try {
      await this.container
        .getBlockBlobClient(key)
        .delete({ conditions: options.ifMatch !== undefined ? { ifMatch: options.ifMatch } : {} });
      return true;
    } catch (error) {
      if (options.ifMatch !== undefined && isConditionFailure(error, true)) throw new PreconditionFailedError(key);
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertValidDocumentKey(prefix);
    await this.ensureContainer();
    const keys: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: `${prefix}/` })) keys.push(blob.name);
    return keys.sort();
  }

  private ensureContainer(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/** 412 for a failed If-Match; 409 (BlobAlreadyExists) for If-None-Match '*'; 404 for If-Match on nothing. */
function isConditionFailure(error: unknown, conditional: boolean): boolean {
  const status = statusOf(error);
  return conditional && (status === 412 || status === 409 || status === 404);
}

async function streamToString(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
