import { generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../src/jobs/ingest.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { disposeAfterEach, jobContext, loadBatch, RecordingChannel, recordingReporter, runWorkspaces, tempMetrics, wiggle } from '../helpers/metrics-dir.ts';
import { startSnowflakeServer, type SnowflakeAnswer, type SnowflakeServer, type SnowflakeServerOptions, type SnowflakeValue } from '../helpers/snowflake-server.ts';

/**
 * The Snowflake source with the real snowflake-sdk driver, against a local server speaking Snowflake's REST
 * protocol (tests/helpers/snowflake-server.ts): what a real account does beyond that protocol (SQL itself) is
 * not tested here.
 */

const NOW = new Date('2026-01-10T00:30:00Z');
const PASSWORD = 'sf-pa55word-do-not-show';
const EXAMPLE = path.join(import.meta.dirname, '..', '..', 'metrics', 'snowflake_example');
const COLUMNS = [
  { name: 'METRIC_TIMESTAMP', type: 'timestamp_ntz' },
  { name: 'METRIC_NAME', type: 'text' },
  { name: 'METRIC_VALUE', type: 'real' },
] as const;

let server: SnowflakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const workspace = runWorkspaces();
const track = disposeAfterEach();

async function start(answers: Record<string, SnowflakeAnswer>, options: Partial<SnowflakeServerOptions> = {}): Promise<SnowflakeServer> {
  server = await startSnowflakeServer({ account: 'myorg-test', user: 'anomstack', password: PASSWORD, answer: (sql) => answers[sql.trim()], ...options });
  return server;
}

function env(s: SnowflakeServer, extra: Record<string, string> = { ANOMSTACK_SNOWFLAKE_PASSWORD: PASSWORD }): NodeJS.ProcessEnv {
  return { ...s.env, ANOMSTACK_SNOWFLAKE_ACCOUNT: 'myorg-test', ANOMSTACK_SNOWFLAKE_USER: 'anomstack', ...extra };
}

/** `n` hourly points per metric ending at `end`, the newest `spikeN` of `spiky` raised by `spike`. */
function series(metrics: string[], n: number, end: Date, spiky = '', spike = 60, spikeN = 4): SnowflakeValue[][] {
  return metrics.flatMap((metric) => Array.from({ length: n }, (_, i) => [
    new Date(end.getTime() - (n - 1 - i) * 3_600_000),
    metric,
    wiggle(i, metric) + (metric === spiky && i >= n - spikeN ? spike : 0),
  ]));
}

/** A batch reading `sql` from the local server, run through the ingest job alone. */
async function ingestBatch(s: SnowflakeServer, sql: string, config = '', options: { chunkRows?: number; env?: NodeJS.ProcessEnv } = {}) {
  const w = track(await tempMetrics({
    'b/config.yaml': `db: snowflake\nsnowflake_account: myorg-test\nsnowflake_user: anomstack\nsnowflake_warehouse: WH\n${config}`,
    'b/query.sql': sql,
  }));
  const batch = await loadBatch(w.metricsDir, 'b');
  const ctx = track(await jobContext(batch, w.root, NOW));
  return { ctx, run: () => ingest(ctx, { env: options.env ?? env(s), ...(options.chunkRows ? { chunkRows: options.chunkRows } : {}) }) };
}

describe('snowflake source', () => {
  it('runs the example batch end to end: ingest, train, score, alert on the injected spike', async () => {
    const sql = (await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8')).trim();
    const end = new Date('2026-01-10T00:00:00Z');
    const s = await start({ [sql]: { columns: [...COLUMNS], rows: series(['queries', 'mean_query_ms'], 80, end, 'queries') } });
    const config = (await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8')).replace('disable_batch: true', 'disable_batch: false');
    expect(config).toContain('disable_batch: false');
    const w = await workspace({ 'snowflake_example/config.yaml': config, 'snowflake_example/query.sql': sql });
    const channel = new RecordingChannel();
    const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: env(s), reporter: recordingReporter(), channels: () => [channel] });

    const batch = report.batches.find((b) => b.batch === 'snowflake_example');
    expect(batch?.error).toBeUndefined();
    expect(batch?.status).toBe('ok');
    expect(batch?.counts).toMatchObject({ metrics: 2, ingested: 160, trained: 2 });
    expect(channel.sent.flat().map((a) => [a.batch, a.metric, a.timestamp])).toEqual([['snowflake_example', 'queries', end]]);
    // What the driver sent: the account and user from the variables, the warehouse from the key, the run's clock.
    expect(s.logins).toHaveLength(1);
    expect(s.logins[0]).toMatchObject({ ACCOUNT_NAME: 'myorg-test', LOGIN_NAME: 'anomstack', PASSWORD });
    expect(s.variables.get('now')).toBe("'2026-01-10 00:30:00.000'::TIMESTAMP_NTZ");
    expect(s.statements).toEqual(["SET now = '2026-01-10 00:30:00.000'::TIMESTAMP_NTZ", sql]);
    await vi.waitFor(() => expect(s.logouts).toBe(1), { timeout: 20_000 });
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it('streams a result of several chunks, downloaded and gunzipped by the driver, as UTC instants and numbers', async () => {
    const end = new Date('2026-03-01T00:00:00Z');
    const rows = series(['a', 'b'], 2_500, end);
    const s = await start({ 'SELECT * FROM big': { columns: [...COLUMNS], rows } }, { inlineRows: 100, chunkRows: 1_000 });
    const { ctx, run } = await ingestBatch(s, 'SELECT * FROM big', 'ingest_max_future: 1000d\n', { chunkRows: 700 });
    const result = await run();
    expect(result.counts).toEqual({ metrics: 2, ingested: 5_000 });
    // 100 rows inline, 4,900 in five chunks.
    expect(s.chunkDownloads).toBe(5);
    const stored = await ctx.db.all(`SELECT metric_name, min(metric_timestamp) AS first, max(metric_timestamp) AS last, sum(metric_value) AS total
      FROM metrics GROUP BY 1 ORDER BY 1`);
    const sum = (metric: string): number => rows.filter((r) => r[1] === metric).reduce((acc, r) => acc + Number(r[2]), 0);
    expect(stored.map((r) => [r['metric_name'], new Date(String(r['first']) + 'Z').toISOString(), new Date(String(r['last']) + 'Z').toISOString()])).toEqual([
      ['a', new Date(end.getTime() - 2_499 * 3_600_000).toISOString(), end.toISOString()],
      ['b', new Date(end.getTime() - 2_499 * 3_600_000).toISOString(), end.toISOString()],
    ]);
    expect(Number(stored[0]?.['total'])).toBeCloseTo(sum('a'), 6);
  });

  it('reports a SQL error in Snowflake\'s own words', async () => {
    const message = "SQL compilation error:\nsyntax error line 1 at position 9 unexpected 'FORM'.";
    const s = await start({ 'SELECT * FORM orders': { error: { code: '001003', sqlState: '42000', message } } });
    const { run } = await ingestBatch(s, 'SELECT * FORM orders');
    await expect(run()).rejects.toThrow(`query.sql: snowflake: ${message}`);
    await vi.waitFor(() => expect(s.logouts).toBe(1), { timeout: 20_000 });
  });

  it('fails a bad password clearly, without the password in the error', async () => {
    const s = await start({});
    const wrong = 'wr0ng-secret-password';
    const { run } = await ingestBatch(s, 'SELECT 1', '', { env: env(s, { ANOMSTACK_SNOWFLAKE_PASSWORD: wrong }) });
    const error = await run().then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/query\.sql: snowflake: Incorrect username or password was specified\./);
    expect(error?.message).not.toContain(wrong);
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect(s.logins.map((l) => l['PASSWORD'])).toEqual([wrong]);
    expect(s.statements).toEqual([]);
  });

  it('says which credentials are missing when there are none', async () => {
    const s = await start({});
    const { run } = await ingestBatch(s, 'SELECT 1', '', { env: env(s, {}) });
    await expect(run()).rejects.toThrow(/no credentials: set ANOMSTACK_SNOWFLAKE_PASSWORD/);
    expect(s.logins).toEqual([]);
  });

  it('logs in with a key pair (SNOWFLAKE_JWT), from PEM text or from an encrypted key file', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rows = series(['m'], 3, new Date('2026-01-09T00:00:00Z'));
    const s = await start({ 'SELECT m': { columns: [...COLUMNS], rows } }, { password: undefined, publicKey });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    // As a one-line secret: the line breaks written as \n.
    const inline = await ingestBatch(s, 'SELECT m', '', { env: env(s, { ANOMSTACK_SNOWFLAKE_PRIVATE_KEY: pem.replace(/\n/g, '\\n') }) });
    expect((await inline.run()).counts).toEqual({ metrics: 1, ingested: 3 });

    const file = path.join(inline.ctx.modelsDir, '..', 'key.p8');
    await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'key-passphrase' }));
    const fromFile = await ingestBatch(s, 'SELECT m', '', {
      env: env(s, { ANOMSTACK_SNOWFLAKE_PRIVATE_KEY_PATH: file, ANOMSTACK_SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: 'key-passphrase' }),
    });
    expect((await fromFile.run()).counts).toEqual({ metrics: 1, ingested: 3 });
    expect(s.logins.map((l) => [l['AUTHENTICATOR'], typeof l['TOKEN'], l['PASSWORD']])).toEqual([['SNOWFLAKE_JWT', 'string', undefined], ['SNOWFLAKE_JWT', 'string', undefined]]);
  });

  it('fails on an unreachable host within its limit', async () => {
    const s = await start({});
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = String((closed.address() as { port: number }).port);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { run } = await ingestBatch(s, 'SELECT 1', 'ingest_timeout_s: 30\n', { env: { ...env(s), ANOMSTACK_SNOWFLAKE_PORT: port } });
    const started = Date.now();
    const error = await run().then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/query\.sql: (snowflake: .*(ECONNREFUSED|could not log in)|ingest did not finish within ingest_timeout_s \(30 s\))/);
    expect(error?.message).not.toContain(PASSWORD);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('reports NULL, NaN and text values as invalid rows', async () => {
    const t = (h: number): Date => new Date(Date.UTC(2026, 0, 9, h));
    const s = await start({
      'SELECT numbers': { columns: [...COLUMNS], rows: [[t(0), 'm', 1.5], [t(1), 'm', null], [t(2), 'm', Number.NaN], [t(3), 'm', 2]] },
      'SELECT text': {
        columns: [COLUMNS[0], COLUMNS[1], { name: 'METRIC_VALUE', type: 'text' }],
        rows: [[t(0), 'm', '1.5'], [t(1), 'm', 'lots'], [t(2), 'm', '2']],
      },
    });
    const numbers = await ingestBatch(s, 'SELECT numbers');
    const numbersError = await numbers.run().then(() => undefined, (e: unknown) => e as Error);
    expect(numbersError?.message).toMatch(/2 of 4 rows are invalid/);
    expect(numbersError?.message).toMatch(/row 2: .*null/);
    expect(numbersError?.message).toMatch(/row 3: .*NaN/);
    const text = await ingestBatch(s, 'SELECT text');
    await expect(text.run()).rejects.toThrow(/1 of 3 rows are invalid.*row 2: .*"lots"/s);
  });

  it('cancels a query past ingest_timeout_s on the server', async () => {
    const s = await start({ 'SELECT slow': { hang: true } });
    const { run } = await ingestBatch(s, 'SELECT slow', 'ingest_timeout_s: 2\n');
    await expect(run()).rejects.toThrow(/ingest did not finish within ingest_timeout_s \(2 s\) and was stopped/);
    await vi.waitFor(() => expect(s.aborts).toHaveLength(1), { timeout: 20_000 });
  }, 60_000);
});
