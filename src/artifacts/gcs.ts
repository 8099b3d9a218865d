import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { IdempotencyStrategy, Storage, type Bucket, type StorageOptions } from '@google-cloud/storage';
import type { BucketLocation, OpenBucketStore } from './index.ts';
import { ArtifactStoreError, type ArtifactStore } from './store.ts';
import { keyField, readGoogleKey } from '../runtime/google-key.ts';

/**
 * Where Google's libraries send a service account's signed token request whatever the key's `token_uri` says
 * (gtoken's URL and the newer one).
 */
const GOOGLE_TOKEN_URLS = new Set(['https://www.googleapis.com/oauth2/v4/token', 'https://oauth2.googleapis.com/token']);

/**
 * A resumable upload sends the file in chunks of this size (a multiple of GCS's 256 KiB), each kept in memory until
 * GCS confirms it, so a dropped connection resends one chunk rather than failing the upload.
 */
const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

/** The custom metadata field a created object carries: an id of the `create` call that wrote it. */
const CREATOR = 'anomstack-creator';

/**
 * The Google Cloud Storage store, `gs://bucket/prefix`, with `@google-cloud/storage`.
 * Credentials: ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON (the key itself) or ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS
 * (its path), else Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS (a service account key or the
 * external account file google-github-actions/auth writes for workload identity federation), gcloud's, the
 * metadata server's. STORAGE_EMULATOR_HOST points it at an emulator, without credentials; ANOMSTACK_GCS_API_ENDPOINT
 * at another endpoint that still wants them (a private endpoint, a proxy).
 */
export const openGcsStore: OpenBucketStore = (where, env) => new GcsArtifactStore(where, env);

class GcsArtifactStore implements ArtifactStore {
  readonly location: string;
  private readonly where: BucketLocation;
  private readonly env: NodeJS.ProcessEnv;
  private connecting: Promise<Connection> | null = null;

  constructor(where: BucketLocation, env: NodeJS.ProcessEnv) {
    this.where = where;
    this.env = env;
    this.location = where.url;
  }

  async read(key: string): Promise<string | null> {
    return this.guarded('read', key, async ({ bucket }) => {
      try {
        const [content] = await bucket.file(this.name(key)).download();
        return content.toString('utf8');
      } catch (error) {
        if (isMissingObject(error)) return null;
        throw error;
      }
    });
  }

  async write(key: string, content: string): Promise<void> {
    return this.guarded('write', key, async ({ bucket }) => {
      // A simple upload: GCS makes the object visible only once all of it has arrived.
      await bucket.file(this.name(key)).save(content, { resumable: false });
    });
  }

