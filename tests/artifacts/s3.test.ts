import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArtifactStore } from '../../src/artifacts/index.ts';
import { s3ClientConfig } from '../../src/artifacts/s3.ts';
import { ArtifactStoreError } from '../../src/artifacts/store.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { countsByType, recordingReporter, runWorkspaces, STEADY_AND_SPIKY_SQL } from '../helpers/metrics-dir.ts';
import { startS3Server, type S3Server } from '../helpers/s3-server.ts';
import { describeStoreContract } from './store-contract.ts';

const BUCKET = 'anomstack-contract';
/** A key s3rver is told to accept, standing for a user's `ANOMSTACK_AWS_*` key. */
const ANOMSTACK_KEY = { id: 'AKIAANOMSTACKTEST', secret: 'anomstack-secret-3f9c1b7e' };

let server: S3Server;
beforeAll(async () => {
  server = await startS3Server({ buckets: [BUCKET, 'anomstack-models'], accessKeys: { [ANOMSTACK_KEY.id]: ANOMSTACK_KEY.secret } });
});
afterAll(async () => {
  await server.close();
});

describeStoreContract('s3', () => ({
  open: async () => openArtifactStore(`s3://${BUCKET}/runs/${randomBytes(6).toString('hex')}`, server.env()),
  openMissing: async () => openArtifactStore('s3://no-such-bucket/models', server.env()),
}));

describe('s3 store', () => {
  it('a missing bucket reads as NoSuchBucket, naming the store URL', async () => {
    const store = openArtifactStore('s3://no-such-bucket/models', server.env());
    await expect(store.read('b/m.json')).rejects.toThrow(/^s3:\/\/no-such-bucket\/models: read b\/m\.json failed: NoSuchBucket: /);
    await expect(store.list('')).rejects.toThrow(ArtifactStoreError);
  });

  it('signs with the ANOMSTACK_AWS_* key when set, over the standard AWS_* one', async () => {
    const store = openArtifactStore(`s3://${BUCKET}/keys`, server.env({
      ANOMSTACK_AWS_ACCESS_KEY_ID: ANOMSTACK_KEY.id, ANOMSTACK_AWS_SECRET_ACCESS_KEY: ANOMSTACK_KEY.secret,
    }));
    server.accessKeyIds.length = 0;
    await store.write('m.json', 'signed');
    expect(await store.read('m.json')).toBe('signed');
    expect(server.accessKeyIds).toEqual([ANOMSTACK_KEY.id]);

    const standard = openArtifactStore(`s3://${BUCKET}/keys`, server.env());
    expect(await standard.read('m.json')).toBe('signed');
    expect(server.accessKeyIds).toEqual([ANOMSTACK_KEY.id, 'S3RVER']);
  });

  it('never puts a secret or session token in an error', async () => {
    const secret = 'never-show-this-secret-81d2';
    const token = 'never-show-this-token-5a7e';
    const rejected = openArtifactStore(`s3://${BUCKET}/keys`, server.env({
      ANOMSTACK_AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNTOTHESERVER', ANOMSTACK_AWS_SECRET_ACCESS_KEY: secret, ANOMSTACK_AWS_SESSION_TOKEN: token,
    }));
    const refused = await rejected.write('m.json', 'x').then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(ArtifactStoreError);
    expect(String((refused as Error).message)).toMatch(/^s3:\/\/anomstack-contract\/keys: write m\.json failed: InvalidAccessKeyId: /);

    const missing = openArtifactStore('s3://no-such-bucket/keys', server.env({
      ANOMSTACK_AWS_ACCESS_KEY_ID: ANOMSTACK_KEY.id, ANOMSTACK_AWS_SECRET_ACCESS_KEY: ANOMSTACK_KEY.secret,
    }));
    const notFound = await missing.list('').then(() => null, (error: unknown) => error);
    expect(notFound).toBeInstanceOf(ArtifactStoreError);
    for (const error of [refused, notFound]) {
      const shown = `${String(error)} ${(error as Error).stack ?? ''}`;
      for (const hidden of [secret, token, ANOMSTACK_KEY.secret]) expect(shown).not.toContain(hidden);
    }
  });

  it('takes the region, endpoint and keys from the env it is given', async () => {
    expect(s3ClientConfig({})).toEqual({ region: 'us-east-1', followRegionRedirects: true });
    expect(s3ClientConfig({ AWS_DEFAULT_REGION: 'eu-west-3' }).region).toBe('eu-west-3');
    expect(s3ClientConfig({ AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'eu-west-3' }).region).toBe('eu-central-1');
    const minio = s3ClientConfig({ AWS_ENDPOINT_URL: 'http://minio:9000', AWS_ENDPOINT_URL_S3: 'http://minio-s3:9000' });
    expect(minio).toMatchObject({ endpoint: 'http://minio-s3:9000', forcePathStyle: true });
    expect(s3ClientConfig({
      AWS_ACCESS_KEY_ID: 'standard', AWS_SECRET_ACCESS_KEY: 'standard-secret',
      ANOMSTACK_AWS_ACCESS_KEY_ID: 'anomstack', ANOMSTACK_AWS_SECRET_ACCESS_KEY: 'anomstack-secret', ANOMSTACK_AWS_SESSION_TOKEN: 'token',
    }).credentials).toEqual({ accessKeyId: 'anomstack', secretAccessKey: 'anomstack-secret', sessionToken: 'token' });
    // Half a key pair is no key: the default chain (profile, web identity) decides.
    expect(s3ClientConfig({ ANOMSTACK_AWS_ACCESS_KEY_ID: 'anomstack' }).credentials).toBeUndefined();
  });
});

describe('runJobs with model_path in S3', () => {
  const workspace = runWorkspaces();

  it('train writes the models into the bucket and a later score reads them back', async () => {
    const w = await workspace({
      'good/config.yaml': 'model_path: s3://anomstack-models/models\n',
      'good/query.sql': STEADY_AND_SPIKY_SQL,
    });
    const env = server.env({ ANOMSTACK_AWS_ACCESS_KEY_ID: ANOMSTACK_KEY.id, ANOMSTACK_AWS_SECRET_ACCESS_KEY: ANOMSTACK_KEY.secret });
    const options = { metricsDir: w.metricsDir, now: new Date('2026-01-10T00:30:00Z'), env, reporter: recordingReporter(), channels: () => [] };

    const trained = await runJobs({ ...options, jobs: ['ingest', 'train'] });
    expect(trained.batches[0]).toMatchObject({ batch: 'good', status: 'ok', counts: { trained: 2 } });
    const bucket = openArtifactStore('s3://anomstack-models/models', env);
    expect(await bucket.list('')).toEqual(['good/spiky.json', 'good/steady.json']);
    // Nothing went to the local model folder the defaults name.
    await expect(access(path.join(w.root, 'state', 'models'))).rejects.toThrow();

    const scored = await runJobs({ ...options, jobs: ['score'] });
    expect(scored.batches[0]).toMatchObject({ batch: 'good', status: 'ok', counts: { scored: 50 } });
    const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
    try {
      expect(await countsByType(db)).toEqual({ metric: 160, score: 50 });
    } finally {
      db.close();
    }
    expect(server.accessKeyIds).toContain(ANOMSTACK_KEY.id);
  }, 120_000);
});
