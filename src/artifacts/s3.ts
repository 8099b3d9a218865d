import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type GetObjectCommandOutput, type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BucketLocation, OpenBucketStore } from './index.ts';
import { ArtifactStoreError, type ArtifactStore } from './store.ts';

/** Opens `s3://bucket/prefix` with the credentials, region and endpoint `env` names (see s3ClientConfig). */
export const openS3Store: OpenBucketStore = (where, env) => new S3ArtifactStore(where, env);

/**
 * The client's settings from `env`: Anomstack's `ANOMSTACK_AWS_*` keys win, then the standard `AWS_*` keys found in
 * `env` (which is not always process.env), else the SDK's default chain (profile, web identity from
 * aws-actions/configure-aws-credentials, container and instance roles).
 */
export function s3ClientConfig(env: NodeJS.ProcessEnv): S3ClientConfig {
  const config: S3ClientConfig = {
    region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
    // A bucket outside the configured region answers with a redirect; following it beats failing on a wrong region.
    followRegionRedirects: true,
  };
  const credentials = explicitCredentials(env, 'ANOMSTACK_AWS_') ?? explicitCredentials(env, 'AWS_');
  if (credentials) config.credentials = credentials;
  const endpoint = env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'];
  if (endpoint) {
    config.endpoint = endpoint;
    // MinIO and most S3-compatible servers have no virtual-host buckets (`bucket.host`), only `host/bucket`.
    config.forcePathStyle = true;
    // The SDK's default CRC checksums (chunked uploads with trailers) are S3's own; many S3-compatible servers
    // reject or mis-store them, and they are only required where S3 requires them.
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  }
  return config;
}

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

function explicitCredentials(env: NodeJS.ProcessEnv, prefix: string): Credentials | null {
  const accessKeyId = env[`${prefix}ACCESS_KEY_ID`];
  const secretAccessKey = env[`${prefix}SECRET_ACCESS_KEY`];
  if (!accessKeyId || !secretAccessKey) return null;
  const sessionToken = env[`${prefix}SESSION_TOKEN`];
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

class S3ArtifactStore implements ArtifactStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  /** Values no message may show: an SDK message never quotes them, but a proxy's or a server's might. */
  private readonly secrets: string[];

  constructor(where: BucketLocation, env: NodeJS.ProcessEnv) {
    this.location = where.url;
    this.bucket = where.bucket;
    this.prefix = where.prefix;
    const config = s3ClientConfig(env);
    this.client = new S3Client(config);
    this.secrets = [
      env['ANOMSTACK_AWS_SECRET_ACCESS_KEY'], env['ANOMSTACK_AWS_SESSION_TOKEN'], env['AWS_SECRET_ACCESS_KEY'], env['AWS_SESSION_TOKEN'],
    ].filter((s): s is string => typeof s === 'string' && s.length >= 4);
  }

  async read(key: string): Promise<string | null> {
    return this.guarded('read', key, async () => {
      const body = await this.getBody(key);
      return body === null ? null : body.transformToString('utf-8');
    });
  }

  async write(key: string, content: string): Promise<void> {
    return this.guarded('write', key, async () => {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: content }));
    });
  }

  async create(key: string, content: string): Promise<boolean> {
    return this.guarded('create', key, async () => {
      try {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: content, IfNoneMatch: '*' }));
        return true;
      } catch (error) {
        // 412: an object is there. 409: another conditional write of this key is under way, and it will win.
        if (errorName(error) === 'PreconditionFailed' || errorName(error) === 'ConditionalRequestConflict') return false;
        if (httpStatus(error) === 412 || httpStatus(error) === 409) return false;
        throw error;
      }
    });
  }

  async list(prefix: string): Promise<string[]> {
    return this.guarded('list', prefix, async () => {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          if (object.Key?.startsWith(this.prefix)) keys.push(object.Key.slice(this.prefix.length));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    });
  }

  async delete(key: string): Promise<void> {
    return this.guarded('delete', key, async () => {
      try {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      } catch (error) {
        // S3 answers 204 for a missing key; some compatible servers say NoSuchKey instead.
        if (errorName(error) !== 'NoSuchKey') throw error;
      }
    });
  }

  async upload(key: string, file: string): Promise<void> {
    return this.guarded('upload', key, async () => {
      // Multi-part above 5 MiB (S3 assembles the object only when the upload completes, so readers never see half).
      const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: this.prefix + key, Body: createReadStream(file) } });
      await upload.done();
    });
  }

  async download(key: string, file: string): Promise<boolean> {
    return this.guarded('download', key, async () => {
      const body = await this.getBody(key);
      if (body === null) return false;
      if (!(body instanceof Readable)) throw new Error('the SDK returned no Node stream for the object body');
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      const temporary = `${file}.${process.pid}.${(temporaryCount++).toString(36)}.tmp`;
      try {
        await pipeline(body, createWriteStream(temporary));
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return true;
    });
  }

  /** The object's body, or null when the key has none. */
  private async getBody(key: string): Promise<NonNullable<GetObjectCommandOutput['Body']> | null> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      if (!response.Body) throw new Error('the response carried no body');
      return response.Body;
    } catch (error) {
      if (errorName(error) === 'NoSuchKey') return null;
      throw error;
    }
  }

  /** Runs one operation, naming the store's URL and the key in any error it throws, with any secret blanked out. */
  private async guarded<T>(operation: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ArtifactStoreError) throw error;
      throw new ArtifactStoreError(this.location, operation, key, this.withoutSecrets(error));
    }
  }

  private withoutSecrets(error: unknown): unknown {
    if (!(error instanceof Error) || !this.secrets.some((s) => error.message.includes(s))) return error;
    let message = error.message;
    for (const secret of this.secrets) message = message.split(secret).join('***');
    // The S3 error code (`Code`) stays: the store's message leads with it.
    return Object.assign(new Error(message), { name: error.name, Code: (error as { Code?: unknown }).Code });
  }
}

/** Two downloads of one file in one process must not share a temporary file. */
let temporaryCount = 0;

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}
