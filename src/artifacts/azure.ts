import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import type { BucketLocation, OpenBucketStore } from './index.ts';
import { ArtifactStoreError, type ArtifactStore } from './store.ts';

/** Past this size `upload` stages blocks in parallel and commits them at once, rather than one Put Blob. */
const SINGLE_SHOT_BYTES = 8 * 1024 * 1024;
const BLOCK_BYTES = 4 * 1024 * 1024;
const UPLOAD_CONCURRENCY = 4;
/** Azure's own page size is 5,000; a smaller one keeps each listing response (and its memory) small. */
const LIST_PAGE_SIZE = 1000;

/** The environment variables this store reads, for the message when none of them is set. */
const CREDENTIAL_VARIABLES =
  'set AZURE_STORAGE_CONNECTION_STRING (or ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING), or AZURE_STORAGE_ACCOUNT (the account name) with a credential @azure/identity finds, such as the OIDC login of azure/login';

/**
 * `az://container/prefix`: a connection string when one is set (Anomstack's `ANOMSTACK_` name wins), else the
 * account named by `AZURE_STORAGE_ACCOUNT` with @azure/identity's default credential, which the workflow's
 * azure/login (OIDC, no stored key) provides.
 */
export const openAzureStore: OpenBucketStore = (where, env) => new AzureArtifactStore(where, () => containerClient(where.bucket, env));

async function containerClient(container: string, env: NodeJS.ProcessEnv): Promise<ContainerClient> {
  const connectionString = nonEmpty(env['ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING']) ?? nonEmpty(env['AZURE_STORAGE_CONNECTION_STRING']);
  if (connectionString) return BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const account = nonEmpty(env['AZURE_STORAGE_ACCOUNT']);
  if (!account) throw new Error(`no Azure credentials: ${CREDENTIAL_VARIABLES}`);
  const endpoint = nonEmpty(env['AZURE_STORAGE_BLOB_ENDPOINT']) ?? `https://${account}.blob.core.windows.net`;
  // Loaded only here: @azure/identity is large, and a connection string never needs it.
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new BlobServiceClient(endpoint, new DefaultAzureCredential()).getContainerClient(container);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export class AzureArtifactStore implements ArtifactStore {
  readonly location: string;
  private readonly prefix: string;
  private readonly connect: () => Promise<ContainerClient>;
  private connecting: Promise<ContainerClient> | null = null;

  constructor(where: BucketLocation, connect: () => Promise<ContainerClient>) {
    this.location = where.url;
    this.prefix = where.prefix;
    this.connect = connect;
  }

  async read(key: string): Promise<string | null> {
    return this.guarded('read', key, async (container) => {
      try {
        // One GET (not downloadToBuffer's size probe plus ranges), so a rewrite in between cannot mix two versions.
        const response = await container.getBlobClient(this.name(key)).download();
        return (await collect(response.readableStreamBody)).toString('utf8');
      } catch (error) {
        if (isCode(error, 'BlobNotFound')) return null;
        throw error;
      }
    });
  }

  async write(key: string, content: string): Promise<void> {
    return this.guarded('write', key, async (container) => {
      const body = Buffer.from(content, 'utf8');
      // A single Put Blob replaces the blob whole: readers see the old version or the new one.
      await container.getBlockBlobClient(this.name(key)).upload(body, body.length);
    });
  }

  async create(key: string, content: string): Promise<boolean> {
    return this.guarded('create', key, async (container) => {
      const body = Buffer.from(content, 'utf8');
      try {
        await container.getBlockBlobClient(this.name(key)).upload(body, body.length, { conditions: { ifNoneMatch: '*' } });
        return true;
      } catch (error) {
        if (isCode(error, 'BlobAlreadyExists') || isCode(error, 'ConditionNotMet')) return false;
        throw error;
      }
    });
  }

  async list(prefix: string): Promise<string[]> {
    return this.guarded('list', prefix, async (container) => {
      const keys: string[] = [];
      const pages = container.listBlobsFlat({ prefix: this.prefix + prefix }).byPage({ maxPageSize: LIST_PAGE_SIZE });
      for await (const page of pages) {
        for (const blob of page.segment.blobItems) keys.push(blob.name.slice(this.prefix.length));
      }
      return keys.sort();
    });
  }

  async delete(key: string): Promise<void> {
    return this.guarded('delete', key, async (container) => {
      await container.getBlobClient(this.name(key)).deleteIfExists({ deleteSnapshots: 'include' });
    });
  }

  async upload(key: string, file: string): Promise<void> {
    return this.guarded('upload', key, async (container) => {
      // Staged blocks become the blob only when the block list is committed, so a failed upload changes nothing.
      await container.getBlockBlobClient(this.name(key)).uploadFile(file, {
        maxSingleShotSize: SINGLE_SHOT_BYTES,
        blockSize: BLOCK_BYTES,
        concurrency: UPLOAD_CONCURRENCY,
      });
    });
  }

  async download(key: string, file: string): Promise<boolean> {
    return this.guarded('download', key, async (container) => {
      const temporary = `${file}.${process.pid}.${(temporaryCount++).toString(36)}.tmp`;
      try {
        await mkdir(path.dirname(path.resolve(file)), { recursive: true });
        await container.getBlobClient(this.name(key)).downloadToFile(temporary);
        await rename(temporary, file);
        return true;
      } catch (error) {
        await rm(temporary, { force: true });
        if (isCode(error, 'BlobNotFound')) return false;
        throw error;
      }
    });
  }

  private name(key: string): string {
    return this.prefix + key;
  }

  /** Runs one operation on the container, naming the store's URL and the key in any error it throws. */
  private async guarded<T>(operation: string, key: string, run: (container: ContainerClient) => Promise<T>): Promise<T> {
    try {
      this.connecting ??= this.connect();
      return await run(await this.connecting);
    } catch (error) {
      throw error instanceof ArtifactStoreError ? error : new ArtifactStoreError(this.location, operation, key, withoutRequest(error));
    }
  }
}

/** Two downloads of one file in one process must not share a temporary file. */
let temporaryCount = 0;

function isCode(error: unknown, code: string): boolean {
  return error instanceof RestError && error.code === code;
}

/**
 * The service's error with its code (ContainerNotFound, AuthenticationFailed) and first message line; the
 * request and response it carried (headers, the signed Authorization one among them) are left behind, so
 * nothing that logs the cause can print them.
 */
function withoutRequest(error: unknown): unknown {
  if (!(error instanceof RestError)) return error;
  const status = error.statusCode === undefined ? '' : `HTTP ${error.statusCode}`;
  const line = error.message.split('\n')[0]?.trim() ?? '';
  const message = line === '' ? status || 'no message' : status === '' ? line : `${line} (${status})`;
  return Object.assign(new Error(message), error.code === undefined ? {} : { code: error.code });
}

async function collect(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
