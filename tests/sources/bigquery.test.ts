import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { fetchIngestRows } from '../../src/jobs/ingest.ts';
import { runJobs, type BatchReport } from '../../src/jobs/run.ts';
import { bigQueryServer, type BigQueryServer, type FakeQuery } from '../helpers/bigquery-server.ts';
import { loadBatch, RecordingChannel, recordingReporter, runWorkspaces, wiggle, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { refusingPort, silentServer } from '../helpers/silent-server.ts';

/**
 * The BigQuery source with the real @google-cloud/bigquery client (and its google-auth-library) against a local
 * server speaking BigQuery's REST protocol and Google's OAuth token endpoint (tests/helpers/bigquery-server.ts).
 * The fake runs no SQL: each query text is looked up. Not tested here: real BigQuery, Application Default
 * Credentials and workload identity federation (the client library's own code paths, given no key).
 */
const NOW = new Date('2026-01-10T00:30:00Z');
const LAST_HOUR = Date.parse('2026-01-10T00:00:00Z');
const EXAMPLE = path.join(import.meta.dirname, '..', '..', 'metrics', 'bigquery_example');
const workspace = runWorkspaces();
let server: BigQueryServer;

beforeAll(async () => {
  server = await bigQueryServer();
});
afterAll(async () => {
  await server.close();
});

/** The environment a run reads its secrets from: the key the fake trusts, the fake's endpoint. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ANOMSTACK_BIGQUERY_API_ENDPOINT: server.endpoint, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: JSON.stringify(server.key), ...extra };
}

/** A BigQuery TIMESTAMP as the API sends it when asked for int64 timestamps: epoch microseconds. */
const micros = (ms: number): string => `${ms}000`;

const FLOAT_SCHEMA = [
  { name: 'metric_timestamp', type: 'TIMESTAMP' },
  { name: 'metric_name', type: 'STRING' },
  { name: 'metric_value', type: 'FLOAT' },
];

/** `n` hourly points per metric ending at LAST_HOUR; `spiky` gets +60 on its newest 4. */
function hourlyRows(metrics: string[], n: number, spiky?: string): (string | null)[][] {
  return metrics.flatMap((metric) => Array.from({ length: n }, (_, i) => {
    const value = wiggle(i, metric) + (metric === spiky && i >= n - 4 ? 60 : 0);
    return [micros(LAST_HOUR - (n - 1 - i) * 3_600_000), metric, String(value)];
  }));
}

/** Runs the batch's jobs (only its ingest unless `all`) as the action does. */
async function runBatch(w: TempWorkspace, name: string, runEnv: NodeJS.ProcessEnv, all = false): Promise<{ report: BatchReport | undefined; alerts: Alert[] }> {
  const channel = new RecordingChannel();
  const report = await runJobs({
    metricsDir: w.metricsDir, now: NOW, env: runEnv, reporter: recordingReporter(), channels: () => [channel], ...(all ? {} : { jobs: ['ingest'] }),
  });
  return { report: report.batches.find((b) => b.batch === name), alerts: channel.sent.flat() };
}

/** A workspace with one BigQuery batch `name` running `sql`, which the fake answers with `query`. */
async function bigQueryBatch(name: string, sql: string, query: FakeQuery, config = ''): Promise<TempWorkspace> {
  server.queries.set(sql, query);
  return workspace({ [`${name}/config.yaml`]: `db: bigquery\ngcp_project_id: test-project\n${config}`, [`${name}/query.sql`]: sql });
}

describe('bigquery source', () => {
  it('runs the example batch end to end: ingest through pages and polls, train, score, and the spike alerts', async () => {
    const config = (await readFile(path.join(EXAMPLE, 'config.yaml'), 'utf8')).replace('disable_batch: true', 'disable_batch: false');
    const w = await workspace({ 'bigquery_example/config.yaml': config, 'bigquery_example/query.sql': await readFile(path.join(EXAMPLE, 'query.sql'), 'utf8') });
    const batch = await loadBatch(w.metricsDir, 'bigquery_example');
    if (batch.ingest.kind !== 'sql') throw new Error('the example has no SQL');
    server.queries.set(batch.ingest.sql, { fields: FLOAT_SCHEMA, rows: hourlyRows(['orders', 'revenue'], 80, 'revenue') });
    const before = server.queryRequests.length;

    const { report, alerts } = await runBatch(w, 'bigquery_example', env(), true);

    expect(report?.error).toBeUndefined();
    expect(report?.status).toBe('ok');
    expect(report?.counts).toMatchObject({ metrics: 2, ingested: 160, trained: 2 });
    expect(alerts.map((a) => [a.batch, a.metric, a.timestamp])).toEqual([['bigquery_example', 'revenue', new Date(LAST_HOUR)]]);
    const request = server.queryRequests[before];
    expect(request).toMatchObject({
      useLegacySql: false,
      location: 'US',
      parameterMode: 'NAMED',
      queryParameters: [{ name: 'now', parameterType: { type: 'TIMESTAMP' }, parameterValue: { value: NOW.toISOString() } }],
    });
  });

  it('reads a result of many pages, a page a chunk, polling a job that is still running, and converts typed values', async () => {
    const sql = 'SELECT metric_timestamp, metric_name, metric_value, n, metadata FROM paged';
    const n = 1_000;
    const rows = Array.from({ length: n }, (_, i) => [
      `2026-01-0${1 + (i % 5)}T${String(i % 24).padStart(2, '0')}:00:00`, `m${Math.floor(i / 120)}`, (i * 1.25).toFixed(2), String(i), JSON.stringify({ i }),
    ]);
    const w = await bigQueryBatch('paged', sql, {
      fields: [
        { name: 'metric_timestamp', type: 'DATETIME' }, { name: 'metric_name', type: 'STRING' }, { name: 'metric_value', type: 'NUMERIC' },
        { name: 'n', type: 'INTEGER' }, { name: 'metadata', type: 'JSON' },
      ],
      rows,
    }, 'ingest_duplicate_rows: first\n');
    const batch = await loadBatch(w.metricsDir, 'paged');
    const seen = server.resultRequests.length;

    const got = await fetchIngestRows(batch, NOW, recordingReporter(), { chunkRows: 250, env: env() });

    const polls = server.resultRequests.slice(seen);
    // One poll found the job running; then four pages of 250 rows, each after the previous page's token.
    expect(polls.map((p) => p.get('maxResults'))).toEqual(['250', '250', '250', '250', '250']);
    expect(polls.filter((p) => p.has('pageToken'))).toHaveLength(3);
    expect(polls.every((p) => p.get('location') === 'US')).toBe(true);
    const expected = new Map<string, number>();
    for (const [ts, name, value] of rows) {
      const key = `${name ?? ''} ${new Date(`${ts ?? ''}Z`).toISOString()}`;
      if (!expected.has(key)) expected.set(key, Number(value));
    }
    expect(new Map(got.map((r) => [`${r.metric_name} ${r.metric_timestamp.toISOString()}`, r.metric_value]))).toEqual(expected);
    expect(got.find((r) => r.metric_name === 'm0')?.metadata).toEqual({ i: 0 });
  });

  it('reports NULL, NaN and text values as invalid rows', async () => {
    const stamp = (h: number): string => micros(LAST_HOUR - h * 3_600_000);
    const w = await bigQueryBatch('floats', 'SELECT * FROM floats', {
      fields: FLOAT_SCHEMA,
      rows: [[stamp(3), 'a', '1.5'], [stamp(2), 'a', null], [stamp(1), 'a', 'NaN'], [stamp(0), 'a', 'Infinity']],
    });
    await w.write({ 'texts/config.yaml': 'db: bigquery\ngcp_project_id: test-project\n', 'texts/query.sql': 'SELECT * FROM texts' });
    server.queries.set('SELECT * FROM texts', {
      fields: [{ name: 'metric_timestamp', type: 'TIMESTAMP' }, { name: 'metric_name', type: 'STRING' }, { name: 'metric_value', type: 'STRING' }],
      rows: [[stamp(1), 'b', '2'], [stamp(0), 'b', 'lots']],
    });
    const channel = new RecordingChannel();
    const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env: env(), reporter: recordingReporter(), channels: () => [channel], jobs: ['ingest'] });
    const floats = report.batches.find((b) => b.batch === 'floats')?.error ?? '';
    expect(floats).toMatch(/3 of 4 rows are invalid/);
    expect(floats).toMatch(/row 2: metric_value null is not a finite number/);
    expect(floats).toMatch(/row 3: metric_value NaN is not a finite number/);
    expect(floats).toMatch(/row 4: metric_value Infinity is not a finite number/);
    expect(report.batches.find((b) => b.batch === 'texts')?.error).toMatch(/1 of 2 rows are invalid.*row 2: metric_value "lots" is not a finite number/s);
  });

  it('reads the key from the file ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS names, the project from the key or ANOMSTACK_GCP_PROJECT_ID', async () => {
    const sql = 'SELECT metric_timestamp, metric_name, metric_value FROM keyfile';
    server.queries.set(sql, { fields: FLOAT_SCHEMA, rows: hourlyRows(['k'], 5), immediate: true });
    const w = await workspace({ 'keyfile/config.yaml': 'db: bigquery\n', 'keyfile/query.sql': sql });
    const keyFile = path.join(w.root, 'key.json');
    await writeFile(keyFile, JSON.stringify(server.key));
    const fileEnv = { ANOMSTACK_BIGQUERY_API_ENDPOINT: server.endpoint, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS: keyFile };
    const before = server.queryProjects.length;
    const polls = server.resultRequests.length;

    expect((await runBatch(w, 'keyfile', fileEnv)).report?.counts).toMatchObject({ ingested: 5 });
    // A quick query's rows come with jobs.query's answer: nothing more to fetch.
    expect(server.resultRequests.length).toBe(polls);
    expect((await runBatch(w, 'keyfile', { ...fileEnv, ANOMSTACK_GCP_PROJECT_ID: 'other-project' })).report?.status).toBe('ok');
    expect(server.queryProjects.slice(before)).toEqual(['test-project', 'other-project']);
    // The request carries no @now parameter when the SQL does not use it.
    expect(server.queryRequests.at(-1)).not.toHaveProperty('queryParameters');

    const missing = await runBatch(w, 'keyfile', { ...fileEnv, ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS: path.join(w.root, 'none.json') });
    expect(missing.report?.error).toMatch(/bigquery: cannot read the file ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS names \(.*none\.json\): ENOENT/);
  });

  it("fails with BigQuery's own message for a SQL error", async () => {
    const message = 'Syntax error: Unexpected identifier "FORM" at [1:10]';
    const w = await bigQueryBatch('orders', 'SELECT 1 FORM orders', { error: { code: 400, reason: 'invalidQuery', message } });
    const { report } = await runBatch(w, 'orders', env());
    expect(report?.status).toBe('failed');
    expect(report?.error).toContain(`query.sql: bigquery: ${message}`);
  });

  it('fails clearly, without the key, when the token endpoint refuses the credentials', async () => {
    const w = await bigQueryBatch('denied', 'SELECT * FROM denied', { fields: FLOAT_SCHEMA, rows: hourlyRows(['x'], 3) });
    const refused = server.refusedTokens;
    const { report } = await runBatch(w, 'denied', env({ ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: JSON.stringify(server.wrongKey) }));
    expect(server.refusedTokens).toBeGreaterThan(refused);
    expect(report?.error).toMatch(/query\.sql: bigquery: invalid_grant: Invalid JWT Signature/);
    const keyBody = server.wrongKey.private_key.split('\n')[1] ?? 'no key line';
    expect(report?.error).not.toContain(keyBody);
    expect(report?.error).not.toContain('PRIVATE KEY');

    const garbled = '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nsecret';
    const bad = await runBatch(w, 'denied', env({ ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON: garbled }));
    expect(bad.report?.error).toMatch(/bigquery: ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON is not a JSON credentials file/);
    expect(bad.report?.error).not.toContain('secret');
  });

  it('fails within its limit when the API host refuses connections or never answers', async () => {
    const w = await bigQueryBatch('away', 'SELECT * FROM away', { fields: FLOAT_SCHEMA, rows: hourlyRows(['x'], 3) }, 'ingest_timeout_s: 60\n');
    const refused = await runBatch(w, 'away', env({ ANOMSTACK_BIGQUERY_API_ENDPOINT: `http://127.0.0.1:${await refusingPort()}` }));
    expect(refused.report?.error).toMatch(/query\.sql: bigquery: .*ECONNREFUSED/);

    const silent = await silentServer();
    try {
      await w.write({ 'away/config.yaml': 'db: bigquery\ngcp_project_id: test-project\ningest_timeout_s: 2\n' });
      const hung = await runBatch(w, 'away', env({ ANOMSTACK_BIGQUERY_API_ENDPOINT: `http://127.0.0.1:${silent.port}` }));
      expect(hung.report?.error).toMatch(/ingest did not finish within ingest_timeout_s \(2 s\)/);
      expect(silent.connections).toBeGreaterThan(0);
    } finally {
      await silent.close();
    }
  });

  it('cancels the job on the server when the query runs past ingest_timeout_s', async () => {
    const w = await bigQueryBatch('slow', 'SELECT * FROM slow', { hang: true }, 'ingest_timeout_s: 2\n');
    const before = server.queryRequests.length;
    const { report } = await runBatch(w, 'slow', env());
    expect(report?.error).toMatch(/query\.sql: ingest did not finish within ingest_timeout_s \(2 s\) and was stopped/);
    expect(server.queryRequests.length).toBe(before + 1);
    // jobs.cancel is sent as the read is stopped, not awaited by it: wait for it to arrive.
    for (let waited = 0; server.cancelled.length === 0 && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.cancelled).toHaveLength(1);
  });
});
