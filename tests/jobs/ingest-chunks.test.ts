import { describe, expect, it } from 'vitest';
import { fetchIngestRows, IngestError, ingest, type IngestOptions } from '../../src/jobs/ingest.ts';
import { allRows, disposeAfterEach, jobContext, loadBatch, tempMetrics, type TempWorkspace, type TestContext } from '../helpers/metrics-dir.ts';

// The job reads, validates and stages a source's result a chunk at a time; two-row chunks put every case below
// across chunk boundaries without millions of rows.
const SMALL: IngestOptions = { chunkRows: 2 };

let ws: TempWorkspace | undefined;
const track = disposeAfterEach();

async function setup(files: Record<string, string>): Promise<TestContext> {
  ws = track(await tempMetrics({ 'b/config.yaml': '{}\n', ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`b/${k}`, v])) }));
  const c = track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
  await c.store.ensure();
  return c;
}

/** Replaces the batch's query and reloads the batch. */
async function changeQuery(c: TestContext, sql: string): Promise<void> {
  await ws?.write({ 'b/query.sql': sql });
  c.batch = await loadBatch(ws?.metricsDir ?? '', 'b');
}

/** A query returning the rows (time, name, value) in this order, one per row number. */
function values(rows: [string, string, string][]): string {
  const list = rows.map(([t, name, value]) => `('2026-01-01 ${t}'::TIMESTAMP, '${name}', ${value})`).join(', ');
  return `SELECT * FROM (VALUES ${list}) AS t(metric_timestamp, metric_name, metric_value)`;
}

async function stagingTables(c: TestContext): Promise<number> {
  const [row] = await c.db.all("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'anomstack_staging'");
  return Number(row?.['n']);
}

async function refusal(c: TestContext, options: IngestOptions): Promise<string> {
  const error = await ingest(c, options).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return (error as Error).message;
}

const FIRST = values([['00:00', 'a', '1'], ['01:00', 'a', '2'], ['00:00', 'b', '10']]);

