import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/action/octokit.ts';
import { keyPrefix, parseStateKey, restoreState, saveState, stateApi, stateScope, type StateTarget } from '../../src/action/state.ts';
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

const api = () => stateApi(createOctokit('test-token', server.url), 'octo', 'repo');

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

  it('detects a stale restore (an overlapping run saved after this one restored) and keeps its entry', async () => {
    await restoreState(target('1'));
    await writeFile(path.join(workspace, '.anomstack', 'db'), 'base');
    const base = await saveState(target('1'), { kind: 'cold-start', reason: '' }, new Date('2026-03-01T06:00:00Z'), api());
    const restoredByA = await restoreState(target('2'));
    const restoredByB = await restoreState(target('3'));
    const b = await saveState(target('3'), restoredByB, new Date('2026-03-01T06:01:00Z'), api());
    expect(b.warnings).toEqual([]);
    expect(b.pruned).toEqual([base.key]);
    const a = await saveState(target('2'), restoredByA, new Date('2026-03-01T06:02:00Z'), api());
    expect(a.warnings.join('\n')).toMatch(/stale restore: .*-3-1 was saved by an overlapping run .*concurrency/);
    expect(server.entries.map((e) => e.key).sort()).toEqual([a.key, b.key].sort());
    expect(a.pruned).toEqual([]);
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
