import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/jobs/ingest.ts';
import { runJobs, type RunReport } from '../../src/jobs/run.ts';
import { openSqliteSource } from '../../src/sources/sqlite.ts';
import type { RowChunk } from '../../src/sources/source.ts';
import { disposeAfterEach, jobContext, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../metrics/sqlite_example');
const NOW = new Date('2026-11-21T12:34:00Z');
const workspace = runWorkspaces();
const track = disposeAfterEach();

async function run(w: TempWorkspace, env: NodeJS.ProcessEnv = {}): Promise<{ report: RunReport; channel: RecordingChannel }> {
  const channel = new RecordingChannel();
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env, reporter: recordingReporter(), channels: () => [channel] });
  return { report, channel };
}

/** A SQLite file in the workspace holding `sql`'s effect. */
function makeDb(file: string, sql: string): void {
  const db = new DatabaseSync(file);
  db.exec(sql);
  db.close();
}

/** A batch `b` on the SQLite file `data.sqlite` beside it running `query`. */
async function sqliteBatch(query: string, setup = 'CREATE TABLE t (x INTEGER)', config = ''): Promise<TempWorkspace> {
  const w = await workspace({ 'b/config.yaml': `db: sqlite\nsqlite_path: data.sqlite\n${config}`, 'b/query.sql': query });
  makeDb(path.join(w.metricsDir, 'b', 'data.sqlite'), setup);
  return w;
}

const batchError = (report: RunReport): string | undefined => report.batches.find((b) => b.batch === 'b')?.error;

