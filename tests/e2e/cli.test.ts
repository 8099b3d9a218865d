import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '../../src/store/duckdb.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
const EXAMPLES = path.join(ROOT, 'metrics');
// A fixed clock: the examples' anomalies are keyed on the newest points, so any time works, but a fixed
// one makes the expected alerts exactly reproducible.
const NOW = '2026-11-21T12:00:00Z';

function anomstack(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI reads ANOMSTACK_* overrides; a developer's own must not leak into the test. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANOMSTACK')));
}

function alertedMetrics(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('🔥'))
    .map((line) => /^🔥 \[(\S+)\] (\S+) looks anomalous/.exec(line))
    .map((m) => `${m?.[1]}/${m?.[2]}`)
    .sort();
}

async function countRows(cwd: string): Promise<Record<string, number>> {
  const db = await DuckDb.open(path.join(cwd, '.anomstack/anomstack.duckdb'));
  try {
    const rows = await db.all('SELECT metric_type, count(*) AS n FROM metrics GROUP BY ALL');
    return Object.fromEntries(rows.map((r) => [String(r['metric_type']), Number(r['n'])]));
  } finally {
    db.close();
  }
}

describe('anomstack run on the bundled examples', () => {
  let work: string;
  let first: ReturnType<typeof anomstack>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-e2e-'));
    first = anomstack(work, 'run', '--metrics-dir', EXAMPLES, '--now', NOW);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('exits 0 and flags the injected anomalies and nothing else', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const flagged = new Set(alertedMetrics(first.stdout));
    expect([...flagged].sort()).toEqual([
      'csv_orders/orders',
      'csv_orders/refunds',
      'csv_orders/revenue',
      'js_function/checkouts',
      'sqlite_example/signups',
      'synthetic_sql/latency_ms',
      'synthetic_sql/requests',
    ]);
  });

  it('ends with a summary table of every batch, the network ones disabled', () => {
    const table = first.stdout.slice(first.stdout.lastIndexOf('batch '));
    expect(table).toMatch(/^batch\s+status\s+metrics\s+ingested\s+scored\s+alerts/);
    expect(table).toMatch(/synthetic_sql\s+ok\s+4\s+2884\s+100\s+2/);
    expect(table).toMatch(/sqlite_example\s+ok\s+2\s+1442\s+50\s+1/);
    expect(table).toMatch(/weather\s+disabled/);
    expect(table).toMatch(/hackernews\s+disabled/);
    expect(table).toMatch(/github_stars\s+disabled/);
  });

  it('keeps metrics, scores and alerts in the embedded DuckDB and models as JSON files', async () => {
    const rows = await countRows(work);
    expect(rows['metric']).toBe(1200 + 1299 + 2884 + 1442);
    expect(rows['alert']).toBeGreaterThanOrEqual(7);
    const model = spawnSync('ls', [path.join(work, '.anomstack/models/synthetic_sql')], { encoding: 'utf8' }).stdout;
    const models = ['error_rate.json', 'latency_ms.json', 'queue_depth.json', 'requests.json'];
    expect(model.split('\n').filter(Boolean).sort()).toEqual(['change', ...models]);
    // Each metric's change detector, kept between runs.
    const streams = spawnSync('ls', [path.join(work, '.anomstack/models/synthetic_sql/change')], { encoding: 'utf8' }).stdout;
    expect(streams.split('\n').filter(Boolean).sort()).toEqual(models);
  });

  it('changes nothing when run again: no new rows, scores or alerts', async () => {
    const before = await countRows(work);
    const again = anomstack(work, 'run', '--metrics-dir', EXAMPLES, '--now', NOW);
    expect(again.code).toBe(0);
    expect(alertedMetrics(again.stdout)).toEqual([]);
    expect(await countRows(work)).toEqual(before);
  });

  it('prints each batch summary; the run already sent this period\'s, so it is not sent again', () => {
    const summarized = anomstack(work, 'summary', '--metrics-dir', EXAMPLES, '--now', NOW, '--batch', 'synthetic_sql');
    expect(summarized.code).toBe(0);
    expect(summarized.stdout).toContain('summary    synthetic_sql: last day: 4 metrics ·');
    expect(summarized.stdout).toContain('already summarized in this period');
    const digest = summarized.stdout.slice(summarized.stdout.indexOf('📊'));
    expect(digest).toMatch(/^📊 Anomstack summary: synthetic_sql, last 24 h\n2026-11-20 12:00 UTC to 2026-11-21 12:00 UTC\n\n4 metrics · \d+ points ingested · \d+ scored · 2 alerts/);
    expect(digest).toContain('🔥 requests at');
    expect(digest).toContain('🔥 latency_ms at');
    expect(digest).toMatch(/Top metrics by score:\n +metric +points +latest point/);
  });

  it('lists batches and metrics with their last timestamps', () => {
    const listed = anomstack(work, 'list', '--metrics-dir', EXAMPLES);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/synthetic_sql\s+enabled\s+requests\s+721\s+2026-11-21T12:00:00Z\s+2026-11-21T12:00:00Z\s+1/);
    expect(listed.stdout).toMatch(/weather\s+disabled\s+\(no data yet\)/);
  });

  it('validates the examples', () => {
    const validated = anomstack(work, 'validate', '--metrics-dir', EXAMPLES);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('14 of 14 batches valid');
  });
});

