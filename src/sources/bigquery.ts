import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BigQuery, type BigQueryOptions } from '@google-cloud/bigquery';
import type { Batch } from '../config/load.ts';
import { redact } from '../runtime/redact.ts';
import type { OpenSource, RawRow, RowChunk, Source } from './source.ts';
import { keyField, readGoogleKey } from '../runtime/google-key.ts';

/** Where Google's libraries always send a service account's signed token request, whatever the key says. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * How long BigQuery holds a jobs.query or getQueryResults request open while the query runs (its `timeoutMs`).
 * Long polls need no pause between them; a shorter wait would only add round trips.
 */
const QUERY_WAIT_MS = 10_000;

/** A request's whole time limit: a long poll plus room for the network; also bounds a connection that hangs. */
const REQUEST_TIMEOUT_MS = QUERY_WAIT_MS + 20_000;

/** Pause after a poll that came back still running before its wait was up (servers that do not long-poll). */
const MAX_POLL_PAUSE_MS = 1_000;

/** The run's clock as the SQL sees it: `@now`, passed only when the SQL uses it. */
const NOW_PARAMETER = /@now\b/i;

interface SchemaField {
  name: string;
  type: string;
  mode?: string;
  fields?: SchemaField[];
}

interface Cell {
  v: unknown;
}

/** What jobs.query and jobs.getQueryResults answer (only the parts read here). */
interface QueryResponse {
  jobComplete?: boolean;
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  schema?: { fields?: SchemaField[] };
  rows?: { f: Cell[] }[];
  pageToken?: string;
}

interface JobRef {
  projectId: string;
  jobId: string;
  location: string | undefined;
}

/**
 * Runs a batch's SQL (GoogleSQL) on BigQuery as a query job and reads its result a page at a time (jobs.query,
 * then jobs.getQueryResults with page tokens), a page being one chunk, so memory holds one page.
 * Credentials: ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON (the key itself) or ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS
 * (its path), else Application Default Credentials. ANOMSTACK_BIGQUERY_API_ENDPOINT points the client elsewhere
 * (an emulator, a proxy, the tests' server).
 */
export const openBigQuerySource: OpenSource = async (batch, now, env) => {
  if (batch.ingest.kind !== 'sql') throw new Error(`batch ${batch.name} has no ingest SQL`);
  const sql = batch.ingest.sql;
  const key = await readGoogleKey(env, ['ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS']);
  const projectId = batch.config.gcp_project_id ?? keyField(key, 'project_id');
  const endpoint = env['ANOMSTACK_BIGQUERY_API_ENDPOINT'];
  // `timeout` is the client's per-request limit (its Service option), missing from BigQueryOptions' type.
  const options: BigQueryOptions & { timeout: number } = {
    timeout: REQUEST_TIMEOUT_MS,
    ...(projectId === undefined ? {} : { projectId }),
    ...(batch.config.bigquery_location === undefined ? {} : { location: batch.config.bigquery_location }),
    ...(endpoint === undefined || endpoint === '' ? {} : { apiEndpoint: endpoint }),
  };
  const client = new BigQuery(options);
  // Given as the `credentials` option, the key makes the auth library print a deprecation notice on every run; set
  // here, it is read the same way (the JSON's `type` picks the client: service account, external account...).
  if (key !== undefined) client.authClient.jsonContent = key as typeof client.authClient.jsonContent;
  const tokenUri = keyField(key, 'token_uri');
  if (tokenUri !== undefined && tokenUri !== GOOGLE_TOKEN_URL) await sendTokenRequestsTo(client, tokenUri);
  return new BigQueryQuery(client, queryRequest(sql, now, batch));
};

/**
 * Honours the key's `token_uri` as Google's Python and Go libraries do; the Node library posts to Google's URL
 * whatever the key says, so its request is redirected (a private endpoint, a proxy, the tests' token server).
 */
async function sendTokenRequestsTo(client: BigQuery, tokenUri: string): Promise<void> {
  const auth = await client.authClient.getClient();
  auth.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (config.url.href === GOOGLE_TOKEN_URL) config.url = new URL(tokenUri);
      return config;
    },
  });
}

/** The jobs.query body: GoogleSQL, a page of `maxResults` rows, timestamps as epoch microseconds. */
function queryRequest(sql: string, now: Date, batch: Batch): Record<string, unknown> {
  return {
    query: sql,
    useLegacySql: false,
    timeoutMs: QUERY_WAIT_MS,
    formatOptions: { useInt64Timestamp: true },
    // Makes a retried jobs.query (the client retries on network errors) run the query once.
    requestId: randomUUID(),
    ...(batch.config.bigquery_location === undefined ? {} : { location: batch.config.bigquery_location }),
    ...(NOW_PARAMETER.test(sql) ? {
      parameterMode: 'NAMED',
      queryParameters: [{ name: 'now', parameterType: { type: 'TIMESTAMP' }, parameterValue: { value: now.toISOString() } }],
    } : {}),
  };
}

/** One query job: started by the first read, cancelled on the server by `cancel()` or an early `close()`. */
class BigQueryQuery implements Source {
  private job: JobRef | undefined;
  private finished = false;
  private stopped = false;
  private stop: (error: Error) => void = () => undefined;
  /** Rejects when cancelled, so a read waiting on BigQuery fails at once rather than when its request returns. */
  private readonly cancelled = new Promise<never>((_, reject) => {
    this.stop = reject;
  });

  private readonly client: BigQuery;
  private readonly request: Record<string, unknown>;