  async create(key: string, content: string): Promise<boolean> {
    return this.guarded('create', key, async ({ bucket }) => {
      const file = bucket.file(this.name(key));
      const creator = randomUUID();
      try {
        // Generation 0 matches only "no live object", so GCS itself lets exactly one of racing creators through.
        await file.save(content, { resumable: false, preconditionOpts: { ifGenerationMatch: 0 }, metadata: { metadata: { [CREATOR]: creator } } });
        return true;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
      // The client retries a create whose answer was lost; its first attempt may have landed, and this one then
      // meets its own object. The creator's id it carries tells that from another run's object.
      try {
        const [metadata] = await file.getMetadata();
        return metadata.metadata?.[CREATOR] === creator;
      } catch (error) {
        if (isMissingObject(error)) return false;
        throw error;
      }
    });
  }

  async list(prefix: string): Promise<string[]> {
    return this.guarded('list', prefix, async ({ bucket }) => {
      // autoPaginate follows nextPageToken to the end; only names are asked for.
      const [files] = await bucket.getFiles({ prefix: this.name(prefix), autoPaginate: true, fields: 'items(name),nextPageToken' });
      return files.map((file) => file.name.slice(this.where.prefix.length)).sort();
    });
  }

  async delete(key: string): Promise<void> {
    return this.guarded('delete', key, async ({ bucket }) => {
      try {
        await bucket.file(this.name(key)).delete();
      } catch (error) {
        if (!isMissingObject(error)) throw error;
      }
    });
  }

  async upload(key: string, file: string): Promise<void> {
    return this.guarded('upload', key, async ({ bucket, resumable }) => {
      // A resumable session takes the length up front (the client sends it as X-Upload-Content-Length).
      const length = resumable ? { contentLength: (await stat(file)).size } : {};
      const target = bucket.file(this.name(key)).createWriteStream({
        resumable,
        ...(resumable ? { chunkSize: UPLOAD_CHUNK_BYTES } : {}),
        metadata: { contentType: 'application/octet-stream', ...length },
      });
      await pipeline(createReadStream(file), target);
    });
  }

  async download(key: string, file: string): Promise<boolean> {
    return this.guarded('download', key, async ({ bucket }) => {
      const temporary = `${file}.${process.pid}.${(temporaryCount++).toString(36)}.tmp`;
      try {
        await mkdir(path.dirname(path.resolve(file)), { recursive: true });
        // The client checks the bytes against the object's CRC32C once they are in, so a cut or damaged stream
        // fails here, before the rename, and the target stays as it was.
        await pipeline(bucket.file(this.name(key)).createReadStream(), createWriteStream(temporary));
        await rename(temporary, file);
        return true;
      } catch (error) {
        await rm(temporary, { force: true });
        if (isMissingObject(error)) return false;
        throw error;
      }
    });
  }

  private name(key: string): string {
    return `${this.where.prefix}${key}`;
  }

  /** The bucket, its client made on first use (reading a key file is asynchronous). */
  private connection(): Promise<Connection> {
    return (this.connecting ??= connect(this.where.bucket, this.env));
  }

  /** Runs one operation, naming the store's URL and the key in any error, with GCS's own message. */
  private async guarded<T>(operation: string, key: string, run: (connection: Connection) => Promise<T>): Promise<T> {
    try {
      return await run(await this.connection());
    } catch (error) {
      throw new ArtifactStoreError(this.location, operation, key, readableError(error));
    }
  }
}

/** Two downloads of one key in one process must not share a temporary file. */
let temporaryCount = 0;

interface Connection {
  bucket: Bucket;
  /**
   * Whether uploads may be resumable: the client's resumable uploads send no credentials to an endpoint outside
   * googleapis.com (it does not pass useAuthWithCustomEndpoint on to them), so there a simple upload is used.
   */
  resumable: boolean;
}

async function connect(bucketName: string, env: NodeJS.ProcessEnv): Promise<Connection> {
  const emulator = nonEmpty(env['STORAGE_EMULATOR_HOST']);
  const endpoint = nonEmpty(env['ANOMSTACK_GCS_API_ENDPOINT']);
  // An emulator takes no credentials (the client sends none to a custom endpoint), so no key is read for it.
  const key = emulator === undefined ? await readGoogleKey(env, ['ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS']) : undefined;
  const projectId = nonEmpty(env['ANOMSTACK_GCP_PROJECT_ID']) ?? keyField(key, 'project_id');
  const options: StorageOptions = {
    // Every write here may be repeated safely (a whole object replaced by the same bytes, a delete, a create guarded
    // by its generation precondition); the default retries only preconditioned ones, so a dropped resumable upload
    // would fail instead of resuming.
    retryOptions: { idempotencyStrategy: IdempotencyStrategy.RetryAlways },
    ...(projectId === undefined ? {} : { projectId }),
    ...(emulator !== undefined ? { apiEndpoint: emulator } : endpoint !== undefined ? { apiEndpoint: endpoint, useAuthWithCustomEndpoint: true } : {}),
    ...(key === undefined ? {} : { credentials: key as StorageOptions['credentials'] }),
  };
  const storage = new Storage(options);
  // Found in process.env, the emulator host becomes the client's JSON API base as given (no /storage/v1); found
  // only in the environment given, it would not. Both ways the real API's paths are used, which emulators serve.
  if (emulator !== undefined) storage.baseUrl = `${storage.apiEndpoint}/storage/v1`;
  const tokenUri = keyField(key, 'token_uri');
  if (emulator === undefined && tokenUri !== undefined && !GOOGLE_TOKEN_URLS.has(tokenUri)) await sendTokenRequestsTo(storage, tokenUri);
  const resumable = emulator !== undefined || endpoint === undefined || isGoogleHost(endpoint);
  return { bucket: storage.bucket(bucketName), resumable };
}

function isGoogleHost(endpoint: string): boolean {
  const host = URL.parse(/^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`)?.hostname ?? '';
  return host === 'googleapis.com' || host.endsWith('.googleapis.com');
}

/**
 * Honours a service account key's `token_uri` as Google's Python and Go libraries do; the Node library posts to
 * Google's URL whatever the key says, so its request is redirected (a private endpoint, a proxy, the tests' server).
 */
async function sendTokenRequestsTo(storage: Storage, tokenUri: string): Promise<void> {
  const auth = await storage.authClient.getClient();
  auth.gaxios?.interceptors.request.add({
    resolved: async (config) => {
      if (config.url !== undefined && GOOGLE_TOKEN_URLS.has(String(config.url))) config.url = tokenUri;
      return config;
    },
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The HTTP status of a client error (its `code`, a number for API errors). */
function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : typeof code === 'string' && /^\d{3}$/.test(code) ? Number(code) : undefined;
}

/** A 404 for the object; a 404 for the bucket is an error the caller must see (a wrong bucket name is no cold start). */
function isMissingObject(error: unknown): boolean {
  return statusOf(error) === 404 && !/bucket does not exist/i.test(readableError(error).message);
}

/**
 * The client's error with GCS's own message: a failed download carries the raw JSON error body as its message,
 * which is unwrapped to the `error.message` inside it.
 */
function readableError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const body = /^\s*\{/.test(error.message) ? parseJson(error.message) : undefined;
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  if (typeof message !== 'string') return error;
  const unwrapped = new Error(message, { cause: error });
  const status = statusOf(error);
  return status === undefined ? unwrapped : Object.assign(unwrapped, { code: status });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
