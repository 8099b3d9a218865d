import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJobs, type RunReport } from '../../src/jobs/run.ts';
import { motherDuckDatabase, openMotherDuckSource, withoutToken } from '../../src/sources/motherduck.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

/*
 * What is NOT tested here: MotherDuck itself. It is a cloud service, and DuckDB downloads its MotherDuck extension
 * when it first opens an `md:` database; neither is reachable from these machines. So these tests run the same
 * code (openDuckDbSourceAt, the SQL, the run's clock, chunks, errors) on a local DuckDB file through the
 * ANOMSTACK_MOTHERDUCK_DATABASE_PATH override, and check how the `md:` database string and the token are made and
 * kept out of errors, without opening one.
 */

const EXAMPLE = path.resolve(import.meta.dirname, '../../metrics/motherduck_example');
const NOW = new Date('2026-11-21T12:34:00Z');
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.motherduck-test-token';
const workspace = runWorkspaces();
const track = disposeAfterEach();

async function run(w: TempWorkspace, env: NodeJS.ProcessEnv): Promise<{ report: RunReport; channel: RecordingChannel }> {
  const channel = new RecordingChannel();
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env, reporter: recordingReporter(), channels: () => [channel] });
  return { report, channel };
}

/** A DuckDB file standing in for the MotherDuck database, made by `sql`. */
async function localDatabase(w: TempWorkspace, sql: string): Promise<string> {
  const file = path.join(w.root, 'stand-in.duckdb');
  const db = await DuckDb.open(file);
  try {
    await db.run(sql);
  } finally {
    db.close();
  }
  return file;
}

const batchReport = (report: RunReport, name = 'b') => report.batches.find((b) => b.batch === name);

describe('db: motherduck', () => {
  it('needs ANOMSTACK_MOTHERDUCK_TOKEN, and says so', async () => {
    const w = await workspace({ 'b/config.yaml': 'db: motherduck\nmotherduck_database: my_db\n', 'b/query.sql': 'SELECT 1' });
    const { report } = await run(w, {});
    expect(batchReport(report)?.error).toMatch(/b\/query\.sql: motherduck: no MotherDuck token: set ANOMSTACK_MOTHERDUCK_TOKEN/);
  });

  it('opens md:<database> with the token in the database string, and never shows the token', () => {
    expect(motherDuckDatabase('my_db', TOKEN)).toBe(`md:my_db?motherduck_token=${TOKEN}`);
    expect(motherDuckDatabase(undefined, 'a b&c')).toBe('md:?motherduck_token=a%20b%26c');
    const error = withoutToken(new Error(`IO Error: cannot open md:my_db?motherduck_token=${encodeURIComponent('a b&c')} (a b&c)`), 'a b&c');
    expect(error.message).toBe('IO Error: cannot open md:my_db?motherduck_token=*** (***)');
  });

  it('runs the motherduck_example batch end to end on a local stand-in: an orders drop alerts', async () => {
    const config = (await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8')).replace(/^disable_batch: true$/m, '');
    const w = await workspace({ 'motherduck_example/config.yaml': config, 'motherduck_example/query.sql': await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8') });
    // 120 days of orders before the run's day, a weekly rhythm, then a drop to a fifth over the newest 4 days.
    const file = await localDatabase(w, `CREATE TABLE orders AS
SELECT TIMESTAMP '2026-11-21 00:00:00' - INTERVAL (d) DAY + INTERVAL (k * 7) MINUTE AS order_ts
FROM range(1, 121) AS days(d), range(0, 200) AS orders(k)
WHERE k < (CASE WHEN d <= 4 THEN 30 ELSE 150 + 30 * (dayofweek(TIMESTAMP '2026-11-21' - INTERVAL (d) DAY) IN (0, 6))::INTEGER + d % 5 END)`);
    const { report, channel } = await run(w, { ANOMSTACK_MOTHERDUCK_DATABASE_PATH: file });
    const batch = batchReport(report, 'motherduck_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.counts).toMatchObject({ metrics: 1, ingested: 90 });
    const alerts = channel.sent.flat();
    expect(alerts.map((a) => a.metric)).toContain('orders');
    expect(alerts.map((a) => a.timestamp.toISOString())).toContain('2026-11-20T00:00:00.000Z');
  });

  it('fails the batch with DuckDB\'s own message on a SQL error', async () => {
    const w = await workspace({ 'b/config.yaml': 'db: motherduck\n', 'b/query.sql': 'SELECT * FROM no_such_table' });
    const file = await localDatabase(w, 'CREATE TABLE t (x INTEGER)');
    const { report } = await run(w, { ANOMSTACK_MOTHERDUCK_DATABASE_PATH: file });
    expect(batchReport(report)?.error).toMatch(/^ingest: .*b\/query\.sql: motherduck: .*Table with name no_such_table does not exist/);
  });

  it('reports NULL, NaN and text values in metric_value as invalid rows', async () => {
    const query = `SELECT TIMESTAMP '2026-11-20' AS metric_timestamp, 'm' || i AS metric_name, v AS metric_value
FROM (VALUES (1, '1.0'), (2, NULL), (3, 'NaN'), (4, 'lots'), (5, '2')) AS t(i, v) ORDER BY i`;
    const w = await workspace({ 'b/config.yaml': 'db: motherduck\n', 'b/query.sql': query });
    const file = await localDatabase(w, 'CREATE TABLE t (x INTEGER)');
    const { report } = await run(w, { ANOMSTACK_MOTHERDUCK_DATABASE_PATH: file });
    expect(batchReport(report)?.error).toMatch(
      /3 of 5 rows are invalid: row 2: metric_value null is not a finite number; row 3: metric_value "NaN" is not a finite number; row 4: metric_value "lots" is not a finite number/,
    );
  });

  it('streams a result larger than a chunk in several chunks', async () => {
    const rows = 40_000;
    const ws = track(await tempMetrics({
      'b/config.yaml': 'db: motherduck\n',
      'b/query.sql': `SELECT TIMESTAMP '2026-11-01' - INTERVAL (i // 4) MINUTE AS metric_timestamp, 'm' || (i % 4) AS metric_name, i::DOUBLE AS metric_value FROM range(${rows}) AS t(i)`,
    }));
    const file = await localDatabase(ws, 'CREATE TABLE t (x INTEGER)');
    const batch = await loadBatch(ws.metricsDir, 'b');
    const source = await openMotherDuckSource(batch, NOW, { ANOMSTACK_MOTHERDUCK_DATABASE_PATH: file });
    const sizes: number[] = [];
    try {
      for await (const chunk of source.chunks(1_000)) sizes.push(chunk.rows.length);
    } finally {
      source.close();
    }
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1_000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
  });
});