describe('ingest a chunk at a time', () => {
  it('a repeat in a later chunk is reported by its row number and the first value is stored; an identical one is dropped', async () => {
    const c = await setup({
      'query.sql': values([['00:00', 'a', '1'], ['01:00', 'a', '2'], ['00:00', 'b', '10'], ['01:00', 'a', '9'], ['00:00', 'a', '1']]),
    });
    const result = await ingest(c, SMALL);
    expect(result).toMatchObject({ counts: { metrics: 2, ingested: 3 }, message: '3 rows for 2 metrics, 3 new' });
    expect(c.reporter.warnings).toEqual([
      'b: 1 of 5 rows repeat an earlier timestamp with another value: row 4: a at 2026-01-01T01:00:00.000Z again, with 9 instead of 2; kept the first value of each',
    ]);
    expect(await c.store.latest('b', 'a', 'metric', 5)).toEqual([
      { timestamp: new Date('2026-01-01T00:00:00Z'), value: 1 },
      { timestamp: new Date('2026-01-01T01:00:00Z'), value: 2 },
    ]);
    expect(await stagingTables(c)).toBe(0);
  });

  it('under ingest_duplicate_rows: fail, a repeat in a later chunk writes nothing', async () => {
    const c = await setup({ 'query.sql': FIRST });
    await ingest(c, SMALL);
    const before = await allRows(c.db);
    await ws?.write({ 'b/config.yaml': 'ingest_duplicate_rows: fail\n' });
    await changeQuery(c, values([['02:00', 'a', '3'], ['03:00', 'a', '4'], ['04:00', 'b', '5'], ['02:00', 'a', '7']]));
    expect(await refusal(c, SMALL)).toMatch(/b[/\\]query\.sql: 1 of 4 rows repeat an earlier timestamp with another value: row 4: a at 2026-01-01T02:00:00.000Z again, with 7 instead of 3; nothing was written/);
    expect(await allRows(c.db)).toEqual(before);
    expect(await stagingTables(c)).toBe(0);
  });

  it('an invalid row in a later chunk rolls back the rows staged before it, leaving the table as it was', async () => {
    const c = await setup({ 'query.sql': FIRST });
    await ingest(c, SMALL);
    const before = await allRows(c.db);
    await changeQuery(c, `SELECT * FROM (${values([['02:00', 'a', '3'], ['03:00', 'a', '4'], ['02:00', 'c', '5'], ['03:00', 'c', '6'], ['04:00', 'c', '7']])}
UNION ALL SELECT '2026-01-01 05:00:00'::TIMESTAMP, 'c', 'nan'::DOUBLE UNION ALL SELECT '2026-01-01 06:00:00'::TIMESTAMP, 'c', 8)`);
    expect(await refusal(c, SMALL)).toMatch(/b[/\\]query\.sql: 1 of 7 rows are invalid: row 6: metric_value NaN is not a finite number; nothing was written/);
    expect(await allRows(c.db)).toEqual(before);
    expect(await stagingTables(c)).toBe(0);
  });

  it('numbers rows across chunks, and with ingest_invalid_rows: skip writes the valid rows of every chunk', async () => {
    const c = await setup({
      'config.yaml': 'ingest_invalid_rows: skip\n',
      'ingest.js': `export default () => [
  { metric_timestamp: '2026-01-01 00:00', metric_name: 'a', metric_value: 1 },
  { metric_timestamp: 'soon', metric_name: 'a', metric_value: 2 },
  { metric_timestamp: '2026-01-01 01:00', metric_name: 'a', metric_value: 3 },
  { metric_timestamp: '2026-01-01 02:00', metric_name: 'a', metric_value: 4 },
  { metric_timestamp: '2026-01-01 03:00', metric_name: ' ', metric_value: 5 },
  { metric_timestamp: '2026-01-01 04:00', metric_name: 'a', metric_value: 6, metadata: { note: 'last' } },
];\n`,
    });
    const result = await ingest(c, SMALL);
    expect(result.counts).toEqual({ metrics: 1, ingested: 4 });
    expect(c.reporter.warnings).toEqual([
      'b: 2 of 6 rows are invalid: row 2: metric_timestamp "soon" is not a timestamp; row 5: metric_name " " is empty or not text; skipped them',
    ]);
    const stored = await c.db.all('SELECT metric_value, metadata FROM metrics ORDER BY metric_timestamp');
    expect(stored).toEqual([
      { metric_value: 1, metadata: null },
      { metric_value: 3, metadata: null },
      { metric_value: 4, metadata: null },
      { metric_value: 6, metadata: '{"note":"last"}' },
    ]);
  });

  it('names a missing column from the columns of every row a function returned', async () => {
    const c = await setup({
      'ingest.js': "export default () => [{ metric_timestamp: '2026-01-01', metric_value: 1 }, { metric_timestamp: '2026-01-02', metric_value: 2, name: 'x' }];\n",
    });
    expect(await refusal(c, { chunkRows: 1 })).toMatch(/b[/\\]ingest\.js: ingest result is missing column\(s\) metric_name \(got metric_timestamp, metric_value, name\)$/);
  });

  it('stops a large query at its first chunk when a column is missing', async () => {
    const c = await setup({ 'query.sql': "SELECT TIMESTAMP '2026-01-01' + to_seconds(i) AS metric_timestamp, i AS value FROM range(5000000) t(i)" });
    expect(await refusal(c, {})).toMatch(/b[/\\]query\.sql: ingest result is missing column\(s\) metric_name, metric_value \(got metric_timestamp, value\)$/);
    expect(await allRows(c.db)).toEqual([]);
  });

  it('rows that come time by time, every metric coming back, are all stored once; a re-run stores nothing', async () => {
    const c = await setup({
      'query.sql': "SELECT TIMESTAMP '2026-01-01' + to_hours(h) AS metric_timestamp, 'm' || m AS metric_name, h * 10 + m AS metric_value FROM range(5) a(h), range(3) b(m) ORDER BY h, m",
    });
    expect((await ingest(c, SMALL)).message).toBe('15 rows for 3 metrics, 15 new');
    const first = await allRows(c.db);
    expect(first.map((r) => r['metric_value'])).toEqual([0, 10, 20, 30, 40, 1, 11, 21, 31, 41, 2, 12, 22, 32, 42]);
    expect((await ingest(c, SMALL)).message).toBe('15 rows for 3 metrics, 0 new');
    expect(await allRows(c.db)).toEqual(first);
    expect(c.reporter.warnings).toEqual([]);
  });

  it('a query of several statements streams the rows of its last one', async () => {
    const c = await setup({
      'query.sql': `SET VARIABLE base = 40;
CREATE TEMP TABLE points AS ${values([['00:00', 'a', '1'], ['01:00', 'a', '2'], ['02:00', 'a', '3']])};
-- the rows
SELECT metric_timestamp, metric_name, metric_value + getvariable('base') AS metric_value FROM points;
`,
    });
    expect((await ingest(c, SMALL)).message).toBe('3 rows for 1 metrics, 3 new');
    expect((await c.store.latest('b', 'a', 'metric', 5)).map((p) => p.value)).toEqual([41, 42, 43]);
  });

  it('a metric whose time goes back without repeating one has all its rows stored, and nothing reported', async () => {
    const c = await setup({ 'query.sql': values([['02:00', 'a', '3'], ['00:00', 'b', '9'], ['01:00', 'a', '2'], ['00:00', 'a', '1'], ['03:00', 'a', '4']]) });
    expect((await ingest(c, SMALL)).message).toBe('5 rows for 2 metrics, 5 new');
    expect((await c.store.latest('b', 'a', 'metric', 10)).map((p) => p.value)).toEqual([1, 2, 3, 4]);
    expect(c.reporter.warnings).toEqual([]);
  });

  it('a chunk size of one row stores what one chunk of all rows stores', async () => {
    const sql = values([['01:00', 'b', '2'], ['00:00', 'a', '1'], ['00:00', 'b', '3'], ['01:00', 'b', '4'], ['00:00', 'a', '1'], ['02:00', 'a', '5']]);
    const one = await setup({ 'query.sql': sql });
    await ingest(one, { chunkRows: 1 });
    const all = await setup({ 'query.sql': sql });
    await ingest(all, { chunkRows: 1000 });
    expect(await allRows(one.db)).toEqual(await allRows(all.db));
    expect(one.reporter.warnings).toEqual(all.reporter.warnings);
    expect(one.reporter.warnings).toEqual([expect.stringMatching(/^b: 1 of 6 rows repeat .*: row 4: b at 2026-01-01T01:00:00.000Z again, with 4 instead of 2;/)]);
  });
});

