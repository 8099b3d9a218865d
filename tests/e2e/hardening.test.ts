/**
 * The hardening issue's findings, each reproduced as a user met it: the CLI as a child process on a metrics folder
 * where a good batch sits beside a bad one. Each test asserts the bad batch's clear error and that the good batch ran
 * (or, where nothing may run, that its rows and models are exactly as they were).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable } from '../../src/store/metrics-table.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const NOW = '2026-03-01T12:00:00Z';
/** 100 hourly points ending at the run's clock; the newest 4 jump from about 100 to 500 (one alert). */
const GOOD_SQL = `SELECT getvariable('now') - INTERVAL (i) HOUR AS metric_timestamp, 'x' AS metric_name,
  (CASE WHEN i < 4 THEN 500 ELSE 100 + (i * 7) % 11 END)::DOUBLE AS metric_value FROM range(100) t(i)`;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function anomstack(cwd: string, ...args: string[]): Result {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 120_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANOMSTACK')));
}

const workspaces: string[] = [];
afterEach(async () => {
  for (const dir of workspaces.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A working folder with `m/good` and the given files under `m/`. */
async function workspace(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'anomstack-hardening-'));
  workspaces.push(dir);
  await write(dir, { 'good/config.yaml': '', 'good/query.sql': GOOD_SQL, ...files });
  return dir;
}

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, 'm', name)), { recursive: true });
    await writeFile(path.join(dir, 'm', name), content);
  }
}

/** The good batch's rows and model files, to compare before and after. */
async function goodState(dir: string): Promise<{ rows: string[]; models: Record<string, string> }> {
  const db = await DuckDb.open(path.join(dir, '.anomstack/anomstack.duckdb'));
  let rows: string[];
  try {
    rows = (await db.all(`SELECT * FROM metrics WHERE metric_batch = 'good' ORDER BY ALL`)).map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  } finally {
    db.close();
  }
  const folder = path.join(dir, '.anomstack/models/good');
  const models: Record<string, string> = {};
  for (const name of await readdir(folder)) if (name.endsWith('.json')) models[name] = await readFile(path.join(folder, name), 'utf8');
  return { rows, models };
}

