import { describe, expect, it } from 'vitest';
import { IngestError, ingest, toTimestamp } from '../../src/jobs/ingest.ts';
import { allRows, countsByType, jobContext, loadBatch, tempMetrics, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

let ws: TempWorkspace | undefined;
let ctx: TestContext | undefined;
const track = disposeAfterEach();

/** A batch `b` made of the given files (config.yaml defaults to an empty map), with a fresh DuckDB file. */
async function setup(files: Record<string, string>): Promise<TestContext> {
  ws = track(await tempMetrics({ 'b/config.yaml': '{}\n', ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`b/${k}`, v])) }));
  ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
  await ctx.store.ensure();
  return ctx;
}

const GOOD = `SELECT TIMESTAMP '2026-01-01 00:00:00' AS metric_timestamp, 'a' AS metric_name, 1.5 AS metric_value
UNION ALL SELECT TIMESTAMP '2026-01-01 01:00:00', 'a', 2.5
UNION ALL SELECT TIMESTAMP '2026-01-01 00:00:00', 'b', 10`;

/** Runs ingest expecting an IngestError, then checks nothing at all was written. */
async function expectRefused(c: TestContext, message: RegExp): Promise<void> {
  const before = await allRows(c.db);
  const error = await ingest(c).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  expect((error as Error).message).toMatch(message);
  expect(await allRows(c.db)).toEqual(before);
}

describe('ingest from SQL', () => {
  it('writes the rows as metric rows of the batch', async () => {
    const c = await setup({ 'query.sql': GOOD });
    const result = await ingest(c);
    expect(result.counts).toEqual({ metrics: 2, ingested: 3 });
    const rows = await c.db.all("SELECT metric_timestamp, metric_batch, metric_name, metric_type, metric_value, metadata FROM metrics ORDER BY metric_name, metric_timestamp");
    expect(rows).toEqual([
      { metric_timestamp: new Date('2026-01-01T00:00:00Z'), metric_batch: 'b', metric_name: 'a', metric_type: 'metric', metric_value: 1.5, metadata: null },
      { metric_timestamp: new Date('2026-01-01T01:00:00Z'), metric_batch: 'b', metric_name: 'a', metric_type: 'metric', metric_value: 2.5, metadata: null },
      { metric_timestamp: new Date('2026-01-01T00:00:00Z'), metric_batch: 'b', metric_name: 'b', metric_type: 'metric', metric_value: 10, metadata: null },
    ]);
  });

  it('ingesting the same rows twice stores them once, and the first value wins', async () => {
    const c = await setup({ 'query.sql': GOOD });
    await ingest(c);
    const first = await allRows(c.db);
    const again = await ingest(c);
    expect(again.counts.ingested).toBe(0);
    expect(await allRows(c.db)).toEqual(first);
  });

  it('adds only the new rows when the query returns old and new ones', async () => {
    const c = await setup({ 'query.sql': GOOD });
    await ingest(c);
    await ws?.write({ 'b/query.sql': "SELECT TIMESTAMP '2026-01-01 01:00:00' AS metric_timestamp, 'a' AS metric_name, 99.0 AS metric_value UNION ALL SELECT TIMESTAMP '2026-01-01 02:00:00', 'a', 3.5" });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'b');
    const result = await ingest(c);
    expect(result.counts.ingested).toBe(1);
    expect(await c.store.latest('b', 'a', 'metric', 10)).toEqual([
      { timestamp: new Date('2026-01-01T00:00:00Z'), value: 1.5 },
      { timestamp: new Date('2026-01-01T01:00:00Z'), value: 2.5 },
      { timestamp: new Date('2026-01-01T02:00:00Z'), value: 3.5 },
    ]);
  });

  it('reads timestamps given as text (naive = UTC) and keeps a metadata column as JSON', async () => {
    const c = await setup({
      'query.sql': `SELECT '2026-01-02 03:04:05' AS metric_timestamp, 'x' AS metric_name, '7' AS metric_value, '{"src":"t"}' AS metadata
UNION ALL SELECT '2026-01-02T05:00:00+02:00', 'x', '8', NULL`,
    });
    await ingest(c);
    const rows = await c.db.all("SELECT metric_timestamp, metric_value, metadata FROM metrics ORDER BY metric_timestamp");
    expect(rows).toEqual([
      { metric_timestamp: new Date('2026-01-02T03:00:00Z'), metric_value: 8, metadata: null },
      { metric_timestamp: new Date('2026-01-02T03:04:05Z'), metric_value: 7, metadata: '{"src":"t"}' },
    ]);
  });
});