describe('anomstack exit codes', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-exit-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function metricsWith(batches: Record<string, Record<string, string>>): Promise<string> {
    const dir = await mkdtemp(path.join(work, 'metrics-'));
    await cp(path.join(EXAMPLES, 'synthetic_sql'), path.join(dir, 'synthetic_sql'), { recursive: true });
    for (const [name, files] of Object.entries(batches)) {
      await mkdir(path.join(dir, name));
      for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, name, file), text);
    }
    return dir;
  }

  it('1 when a batch fails while running; the other batches still run', async () => {
    const dir = await metricsWith({ broken: { 'config.yaml': 'alert_threshold: 0.9\n', 'query.sql': 'select * from no_such_table' } });
    const run = anomstack(work, 'run', '--metrics-dir', dir, '--now', NOW);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ingest\s+broken: FAILED: metrics-\w+\/broken\/query\.sql: duckdb: .*no_such_table/);
    expect(run.stdout).toMatch(/broken\s+failed\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+ingest: /);
    expect(run.stdout).toMatch(/synthetic_sql\s+ok\s+4\s+2884/);
  });

  it('2 for a config error, naming file, line, key and value; valid batches still run', async () => {
    const dir = await metricsWith({ typo: { 'config.yaml': 'ingest_sql: select 1\nalert_threshold: high\n' } });
    const run = anomstack(work, 'run', '--metrics-dir', dir, '--now', NOW);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: metrics-\w+\/typo\/config\.yaml:2: alert_threshold: .*number.* \(got "high"\)/);
    expect(run.stdout).toMatch(/synthetic_sql\s+ok/);
    const validate = anomstack(work, 'validate', '--metrics-dir', dir);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain('1 of 2 batches valid');
  });

  it('runs an ingest.ts function (Node strips its types) and reports invalid rows by number', async () => {
    const ingestTs = [
      'interface Row { metric_timestamp: string; metric_name: string; metric_value: number }',
      'export default async function ingest(): Promise<Row[]> {',
      "  return Array.from({ length: 40 }, (_, i): Row => ({ metric_timestamp: `2026-01-01T${String(i % 24).padStart(2, '0')}:00:00Z`, metric_name: 'm', metric_value: i < 24 ? i : Number.NaN }));",
      '}',
    ].join('\n');
    const dir = await metricsWith({ typed: { 'config.yaml': '{}\n', 'ingest.ts': ingestTs } });
    const run = anomstack(work, 'ingest', '--metrics-dir', dir, '--batch', 'typed', '--now', NOW);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('16 of 40 rows are invalid: row 25: metric_value NaN is not a finite number');
    const good = await metricsWith({ typed: { 'config.yaml': '{}\n', 'ingest.ts': ingestTs.replace('Number.NaN', '-i') } });
    const ok = anomstack(work, 'ingest', '--metrics-dir', good, '--batch', 'typed', '--now', NOW);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('16 of 40 rows repeat an earlier timestamp with another value: row 25: m at 2026-01-01T00:00:00.000Z again, with -24 instead of 0');
    expect(ok.stdout).toContain('24 rows for 1 metrics, 24 new');
  });

  it('backtest writes one CSV row per point and a summary; a failing ingest exits 1 with its message', async () => {
    const out = path.join(work, 'orders.csv');
    const run = anomstack(work, 'backtest', '--metrics-dir', EXAMPLES, '--batch', 'csv_orders', '--from', '2026-06-01', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/backtest csv_orders: 519 points of 3 metrics in [\d.]+ s, retraining every 25 points; wrote /);
    expect(run.stdout).toMatch(/^metric\s+points\s+scored\s+alerts\s+changes$/m);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('metric_batch,metric_name,metric_timestamp,metric_value,score,alert,change');
    expect(lines).toHaveLength(1 + 519);
    expect(lines[1]).toMatch(/^csv_orders,orders,2026-06-01 00:00:00,\d+(\.\d+)?,(0\.\d{6}|1\.000000),[01],[01]$/);
    const dir = await metricsWith({ broken: { 'config.yaml': 'ingest_sql: select * from nope\n' } });
    const failed = anomstack(work, 'backtest', '--metrics-dir', dir, '--batch', 'broken', '--out', out);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^anomstack: .*broken\/config\.yaml: duckdb: .*nope/);
    expect(failed.stderr).not.toMatch(/ at /);
  });

  it('2 for bad usage', () => {
    expect(anomstack(work, 'frobnicate').code).toBe(2);
    expect(anomstack(work, 'run', '--metrics-dir', EXAMPLES, '--batch', 'nope').stderr).toContain('no batch named nope');
    expect(anomstack(work, 'run', '--now', 'yesterday').code).toBe(2);
    expect(anomstack(work, 'run', '--metrics-dir', path.join(work, 'missing')).code).toBe(2);
  });
});

describe('the committed bundle', () => {
  it('bin/anomstack.js (package.json bin) runs the same CLI from dist/index.js, DuckDB included', async () => {
    const bin = path.join(ROOT, 'bin', 'anomstack.js');
    const validate = spawnSync(process.execPath, [bin, 'validate', '--metrics-dir', EXAMPLES], { cwd: ROOT, encoding: 'utf8', env: cleanEnv() });
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('14 of 14 batches valid');
    // A whole run of one batch from the bundle, into a scratch folder: the binding is the checkout's installed copy.
    const cwd = await mkdtemp(path.join(tmpdir(), 'anomstack-bin-'));
    try {
      const run = spawnSync(process.execPath, [bin, 'run', '--metrics-dir', EXAMPLES, '--batch', 'synthetic_sql', '--report-dir', 'none'], { cwd, encoding: 'utf8', env: cleanEnv() });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/synthetic_sql\s+ok\s+4\s+\d+/);
      expect(run.stderr).not.toContain('DuckDB native binding'); // found installed, not fetched
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
