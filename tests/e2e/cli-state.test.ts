/**
 * `anomstack --state URL` as a user runs it: the CLI as a child process in a working folder whose `.anomstack`
 * is a disposable copy of the state kept in a store (here a `local://` folder; the bucket stores run the same
 * state code in the shared store contract, tests/artifacts/store-contract.ts, and in tests/e2e/action-state.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../src/artifacts/local.ts';
import { listSaves } from '../../src/artifacts/state-saves.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
/** 100 hourly points ending at the run's clock. */
const SQL = `SELECT getvariable('now') - INTERVAL (i) HOUR AS metric_timestamp, 'x' AS metric_name,
  (100 + (i * 7) % 11)::DOUBLE AS metric_value FROM range(100) t(i)`;

function anomstack(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANOMSTACK')));
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function machine(name: string, root: string): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'm', 'b'), { recursive: true });
  await writeFile(path.join(dir, 'm', 'b', 'config.yaml'), '');
  await writeFile(path.join(dir, 'm', 'b', 'query.sql'), SQL);
  return dir;
}

describe('anomstack --state', () => {
  it('two machines share one state: each run restores what the last one saved', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'anomstack-cli-state-'));
    dirs.push(root);
    const url = `local://${path.join(root, 'bucket')}`;
    const laptop = await machine('laptop', root);
    const cron = await machine('cron', root);

    const first = anomstack(laptop, 'run', '--metrics-dir', 'm', '--now', '2026-03-01T00:00:00Z', '--report-dir', 'none', '--state', url);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/state: cold start: .*holds no saved state/);
    expect(first.stderr).toMatch(/state: saved to local:\/\/.*\/all \(\d+\.\d MB\)/);

    // Another machine, 10 hours later: it restores the laptop's 100 points and adds 10 new ones.
    const second = anomstack(cron, 'run', '--metrics-dir', 'm', '--now', '2026-03-01T10:00:00Z', '--report-dir', 'none', '--state', url);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/state: restored \.anomstack from local:\/\/.*\/all, saved \d+ min ago by cli@/);
    expect(second.stderr).toMatch(/1 older save\(s\) deleted/);
    expect(second.stdout).toMatch(/b\s+ok\s+1\s+10\s/);

    // The laptop's own folder is gone: list reads the shared state, and writes nothing back.
    await rm(path.join(laptop, '.anomstack'), { recursive: true, force: true });
    const listed = anomstack(laptop, 'list', '--metrics-dir', 'm', '--state', url);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/b\s+enabled\s+x\s+110\s/);
    const store = new LocalArtifactStore(path.join(root, 'bucket'));
    expect((await listSaves(store, 'all')).records).toHaveLength(1);
  }, 180_000);

  it('a bad store URL is a usage error, and an unreadable store fails the run before any batch runs', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'anomstack-cli-state-'));
    dirs.push(root);
    const dir = await machine('box', root);
    const bad = anomstack(dir, 'run', '--metrics-dir', 'm', '--state', 'ftp://bucket/x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--state ftp://bucket/x: unknown store "ftp://"');

    // A store whose folder is a file cannot be listed.
    await writeFile(path.join(root, 'not-a-folder'), '');
    const broken = anomstack(dir, 'run', '--metrics-dir', 'm', '--state', `local://${path.join(root, 'not-a-folder')}`);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/anomstack: state: local:\/\/.*not-a-folder: list all\/saves\/ failed: ENOTDIR/);
    expect(existsSync(path.join(dir, '.anomstack'))).toBe(false);
  }, 120_000);
});
