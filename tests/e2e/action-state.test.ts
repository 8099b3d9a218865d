/**
 * The action's `state: s3://...`, run the way the runner runs it (the bundle, INPUT_* variables) against s3rver:
 * a second run restores what the first saved and says so; two runs started together lose no rows; a save that
 * fails fails the step and leaves the earlier state readable.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArtifactStore } from '../../src/artifacts/index.ts';
import { listSaves } from '../../src/artifacts/state-saves.ts';
import { restoreFromStore } from '../../src/artifacts/state-sync.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { EXAMPLES, runAction } from '../helpers/run-action.ts';
import { startS3Server, type S3Server } from '../helpers/s3-server.ts';

const BUCKET = 'anomstack-state';
const SECRET = { id: 'AKIASTATEE2E', secret: 'state-e2e-secret-8d1f2a' };
/** A key whose policy grants reads only. */
const READER = { id: 'AKIASTATEREADER', secret: 'state-reader-secret-51c0' };
let server: S3Server;
let work: string;

beforeAll(async () => {
  server = await startS3Server({ buckets: [BUCKET], accessKeys: { [SECRET.id]: SECRET.secret, [READER.id]: READER.secret }, readOnlyKeys: [READER.id] });
  work = await mkdtemp(path.join(tmpdir(), 'anomstack-action-state-'));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** A fresh checkout (its own workspace, no `.anomstack`) holding the csv_orders example as `orders`. */
async function checkout(name: string): Promise<string> {
  const cwd = path.join(work, name);
  await cp(path.join(EXAMPLES, 'csv_orders'), path.join(cwd, 'metrics', 'orders'), { recursive: true });
  return cwd;
}

function env(cwd: string, runId: string, key = SECRET): Record<string, string> {
  return {
    ...(server.env({ ANOMSTACK_AWS_ACCESS_KEY_ID: key.id, ANOMSTACK_AWS_SECRET_ACCESS_KEY: key.secret }) as Record<string, string>),
    GITHUB_WORKSPACE: cwd, RUNNER_TEMP: path.join(cwd, '_temp'), GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1',
  };
}

async function storedRows(url: string): Promise<number> {
  const dir = await mkdtemp(path.join(work, 'check-'));
  const restored = await restoreFromStore(openArtifactStore(url, server.env()), dir, 'all');
  expect(restored.kind).toBe('store');
  const db = await DuckDb.open(path.join(dir, 'anomstack.duckdb'));
  try {
    return Number((await db.all(`SELECT count(*) AS n FROM metrics WHERE metric_type = 'metric'`))[0]?.['n']);
  } finally {
    db.close();
  }
}

describe('the action with its state in S3', () => {
  it('saves to the bucket, and the next run on a fresh runner restores it and says from where and how old', async () => {
    const url = `s3://${BUCKET}/sequential`;
    const first = await checkout('first');
    const one = await runAction(first, { 'metrics-dir': 'metrics', state: url, 'report-dir': 'none-report' }, env(first, '601'));
    expect(one.code, one.stdout).toBe(0);
    expect(one.summary).toContain(`Cold start: ${url}/all holds no saved state`);
    expect(one.summary).toMatch(new RegExp(`State saved to \`${url}/all\` as save \`\\d{13}-run_601\\.1-[0-9a-f]{8}\``));
    // The secret key was registered as a secret and printed nowhere else.
    expect(one.stdout).toContain(`::add-mask::${SECRET.secret}`);
    expect(one.stdout.split('\n').filter((line) => line.includes(SECRET.secret))).toHaveLength(1);
    expect(server.accessKeyIds).toContain(SECRET.id);

    const second = await checkout('second');
    const two = await runAction(second, { 'metrics-dir': 'metrics', state: url, 'report-dir': 'none-report' }, env(second, '602'));
    expect(two.code, two.stdout).toBe(0);
    expect(two.summary).toMatch(new RegExp(`State: restored from \`${url}/all\`, saved \\d+ min ago by run 601\\.1`));
    expect(two.summary).toContain('1 superseded save deleted');
    const saves = await listSaves(openArtifactStore(url, server.env()), 'all');
    expect(saves.records.map((r) => r.run)).toEqual(['run 602.1']);
    // csv_orders ingests its whole file each run; the second run's re-ingest added no duplicate rows.
    expect(await storedRows(url)).toBe(1200);
  }, 240_000);

  it('two runs started together on one bucket state lose no rows', async () => {
    const url = `s3://${BUCKET}/overlap`;
    const [a, b] = [await checkout('overlap-a'), await checkout('overlap-b')];
    // Different batches, so each run's rows are its own: both sets must survive.
    await rm(path.join(b, 'metrics', 'orders'), { recursive: true });
    await cp(path.join(EXAMPLES, 'synthetic_sql'), path.join(b, 'metrics', 'synthetic'), { recursive: true });
    const [runA, runB] = await Promise.all([
      runAction(a, { 'metrics-dir': 'metrics', state: url, 'report-dir': 'none-report' }, env(a, '701')),
      runAction(b, { 'metrics-dir': 'metrics', state: url, 'report-dir': 'none-report' }, env(b, '702')),
    ]);
    expect(runA.code, runA.stdout).toBe(0);
    expect(runB.code, runB.stdout).toBe(0);

    const dir = await mkdtemp(path.join(work, 'overlap-check-'));
    const restored = await restoreFromStore(openArtifactStore(url, server.env()), dir, 'all');
    const db = await DuckDb.open(path.join(dir, 'anomstack.duckdb'));
    try {
      const batches = await db.all(`SELECT metric_batch, count(*)::INTEGER AS n FROM metrics WHERE metric_type = 'metric' GROUP BY 1 ORDER BY 1`);
      expect(batches.map((r) => r['metric_batch'])).toEqual(['csv_orders', 'synthetic_sql']);
      expect(batches[0]?.['n']).toBe(1200);
    } finally {
      db.close();
    }
    expect(restored.kind).toBe('store');
  }, 240_000);

  it('a save that fails fails the step, and the state saved before stays readable', async () => {
    const url = `s3://${BUCKET}/failing`;
    const first = await checkout('failing-first');
    expect((await runAction(first, { 'metrics-dir': 'metrics', state: url, 'report-dir': 'none-report' }, env(first, '801'))).code).toBe(0);
    const before = await listSaves(openArtifactStore(url, server.env()), 'all');

    // The second run may read the bucket but not write to it: it restores, runs, and its save is refused.
    const second = await checkout('failing-second');
    const run = await runAction(second, { 'metrics-dir': 'metrics', state: url, 'report-dir': 'none-report' }, env(second, '802', READER));
    expect(run.code, run.stdout).toBe(1);
    expect(run.summary).toMatch(/State: restored from `s3:\/\/anomstack-state\/failing\/all`/);
    expect(run.stdout).toMatch(/::error::state not saved \(the earlier saves are untouched\): s3:\/\/anomstack-state\/failing: upload all\/payloads\/\S+ failed: AccessDenied: Access Denied/);
    expect(run.stdout.split('\n').filter((line) => line.includes(READER.secret))).toEqual([`::add-mask::${READER.secret}`]);

    // A bucket that does not exist fails the step before any batch runs.
    const third = await checkout('failing-third');
    const missing = await runAction(third, { 'metrics-dir': 'metrics', state: 's3://no-such-bucket/failing', 'report-dir': 'none-report' }, env(third, '803'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/::error::.*s3:\/\/no-such-bucket\/failing: list all\/saves\/ failed: NoSuchBucket/);
    expect(missing.stdout).not.toContain('csv_orders');
    expect((await listSaves(openArtifactStore(url, server.env()), 'all')).records).toEqual(before.records);
    expect(await storedRows(url)).toBe(1200);
  }, 240_000);
});
