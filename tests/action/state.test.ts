import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/alerts/github-api.ts';
import { keyPrefix, parseStateKey, restoreState, saveState, stateApi, stateScope, type Restored, type StateTarget } from '../../src/action/state.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';
import { startCacheServer, type CacheServer } from '../helpers/actions-cache-server.ts';

let server: CacheServer;
let workspace: string;
const saved: Record<string, string | undefined> = {};

beforeEach(async () => {
  server = await startCacheServer();
  workspace = await mkdtemp(path.join(tmpdir(), 'anomstack-state-'));
  const env = { ...server.env(), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: path.join(workspace, '_temp') };
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});

afterEach(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  await server.close();
  await rm(workspace, { recursive: true, force: true });
});

function target(runId: string, scope = 'all'): StateTarget {
  return { dir: path.join(workspace, '.anomstack'), scope, runId, runAttempt: '1' };
}

const api = () => stateApi(createOctokit({ token: 'test-token', baseUrl: server.url, retryBaseMs: 1, paceWrites: false }), 'octo', 'repo');

describe('state in the Actions cache', () => {
  it('reports a miss as a cold start, then restores the newest entry and prunes what it superseded', async () => {
    const first = await restoreState(target('101'));
    expect(first.kind).toBe('cold-start');
    expect(first.kind === 'cold-start' && first.reason).toMatch(/evicted .*7 days/);

    await writeFile(path.join(workspace, '.anomstack', 'anomstack.duckdb'), 'run 101');
    const one = await saveState(target('101'), first, new Date('2026-03-01T06:00:00Z'), api());
    expect(one.key).toBe(`${keyPrefix('all')}${Date.parse('2026-03-01T06:00:00Z')}-101-1`);
    expect(one.warnings).toEqual([]);

    // The next run starts from an empty workspace, as a fresh runner does.
    await rm(path.join(workspace, '.anomstack'), { recursive: true });
    const second = await restoreState(target('102'));
    expect(second).toEqual({ kind: 'restored', key: one.key, savedAt: new Date('2026-03-01T06:00:00Z'), fromRun: '101' });
    expect(await readFile(path.join(workspace, '.anomstack', 'anomstack.duckdb'), 'utf8')).toBe('run 101');

    await writeFile(path.join(workspace, '.anomstack', 'anomstack.duckdb'), 'run 102');
    const two = await saveState(target('102'), second, new Date('2026-03-01T06:10:00Z'), api());
    expect(two.pruned).toEqual([one.key]);
    expect(server.entries.map((e) => e.key)).toEqual([two.key]);
    expect(server.requests).toContain('DELETE /repos/octo/repo/actions/caches');
  });

  it('keeps the scopes of fan-out legs apart', async () => {
    const a = target('1', stateScope(['orders']));
    await restoreState(a);
    await writeFile(path.join(a.dir, 'x'), 'orders');
    await saveState(a, { kind: 'cold-start', reason: '' }, new Date(), api());
    await rm(a.dir, { recursive: true });
    expect((await restoreState(target('2', stateScope(['signups'])))).kind).toBe('cold-start');
    expect(stateScope(['b', 'a'])).toBe(stateScope(['a', 'b', 'a']));
  });

  it('merges the rows of an overlapping run that saved after this one restored, then supersedes its entry', async () => {
    const dbFile = path.join(workspace, '.anomstack', 'anomstack.duckdb');
    const addPoint = async (hour: number): Promise<void> => {
      const db = await DuckDb.open(dbFile);
      try {
        const store = new MetricsTable(db, 'metrics');
        await store.ensure();
        await store.insert([{ metric_timestamp: new Date(Date.UTC(2026, 2, 1, hour)), metric_batch: 'b', metric_name: 'm', metric_type: 'metric', metric_value: hour }]);
      } finally {
        db.close();
      }
    };
    const hours = async (): Promise<number[]> => {
      const db = await DuckDb.open(dbFile);
      try {
        return (await db.all('SELECT metric_value FROM metrics ORDER BY 1')).map((r) => Number(r['metric_value']));
      } finally {
        db.close();
      }
    };
    await restoreState(target('1'));
    await addPoint(0);
    const base = await saveState(target('1'), { kind: 'cold-start', reason: '' }, new Date('2026-03-01T06:00:00Z'), api());

    // Runs 2 and 3 overlap: both restore the base; 3 adds hour 3 and saves first, then 2 adds hour 2 and saves.
    await rm(path.join(workspace, '.anomstack'), { recursive: true });
    const restoredByB = await restoreState(target('3'));
    await addPoint(3);
    const b = await saveState(target('3'), restoredByB, new Date('2026-03-01T06:01:00Z'), api());
    expect(b.warnings).toEqual([]);
    expect(b.pruned).toEqual([base.key]);

    await rm(path.join(workspace, '.anomstack'), { recursive: true });
    const restoredByA: Restored = { kind: 'restored', key: base.key ?? '', savedAt: null, fromRun: '1' };
    await mkdir(path.join(workspace, '.anomstack'), { recursive: true });
    await addPoint(0);
    await addPoint(2);
    const a = await saveState(target('2'), restoredByA, new Date('2026-03-01T06:02:00Z'), api());
    expect(a.warnings.join('\n')).toMatch(/stale restore: .*-3-1 was saved by an overlapping run .* its 1 row\(s\) this run lacked were merged in/);
    expect(await hours()).toEqual([0, 2, 3]);
    expect(a.pruned).toEqual([b.key]);
    expect(server.entries.map((e) => e.key)).toEqual([a.key]);
    expect(existsSync(path.join(workspace, '.anomstack.theirs'))).toBe(false);

    // What the next run restores has everything both runs ingested.
    await rm(path.join(workspace, '.anomstack'), { recursive: true });
    await restoreState(target('4'));
    expect(await hours()).toEqual([0, 2, 3]);
  });

  it('keeps old entries and says why when the token cannot delete them', async () => {
    await restoreState(target('1'));
    await writeFile(path.join(workspace, '.anomstack', 'db'), 'x');
    const one = await saveState(target('1'), { kind: 'cold-start', reason: '' }, new Date('2026-03-01T06:00:00Z'), api());
    server.denyRestWrites = true;
    const two = await saveState(target('2'), await restoreState(target('2')), new Date('2026-03-01T06:05:00Z'), api());
    expect(two.pruned).toEqual([]);
    expect(two.warnings.join('\n')).toMatch(/actions: write/);
    expect(server.entries.map((e) => e.key)).toEqual([one.key, two.key]);
  });

  it('reads the run and time back out of its keys only', () => {
    expect(parseStateKey(`${keyPrefix('all')}1772344800000-42-2`)).toEqual({ savedAt: new Date(1772344800000), runId: '42' });
    expect(parseStateKey('someone-elses-key')).toBeNull();
  });

  it('is a cold start, not a failure, when the job has no cache service', async () => {
    delete process.env['ACTIONS_RESULTS_URL'];
    const restored = await restoreState(target('1'));
    expect(restored.kind).toBe('cold-start');
    expect(existsSync(path.join(workspace, '.anomstack'))).toBe(true);
    await mkdir(path.join(workspace, '.anomstack'), { recursive: true });
    expect((await saveState(target('1'), restored, new Date(), api())).key).toBeNull();
  });
});
