/**
 * `anomstack backfill` and `anomstack rescore` as a user runs them: the CLI as a child process on a metrics folder
 * whose batch reads a CSV of history through SQL that uses {{ from }} / {{ to }}.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const SQL = `SELECT ts AS metric_timestamp, 'x' AS metric_name, value AS metric_value
FROM read_csv('history.csv', columns = {'ts': 'TIMESTAMP', 'value': 'DOUBLE'})
WHERE ts >= TIMESTAMP '{{ from }}' AND ts < TIMESTAMP '{{ to }}'`;

function anomstack(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANOMSTACK')));
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A working folder with batch `b`: 10 days of hourly history from 2026-01-01. */
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'anomstack-cli-backfill-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'm', 'b'), { recursive: true });
  const lines = ['ts,value'];
  for (let h = 0; h < 240; h++) lines.push(`${new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')},${100 + (h % 7)}`);
  await writeFile(path.join(dir, 'm', 'b', 'history.csv'), `${lines.join('\n')}\n`);
  await writeFile(path.join(dir, 'm', 'b', 'config.yaml'), 'alert_methods: []\n');
  await writeFile(path.join(dir, 'm', 'b', 'query.sql'), SQL);
  return dir;
}

describe('anomstack backfill / rescore', () => {
  it('backfills a window with progress, adds nothing the second time, and rescores it', async () => {
    const dir = await folder();
    const args = ['--metrics-dir', 'm', '--from', '2026-01-02', '--to', '2026-01-09', '--now', '2026-02-01T00:00:00Z'];
    const first = anomstack(dir, 'backfill', ...args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('backfill b: slice 1/7 (2026-01-02 00:00:00 to 2026-01-03 00:00:00): 24 rows, 24 new');
    expect(first.stdout).toMatch(/b\s+ok\s+7\s+168\s+168/);

    const second = anomstack(dir, 'backfill', ...args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/b\s+ok\s+7\s+168\s+0/);

    // A scheduled ingest would read the last day before the real clock (see docs/backfill.md): the backfilled rows are trained and scored as they are.
    for (const job of ['train', 'score', 'alert']) {
      const ran = anomstack(dir, job, '--metrics-dir', 'm', '--now', '2026-01-09T00:00:00Z');
      expect(ran.code, ran.stderr).toBe(0);
    }
    const rescored = anomstack(dir, 'rescore', ...args);
    expect(rescored.code, rescored.stderr).toBe(0);
    expect(rescored.stdout).toMatch(/rescore b: 1 metrics, scores \d+ -> \d+, alerts \d+ -> \d+/);
    expect(rescored.stdout).toMatch(/batch\s+metrics\s+scores before\s+scores after\s+alerts before\s+alerts after/);
  });

  it('bad usage is one line naming the problem', async () => {
    const dir = await folder();
    const cases: [string[], string][] = [
      [['backfill', '--metrics-dir', 'm', '--to', '2026-01-09'], 'anomstack: backfill needs --from (e.g. --from 2026-01-01) (see anomstack --help)\n'],
      [['rescore', '--metrics-dir', 'm', '--from', 'soon', '--to', '2026-01-09'], 'anomstack: rescore: --from soon is not a timestamp (e.g. 2026-01-01 or 2026-01-01T12:00:00Z) (see anomstack --help)\n'],
      [['backfill', '--metrics-dir', 'm', '--from', '2026-01-09', '--to', '2026-01-02'], 'anomstack: backfill: --from 2026-01-09 is not before --to 2026-01-02 (see anomstack --help)\n'],
    ];
    for (const [args, stderr] of cases) {
      const result = anomstack(dir, ...args);
      expect(result.stderr).toBe(stderr);
      expect(result.code).toBe(2);
    }
    await writeFile(path.join(dir, 'm', 'b', 'query.sql'), "SELECT TIMESTAMP '2026-01-01' AS metric_timestamp, 'x' AS metric_name, 1.0 AS metric_value");
    const refused = anomstack(dir, 'backfill', '--metrics-dir', 'm', '--batch', 'b', '--from', '2026-01-02', '--to', '2026-01-09');
    expect(refused.stderr).toBe('anomstack: batch b: its SQL does not use {{ from }} / {{ to }}; backfill would ingest the same rows for every slice (see anomstack --help)\n');
    expect(refused.code).toBe(2);
  });
});