/** The summary table's row of a batch, as cells. */
function tableRow(stdout: string, batch: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${batch} `)) ?? '';
  return line.trim().split(/\s{2,}/);
}

describe('an ingest that never finishes', () => {
  it('a promise that never settles fails its batch at once, and the good batch runs', async () => {
    const dir = await workspace({ 'bad/config.yaml': '', 'bad/ingest.js': 'export default () => new Promise(() => {})\n' });
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ingest     bad: FAILED: m/bad/ingest.js: ingest failed: the ingest function never returned');
    expect(tableRow(run.stdout, 'bad').slice(0, 2)).toEqual(['bad', 'failed']);
    expect(tableRow(run.stdout, 'good').slice(0, 6)).toEqual(['good', 'ok', '1', '100', '25', '1']);
  });

  it('a function that spins, and a query that runs on, are stopped at ingest_timeout_s', async () => {
    const dir = await workspace({
      'spin/config.yaml': 'ingest_timeout_s: 1\n',
      'spin/ingest.js': 'export default () => { for (;;) {} }\n',
      'slow/config.yaml': 'ingest_timeout_s: 1\n',
      'slow/query.sql': "SELECT now() AS metric_timestamp, 'x' AS metric_name, count(*)::DOUBLE AS metric_value FROM range(10000000000000) t(i), range(10) u(j)",
    });
    const first = anomstack(dir, 'run', '--metrics-dir', 'm', '--batch', 'good', '--now', NOW, '--report-dir', 'none');
    expect(first.code).toBe(0);
    const before = await goodState(dir);
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ingest     spin: FAILED: m/spin/ingest.js: ingest did not finish within ingest_timeout_s (1 s) and was stopped; nothing was written');
    expect(run.stderr).toContain('ingest     slow: FAILED: m/slow/query.sql: ingest did not finish within ingest_timeout_s (1 s) and was stopped; nothing was written');
    expect(tableRow(run.stdout, 'good')[1]).toBe('ok');
    expect(await goodState(dir)).toEqual(before);
  });
});

describe('timestamps far in the future', () => {
  it('are invalid rows, and with ingest_invalid_rows: skip the rest of the batch alerts like its twin', async () => {
    const future = `${GOOD_SQL} UNION ALL SELECT TIMESTAMP '9999-12-31 23:00:00', 'x', 100`;
    const dir = await workspace({ 'future/config.yaml': '', 'future/query.sql': future, 'skipping/config.yaml': 'ingest_invalid_rows: skip\n', 'skipping/query.sql': future });
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none');
    expect(run.stderr).toContain(
      "ingest     future: FAILED: m/future/query.sql: 1 of 101 rows are invalid: row 101: metric_timestamp 9999-12-31T23:00:00.000Z is more than ingest_max_future (1d) after the run's clock 2026-03-01T12:00:00.000Z; nothing was written",
    );
    expect(tableRow(run.stdout, 'skipping').slice(0, 6)).toEqual(['skipping', 'ok', '1', '100', '25', '1']);
    expect(tableRow(run.stdout, 'good').slice(0, 6)).toEqual(['good', 'ok', '1', '100', '25', '1']);
  });
});

describe('a point stored far in the future (before the limit existed)', () => {
  it('hides neither the newer scores from the alert job nor the newer points from the change job', async () => {
    const dir = await workspace();
    const db = await DuckDb.open(path.join(dir, '.anomstack/anomstack.duckdb'));
    try {
      const far = new Date('9999-12-31T23:00:00Z');
      await new MetricsTable(db, 'metrics').insert(
        (['metric', 'score'] as const).map((type) => ({ metric_timestamp: far, metric_batch: 'good', metric_name: 'x', metric_type: type, metric_value: 0 })),
      );
    } finally {
      db.close();
    }
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('🔥 [good] x looks anomalous at 2026-03-01T12:00:00Z');
    expect(tableRow(run.stdout, 'good').slice(0, 6)).toEqual(['good', 'ok', '1', '100', '25', '1']);
    // The change job's stream was fed up to the newest real point, not started past the far one.
    const stream = JSON.parse(await readFile(path.join(dir, '.anomstack/models/good/change/x.json'), 'utf8')) as { times: number[] };
    expect(stream.times.at(-1)).toBe(Date.parse(NOW));
  });
});

describe('two batches with one name', () => {
  it('are both a config error naming both files, and neither runs', async () => {
    const dir = await workspace();
    expect(anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none').code).toBe(0);
    const before = await goodState(dir);
    await write(dir, { 'copy/config.yaml': 'metric_batch: good\n', 'copy/query.sql': GOOD_SQL.replace("'x'", "'y'") });
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('m/copy/config.yaml:1: metric_batch: batch name also used by m/good/config.yaml');
    expect(run.stderr).toContain('m/good/config.yaml: metric_batch: batch name also used by m/copy/config.yaml');
    expect(await goodState(dir)).toEqual(before);
  });
});

describe('metric names', () => {
  it('a name over the maximum is a bad row; a long odd name works in every job, in the plots and in the report', async () => {
    const odd = `Latency p99 (ms) / ${'région-'.repeat(20)}`;
    const dir = await workspace({
      'long/config.yaml': '',
      'long/query.sql': GOOD_SQL.replace("'x'", `'${'n'.repeat(201)}'`),
      'odd/config.yaml': '',
      'odd/query.sql': `${GOOD_SQL} UNION ALL ${GOOD_SQL.replace("'x'", `'${odd}'`)}`,
    });
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW);
    expect(run.stderr).toMatch(/ingest {5}long: FAILED: m\/long\/query\.sql: 100 of 100 rows are invalid: row 1: metric_name "n{40}…" is 201 characters long, more than the 200 allowed;.* nothing was written/);
    expect(tableRow(run.stdout, 'odd').slice(0, 6)).toEqual(['odd', 'ok', '2', '200', '50', '2']);
    expect(run.stdout).toMatch(/plot\s+odd: 6 files/);
    expect(run.stdout).toContain('Report: ');
    const models = await readdir(path.join(dir, '.anomstack/models/odd'));
    expect(models.sort()).toHaveLength(3);
    for (const file of models) expect(file.length).toBeLessThanOrEqual(90);
  });
});

describe('store settings only a run would trip on', () => {
  it('validate names the key and value; run fails that batch, writes the report, and the good batch runs', async () => {
    const dir = await workspace();
    await mkdir(path.join(dir, 'folder'));
    await write(dir, {
      'dir/config.yaml': `duckdb_path: ${path.join(dir, 'folder')}\n`,
      'dir/query.sql': GOOD_SQL,
      'runs/config.yaml': 'table_key: anomstack_runs\n',
      'runs/query.sql': GOOD_SQL,
    });
    const validate = anomstack(dir, 'validate', '--metrics-dir', 'm');
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(`m/dir/config.yaml:1: duckdb_path: is a folder; expected the path of a DuckDB file, such as ${path.join(dir, 'folder', 'anomstack.duckdb')} (got "${path.join(dir, 'folder')}")`);
    expect(validate.stderr).toContain("m/runs/config.yaml:1: table_key: is one of anomstack's own tables");
    const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW);
    expect(run.code).toBe(2);
    expect(tableRow(run.stdout, 'good').slice(0, 2)).toEqual(['good', 'ok']);
    expect(tableRow(run.stdout, 'dir').slice(0, 2)).toEqual(['dir', 'invalid']);
    const home = await readFile(path.join(dir, '.anomstack/report/index.html'), 'utf8');
    expect(home).toContain('invalid config');
    expect(home).toContain('batch/good.html');
  });
});

describe('a second run on the same state', () => {
  it('stops at once with its own exit code, naming the holder, and with --wait runs once the first is done', async () => {
    const dir = await workspace();
    expect(anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none').code).toBe(0);
    const before = await goodState(dir);
    const file = path.join(dir, '.anomstack/anomstack.duckdb');
    const holder = await holdDatabase(file);
    try {
      const run = anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none');
      expect(run.code).toBe(3);
      expect(run.stderr).toBe(`anomstack: another anomstack run holds .anomstack/anomstack.duckdb (pid ${holder.pid}): one run at a time can use a database; wait for it to finish, or pass --wait SECONDS\n`);
      const waiting = spawn(process.execPath, [CLI, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none', '--wait', '60'], { cwd: dir, env: cleanEnv() });
      const code = new Promise<number | null>((resolve) => waiting.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      holder.release();
      expect(await code).toBe(0);
    } finally {
      holder.release();
    }
    expect(await goodState(dir)).toEqual(before);
  });
});

/** A child process that opens the database and holds it until released. */
async function holdDatabase(file: string): Promise<{ pid: number; release(): void }> {
  const script = `import { DuckDb } from ${JSON.stringify(path.join(ROOT, 'src/store/duckdb.ts'))};
const db = await DuckDb.open(${JSON.stringify(file)});
process.stdout.write('held\\n');
process.stdin.once('data', () => { db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return {
    pid: child.pid ?? 0,
    release: () => {
      if (child.exitCode === null && child.stdin.writable) child.stdin.write('go\n');
    },
  };
}

describe('loose ends', () => {
  it('validate skips YAML files that are not batches, with a warning', async () => {
    const dir = await workspace({ 'action.yml': 'name: something else\nruns: { using: node24 }\n', 'hn.yaml': 'metric_batch: hn\ningest_sql: SELECT 1\n' });
    const validate = anomstack(dir, 'validate', '--metrics-dir', 'm');
    expect(validate.stderr).toBe('warning: m/action.yml: not a batch (no config.yaml name, and no metric_batch, ingest_sql or ingest_fn key): ignored\n');
    expect(validate.stdout).toBe('2 of 2 batches valid in m\n');
  });

  it('a run removes the temporary model files a killed run left', async () => {
    const dir = await workspace();
    expect(anomstack(dir, 'run', '--metrics-dir', 'm', '--now', NOW, '--report-dir', 'none').code).toBe(0);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const leftover = path.join(dir, `.anomstack/models/good/x.json.${gone}.tmp`);
    await writeFile(leftover, '{"half": ');
    const run = anomstack(dir, 'train', '--metrics-dir', 'm', '--now', NOW);
    expect(run.stdout).toContain('good: removed 1 temporary model file(s) an interrupted run left');
    expect(existsSync(leftover)).toBe(false);
  });

  it('--version, and a usage error in one line', async () => {
    const dir = await workspace();
    const version = anomstack(dir, '--version');
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `anomstack ${pkg.version}\n`, stderr: '' });
    expect(anomstack(dir, 'frobnicate')).toEqual({ code: 2, stdout: '', stderr: 'anomstack: unknown command "frobnicate" (see anomstack --help)\n' });
  });
});
