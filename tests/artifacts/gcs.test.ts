import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGcsStore } from '../../src/artifacts/gcs.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { gcsServer, type GcsServer } from '../helpers/gcs-server.ts';
import { RecordingChannel, recordingReporter, runWorkspaces, STEADY_AND_SPIKY_SQL } from '../helpers/metrics-dir.ts';
import { describeStoreContract } from './store-contract.ts';

/**
 * The GCS store with the real @google-cloud/storage client (and its google-auth-library) against a local server
 * speaking the GCS JSON API and Google's OAuth token endpoint (tests/helpers/gcs-server.ts). Not tested here: real
 * GCS, Application Default Credentials and workload identity federation (the client library's own code paths).
 */
const BUCKET = 'anomstack-test';
let server: GcsServer;
let scratch: string;

beforeAll(async () => {
  server = await gcsServer();
  server.createBucket(BUCKET);
  scratch = await mkdtemp(path.join(tmpdir(), 'anomstack-gcs-'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const emulator = (): NodeJS.ProcessEnv => ({ STORAGE_EMULATOR_HOST: server.endpoint });

/** A store on a fresh prefix of the test bucket. */
function freshStore(env: NodeJS.ProcessEnv = emulator(), bucket = BUCKET) {
  const prefix = `runs/${randomUUID()}/`;
  return openGcsStore({ url: `gs://${bucket}/${prefix.slice(0, -1)}`, bucket, prefix }, env);
}

describeStoreContract('gcs', () => ({
  open: async () => freshStore(),
  openMissing: async () => freshStore(emulator(), 'no-such-bucket'),
}));

describe('gcs store', () => {
  it('keeps objects under the URL prefix, pages listings at 1,000 names, and names the bucket in a missing-bucket error', async () => {
    const store = freshStore();
    const prefix = store.location.slice(`gs://${BUCKET}/`.length);
    for (let i = 0; i < 1001; i += 91) await Promise.all(Array.from({ length: Math.min(91, 1001 - i) }, (_, j) => store.write(`p/${String(i + j).padStart(4, '0')}`, 'x')));
    const before = server.requests.length;
    expect(await store.list('p/')).toHaveLength(1001);
    const listings = server.requests.slice(before).filter((r) => r.method === 'GET' && r.path === `/storage/v1/b/${BUCKET}/o`);
    expect(listings.map((r) => r.query.get('pageToken') !== null)).toEqual([false, true]);
    expect(listings.every((r) => r.query.get('prefix') === `${prefix}/p/`)).toBe(true);
    expect(server.objectNames(BUCKET).filter((n) => n.startsWith(`${prefix}/p/`))).toHaveLength(1001);

    const missing = freshStore(emulator(), 'no-such-bucket');
    await expect(missing.read('m.json')).rejects.toThrow(/^gs:\/\/no-such-bucket\/runs\/.*: read m\.json failed: The specified bucket does not exist\.$/);
    await expect(missing.download('m.json', path.join(scratch, 'never'))).rejects.toThrow('The specified bucket does not exist.');
  });

  it('uses the JSON API paths also when the emulator host is in the process environment, as in the action', async () => {
    const saved = process.env['STORAGE_EMULATOR_HOST'];
    process.env['STORAGE_EMULATOR_HOST'] = server.endpoint;
    try {
      const store = freshStore();
      const before = server.requests.length;
      await store.write('m.json', 'x');
      expect(await store.read('m.json')).toBe('x');
      expect(await store.list('')).toEqual(['m.json']);
      const paths = server.requests.slice(before).map((r) => r.path.replace(/\/o\/.*$/, '/o/NAME'));
      expect(paths).toEqual([`/upload/storage/v1/b/${BUCKET}/o`, `/storage/v1/b/${BUCKET}/o/NAME`, `/storage/v1/b/${BUCKET}/o`]);
    } finally {
      if (saved === undefined) delete process.env['STORAGE_EMULATOR_HOST'];
      else process.env['STORAGE_EMULATOR_HOST'] = saved;
    }
  });

  it('uploads with a resumable session in chunks and resumes after a dropped connection', async () => {
    const store = freshStore();
    const payload = randomBytes(10 * 1024 * 1024 + 17);
    const source = path.join(scratch, 'resumed.bin');
    await writeFile(source, payload);
    const before = server.requests.length;
    server.dropUploadChunks = 1;
    await store.upload('state/payload.bin', source);
    expect(server.dropUploadChunks).toBe(0);
    const ranges = server.requests.slice(before).filter((r) => r.method === 'PUT').map((r) => r.contentRange);
    // The first 8 MiB chunk was cut off after 4 MiB had arrived: the client asked how much, then sent the rest from there.
    expect(ranges).toEqual(['bytes 0-8388607/10485777', 'bytes */*', 'bytes 4194304-10485776/10485777']);
    const copy = path.join(scratch, 'resumed-copy.bin');
    expect(await store.download('state/payload.bin', copy)).toBe(true);
    expect((await readFile(copy)).equals(payload)).toBe(true);
  }, 60_000);

  it('counts a create whose answer was lost, and which the client retried, as created', async () => {
    const store = freshStore();
    server.dropUploadResponses = 1;
    const before = server.requests.length;
    expect(await store.create('lease.json', 'mine')).toBe(true);
    expect(server.dropUploadResponses).toBe(0);
    // Sent twice (the second met the first's object, 412), then the object's metadata was asked for.
    const sent = server.requests.slice(before).map((r) => `${r.method} ${r.path.startsWith('/upload/') ? 'upload' : 'object'}`);
    expect(sent).toEqual(['POST upload', 'POST upload', 'GET object']);
    expect(await store.create('lease.json', 'theirs')).toBe(false);
    expect(await store.read('lease.json')).toBe('mine');
  }, 60_000);

  it('signs in with a service account key from ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON and sends its token', async () => {
    server.requireAuth = true;
    try {
      const env = { ANOMSTACK_GCS_API_ENDPOINT: server.endpoint, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: JSON.stringify(server.key) };
      const store = freshStore(env);
      const before = server.requests.length;
      await store.write('m.json', '{"v":1}');
      expect(await store.read('m.json')).toBe('{"v":1}');
      expect(await store.list('')).toEqual(['m.json']);
      const source = path.join(scratch, 'signed.bin');
      await writeFile(source, 'signed upload');
      await store.upload('u.bin', source);
      expect(await store.read('u.bin')).toBe('signed upload');
      await store.delete('m.json');
      const tokens = new Set(server.requests.slice(before).map((r) => r.authorization));
      expect(tokens.size).toBe(1);
      expect(server.issuedTokens).toContain([...tokens][0]?.replace(/^Bearer /, ''));
      expect([...tokens][0]).toMatch(/^Bearer ya29\.gcs-test-/);
    } finally {
      server.requireAuth = false;
    }
  });

  it('signs in by workload identity federation with the file google-github-actions/auth names in GOOGLE_APPLICATION_CREDENTIALS', async () => {
    server.requireAuth = true;
    try {
      const credentials = path.join(scratch, 'gha-creds.json');
      await writeFile(credentials, JSON.stringify(server.workloadIdentity));
      const store = freshStore({ ANOMSTACK_GCS_API_ENDPOINT: server.endpoint, GOOGLE_APPLICATION_CREDENTIALS: credentials });
      const before = server.requests.length;
      await store.write('m.json', 'federated');
      expect(await store.read('m.json')).toBe('federated');
      const sent = new Set(server.requests.slice(before).map((r) => r.authorization));
      expect([...sent]).toHaveLength(1);
      expect([...sent][0]).toMatch(/^Bearer ya29\.sts-test-/);
      expect(server.issuedTokens).toContain([...sent][0]?.replace(/^Bearer /, ''));
    } finally {
      server.requireAuth = false;
    }
  });

  it('reads the key from the file ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS names, and a refused key fails without showing it', async () => {
    server.requireAuth = true;
    try {
      const keyFile = path.join(scratch, 'key.json');
      await writeFile(keyFile, JSON.stringify(server.key));
      const store = freshStore({ ANOMSTACK_GCS_API_ENDPOINT: server.endpoint, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS: keyFile });
      await store.write('m.json', 'from a key file');
      expect(await store.read('m.json')).toBe('from a key file');

      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const wrongKey = { ...server.key, private_key: other };
      const refused = freshStore({ ANOMSTACK_GCS_API_ENDPOINT: server.endpoint, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: JSON.stringify(wrongKey) });
      const error = await refused.write('m.json', 'x').then(() => null, (e: unknown) => e as Error);
      expect(error?.message).toMatch(/^gs:\/\/anomstack-test\/runs\/.*: write m\.json failed: .*invalid_grant/);
      expect(error?.message).not.toContain('PRIVATE KEY');
      const notJson = freshStore({ ANOMSTACK_GCS_API_ENDPOINT: server.endpoint, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: '{"private_key": "secret' });
      await expect(notJson.read('m.json')).rejects.toThrow(/ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON is not a JSON credentials file$/);
    } finally {
      server.requireAuth = false;
    }
  });

  describe('as model_path', () => {
    const workspace = runWorkspaces();

    it('train writes the models to the bucket and a later run scores with them', async () => {
      const models = `models-${randomUUID()}`;
      const w = await workspace({
        'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(scratch, `${models}.duckdb`))}\nmodel_path: gs://${BUCKET}/${models}\n`,
        'gcs_batch/config.yaml': 'alert_methods: console\n',
        'gcs_batch/query.sql': STEADY_AND_SPIKY_SQL,
      });
      const run = async (jobs: ('ingest' | 'train' | 'score')[]) => runJobs({
        metricsDir: w.metricsDir, now: new Date('2026-01-10T00:30:00Z'), env: emulator(), reporter: recordingReporter(), channels: () => [new RecordingChannel()], jobs,
      });

      const trained = (await run(['ingest', 'train'])).batches.find((b) => b.batch === 'gcs_batch');
      expect(trained?.error).toBeUndefined();
      expect(trained?.counts['trained']).toBe(2);
      const objects = server.objectNames(BUCKET).filter((n) => n.startsWith(`${models}/`));
      expect(objects).toEqual(expect.arrayContaining([`${models}/gcs_batch/spiky.json`, `${models}/gcs_batch/steady.json`]));

      const before = server.requests.length;
      const scored = (await run(['score'])).batches.find((b) => b.batch === 'gcs_batch');
      expect(scored?.error).toBeUndefined();
      expect(scored?.counts['scored']).toBeGreaterThan(0);
      const reads = server.requests.slice(before).filter((r) => r.method === 'GET' && r.query.get('alt') === 'media').map((r) => decodeURIComponent(r.path));
      expect(reads).toEqual(expect.arrayContaining([`/storage/v1/b/${BUCKET}/o/${models}/gcs_batch/spiky.json`, `/storage/v1/b/${BUCKET}/o/${models}/gcs_batch/steady.json`]));
    }, 120_000);
  });
});