describe('db: sqlite', () => {
  it('runs the sqlite_example batch end to end: its injected signups spike alerts, logins do not', async () => {
    const w = await workspace({
      'sqlite_example/config.yaml': await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8'),
      'sqlite_example/query.sql': await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8'),
    });
    await copyFile(path.join(EXAMPLE, 'app.sqlite'), path.join(w.metricsDir, 'sqlite_example', 'app.sqlite'));
    const { report, channel } = await run(w);
    const batch = report.batches.find((b) => b.batch === 'sqlite_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.status).toBe('ok');
    // 30 days of hours up to the run's clock's hour, both ends included, for 2 metrics.
    expect(batch?.counts).toMatchObject({ metrics: 2, ingested: 2 * 721 });
    const alerts = channel.sent.flat();
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => a.metric))).toEqual(new Set(['signups']));
    // The newest point is the run's clock's hour: `:now` was bound to the run's clock.
    expect(alerts.map((a) => a.timestamp.toISOString())).toContain('2026-11-21T12:00:00.000Z');
  });

  it('reads the file from ANOMSTACK_SQLITE_PATH, and binds :now as UTC text', async () => {
    const w = await workspace({
      'b/config.yaml': 'db: sqlite\n',
      'b/query.sql': "SELECT :now AS metric_timestamp, 'clock' AS metric_name, x AS metric_value FROM t",
    });
    const file = path.join(w.root, 'elsewhere.sqlite');
    makeDb(file, 'CREATE TABLE t (x REAL); INSERT INTO t VALUES (1.5)');
    const batch = await loadBatch(w.metricsDir, 'b', { env: { ANOMSTACK_SQLITE_PATH: file } });
    const source = await openSqliteSource(batch, NOW, {});
    try {
      const chunks: RowChunk[] = [];
      for await (const chunk of source.chunks(100)) chunks.push(chunk);
      expect(chunks).toEqual([{ columns: ['metric_timestamp', 'metric_name', 'metric_value'], rows: [{ metric_timestamp: '2026-11-21 12:34:00', metric_name: 'clock', metric_value: 1.5 }] }]);
    } finally {
      source.close();
    }
  });

  it('fails the batch with SQLite\'s own message on a SQL error', async () => {
    const w = await sqliteBatch('SELECT * FROM no_such_table');
    const { report } = await run(w);
    expect(batchError(report)).toMatch(/^ingest: .*b\/query\.sql: sqlite: no such table: no_such_table$/);
  });

  it('fails clearly on a missing file, and does not create it', async () => {
    const w = await workspace({ 'b/config.yaml': 'db: sqlite\nsqlite_path: missing.sqlite\n', 'b/query.sql': 'SELECT 1' });
    const { report } = await run(w);
    expect(batchError(report)).toMatch(/sqlite: SQLite database file .*missing\.sqlite does not exist$/);
    expect(existsSync(path.join(w.metricsDir, 'b', 'missing.sqlite'))).toBe(false);
    expect(existsSync(path.resolve('missing.sqlite'))).toBe(false);
  });

  it('opens the file read-only: the batch\'s SQL cannot change it', async () => {
    const w = await sqliteBatch('DELETE FROM t RETURNING x AS metric_value', 'CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)');
    const { report } = await run(w);
    expect(batchError(report)).toMatch(/sqlite: attempt to write a readonly database/);
    const db = new DatabaseSync(path.join(w.metricsDir, 'b', 'data.sqlite'));
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    db.close();
  });

  it('reports NULL, NaN and text values in metric_value as invalid rows', async () => {
    const w = await sqliteBatch(
      "SELECT '2026-11-20 00:00:00' AS metric_timestamp, 'm' || rowid AS metric_name, v AS metric_value FROM t ORDER BY rowid",
      "CREATE TABLE t (v); INSERT INTO t VALUES (1.0), (NULL), ('NaN'), ('lots'), (2)",
    );
    const { report } = await run(w);
    expect(batchError(report)).toMatch(
      /3 of 5 rows are invalid: row 2: metric_value null is not a finite number; row 3: metric_value "NaN" is not a finite number; row 4: metric_value "lots" is not a finite number/,
    );
  });

  it('streams a result larger than a chunk in several chunks, and ingests it all', async () => {
    const rows = 40_000;
    const query = `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${rows - 1})
SELECT datetime('2026-11-01', '-' || (i / 4) || ' minutes') AS metric_timestamp, 'm' || (i % 4) AS metric_name, i * 0.5 AS metric_value FROM c`;
    const ws = track(await tempMetrics({ 'b/config.yaml': 'db: sqlite\nsqlite_path: data.sqlite\n', 'b/query.sql': query }));
    makeDb(path.join(ws.metricsDir, 'b', 'data.sqlite'), 'CREATE TABLE unused (x)');
    const batch = await loadBatch(ws.metricsDir, 'b');
    const source = await openSqliteSource(batch, NOW, {});
    const sizes: number[] = [];
    try {
      for await (const chunk of source.chunks(16_384)) sizes.push(chunk.rows.length);
    } finally {
      source.close();
    }
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16_384);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);

    const ctx = track(await jobContext(batch, ws.root, NOW));
    const result = await ingest(ctx, { chunkRows: 1_000 });
    expect(result.counts).toEqual({ metrics: 4, ingested: rows });
  });

  it('cancels a query inside one long step: the step runs off the job\'s thread', async () => {
    // One step of ten million recursions before the single row: seconds of SQLite's own work with no row between.
    const long = `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 10000000)
SELECT '2026-11-20 00:00:00' AS metric_timestamp, 'm' AS metric_name, count(*) AS metric_value FROM c`;
    const ws = track(await tempMetrics({ 'b/config.yaml': 'db: sqlite\nsqlite_path: data.sqlite\n', 'b/query.sql': long }));
    makeDb(path.join(ws.metricsDir, 'b', 'data.sqlite'), 'CREATE TABLE unused (x)');
    const source = await openSqliteSource(await loadBatch(ws.metricsDir, 'b'), NOW, {});
    const read = source.chunks(100)[Symbol.asyncIterator]().next();
    // Were the step on this thread, this timer could only run after it, and the read would already hold its row.
    setTimeout(() => source.cancel(), 50);
    await expect(read).rejects.toThrow('the query was cancelled');
    source.close();
  });

  it('stops a query that keeps running at ingest_timeout_s', async () => {
    // Endless: a row now and then, forever. node:sqlite runs on the job's thread, so the stop comes between chunks.
    const endless = `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c)
SELECT '2026-11-20 00:00:00' AS metric_timestamp, 'm' || i AS metric_name, i AS metric_value FROM c WHERE i % 100000 = 0`;
    const w = await sqliteBatch(endless, undefined, 'ingest_timeout_s: 1\n');
    const started = Date.now();
    const { report } = await run(w);
    expect(batchError(report)).toMatch(/ingest did not finish within ingest_timeout_s \(1 s\) and was stopped/);
    // Generous: the limit is 1 s; a stop that never came would run forever.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
