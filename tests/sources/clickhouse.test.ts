import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs, type RunOptions } from '../../src/jobs/run.ts';
import { openClickHouseSource } from '../../src/sources/clickhouse.ts';
import type { RawRow } from '../../src/sources/source.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { startClickHouse, type ClickHouseServer } from '../helpers/clickhouse-server.ts';
import { allRows, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { refusingPort, silentServer } from '../helpers/silent-server.ts';

/*
 * Against Debian's clickhouse-server 18.16, the newest these machines install. That release predates query
 * parameters and date_time_output_format (both since 19.x-20.x); the source sends them only to 21.1 or newer, so
 * what these tests cannot reach on 18.16 is: the clock parameter `{now:DateTime64(3, 'UTC')}`, ISO/UTC DateTime
 * output, and `KILL QUERY` on cancel (on 18.16 a cancelled query is stopped by max_execution_time instead). The last
 * tests check what the client sends to a current server instead, with a local HTTP server answering as one would.
 */

const NOW = new Date('2026-01-10T00:30:00Z');
const EXAMPLE = path.resolve(import.meta.dirname, '../../metrics/clickhouse_example');
const workspace = runWorkspaces();
let server: ClickHouseServer;

beforeAll(async () => {
  // Installs Debian's clickhouse-server when missing (a minute or two on a fresh machine), then starts it (seconds).
  server = await startClickHouse();
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

function env(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ANOMSTACK_CLICKHOUSE_HOST: server.host,
    ANOMSTACK_CLICKHOUSE_PORT: String(server.port),
    ANOMSTACK_CLICKHOUSE_PASSWORD: server.password,
    ...overrides,
  };
}

async function run(w: TempWorkspace, variables: NodeJS.ProcessEnv, jobs?: RunOptions['jobs']) {
  const channel = new RecordingChannel();
  const report = await runJobs({
    metricsDir: w.metricsDir, now: NOW, env: variables, reporter: recordingReporter(), channels: () => [channel], ...(jobs ? { jobs } : {}),
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

/** A one-file batch `ch` on the test server, run through ingest only; its report and how long it took. */
async function ingestOnly(sql: string, config = '', variables: NodeJS.ProcessEnv = env()) {
  const w = await workspace({ 'ch/config.yaml': `db: clickhouse\n${config}`, 'ch/query.sql': sql });
  const started = Date.now();
  const { report } = await run(w, variables, ['ingest']);
  const batch = report.batches.find((b) => b.batch === 'ch');
  return { batch, seconds: (Date.now() - started) / 1000, w };
}

describe('clickhouse source', () => {
  it('runs the example batch end to end: ingest, train, score, and the injected spike alerts', async () => {
    // Events for the 80 hours before NOW's hour; page views jump by 80 an hour over the newest 4 hours.
    await server.query('DROP TABLE IF EXISTS events');
    await server.query('CREATE TABLE events (event_time DateTime, event_type String) ENGINE = MergeTree ORDER BY event_time');
    await server.query(`INSERT INTO events
      SELECT toDateTime('2026-01-10 00:00:00') - 3600 * h + (k * 37) % 3600, type
      FROM (
        SELECT number + 1 AS h, type,
          arrayJoin(range(toUInt64(if(type = 'page_view', 100 + 10 * sin(h / 3) + intHash32(h) % 11 + if(h <= 4, 80, 0), 20 + intHash32(h * 7) % 5)))) AS k
        FROM numbers(80) ARRAY JOIN ['page_view', 'signup'] AS type
      )`);
    const config = (await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8')).replace('disable_batch: true', 'disable_batch: false');
    const example = await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8');
    // 18.16 has no query parameters: the example runs here without its two clock lines (the data ends before NOW).
    const sql = example.replace(/\n\s*AND event_time >= .*\n\s*AND event_time < .*\n/, '\n');
    expect(sql).not.toContain('now:');
    const w = await workspace({ 'clickhouse_example/config.yaml': config, 'clickhouse_example/query.sql': sql });

    const { report, alerts } = await run(w, env());
    const batch = report.batches.find((b) => b.batch === 'clickhouse_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.status).toBe('ok');
    expect(batch?.counts).toMatchObject({ metrics: 2, ingested: 160, trained: 2 });
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => a.metric))).toEqual(new Set(['page_view']));

    const metrics = (await storedRows(w)).filter((r) => r['metric_type'] === 'metric');
    const pageViews = metrics.filter((r) => r['metric_name'] === 'page_view').map((r) => (r['metric_timestamp'] as Date).toISOString());
    // The server's DateTime text is read as UTC: the hours are the ones inserted, not shifted.
    expect(pageViews[0]).toBe('2026-01-06T16:00:00.000Z');
    expect(pageViews.at(-1)).toBe('2026-01-09T23:00:00.000Z');
    const counts = await server.query("SELECT count() FROM events WHERE event_type = 'page_view' AND event_time >= '2026-01-09 23:00:00' FORMAT TSV");
    expect(metrics.find((r) => r['metric_name'] === 'page_view' && (r['metric_timestamp'] as Date).toISOString() === '2026-01-09T23:00:00.000Z')?.['metric_value'])
      .toBe(Number(counts.trim()));
  });

  it('a SQL error fails the batch with the server\'s own message', async () => {
    const { batch } = await ingestOnly('SELECT * FROM no_such_table');
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/query\.sql: clickhouse: .*Table default\.no_such_table doesn't exist/);
  });

  it('a wrong password fails clearly, without the password in the error', async () => {
    const { batch } = await ingestOnly('SELECT 1', '', env({ ANOMSTACK_CLICKHOUSE_PASSWORD: 'wrong-pass-77' }));
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/clickhouse: .*(Wrong password|Authentication failed)/);
    expect(batch?.error).not.toContain('wrong-pass-77');
    expect(batch?.error).not.toContain(server.password);
  });

  it('a URL given as the host is refused without echoing it (it may hold credentials)', async () => {
    const { batch } = await ingestOnly('SELECT 1', '', env({ ANOMSTACK_CLICKHOUSE_HOST: 'https://admin:url-pass-9@ch.example' }));
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toContain('clickhouse_host is a host name only');
    expect(batch?.error).not.toContain('url-pass-9');
  });

  it('a refused connection fails at once, naming the server', async () => {
    const port = await refusingPort();
    const { batch, seconds } = await ingestOnly('SELECT 1', '', env({ ANOMSTACK_CLICKHOUSE_PORT: String(port) }));
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toContain(`ECONNREFUSED`);
    expect(batch?.error).toContain(`http://127.0.0.1:${port}`);
    expect(seconds).toBeLessThan(30);
  });

  it('a host that never answers fails within the connect limit, well before a long ingest limit', async () => {
    const silent = await silentServer();
    try {
      const { batch, seconds } = await ingestOnly('SELECT 1', 'ingest_timeout_s: 600\n', env({ ANOMSTACK_CLICKHOUSE_PORT: String(silent.port) }));
      expect(batch?.status).toBe('failed');
      expect(batch?.error).toContain(`no answer from ClickHouse at http://127.0.0.1:${silent.port} within 15 s`);
      // Generous: what matters is that the 600 s limit is not waited out.
      expect(seconds).toBeLessThan(120);
    } finally {
      await silent.close();
    }
  });

  it('NULL, NaN and text values are reported as invalid rows by the validator', async () => {
    const { batch } = await ingestOnly(`SELECT toDateTime('2026-01-09 00:00:00') + number * 3600 AS metric_timestamp, 'm' AS metric_name,
      [toNullable('1.5'), NULL, toNullable('abc'), toNullable(toString(nan)), toNullable('2')][number + 1] AS metric_value
      FROM numbers(5)`);
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toMatch(/3 of 5 rows are invalid/);
    expect(batch?.error).toMatch(/row 2: .*/);
    const nan = await ingestOnly("SELECT toDateTime('2026-01-09 00:00:00') AS metric_timestamp, 'm' AS metric_name, nan AS metric_value");
    expect(nan.batch?.error).toMatch(/1 of 1 rows are invalid: row 1: .*nan/i);
  });

  it('streams a result larger than a chunk in chunks of at most the requested size', async () => {
    const sql = "SELECT toDateTime('2026-01-01 00:00:00') + number * 10 AS metric_timestamp, concat('m', toString(number % 4)) AS metric_name, toFloat64(number) AS metric_value FROM numbers(40000)";
    const ws = await tempMetrics({ 'ch/config.yaml': 'db: clickhouse\n', 'ch/query.sql': sql });
    try {
      const batch = await loadBatch(ws.metricsDir, 'ch', { env: env() });
      const source = await openClickHouseSource(batch, NOW, env());
      const sizes: number[] = [];
      const first: RawRow[] = [];
      try {
        for await (const chunk of source.chunks(1000)) {
          sizes.push(chunk.rows.length);
          if (first.length === 0) first.push(...chunk.rows.slice(0, 1));
          expect(chunk.columns).toEqual(['metric_timestamp', 'metric_name', 'metric_value']);
        }
      } finally {
        source.close();
      }
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40000);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
      expect(sizes.length).toBeGreaterThanOrEqual(40);
      expect(first[0]).toEqual({ metric_timestamp: '2026-01-01 00:00:00', metric_name: 'm0', metric_value: 0 });
    } finally {
      await ws.cleanup();
    }
    // Through the ingest job too, past its own chunk of 16,384 rows.
    const { batch } = await ingestOnly(sql);
    expect(batch?.status).toBe('ok');
    expect(batch?.counts).toMatchObject({ metrics: 4, ingested: 40000 });
  });

  it('a query past ingest_timeout_s is stopped, on the server too', async () => {
    const marker = `anomstack_timeout_${Date.now()}`;
    const { batch, seconds } = await ingestOnly(`SELECT now() AS metric_timestamp, '${marker}' AS metric_name, toFloat64(count()) AS metric_value FROM numbers(100000000000000)`, 'ingest_timeout_s: 3\n');
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toContain('ingest did not finish within ingest_timeout_s (3 s)');
    expect(seconds).toBeLessThan(60);
    // Gone from the server's process list (on 18.16 through max_execution_time; see the top of this file).
    let running = 1;
    for (let i = 0; i < 150 && running > 0; i++) {
      running = Number((await server.query(`SELECT count() FROM system.processes WHERE query LIKE '%${marker}%' AND query NOT LIKE '%system.processes%' FORMAT TSV`)).trim());
      if (running > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(running).toBe(0);
  });

  it('on a server without query parameters, a query using the clock says what it needs', async () => {
    const { batch } = await ingestOnly("SELECT {now:DateTime64(3, 'UTC')} AS metric_timestamp, 'm' AS metric_name, 1 AS metric_value");
    expect(batch?.status).toBe('failed');
    expect(batch?.error).toContain('query parameters such as {now:...} need ClickHouse 21.1 or newer; the server is 18.16.1');
  });
});

/** A request the fake current server received: its URL parameters and its body (the SQL, as the client sends it). */
interface Received {
  params: URLSearchParams;
  sql: string;
  closed: Promise<void>;
}

/**
 * A stand-in for a current ClickHouse (24.8) over HTTP, as far as the source uses it: the version probe, a query
 * answered with JSONEachRow rows as the server writes them with date_time_output_format=iso, a query that never
 * answers, and KILL QUERY. It checks the Basic credentials as the server does.
 */
async function currentServerFake(password: string): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const expected = `Basic ${Buffer.from(`default:${password}`).toString('base64')}`;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let sql = '';
    req.on('data', (data: Buffer) => void (sql += data.toString()));
    req.on('end', () => {
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
      received.push({ params, sql, closed: new Promise((resolve) => res.once('close', () => resolve())) });
      if (req.headers.authorization !== expected) {
        res.writeHead(516, { 'X-ClickHouse-Exception-Code': '516' });
        res.end('Code: 516. DB::Exception: default: Authentication failed. (AUTHENTICATION_FAILED)\n');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=UTF-8', 'X-ClickHouse-Query-Id': params.get('query_id') ?? '' });
      if (sql.startsWith('SELECT version()')) res.end('{"version":"24.8.4.13","timezone":"Europe/Berlin"}\n');
      else if (sql.startsWith('KILL QUERY')) res.end();
      else if (sql.includes('hang')) res.flushHeaders();
      else res.end('{"metric_timestamp":"2026-01-09T23:00:00Z","metric_name":"m","metric_value":1.5}\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('clickhouse source, what it sends a current server (a local HTTP server answering as ClickHouse 24.8)', () => {
  it('passes the run\'s clock as the query parameter now and asks for ISO timestamps in UTC', async () => {
    const fake = await currentServerFake('pw-current');
    try {
      const variables = { ANOMSTACK_CLICKHOUSE_PORT: String(fake.port), ANOMSTACK_CLICKHOUSE_PASSWORD: 'pw-current' };
      const sql = "SELECT toDateTime({now:DateTime64(3, 'UTC')}) - INTERVAL 1 HOUR AS metric_timestamp, 'm' AS metric_name, 1.5 AS metric_value";
      const { batch, w } = await ingestOnly(sql, 'ingest_timeout_s: 120\n', variables);
      expect(batch?.error).toBeUndefined();
      expect(batch?.counts).toMatchObject({ ingested: 1 });
      const query = fake.received.find((r) => r.sql.startsWith('SELECT toDateTime'));
      expect(query?.sql).toBe(`${sql} \nFORMAT JSONEachRow`);
      expect(Object.fromEntries(query?.params ?? [])).toMatchObject({
        param_now: '2026-01-10 00:30:00.000',
        date_time_output_format: 'iso',
        max_execution_time: '121',
        output_format_json_quote_denormals: '1',
      });
      // A server in another zone is fine: the ISO text names UTC.
      expect((await storedRows(w)).map((r) => (r['metric_timestamp'] as Date).toISOString())).toEqual(['2026-01-09T23:00:00.000Z']);
    } finally {
      await fake.close();
    }
  });

  it('at ingest_timeout_s, closes the request and kills the query by its id', async () => {
    const fake = await currentServerFake('pw-current');
    try {
      const variables = { ANOMSTACK_CLICKHOUSE_PORT: String(fake.port), ANOMSTACK_CLICKHOUSE_PASSWORD: 'pw-current' };
      const { batch } = await ingestOnly("SELECT 'hang' AS metric_name", 'ingest_timeout_s: 2\n', variables);
      expect(batch?.error).toContain('ingest did not finish within ingest_timeout_s (2 s)');
      const hung = fake.received.find((r) => r.sql.includes('hang'));
      const kill = fake.received.find((r) => r.sql.startsWith('KILL QUERY'));
      expect(kill?.sql).toContain('KILL QUERY WHERE query_id = {id:String} ASYNC');
      expect(kill?.params.get('param_id')).toBe(hung?.params.get('query_id'));
      await hung?.closed;
    } finally {
      await fake.close();
    }
  });
});