describe('bad rows: a clear IngestError naming the reason and row, and nothing written', () => {
  const bad = (extra: string): string => `${GOOD.replaceAll('TIMESTAMP ', '')}\nUNION ALL ${extra}`;

  it('a timestamp that is not a timestamp', async () => {
    const c = await setup({ 'query.sql': bad("SELECT 'yesterday', 'a', 4") });
    await expectRefused(c, /1 of 4 rows are invalid: row 4: metric_timestamp "yesterday" is not a timestamp; nothing was written/);
  });

  it('an empty metric name', async () => {
    const c = await setup({ 'query.sql': bad("SELECT '2026-01-01 05:00:00', '  ', 4") });
    await expectRefused(c, /row 4: metric_name " {2}" is empty or not text/);
  });

  it.each([
    ["'nan'::DOUBLE", 'NaN'],
    ["'infinity'::DOUBLE", 'Infinity'],
    ["'-infinity'::DOUBLE", '-Infinity'],
    ['NULL', 'null'],
  ])('a value of %s', async (sql, shown) => {
    const c = await setup({ 'query.sql': bad(`SELECT '2026-01-01 05:00:00', 'a', ${sql}`) });
    await expectRefused(c, new RegExp(`row 4: metric_value ${shown} is not a finite number`));
  });

  it('a duplicate (timestamp, name) with another value, under ingest_duplicate_rows: fail', async () => {
    const c = await setup({ 'config.yaml': 'ingest_duplicate_rows: fail\n', 'query.sql': bad("SELECT '2026-01-01 01:00:00', 'a', 9") });
    await expectRefused(c, /row 4: a at 2026-01-01T01:00:00.000Z again, with 9 instead of 2.5/);
  });

  it('by default a duplicate keeps the first value and is reported; an identical repeat is dropped silently', async () => {
    const c = await setup({ 'query.sql': bad("SELECT '2026-01-01 01:00:00', 'a', 9 UNION ALL SELECT '2026-01-01 00:00:00', 'b', 10") });
    await ingest(c);
    expect(c.reporter.warnings.join('\n')).toMatch(/1 of 5 rows repeat an earlier timestamp with another value: row 4: a at 2026-01-01T01:00:00.000Z again, with 9 instead of 2.5; kept the first value/);
    const stored = await c.db.all("SELECT metric_value FROM metrics WHERE metric_name = 'a' AND metric_timestamp = '2026-01-01 01:00:00'");
    expect(stored.map((r) => r['metric_value'])).toEqual([2.5]);
  });

  it('missing columns', async () => {
    const c = await setup({ 'query.sql': "SELECT TIMESTAMP '2026-01-01' AS metric_timestamp, 'a' AS name, 1 AS metric_value" });
    await expectRefused(c, /missing column\(s\) metric_name \(got metric_timestamp, name, metric_value\)/);
  });

  it('an empty result', async () => {
    const c = await setup({ 'query.sql': `SELECT * FROM (${GOOD}) WHERE false` });
    await expectRefused(c, /ingest returned no rows/);
  });

  it('an SQL error names the query file', async () => {
    const c = await setup({ 'query.sql': 'SELECT * FROM no_such_table' });
    await expectRefused(c, /query\.sql: duckdb: Catalog Error: .*no_such_table/);
  });

  it('lists the first 10 bad rows and counts the rest', async () => {
    const c = await setup({ 'query.sql': "SELECT '2026-01-01'::TIMESTAMP AS metric_timestamp, 'a' AS metric_name, NULL::DOUBLE AS metric_value FROM range(13)" });
    await expectRefused(c, /13 of 13 rows are invalid: row 1: .*row 10: metric_value null is not a finite number; and 3 more/);
  });

  it('leaves rows of earlier runs untouched', async () => {
    const c = await setup({ 'query.sql': GOOD });
    await ingest(c);
    await ws?.write({ 'b/query.sql': bad("SELECT '2026-01-01 09:00:00', 'a', 'nan'::DOUBLE") });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'b');
    expect(await countsByType(c.db)).toEqual({ metric: 3 });
    await expectRefused(c, /row 4: metric_value NaN/);
    expect(await countsByType(c.db)).toEqual({ metric: 3 });
  });
});

