import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backfill } from '../../src/jobs/backfill.ts';
import { UsageError } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import type { Reporter } from '../../src/jobs/context.ts';

const track = disposeAfterEach();

/** 60 days of hourly rows, 2025-12-01 to 2026-01-30, two metrics: the "table" the batch's SQL filters by window. */
function historyCsv(): string {
  const lines = ['ts,name,value'];
  const start = Date.UTC(2025, 11, 1);
  for (let h = 0; h < 60 * 24; h++) {
    const ts = new Date(start + h * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`${ts},a,${100 + (h % 7)}`, `${ts},b,${h % 5}`);
  }
  return `${lines.join('\n')}\n`;
}

const WINDOWED_SQL = `SELECT ts AS metric_timestamp, name AS metric_name, value AS metric_value
FROM read_csv('history.csv', columns = {'ts': 'TIMESTAMP', 'name': 'VARCHAR', 'value': 'DOUBLE'})
WHERE ts >= TIMESTAMP '{{ from }}' AND ts < TIMESTAMP '{{ to }}'`;

async function workspace(files: Record<string, string> = {}): Promise<TempWorkspace> {
  const ws = track(await tempMetrics({ 'b/config.yaml': '{}\n', 'b/query.sql': WINDOWED_SQL, 'b/history.csv': historyCsv(), ...files }));
  await ws.write({ 'defaults.yaml': `duckdb_path: ${path.join(ws.root, 'store.duckdb')}\nmodel_path: local://${path.join(ws.root, 'models')}\n` });
  return ws;
}

interface Lines extends Reporter {
  infos: string[];
  warnings: string[];
  progress: (label: string, done: number, total: number) => void;
  steps: [string, number, number][];
}

function lines(): Lines {
  const infos: string[] = [];
  const warnings: string[] = [];
  const steps: [string, number, number][] = [];
  return {
    infos, warnings, steps,
    info: (m) => void infos.push(m),
    warn: (m) => void warnings.push(m),
    progress: (label, done, total) => void steps.push([label, done, total]),
  };
}

/** Row count and an order-independent checksum of the long table. */
async function tableState(ws: TempWorkspace): Promise<{ rows: number; checksum: string; first: string; last: string }> {
  const db = await DuckDb.open(path.join(ws.root, 'store.duckdb'));
  try {
    const [row] = await db.all(`SELECT count(*)::INTEGER AS n, sum(hash(metric_timestamp, metric_name, metric_type, metric_value))::VARCHAR AS h,
      min(metric_timestamp)::VARCHAR AS first, max(metric_timestamp)::VARCHAR AS last FROM metrics`);
    return { rows: Number(row?.['n']), checksum: String(row?.['h']), first: String(row?.['first']), last: String(row?.['last']) };
  } finally {
    db.close();
  }
}

const NOW = new Date('2026-03-01T00:00:00Z');
const FROM = new Date('2026-01-01T00:00:00Z');
const TO = new Date('2026-01-31T00:00:00Z');