describe('fetchIngestRows (the backtest reads the rows in memory)', () => {
  it('returns the first row of each key in source order, with the same warnings, whatever the chunk size', async () => {
    const c = await setup({
      'ingest.js': `export default () => [
  { metric_timestamp: '2026-01-01 01:00', metric_name: 'b', metric_value: 2, metadata: '{"k":1}' },
  { metric_timestamp: '2026-01-01 00:00', metric_name: 'a', metric_value: 1 },
  { metric_timestamp: '2026-01-01 01:00', metric_name: 'b', metric_value: 7 },
  { metric_timestamp: '2026-01-01 00:00', metric_name: 'a', metric_value: 1 },
  { metric_timestamp: '2026-01-01 02:00', metric_name: 'a', metric_value: 3 },
];\n`,
    });
    const rows = await fetchIngestRows(c.batch, c.now, c.reporter, SMALL);
    expect(rows).toEqual([
      { metric_timestamp: new Date('2026-01-01T01:00:00Z'), metric_batch: 'b', metric_name: 'b', metric_type: 'metric', metric_value: 2, metadata: { k: 1 } },
      { metric_timestamp: new Date('2026-01-01T00:00:00Z'), metric_batch: 'b', metric_name: 'a', metric_type: 'metric', metric_value: 1, metadata: null },
      { metric_timestamp: new Date('2026-01-01T02:00:00Z'), metric_batch: 'b', metric_name: 'a', metric_type: 'metric', metric_value: 3, metadata: null },
    ]);
    expect(await fetchIngestRows(c.batch, c.now, c.reporter)).toEqual(rows);
    expect(c.reporter.warnings).toEqual([
      expect.stringMatching(/^b: 1 of 5 rows repeat .*: row 3: b at 2026-01-01T01:00:00.000Z again, with 7 instead of 2;/),
      expect.stringMatching(/^b: 1 of 5 rows repeat .*: row 3:/),
    ]);
    // Nothing is written to the store.
    expect(await allRows(c.db)).toEqual([]);
  });

  it('refuses invalid rows as the job does', async () => {
    const c = await setup({ 'query.sql': `${FIRST} UNION ALL SELECT NULL, 'a', 1` });
    const error = await fetchIngestRows(c.batch, c.now, c.reporter, SMALL).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(/: 1 of 4 rows are invalid: row 4: metric_timestamp null is not a timestamp; nothing was written/);
  });
});