describe('ingest_invalid_rows: skip', () => {
  it('writes the valid rows and reports the bad ones', async () => {
    const c = await setup({
      'config.yaml': 'ingest_invalid_rows: skip\n',
      'query.sql': `${GOOD}\nUNION ALL SELECT TIMESTAMP '2026-01-01 03:00:00', 'a', 'nan'::DOUBLE UNION ALL SELECT TIMESTAMP '2026-01-01 04:00:00', '', 1`,
    });
    const result = await ingest(c);
    expect(result.counts.ingested).toBe(3);
    expect(await countsByType(c.db)).toEqual({ metric: 3 });
    expect(c.reporter.warnings).toEqual([expect.stringMatching(/^b: 2 of 5 rows are invalid: row 4: metric_value NaN .*; row 5: metric_name "" .*; skipped them$/)]);
  });

  it('still fails when every row is invalid', async () => {
    const c = await setup({ 'config.yaml': 'ingest_invalid_rows: skip\n', 'query.sql': "SELECT 'never' AS metric_timestamp, 'a' AS metric_name, 1 AS metric_value" });
    await expectRefused(c, /row 1: metric_timestamp "never" is not a timestamp; nothing was written/);
  });
});

describe('ingest functions', () => {
  it("calls ingest.js's default export with the batch, its config and the run's clock", async () => {
    const c = await setup({
      'config.yaml': 'alert_threshold: 0.6\n',
      'ingest.js': `export default async ({ batch, config, now }) => [
  { metric_timestamp: now, metric_name: batch + '_threshold', metric_value: config.alert_threshold },
  { metric_timestamp: new Date(now.getTime() - 3600e3).toISOString(), metric_name: 'hour_ago', metric_value: 2 },
];\n`,
    });
    const result = await ingest(c);
    expect(result.counts).toEqual({ metrics: 2, ingested: 2 });
    expect(await c.store.latest('b', 'b_threshold', 'metric', 5)).toEqual([{ timestamp: c.now, value: 0.6 }]);
    expect(await c.store.latest('b', 'hour_ago', 'metric', 5)).toEqual([{ timestamp: new Date(c.now.getTime() - 3600e3), value: 2 }]);
  });

  it('validates function rows the same way', async () => {
    const c = await setup({ 'ingest.mjs': "export default () => [{ metric_timestamp: '2026-01-01', metric_name: 'a', metric_value: Infinity }];\n" });
    await expectRefused(c, /row 1: metric_value Infinity is not a finite number/);
  });

  it('a function that throws or returns no array is an error naming the file', async () => {
    const c = await setup({ 'ingest.js': "export default async () => { throw new Error('API down'); };\n" });
    await expectRefused(c, /ingest\.js: ingest failed: API down/);
    // A fresh file name, since Node caches the imported module by URL.
    await ws?.write({ 'c/config.yaml': '{}\n', 'c/ingest.js': 'export default async () => ({ rows: [] });\n' });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'c');
    await expectRefused(c, /ingest\.js: ingest failed: .*must return an array of rows, got object/);
  });

  it('runs in a worker of its own: process.exit ends only the worker, and a syntax error is located', async () => {
    const c = await setup({ 'ingest.js': 'export default () => process.exit(3);\n' });
    await expectRefused(c, /b[/\\]ingest\.js: ingest failed: the ingest function's worker exited with code 3 before returning its rows \(process\.exit\?\)$/);
    await ws?.write({ 'c/config.yaml': '{}\n', 'c/ingest.js': 'export default () => {\n  return [\n' });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'c');
    await expectRefused(c, /c[/\\]ingest\.js: ingest failed: Unexpected end of input \(at .*c[/\\]ingest\.js:3\)$/);
    await ws?.write({ 'd/config.yaml': '{}\n', 'd/ingest.js': "export default ({ now }) => [{ metric_timestamp: now, metric_name: 'a', metric_value: 1, metadata: () => 1 }];\n" });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'd');
    await expectRefused(c, /d[/\\]ingest\.js: ingest failed: rows 1 to 1 cannot be passed on \(.*\): rows must hold plain values/);
  });

  it('a function whose promise never settles fails at once; one that spins is stopped at ingest_timeout_s', async () => {
    const c = await setup({ 'ingest.js': 'export default () => new Promise(() => {});\n' });
    await expectRefused(c, /b[/\\]ingest\.js: ingest failed: the ingest function never returned/);
    await ws?.write({ 'c/config.yaml': 'ingest_timeout_s: 0.5\n', 'c/ingest.ts': 'export default (): never => { for (;;) { /* spin */ } };\n' });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'c');
    await expectRefused(c, /c[/\\]ingest\.ts: ingest did not finish within ingest_timeout_s \(0\.5 s\) and was stopped; nothing was written$/);
  });
});