describe('backfill', () => {
  it('ingests exactly the window in 1d slices, and a second backfill changes nothing', async () => {
    const ws = await workspace();
    const reporter = lines();
    const [result] = await backfill({ metricsDir: ws.metricsDir, from: FROM, to: TO, now: NOW, reporter, env: {} });
    // 2026-01-01 .. 2026-01-30 of the CSV (it ends 2026-01-29 23:00): 29 days of 24 hours, two metrics.
    expect(result).toEqual({ batch: 'b', status: 'ok', slices: 30, rows: 29 * 24 * 2, inserted: 29 * 24 * 2 });
    const first = await tableState(ws);
    expect(first).toMatchObject({ rows: 29 * 24 * 2, first: '2026-01-01 00:00:00', last: '2026-01-29 23:00:00' });
    expect(reporter.infos[0]).toBe('backfill b: slice 1/30 (2026-01-01 00:00:00 to 2026-01-02 00:00:00): 48 rows, 48 new');
    // The last slice is past the CSV's end: a gap, not a failure.
    expect(reporter.infos[29]).toBe('backfill b: slice 30/30 (2026-01-30 00:00:00 to 2026-01-31 00:00:00): 0 rows, 0 new');
    expect(reporter.steps[0]).toEqual(['backfill b', 0, 30]);
    expect(reporter.steps.at(-1)).toEqual(['backfill b', 30, 30]);

    const again = lines();
    const [second] = await backfill({ metricsDir: ws.metricsDir, from: FROM, to: TO, now: NOW, reporter: again, env: {} });
    expect(second).toMatchObject({ rows: 29 * 24 * 2, inserted: 0 });
    expect(again.infos[0]).toMatch(/slice 1\/30 .*: 48 rows, 0 new$/);
    expect(await tableState(ws)).toEqual(first);
  });

  it('cuts the last slice at --to, in backfill_slice steps', async () => {
    const ws = await workspace({ 'b/config.yaml': 'backfill_slice: 12h\n' });
    const reporter = lines();
    const [result] = await backfill({ metricsDir: ws.metricsDir, from: FROM, to: new Date('2026-01-02T06:00:00Z'), now: NOW, reporter, env: {} });
    expect(result).toMatchObject({ slices: 3, inserted: 30 * 2 });
    expect(reporter.infos.at(-1)).toBe('backfill b: slice 3/3 (2026-01-02 00:00:00 to 2026-01-02 06:00:00): 12 rows, 12 new');
  });

  it('keeps ingest_max_future: rows after the clock are invalid rows', async () => {
    const ws = await workspace();
    const error = await backfill({ metricsDir: ws.metricsDir, from: FROM, to: TO, now: new Date('2026-01-03T00:00:00Z'), reporter: lines(), env: {} }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/backfill b, slice 4\/30 \(2026-01-04 00:00:00 to 2026-01-05 00:00:00\): .*more than ingest_max_future \(1d\) after the run's clock/);
    // Slice 4 writes nothing, the slices before it are kept: re-running once the clock allows adds the rest.
    expect((await tableState(ws)).rows).toBe(3 * 24 * 2);
  });

  it('refuses a named batch whose SQL does not use {{ from }} / {{ to }}, and skips an unnamed one', async () => {
    const ws = await workspace({
      'fixed/config.yaml': '{}\n',
      'fixed/query.sql': "SELECT TIMESTAMP '2026-01-01' AS metric_timestamp, 'x' AS metric_name, 1.0 AS metric_value",
    });
    const error = await backfill({ metricsDir: ws.metricsDir, batches: ['fixed'], from: FROM, to: TO, now: NOW, reporter: lines(), env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('batch fixed: its SQL does not use {{ from }} / {{ to }}; backfill would ingest the same rows for every slice');

    const reporter = lines();
    const results = await backfill({ metricsDir: ws.metricsDir, from: FROM, to: new Date('2026-01-02T00:00:00Z'), now: NOW, reporter, env: {} });
    expect(results.map((r) => [r.batch, r.status, r.inserted])).toEqual([['fixed', 'skipped', 0], ['b', 'ok', 48]]);
    expect(reporter.warnings).toEqual(['batch fixed: its SQL does not use {{ from }} / {{ to }}; backfill would ingest the same rows for every slice; skipped']);
  });

  it('refuses a bad window, an unknown batch and too many slices before ingesting anything', async () => {
    const ws = await workspace({ 'b/config.yaml': 'backfill_slice: 1m\n' });
    const run = (from: Date, to: Date, batches: string[] = []): Promise<unknown> =>
      backfill({ metricsDir: ws.metricsDir, batches, from, to, now: NOW, reporter: lines(), env: {} }).catch((e: unknown) => e);
    expect(String(await run(TO, FROM))).toBe('UsageError: --from 2026-01-31T00:00:00.000Z is not before --to 2026-01-01T00:00:00.000Z');
    expect(String(await run(FROM, FROM))).toMatch(/is not before --to/);
    expect(String(await run(new Date('nope'), TO))).toBe('UsageError: --from and --to must be timestamps');
    expect(String(await run(FROM, TO, ['nope']))).toMatch(/^UsageError: no batch named nope in /);
    expect(String(await run(FROM, TO))).toBe('UsageError: batch b: 43200 slices of backfill_slice 1m in the window, more than 10000; set a longer backfill_slice');
  });

  it('a scheduled run renders {{ from }} / {{ to }} as the last backfill_slice before the clock', async () => {
    const { loadBatches } = await import('../../src/config/load.ts');
    const ws = await workspace();
    const before = Date.now();
    const loaded = await loadBatches(ws.metricsDir, { env: {} });
    const sql = loaded.batches[0]?.ingest.kind === 'sql' ? loaded.batches[0].ingest.sql : '';
    const [from, to] = [...sql.matchAll(/TIMESTAMP '([^']+)'/g)].map((m) => Date.parse(`${m[1] ?? ''}Z`));
    expect((to ?? 0) - (from ?? 0)).toBe(86_400_000);
    expect(to).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(to).toBeLessThanOrEqual(Date.now());
    // Given the run's clock, the window ends there; a window in the context (backfill's) wins.
    const { renderTemplate } = await import('../../src/config/template.ts');
    const now = new Date('2026-02-01T06:30:00.250Z');
    expect(renderTemplate('{{ from }}|{{ to }}', { backfill_slice: '12h' }, { searchPaths: [], now })).toBe('2026-01-31 18:30:00|2026-02-01 06:30:00');
    expect(renderTemplate('{{ from }}|{{ to }}', { from: 'a', to: 'b' }, { searchPaths: [], now })).toBe('a|b');
  });
});
