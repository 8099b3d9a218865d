import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** One step of a hundred billion recursions before the single row: hours of SQLite's work with no row between. */
const LONG_STEP = `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000000000)
SELECT '2026-11-20 00:00:00' AS metric_timestamp, 'm' AS metric_name, count(*) AS metric_value FROM c`;

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

  it('kills a query stuck inside one long step at ingest_timeout_s: its process is gone afterwards', async () => {
    // One step that recurses for hours before its single row: SQLite's own work with no row between, which nothing
    // in node:sqlite can interrupt.
    const w = await sqliteBatch(LONG_STEP, undefined, 'ingest_timeout_s: 1\n');
    // The database file is on the child's command line: it finds the query's process among this one's children.
    const seen = watchChildren(path.join(w.metricsDir, 'b', 'data.sqlite'));
    const { report } = await run(w);
    seen.stop();
    expect(batchError(report)).toMatch(/ingest did not finish within ingest_timeout_s \(1 s\) and was stopped/);
    // The query did run in a process of its own, which the limit killed rather than left stepping.
    expect(seen.pids.size).toBe(1);
    for (const pid of seen.pids) await waitGone(pid);
  });

  it('cancel() kills the process in the middle of a step, and the pending read says it was cancelled', async () => {
    const ws = track(await tempMetrics({ 'b/config.yaml': 'db: sqlite\nsqlite_path: data.sqlite\n', 'b/query.sql': LONG_STEP }));
    const file = path.join(ws.metricsDir, 'b', 'data.sqlite');
    makeDb(file, 'CREATE TABLE unused (x)');
    const source = await openSqliteSource(await loadBatch(ws.metricsDir, 'b'), NOW, {});
    try {
      const read = source.chunks(100)[Symbol.asyncIterator]().next();
      const [pid] = childrenRunning(file);
      expect(pid).toBeDefined();
      // The child is inside its step (using the CPU), not waiting to be asked: its state is R (running), not S.
      await waitFor(() => processState(pid ?? 0) === 'R');
      expect(processState(pid ?? 0)).toBe('R');
      source.cancel();
      await expect(read).rejects.toThrow('the query was cancelled');
      await waitGone(pid ?? 0);
    } finally {
      source.close();
    }
  });

  it('stops a query that keeps running at ingest_timeout_s', async () => {
    // Endless: a row now and then, forever.
    const endless = `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c)
SELECT '2026-11-20 00:00:00' AS metric_timestamp, 'm' || i AS metric_name, i AS metric_value FROM c WHERE i % 100000 = 0`;
    const w = await sqliteBatch(endless, undefined, 'ingest_timeout_s: 1\n');
    const started = Date.now();
    const { report } = await run(w);
    expect(batchError(report)).toMatch(/ingest did not finish within ingest_timeout_s \(1 s\) and was stopped/);
    // Generous: the limit is 1 s; a stop that never came would run forever.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('refuses an epoch number as metric_timestamp, saying how to return a timestamp', async () => {
    const w = await sqliteBatch(
      "SELECT strftime('%s', '2023-11-14 22:13:20') AS metric_timestamp, 'a' AS metric_name, 1 AS metric_value"
        + " UNION ALL SELECT 1700000000, 'b', 2"
        + " UNION ALL SELECT datetime(1700000000, 'unixepoch'), 'c', 3",
    );
    const { report } = await run(w);
    const hint = "is a number, not a timestamp: return a timestamp or an ISO string (SQLite: datetime(ts, 'unixepoch'))";
    expect(batchError(report)).toContain(`2 of 3 rows are invalid: row 1: metric_timestamp "1700000000" ${hint}; row 2: metric_timestamp 1700000000 ${hint}`);
  });
});

/** Processes whose parent is this one and whose command line holds `marker` (Linux's /proc: the CI's system). */
function childrenRunning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // The process ended while being looked at.
    }
  }
  return pids;
}

/** A process's state letter (R running, S sleeping, Z zombie), or undefined once it is gone. */
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Collects the children holding `marker` while a run goes on (the run itself does not say their pids). */
function watchChildren(marker: string): { pids: Set<number>; stop: () => void } {
  const pids = new Set<number>();
  const timer = setInterval(() => {
    for (const pid of childrenRunning(marker)) pids.add(pid);
  }, 20);
  return { pids, stop: () => clearInterval(timer) };
}

/** Gone: no longer in /proc, or a zombie (dead, waiting to be reaped). Generous: a kill takes milliseconds. */
async function waitGone(pid: number): Promise<void> {
  await waitFor(() => {
    const state = processState(pid);
    return state === undefined || state === 'Z';
  });
  expect(['Z', undefined]).toContain(processState(pid));
}

async function waitFor(done: () => boolean): Promise<void> {
  for (let waited = 0; waited < 30_000 && !done(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}
