import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs, type RunOptions } from '../../src/jobs/run.ts';
import { openPostgresSource } from '../../src/sources/postgres.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { allRows, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server.ts';
import { silentServer } from '../helpers/silent-server.ts';

const NOW = new Date('2026-01-10T00:30:00Z');
const EXAMPLE = path.resolve(import.meta.dirname, '../../metrics/postgres_example');
const workspace = runWorkspaces();
let server: PostgresServer;

beforeAll(async () => {
  // Installs Debian's postgresql when missing (minutes on a fresh machine), then initdb and start (seconds).
  server = await startPostgres();
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

async function run(w: TempWorkspace, env: NodeJS.ProcessEnv, jobs?: RunOptions['jobs']) {
  const channel = new RecordingChannel();
  const report = await runJobs({
    metricsDir: w.metricsDir, now: NOW, env, reporter: recordingReporter(), channels: () => [channel], ...(jobs ? { jobs } : {}),
  });
  return { report, alerts: channel.sent.flat() };
}

async function storedRows(w: TempWorkspace): Promise<Record<string, unknown>[]> {
  const db = await DuckDb.open(path.join(w.root, 'state', 'anomstack.duckdb'));
  try {
    return await allRows(db);
  } finally {
    db.close();
  }
}

/** A one-file batch `pg` on the test server, run through ingest only; its report. */
async function ingestOnly(sql: string, config = '', env: NodeJS.ProcessEnv = { ANOMSTACK_POSTGRES_URL: server.url }) {
  const w = await workspace({ 'pg/config.yaml': `db: postgres\n${config}`, 'pg/query.sql': sql });
  const started = Date.now();
  const { report } = await run(w, env, ['ingest']);
  const batch = report.batches.find((b) => b.batch === 'pg');
  return { batch, seconds: (Date.now() - started) / 1000, w };
}

describe('postgres source', () => {
  it('runs the example batch end to end: ingest, train, score, and the injected spike alerts', async () => {
    // Hourly orders for 100 hours before NOW; the newest 4 hours carry 80 more orders each.
    await server.query('DROP TABLE IF EXISTS orders');
    await server.query('CREATE TABLE orders (created_at timestamptz NOT NULL, amount numeric NOT NULL)');
    await server.query(`INSERT INTO orders
      SELECT date_trunc('hour', $1::timestamptz) - make_interval(hours => h) + make_interval(secs => k * 17 % 3600), 10 + (k % 7)
      FROM generate_series(1, 100) AS h,
        LATERAL generate_series(1, 100 + round(10 * sin(h / 3.0))::int + (h * 37 % 11) + CASE WHEN h <= 4 THEN 80 ELSE 0 END) AS k`, [NOW.toISOString()]);
    const w = await workspace({
      'postgres_example/config.yaml': await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8'),
      'postgres_example/query.sql': await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8'),
    });
    const { report, alerts } = await run(w, { ANOMSTACK_POSTGRES_URL: server.url, ANOMSTACK_DISABLE_BATCH: 'false' });
    const batch = report.batches.find((b) => b.batch === 'postgres_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.status).toBe('ok');
    // 7 days of complete hours before the clock: the 100 hours inserted are all inside.
    expect(batch?.counts).toMatchObject({ metrics: 2, ingested: 200, trained: 2 });
    const newest = new Date('2026-01-09T23:00:00Z');
    expect(alerts.filter((a) => a.metric === 'orders').map((a) => a.timestamp)).toEqual([newest]);
    const metricRows = (await storedRows(w)).filter((r) => r['metric_type'] === 'metric' && r['metric_name'] === 'orders');
    const expected = await server.query<{ n: string }>(
      `SELECT count(*) AS n FROM orders WHERE created_at >= '2026-01-09 23:00:00+00' AND created_at < '2026-01-10 00:00:00+00'`);
    expect(metricRows.at(-1)).toMatchObject({ metric_timestamp: newest, metric_value: Number(expected[0]?.n) });
  }, 120_000);

  it('reads PG* variables from env, and a timestamp without time zone as UTC whatever the runner\'s time zone', async () => {
    const ws = await tempMetrics({
      'pg/config.yaml': 'db: postgres\n',
      'pg/query.sql': `SELECT TIMESTAMP '2026-01-09 22:00:00' AS metric_timestamp, 'naive' AS metric_name, 1.5::float8 AS metric_value,
        DATE '2026-01-09' AS day, current_setting('anomstack.now')::timestamptz AS clock, current_setting('TimeZone') AS zone`,
    });
    const env = { PGHOST: '127.0.0.1', PGPORT: String(server.port), PGUSER: server.user, PGPASSWORD: server.password, PGDATABASE: 'postgres' };
    const batch = await loadBatch(ws.metricsDir, 'pg');
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Asia/Kolkata';
    try {
      const source = await openPostgresSource(batch, NOW, env);
      try {
        const chunks = [];
        for await (const chunk of source.chunks(10)) chunks.push(chunk);
        expect(chunks).toEqual([{
          columns: ['metric_timestamp', 'metric_name', 'metric_value', 'day', 'clock', 'zone'],
          rows: [{ metric_timestamp: new Date('2026-01-09T22:00:00Z'), metric_name: 'naive', metric_value: 1.5, day: new Date('2026-01-09T00:00:00Z'), clock: NOW, zone: 'UTC' }],
        }]);
      } finally {
        source.close();
      }
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
      await ws.cleanup();
    }
  });

  it('streams a large result in chunks of at most the size asked', async () => {
    const ws = await tempMetrics({
      'pg/config.yaml': 'db: postgres\n',
      'pg/query.sql': `SELECT TIMESTAMP '2025-12-01' + make_interval(mins => i) AS metric_timestamp, 'm' || (i % 3) AS metric_name, i::float8 AS metric_value
        FROM generate_series(1, 40000) AS i ORDER BY 2, 1`,
    });
    try {
      const source = await openPostgresSource(await loadBatch(ws.metricsDir, 'pg'), NOW, { ANOMSTACK_POSTGRES_URL: server.url });
      const sizes: number[] = [];
      try {
        for await (const chunk of source.chunks(16_384)) sizes.push(chunk.rows.length);
      } finally {
        source.close();
      }
      expect(sizes).toEqual([16_384, 16_384, 40_000 - 2 * 16_384]);
    } finally {
      await ws.cleanup();
    }
    // The same through the ingest job: every row is stored.
    const { batch } = await ingestOnly(`SELECT TIMESTAMP '2025-12-01' + make_interval(mins => i) AS metric_timestamp, 'm' || (i % 3) AS metric_name,
      i::float8 AS metric_value FROM generate_series(1, 40000) AS i`);
    expect(batch?.status).toBe('ok');
    expect(batch?.counts).toMatchObject({ metrics: 3, ingested: 40_000 });
  }, 60_000);

  it('a SQL error fails the batch with the database\'s own message', async () => {
    const { batch } = await ingestOnly('SELECT * FROM no_such_table');
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/query\.sql: postgres: relation "no_such_table" does not exist/);
  });

  it('NULL, NaN and text values are reported as invalid rows', async () => {
    const { batch } = await ingestOnly(`SELECT TIMESTAMP '2026-01-01' + make_interval(hours => i) AS metric_timestamp, 'm' AS metric_name,
        CASE i WHEN 2 THEN NULL WHEN 3 THEN 'NaN'::float8 ELSE i END::float8 AS metric_value
      FROM generate_series(1, 4) AS i`);
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/2 of 4 rows are invalid/);
    expect(batch?.error).toMatch(/row 2: metric_value null is not a finite number/);
    expect(batch?.error).toMatch(/row 3: metric_value NaN is not a finite number/);
    const text = await ingestOnly(`SELECT TIMESTAMP '2026-01-01' AS metric_timestamp, 'm' AS metric_name, 'lots'::text AS metric_value`);
    expect(text.batch?.error).toMatch(/metric_value "lots" is not a finite number/);
  });

  it('a wrong password fails clearly, without the password in the error', async () => {
    const wrong = 'Wr0ngPassw0rd-xyz';
    const url = `postgres://${server.user}:${wrong}@127.0.0.1:${server.port}/postgres`;
    const { batch } = await ingestOnly('SELECT 1', '', { ANOMSTACK_POSTGRES_URL: url });
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/postgres: could not connect: password authentication failed for user "anomstack_test"/);
    expect(batch?.error).not.toContain(wrong);
    const pgVars = await ingestOnly('SELECT 1', '', { PGHOST: '127.0.0.1', PGPORT: String(server.port), PGUSER: server.user, PGPASSWORD: wrong });
    expect(pgVars.batch?.error).toMatch(/password authentication failed/);
    expect(pgVars.batch?.error).not.toContain(wrong);
  });

  it('a host that never answers fails within the ingest limit', async () => {
    const silent = await silentServer();
    try {
      const { batch, seconds } = await ingestOnly('SELECT 1', 'ingest_timeout_s: 3\n', {
        ANOMSTACK_POSTGRES_URL: `postgres://u:secret-pw@127.0.0.1:${silent.port}/db`,
      });
      expect(batch?.status).toBe('failed');
      expect(batch?.error).toMatch(/timeout|ingest_timeout_s \(3 s\)/);
      expect(batch?.error).not.toContain('secret-pw');
      // Generous: what matters is that it ends near its limit rather than hanging.
      expect(seconds).toBeLessThan(60);
      expect(silent.connections).toBe(1);
    } finally {
      await silent.close();
    }
  }, 90_000);

  it('a query running past ingest_timeout_s is cancelled on the server', async () => {
    const marker = `anomstack_cancel_${process.pid}`;
    const { batch } = await ingestOnly(`SELECT now() AS metric_timestamp, '${marker}' AS metric_name, 1.0 AS metric_value FROM pg_sleep(600)`, 'ingest_timeout_s: 2\n');
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/ingest did not finish within ingest_timeout_s \(2 s\)/);
    // pg_sleep would keep the backend busy for 10 minutes if only the connection had been dropped.
    const running = async () => server.query(`SELECT pid FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`, [`%'${marker}'%`]);
    const deadline = Date.now() + 60_000;
    while ((await running()).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await running()).toEqual([]);
  }, 120_000);

  it('db: redshift reads ANOMSTACK_REDSHIFT_URL', async () => {
    const w = await workspace({
      'rs/config.yaml': 'db: redshift\n',
      'rs/query.sql': `SELECT TIMESTAMP '2026-01-09 00:00:00' + make_interval(hours => i) AS metric_timestamp, 'rs' AS metric_name, i::float8 AS metric_value
        FROM generate_series(0, 9) AS i`,
    });
    const { report } = await run(w, { ANOMSTACK_REDSHIFT_URL: server.url }, ['ingest']);
    expect(report.batches[0]).toMatchObject({ status: 'ok', counts: { metrics: 1, ingested: 10 } });
    const stored = (await storedRows(w)).filter((r) => r['metric_name'] === 'rs');
    expect(stored.map((r) => r['metric_timestamp'])).toEqual(Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 0, 9, i))));
    // The Postgres variable is not read for Redshift: without its own URL, the batch fails to connect.
    const other = await run(w, { ANOMSTACK_POSTGRES_URL: server.url, PGHOST: '127.0.0.1', PGPORT: '1' }, ['ingest']);
    expect(other.report.batches[0]?.error).toMatch(/rs\/query\.sql: redshift: could not connect/);
  });
});
