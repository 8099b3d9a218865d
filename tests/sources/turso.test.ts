import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { runJobs, type RunReport } from '../../src/jobs/run.ts';
import { openTursoSource } from '../../src/sources/turso.ts';
import { hranaServer, type HranaServer } from '../helpers/hrana-server.ts';
import type { Batch } from '../../src/config/load.ts';
import { ingest } from '../../src/jobs/ingest.ts';
import { disposeAfterEach, jobContext, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { refusingPort, silentServer, type SilentServer } from '../helpers/silent-server.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../metrics/turso_example');
const NOW = new Date('2026-11-21T12:34:00Z');
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.test-token-do-not-print';
const workspace = runWorkspaces();
const track = disposeAfterEach();

let server: HranaServer | undefined;
let silent: SilentServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  await silent?.close();
  server = undefined;
  silent = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function run(w: TempWorkspace, env: NodeJS.ProcessEnv): Promise<{ report: RunReport; channel: RecordingChannel }> {
  const channel = new RecordingChannel();
  const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env, reporter: recordingReporter(), channels: () => [channel] });
  return { report, channel };
}

/** A batch on the server's URL whose query makes `rows` rows of 4 metrics, integers and floats. */
async function bigBatch(url: string, rows: number): Promise<{ batch: Batch; root: string }> {
  const query = `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${rows - 1})
SELECT datetime('2026-11-01', '-' || (i / 4) || ' minutes') AS metric_timestamp, 'm' || (i % 4) AS metric_name,
  CASE WHEN i % 2 = 0 THEN i ELSE i * 0.5 END AS metric_value FROM c`;
  const ws = track(await tempMetrics({ 'b/config.yaml': `db: turso\nturso_database_url: ${url}\n`, 'b/query.sql': query }));
  return { batch: await loadBatch(ws.metricsDir, 'b'), root: ws.root };
}

/** A batch `b` on the server's URL running `query`. */
async function tursoBatch(url: string, query: string, config = ''): Promise<TempWorkspace> {
  return workspace({ 'b/config.yaml': `db: turso\nturso_database_url: ${JSON.stringify(url)}\n${config}`, 'b/query.sql': query });
}

const batchReport = (report: RunReport, name = 'b') => report.batches.find((b) => b.batch === name);