describe('ingest_timeout_s on SQL', () => {
  it('interrupts a query that runs past it, and the database is usable afterwards', async () => {
    const c = await setup({ 'config.yaml': 'ingest_timeout_s: 0.5\n', 'query.sql': "SELECT now() AS metric_timestamp, 'x' AS metric_name, count(*)::DOUBLE AS metric_value FROM range(10000000000000) t(i), range(10) u(j)" });
    await expectRefused(c, /b[/\\]query\.sql: ingest did not finish within ingest_timeout_s \(0\.5 s\) and was stopped; nothing was written$/);
    await ws?.write({ 'c/config.yaml': '{}\n', 'c/query.sql': GOOD });
    c.batch = await loadBatch(ws?.metricsDir ?? '', 'c');
    expect((await ingest(c)).counts).toEqual({ metrics: 2, ingested: 3 });
  });
});

describe('files read from SQL', () => {
  it('read_csv resolves a relative path from the batch folder', async () => {
    const c = await setup({
      'data.csv': 'day,orders\n2026-01-01,5\n2026-01-02,7\n',
      'query.sql': "SELECT day AS metric_timestamp, 'orders' AS metric_name, orders AS metric_value FROM read_csv('data.csv', header = true)",
    });
    const result = await ingest(c);
    expect(result.counts.ingested).toBe(2);
    expect(await c.store.latest('b', 'orders', 'metric', 5)).toEqual([
      { timestamp: new Date('2026-01-01T00:00:00Z'), value: 5 },
      { timestamp: new Date('2026-01-02T00:00:00Z'), value: 7 },
    ]);
  });
});

describe('toTimestamp', () => {
  it('parses dates, ISO text and naive text as UTC; refuses the rest', () => {
    expect(toTimestamp('2026-03-04')).toEqual(new Date('2026-03-04T00:00:00Z'));
    expect(toTimestamp('2026-03-04 05:06:07')).toEqual(new Date('2026-03-04T05:06:07Z'));
    expect(toTimestamp('2026-03-04T05:06:07-01:00')).toEqual(new Date('2026-03-04T06:06:07Z'));
    expect(toTimestamp(new Date(0))).toEqual(new Date(0));
    for (const bad of ['', 'soon', '2026-13-45', null, undefined, 12, new Date(NaN)]) expect(toTimestamp(bad)).toBeNull();
  });
});