  constructor(client: BigQuery, request: Record<string, unknown>) {
    this.client = client;
    this.request = request;
    this.cancelled.catch(() => undefined);
  }

  async *chunks(size: number): AsyncGenerator<RowChunk> {
    let response = await this.call<QueryResponse>({ method: 'POST', uri: '/queries', json: { ...this.request, maxResults: size } });
    let pause = 100;
    for (;;) {
      if (response.jobComplete === true) {
        const fields = response.schema?.fields ?? [];
        const columns = fields.map((f) => f.name);
        const rows = (response.rows ?? []).map((row) => toRow(fields, row.f));
        // Dropped before waiting on the consumer: only the converted page stays in memory.
        response.rows = [];
        if (rows.length > 0 || response.pageToken === undefined) yield { columns, rows };
        if (response.pageToken === undefined) {
          this.finished = true;
          return;
        }
      } else {
        await Promise.race([sleep(pause), this.cancelled]);
        pause = Math.min(pause * 2, MAX_POLL_PAUSE_MS);
      }
      const job = this.job;
      if (job === undefined) throw new Error('BigQuery did not return the query job to read its result from');
      response = await this.call<QueryResponse>({
        uri: `/queries/${encodeURIComponent(job.jobId)}`,
        projectId: job.projectId,
        qs: {
          maxResults: size,
          timeoutMs: QUERY_WAIT_MS,
          'formatOptions.useInt64Timestamp': true,
          ...(job.location === undefined ? {} : { location: job.location }),
          ...(response.jobComplete === true && response.pageToken !== undefined ? { pageToken: response.pageToken } : {}),
        },
      });
    }
  }

  cancel(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stop(new Error('the query was cancelled'));
    this.cancelJob();
  }

  close(): void {
    // A result left unread (the ingest gave up early) need not keep running.
    if (!this.stopped && !this.finished) this.cancel();
  }

  /** One API call through the client (its auth, retries and error parsing); remembers the job it names. */
  private async call<T extends QueryResponse>(options: Parameters<BigQuery['request']>[0]): Promise<T> {
    if (this.stopped) throw new Error('the query was cancelled');
    const response = new Promise<T>((resolve, reject) => {
      this.client.request(options, (error: Error | null, body?: unknown) => {
        if (error) reject(new Error(describeError(error)));
        else resolve(body as T);
      });
    }).then((body) => {
      this.remember(body);
      return body;
    });
    return Promise.race([response, this.cancelled]);
  }

  private remember(body: QueryResponse): void {
    const ref = body.jobReference;
    if (this.job !== undefined || ref?.jobId === undefined) return;
    this.job = { projectId: ref.projectId ?? '', jobId: ref.jobId, location: ref.location };
    // Cancelled while jobs.query was under way: the job is known only now.
    if (this.stopped && body.jobComplete !== true) this.cancelJob();
  }

  /** jobs.cancel, sent and not waited on: the read has failed already, the server stops the query when it can. */
  private cancelJob(): void {
    const job = this.job;
    if (job === undefined || this.finished) return;
    this.client.request({
      method: 'POST',
      uri: `/jobs/${encodeURIComponent(job.jobId)}/cancel`,
      projectId: job.projectId,
      ...(job.location === undefined ? {} : { qs: { location: job.location } }),
    }, () => undefined);
  }
}

/**
 * BigQuery's own message (`Syntax error: ... at [1:10]`), or the client's for a failed connection or token request;
 * redacted, as a token endpoint's or proxy's URL may carry credentials.
 */
function describeError(error: Error): string {
  return redact(error.message.trim() === '' ? String(error) : error.message.trim());
}

/** A row of BigQuery's wire format (`{f: [{v}]}`, every scalar a string) as JavaScript values. */
function toRow(fields: readonly SchemaField[], cells: readonly Cell[]): RawRow {
  const row: RawRow = {};
  fields.forEach((field, i) => {
    row[field.name] = toField(field, cells[i]?.v ?? null);
  });
  return row;
}

function toField(field: SchemaField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.mode === 'REPEATED' && Array.isArray(value)) return value.map((cell) => toValue(field, (cell as Cell).v));
  return toValue(field, value);
}

function toValue(field: SchemaField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if ((field.type === 'RECORD' || field.type === 'STRUCT') && typeof value === 'object') {
    return toRow(field.fields ?? [], (value as { f: Cell[] }).f);
  }
  if (typeof value !== 'string') return value;
  switch (field.type) {
    case 'FLOAT':
    case 'FLOAT64':
    case 'NUMERIC':
    case 'BIGNUMERIC':
      // 'NaN' and 'Infinity' arrive as such and stay so, for the validator to report.
      return Number(value);
    case 'INTEGER':
    case 'INT64':
      return Number.isSafeInteger(Number(value)) ? Number(value) : BigInt(value);
    case 'BOOLEAN':
    case 'BOOL':
      return value === 'true';
    case 'TIMESTAMP':
      return toInstant(value);
    case 'DATETIME':
      // A civil time with no zone: read as UTC, as the store keeps every timestamp.
      return new Date(`${value.replace(' ', 'T')}Z`);
    case 'DATE':
      return new Date(`${value}T00:00:00Z`);
    default:
      return value;
  }
}

/** A TIMESTAMP in any of BigQuery's wire forms: epoch microseconds (asked for), float seconds, or ISO 8601. */
function toInstant(value: string): Date {
  if (/^-?\d+$/.test(value)) return new Date(Number(BigInt(value) / 1000n));
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value)) return new Date(Math.round(Number(value) * 1000));
  return new Date(value);
}