describe('db: turso', () => {
  it('runs the turso_example batch end to end over Hrana: an orders spike alerts', async () => {
    server = await hranaServer({ token: TOKEN });
    server.db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL)');
    const insert = server.db.prepare('INSERT INTO orders (created_at) VALUES (?)');
    const hour = Date.UTC(2026, 10, 21, 12);
    server.db.exec('BEGIN');
    // 30 days of complete hours before the run's clock: a steady daily rhythm, then 40 extra orders an hour over
    // the newest 4 (the current hour is left out by the query, and so is not filled).
    for (let age = 1; age <= 30 * 24; age++) {
      const start = hour - age * 3_600_000;
      const n = 20 + Math.round(6 * Math.sin((2 * Math.PI * new Date(start).getUTCHours()) / 24)) + (age % 3) + (age <= 4 ? 40 : 0);
      for (let k = 0; k < n; k++) insert.run(new Date(start + k * 60_000).toISOString().slice(0, 19).replace('T', ' '));
    }
    server.db.exec('COMMIT');
    const config = (await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8'))
      .replace(/^turso_database_url: .*$/m, `turso_database_url: ${server.url}`)
      .replace(/^disable_batch: true$/m, '');
    const w = await workspace({ 'turso_example/config.yaml': config, 'turso_example/query.sql': await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8') });
    const { report, channel } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    const batch = batchReport(report, 'turso_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.counts).toMatchObject({ metrics: 1, ingested: 720 });
    const alerts = channel.sent.flat();
    expect(alerts.map((a) => a.metric)).toContain('orders');
    expect(alerts.map((a) => a.timestamp.toISOString())).toContain('2026-11-21T11:00:00.000Z');
    // What the client sent: the bearer token, the statement in a cursor, and the run's clock as `:now`.
    const stmt = server.cursors[0]?.batch.steps[0]?.stmt;
    expect(stmt?.sql).toContain('FROM orders');
    expect(stmt?.named_args).toEqual([{ name: 'now', value: { type: 'text', value: '2026-11-21 12:34:00' } }]);
  });

  it('fails the batch with the database\'s own message on a SQL error', async () => {
    server = await hranaServer({ token: TOKEN });
    const w = await tursoBatch(server.url, 'SELECT * FROM no_such_table');
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    expect(batchReport(report)?.error).toMatch(/^ingest: .*b\/query\.sql: turso: .*no such table: no_such_table/);
  });

  it('fails clearly on a bad token, without the token in the error', async () => {
    server = await hranaServer({ token: TOKEN });
    const wrong = `${TOKEN}-wrong`;
    const w = await tursoBatch(server.url, 'SELECT 1');
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: wrong });
    const error = batchReport(report)?.error ?? '';
    expect(error).toMatch(/turso: .*HTTP status 401/);
    expect(error).not.toContain(TOKEN);
    const missing = await run(w, {});
    expect(batchReport(missing.report)?.error).toMatch(/turso: .*HTTP status 401/);
  });

  it('refuses a token written into the URL, without echoing it', async () => {
    const w = await tursoBatch(`http://127.0.0.1:1/?authToken=${TOKEN}`, 'SELECT 1');
    const { report } = await run(w, {});
    const error = batchReport(report)?.error ?? '';
    expect(error).toMatch(/turso: turso_database_url holds an authToken: give the token in ANOMSTACK_TURSO_AUTH_TOKEN instead/);
    expect(error).not.toContain(TOKEN);
  });

  it('fails at once on a refused connection, with the network\'s reason', async () => {
    const port = await refusingPort();
    const w = await tursoBatch(`http://127.0.0.1:${port}`, 'SELECT 1');
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    expect(batchReport(report)?.error).toMatch(/turso: .*ECONNREFUSED/);
  });

  it('gives up on a server that never answers at ingest_timeout_s', async () => {
    silent = await silentServer();
    const w = await tursoBatch(`http://127.0.0.1:${silent.port}`, 'SELECT 1', 'ingest_timeout_s: 1\n');
    const started = Date.now();
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    expect(batchReport(report)?.error).toMatch(/ingest did not finish within ingest_timeout_s \(1 s\) and was stopped/);
    expect(silent.connections).toBeGreaterThan(0);
    // Generous: the limit is 1 s; without the abort the request would wait for the server forever.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('reports NULL, NaN and text values in metric_value as invalid rows', async () => {
    server = await hranaServer({ token: TOKEN });
    server.db.exec("CREATE TABLE t (v); INSERT INTO t VALUES (1.0), (NULL), ('NaN'), ('lots'), (2)");
    const w = await tursoBatch(server.url, "SELECT '2026-11-20 00:00:00' AS metric_timestamp, 'm' || rowid AS metric_name, v AS metric_value FROM t ORDER BY rowid");
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    expect(batchReport(report)?.error).toMatch(
      /3 of 5 rows are invalid: row 2: metric_value null is not a finite number; row 3: metric_value "NaN" is not a finite number; row 4: metric_value "lots" is not a finite number/,
    );
  });

  it('hands a large result on in several chunks, integers and floats as numbers the validator reads', async () => {
    server = await hranaServer({ token: TOKEN });
    const rows = 40_000;
    const query = `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${rows - 1})
SELECT datetime('2026-11-01', '-' || (i / 4) || ' minutes') AS metric_timestamp, 'm' || (i % 4) AS metric_name,
  CASE WHEN i % 2 = 0 THEN i ELSE i * 0.5 END AS metric_value FROM c`;
    const ws = await tempMetrics({ 'b/config.yaml': `db: turso\nturso_database_url: ${server.url}\n`, 'b/query.sql': query });
    cleanups.push(ws.cleanup);
    const batch = await loadBatch(ws.metricsDir, 'b');
    const source = await openTursoSource(batch, NOW, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    const sizes: number[] = [];
    let last: unknown[] = [];
    try {
      for await (const chunk of source.chunks(16_384)) {
        sizes.push(chunk.rows.length);
        last = chunk.rows.slice(-2).map((r) => r['metric_value']);
      }
    } finally {
      source.close();
    }
    expect(sizes).toEqual([16_384, 16_384, rows - 2 * 16_384]);
    expect(last).toEqual([39_998n, 39_999 * 0.5]);
  });

  it('streams a large result: the first chunk reaches the source while the server is held mid-result', async () => {
    const rows = 200_000;
    const held = 50_000;
    server = await hranaServer({ token: TOKEN, pauseAfterRows: held });
    const source = await openTursoSource((await bigBatch(server.url, rows)).batch, NOW, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    const sizes: number[] = [];
    let writtenAtFirstChunk = -1;
    let count = 0;
    try {
      for await (const chunk of source.chunks(16_384)) {
        if (sizes.length === 0) {
          // The server has stepped no further than `held` rows and waits; a client that needed the whole result
          // before handing on a chunk would never get here (and the test would time out).
          writtenAtFirstChunk = server.rowsWritten;
          server.resume();
        }
        sizes.push(chunk.rows.length);
        count += chunk.rows.length;
      }
    } finally {
      source.close();
    }
    expect(writtenAtFirstChunk).toBeGreaterThanOrEqual(16_384);
    expect(writtenAtFirstChunk).toBeLessThanOrEqual(held);
    expect(count).toBe(rows);
    expect(sizes.slice(0, -1).every((n) => n === 16_384)).toBe(true);
    expect(server.rowsWritten).toBe(rows);
    // Generous: 200,000 rows through a local server take seconds, more on a loaded 2-core runner.
  }, 180_000);

  it('ingests a 200,000-row streamed result through the ingest job', async () => {
    const rows = 200_000;
    server = await hranaServer({ token: TOKEN });
    const { batch, root } = await bigBatch(server.url, rows);
    const ctx = track(await jobContext(batch, root, NOW));
    const result = await ingest(ctx, { chunkRows: 10_000, env: { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN } });
    expect(result.counts).toEqual({ metrics: 4, ingested: rows });
  }, 180_000);

  it('fails the batch with the database\'s message when the query fails mid-stream', async () => {
    server = await hranaServer({ token: TOKEN });
    // Rows 0 to 29,999 come back; then SQLite fails evaluating json() on row 30,000, after the rows were sent.
    const w = await tursoBatch(server.url, `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < 39999)
SELECT datetime('2026-11-01', '-' || i || ' minutes') AS metric_timestamp, 'm' AS metric_name,
  CASE WHEN i < 30000 THEN i ELSE json('not json') END AS metric_value FROM c`);
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    expect(batchReport(report)?.error).toMatch(/^ingest: .*b\/query\.sql: turso: SQLite error: malformed JSON/);
    expect(server.rowsWritten).toBe(30_000);
  });

  it('reads the whole result from a server that speaks only Hrana 2', async () => {
    server = await hranaServer({ token: TOKEN, versions: [2] });
    server.db.exec("CREATE TABLE t (ts TEXT, v REAL); INSERT INTO t VALUES ('2026-11-20 00:00:00', 1.5), ('2026-11-20 01:00:00', 2.5)");
    const w = await tursoBatch(server.url, "SELECT ts AS metric_timestamp, 'm' AS metric_name, v AS metric_value FROM t");
    const { report } = await run(w, { ANOMSTACK_TURSO_AUTH_TOKEN: TOKEN });
    expect(batchReport(report)?.counts).toMatchObject({ metrics: 1, ingested: 2 });
    expect(server.cursors).toEqual([]);
    expect(server.requests[0]?.requests[0]?.stmt?.sql).toContain('FROM t');
  });

  it('reads a file: URL as a local SQLite file', async () => {
    const w = await tursoBatch('file:local.db', "SELECT ts AS metric_timestamp, 'm' AS metric_name, v AS metric_value FROM t");
    const db = new DatabaseSync(path.join(w.metricsDir, 'b', 'local.db'));
    db.exec("CREATE TABLE t (ts TEXT, v REAL); INSERT INTO t VALUES ('2026-11-20 00:00:00', 1.5), ('2026-11-20 01:00:00', 2.5)");
    db.close();
    const { report } = await run(w, {});
    expect(batchReport(report)?.counts).toMatchObject({ metrics: 1, ingested: 2 });
  });
});
