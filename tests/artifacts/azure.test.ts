import { randomUUID } from 'node:crypto';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAzureStore } from '../../src/artifacts/azure.ts';
import { openArtifactStore } from '../../src/artifacts/index.ts';
import { runJobs, type RunOptions } from '../../src/jobs/run.ts';
import { startAzurite, AZURITE_KEY, type Azurite } from '../helpers/azurite.ts';
import { RecordingChannel, recordingReporter, runWorkspaces, STEADY_AND_SPIKY_SQL, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { describeStoreContract } from './store-contract.ts';

const CONTAINER = 'anomstack-models';
let azurite: Azurite;
let container: ContainerClient;

beforeAll(async () => {
  azurite = await startAzurite();
  container = BlobServiceClient.fromConnectionString(azurite.connectionString()).getContainerClient(CONTAINER);
  await container.create();
});
afterAll(async () => {
  await azurite?.stop();
});

const env = (): NodeJS.ProcessEnv => ({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString() });

describeStoreContract('azure', () => ({
  open: async () => openArtifactStore(`az://${CONTAINER}/contract/${randomUUID()}`, env()),
  openMissing: async () => openArtifactStore(`az://no-such-container/models`, env()),
}));

describe('AzureArtifactStore', () => {
  it('keeps objects under the URL prefix, and lists keys without it', async () => {
    const prefix = `nested/${randomUUID()}`;
    const store = openArtifactStore(`az://${CONTAINER}/${prefix}/`, env());
    await store.write('batch/m.json', '{}');
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `${prefix}/` })) names.push(blob.name);
    expect(names).toEqual([`${prefix}/batch/m.json`]);
    expect(await store.list('')).toEqual(['batch/m.json']);
  });

  it('reads the container-level URL (no prefix) too', async () => {
    const store = openAzureStore({ url: `az://${CONTAINER}`, bucket: CONTAINER, prefix: '' }, env());
    const key = `top-${randomUUID()}.json`;
    await store.write(key, 'top');
    expect(await store.read(key)).toBe('top');
    expect(await store.list(key)).toEqual([key]);
    await store.delete(key);
  });

  it('a missing container gives the service code, naming the URL', async () => {
    const store = openArtifactStore('az://no-such-container/models', env());
    await expect(store.read('m.json')).rejects.toThrow(/^az:\/\/no-such-container\/models: read m\.json failed: ContainerNotFound/);
    await expect(store.list('')).rejects.toThrow(/ContainerNotFound: The specified container does not exist/);
  });

  // Azure answers AuthenticationFailed, azurite AuthorizationFailure: both a 403 with the service's code.
  it('a wrong account key is refused with the service\'s 403, naming the URL and never the key', async () => {
    const wrongKey = Buffer.from('not the account key, but long enough to pass as one').toString('base64');
    const url = `az://${CONTAINER}/models`;
    for (const key of [wrongKey, AZURITE_KEY.replace(/^E/, 'F')]) {
      const store = openArtifactStore(url, { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(key) });
      const error = await store.write('m.json', 'x').then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^az:\/\/anomstack-models\/models: write m\.json failed: (AuthenticationFailed|AuthorizationFailure): Server failed to authenticate the request\..* \(HTTP 403\)$/);
      expect(message).not.toContain(key);
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(key);
      expect(String((error as Error).cause)).not.toContain(key);
    }
  });

  it('Anomstack\'s ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING wins over AZURE_STORAGE_CONNECTION_STRING', async () => {
    const store = openArtifactStore(`az://${CONTAINER}/anomstack/${randomUUID()}`, {
      ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(),
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString(AZURITE_KEY.replace(/^E/, 'F')),
    });
    await store.write('m.json', 'ok');
    expect(await store.read('m.json')).toBe('ok');
  });

  it('with no connection string and no account, says which variables to set', async () => {
    const store = openArtifactStore(`az://${CONTAINER}/models`, { AZURE_STORAGE_CONNECTION_STRING: ' ' });
    await expect(store.read('m.json')).rejects.toThrow(
      /^az:\/\/anomstack-models\/models: read m\.json failed: no Azure credentials: set AZURE_STORAGE_CONNECTION_STRING \(or ANOMSTACK_AZURE_STORAGE_CONNECTION_STRING\), or AZURE_STORAGE_ACCOUNT/,
    );
  });
});

describe('model_path: az://', () => {
  const workspace = runWorkspaces();
  const NOW = new Date('2026-01-10T00:30:00Z');

  async function run(w: TempWorkspace, jobs: RunOptions['jobs']) {
    const channel = new RecordingChannel();
    const reporter = recordingReporter();
    const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: env(), reporter, channels: () => [channel], jobs });
    return { batch: report.batches.find((b) => b.batch === 'good'), alerts: channel.sent.flat(), warnings: reporter.warnings };
  }

  it('train writes the models as blobs, and a later run scores with them', async () => {
    const prefix = `e2e/${randomUUID()}/models`;
    const w = await workspace({ 'good/config.yaml': `model_path: az://${CONTAINER}/${prefix}\n`, 'good/query.sql': STEADY_AND_SPIKY_SQL });

    const first = await run(w, ['ingest', 'train']);
    expect(first.batch?.status).toBe('ok');
    expect(first.batch?.counts).toMatchObject({ ingested: 160, trained: 2 });
    const names: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `${prefix}/` })) names.push(blob.name.slice(prefix.length + 1));
    expect(names.sort()).toEqual(['good/spiky.json', 'good/steady.json']);

    const second = await run(w, ['score', 'alert']);
    expect(second.batch?.status).toBe('ok');
    expect(second.batch?.counts).toMatchObject({ scored: 50, alerts: 1 });
    expect(second.alerts.map((a) => [a.batch, a.metric])).toEqual([['good', 'spiky']]);
  });

  it('a run whose models container is missing warns per metric naming the URL, and trains nothing', async () => {
    const w = await workspace({ 'good/config.yaml': 'model_path: az://no-such-container/models\n', 'good/query.sql': STEADY_AND_SPIKY_SQL });
    const { batch, warnings } = await run(w, ['ingest', 'train']);
    expect(batch?.counts).toMatchObject({ ingested: 160, trained: 0 });
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) expect(warning).toMatch(/az:\/\/no-such-container\/models: write good\/\w+\.json failed: ContainerNotFound: The specified container does not exist\./);
  });
});
