import { LocalArtifactStore } from './local.ts';
import type { ArtifactStore } from './store.ts';

/** Where a bucket store keeps its objects: the bucket (or container) and the key prefix its URL names. */
export interface BucketLocation {
  /** The URL as given, for messages. */
  url: string;
  bucket: string;
  /** '' or a prefix ending in `/`. */
  prefix: string;
}

/** What a bucket store module exports: it opens its store from the URL's parts and the environment's credentials. */
export type OpenBucketStore = (where: BucketLocation, env: NodeJS.ProcessEnv) => ArtifactStore;

const BUCKET_STORES: Record<string, () => Promise<OpenBucketStore>> = {
  s3: async () => (await import('./s3.ts')).openS3Store,
  gs: async () => (await import('./gcs.ts')).openGcsStore,
  az: async () => (await import('./azure.ts')).openAzureStore,
};

export const STORE_URL_EXAMPLES = 'local://<folder>, s3://<bucket>/<prefix>, gs://<bucket>/<prefix> or az://<container>/<prefix>';

/** Why `url` names no store, or null when it names one. */
export function storeUrlProblem(url: string): string | null {
  const match = /^([a-z0-9]+):\/\/(.*)$/.exec(url);
  if (!match) return `expected ${STORE_URL_EXAMPLES}`;
  const [, scheme = '', rest = ''] = match;
  if (scheme === 'local') return rest === '' ? 'local:// needs a folder, e.g. local://.anomstack/models' : null;
  if (!(scheme in BUCKET_STORES)) return `unknown store "${scheme}://"; expected ${STORE_URL_EXAMPLES}`;
  const bucket = rest.split('/')[0] ?? '';
  if (!/^[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$/.test(bucket)) return `"${bucket}" is not a bucket or container name (lower-case letters, digits, dots and dashes)`;
  if (rest.split('/').slice(1).some((part) => part === '.' || part === '..')) return 'the prefix may not contain "." or ".." segments';
  return null;
}

/**
 * Opens the store a `model_path` or state URL names. Bucket stores load their SDK on first use (each in its own
 * bundle chunk), so a run that keeps everything on disk never loads one.
 */
export function openArtifactStore(url: string, env: NodeJS.ProcessEnv = process.env): ArtifactStore {
  const problem = storeUrlProblem(url);
  if (problem) throw new Error(`unsupported store URL "${url}": ${problem}`);
  const [scheme = '', rest = ''] = url.split('://');
  if (scheme === 'local') return new LocalArtifactStore(rest);
  const [bucket = '', ...parts] = rest.split('/');
  const path = parts.filter((p) => p !== '').join('/');
  const where: BucketLocation = { url: url.replace(/\/+$/, ''), bucket, prefix: path === '' ? '' : `${path}/` };
  const load = BUCKET_STORES[scheme];
  if (!load) throw new Error(`unsupported store URL "${url}"`);
  return lazyStore(where.url, async () => (await load())(where, env));
}

/** A store whose module (and SDK) is loaded by its first operation. */
function lazyStore(location: string, load: () => Promise<ArtifactStore>): ArtifactStore {
  let loading: Promise<ArtifactStore> | null = null;
  const store = (): Promise<ArtifactStore> => (loading ??= load());
  return {
    location,
    read: async (key) => (await store()).read(key),
    write: async (key, content) => (await store()).write(key, content),
    create: async (key, content) => (await store()).create(key, content),
    list: async (prefix) => (await store()).list(prefix),
    delete: async (key) => (await store()).delete(key),
    upload: async (key, file) => (await store()).upload(key, file),
    download: async (key, file) => (await store()).download(key, file),
  };
}

export type { ArtifactStore } from './store.ts';
export { ArtifactStoreError } from './store.ts';
