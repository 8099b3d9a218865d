import { setTimeout as sleep } from 'node:timers/promises';
import { parseDuration } from '../config/duration.ts';
import { display, type Batch } from '../config/load.ts';
import { Deadline } from '../runtime/deadline.ts';
import { openSource, type RowChunk, type Source } from '../sources/index.ts';
import { DuckDb } from '../store/duckdb.ts';
import type { MetricRow } from '../store/metrics-table.ts';
import { appendStaged, createNumberedStaging, dropStaging, RowColumns } from '../store/row-columns.ts';
import { firstStagedRows, stagedKeys } from '../store/staged-keys.ts';
import type { JobContext, JobResult, Reporter } from './context.ts';
import { describeRows, IngestError, LISTED_ROWS, RowValidator } from './ingest-rows.ts';

export { IngestError, toTimestamp, type InvalidRow } from './ingest-rows.ts';

/**
 * Rows read, validated and staged at a time: the job's memory is bounded by a chunk, not by the result (which
 * held 1.3 GB of JavaScript heap for 2.5 M rows when read whole).
 */
const CHUNK_ROWS = 16_384;

/** How long a source stopped at its time limit has to let go before the job moves on without closing it. */
const CANCEL_GRACE_MS = 5_000;

export interface IngestOptions {
  /** Rows a chunk (see CHUNK_ROWS); tests make chunks small to cross their boundaries. */
  chunkRows?: number;
  /** Where the source's secrets are read (the ingest job: the run's environment); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** What `stageIngest` left in the staging table. */
interface Staged {
  /** The staged rows' series and time range (the rows themselves are staged and cleared). */
  series: RowColumns;
  /** Distinct (name, timestamp) keys among them. */
  keys: number;
  /** Whether no key was staged twice. */
  unique: boolean;
}

/**
 * Appends the batch's rows to the long table; nothing is written unless all of them are valid (or `skip`).
 * The rows are staged before the transaction that inserts them: they are all checked before anything is written,
 * and staged inside it they were held as the transaction's own changes (peak RSS 1.1-1.3 GB against 500-620 MB for
 * 2.5 M rows). The insert is one statement, so it writes all the new rows or none.
 */
export async function ingest(ctx: JobContext, options: IngestOptions = {}): Promise<JobResult> {
  const { store } = ctx;
  let staged: Staged;
  let inserted: number;
  try {
    staged = await stageIngest(store.db, ctx.batch, ctx.now, ctx.reporter, { ...(ctx.env ? { env: ctx.env } : {}), ...options });
    // Outside the transaction, so that a failed insert cannot roll back a table the store thinks it has made.
    await store.ensure();
    inserted = await store.db.transaction(() => store.insertStaged(staged.series, staged.unique));
  } finally {
    // The insert drops it; an error before leaves it.
    await dropStaging(store.db);
  }
  const metrics = staged.series.names.length;
  return {
    counts: { metrics, ingested: inserted },
    message: `${staged.keys} rows for ${metrics} metrics, ${inserted} new`,
  };
}

/**
 * The batch's validated rows in memory, for the backtest: the first row of each (name, timestamp), in the
 * source's order, with the same errors and warnings as the ingest job. Staged in a throwaway database.
 */
export async function fetchIngestRows(batch: Batch, now: Date, reporter: Reporter, options: IngestOptions = {}): Promise<MetricRow[]> {
  const db = await DuckDb.open(':memory:');
  try {
    const { series } = await stageIngest(db, batch, now, reporter, options);
    return (await firstStagedRows(db)).map((row) => ({
      metric_timestamp: new Date(row.ms),
      metric_batch: batch.name,
      metric_name: series.names[row.series] ?? '',
      metric_type: 'metric',
      metric_value: row.value,
      metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
    }));
  } finally {
    db.close();
  }
}

/**
 * Runs the batch's SQL or function and validates what it returns chunk by chunk into `db`'s staging table,
 * each row with its row number. Invalid rows fail the batch (or, with `ingest_invalid_rows: skip`, are reported
 * and left out); so does a repeated (name, timestamp) with another value under `ingest_duplicate_rows: fail`.
 * The staging table is left for the insert (which drops it); on an error, for the caller to drop.
 */
async function stageIngest(db: DuckDb, batch: Batch, now: Date, reporter: Reporter, options: IngestOptions): Promise<Staged> {
  try {
    return await validateAndStage(db, batch, now, reporter, options);
  } catch (error) {
    // Every ingest error names the query file or function it is about.
    const origin = ingestOrigin(batch);
    if (error instanceof IngestError && !error.message.startsWith(`${origin}:`)) throw new IngestError(`${origin}: ${error.message}`);
    throw error;
  }
}

async function validateAndStage(db: DuckDb, batch: Batch, now: Date, reporter: Reporter, options: IngestOptions): Promise<Staged> {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const series = new RowColumns();
  const validator = new RowValidator(batch.name, series, latestTimestamp(batch, now));
  const failOnInvalid = batch.config.ingest_invalid_rows === 'fail';
  const flush = async (): Promise<void> => {
    // Under `fail` one invalid row means nothing is written: the rest is only checked, to report it whole.
    if (series.length > 0 && !(failOnInvalid && validator.invalid.count > 0)) await appendStaged(db, series, validator.rowNumbers);
    series.clearRows();
    validator.rowNumbers.length = 0;
  };
  await createNumberedStaging(db);
  for await (const chunk of readSource(batch, now, chunkRows, options.env ?? process.env)) {
    validator.check(chunk);
    if (series.length >= chunkRows) await flush();
  }
  await flush();
  const { total, invalid } = validator;
  if (total === 0) {
    throw new IngestError('ingest returned no rows (expected columns metric_timestamp, metric_name, metric_value)');
  }
  if (invalid.count > 0) {
    const report = describeRows(invalid, total, 'are invalid');
    if (failOnInvalid || validator.valid === 0) {
      throw new IngestError(`${report}; nothing was written (set ingest_invalid_rows: skip to keep the valid rows)`);
    }
    reporter.warn(`${batch.name}: ${report}; skipped them`);
  }
  // Rows in rising time per metric cannot repeat a key: no need to look for repeats.
  const keys = series.distinct ? { keys: validator.valid, unique: true, conflicts: 0, listed: [] } : await stagedKeys(db, LISTED_ROWS);
  if (keys.conflicts > 0) {
    const listed = keys.listed.map((r) => ({
      row: r.row,
      reason: `${series.names[r.series] ?? ''} at ${new Date(r.ms).toISOString()} again, with ${r.value} instead of ${r.first}`,
    }));
    const report = describeRows({ listed, count: keys.conflicts }, total, 'repeat an earlier timestamp with another value');
    if (batch.config.ingest_duplicate_rows === 'fail') {
      throw new IngestError(`${report}; nothing was written (set ingest_duplicate_rows: first to keep the first value)`);
    }
    reporter.warn(`${batch.name}: ${report}; kept the first value of each`);
  }
  return { series, keys: keys.keys, unique: keys.unique };
}

/** Where a batch's rows come from, for messages: its query file (or the YAML key holding the SQL), or its function's file. */
function ingestOrigin(batch: Batch): string {
  return batch.ingest.kind === 'function' ? display(batch.ingest.file) : batch.ingest.origin;
}

/** The newest timestamp a row may have: `ingest_max_future` after the run's clock. */
export function latestTimestamp(batch: Batch, now: Date): { ms: number; reason: string } {
  const allowed = batch.config.ingest_max_future;
  const ms = now.getTime() + (parseDuration(allowed) ?? 0);
  return { ms, reason: `is more than ingest_max_future (${allowed}) after the run's clock ${now.toISOString()}` };
}

/**
 * The source's chunks, skipping empty ones; its errors become IngestErrors naming the query file or function. The
 * whole read has `ingest_timeout_s`: past it the query is interrupted (the function's worker terminated) and the
 * batch fails, so a source that hangs or spins costs the run that long and no more.
 */
async function* readSource(batch: Batch, now: Date, chunkRows: number, env: NodeJS.ProcessEnv): AsyncGenerator<RowChunk> {
  const origin = ingestOrigin(batch);
  const limitS = batch.config.ingest_timeout_s;
  let source: Source | undefined;
  const deadline = new Deadline(limitS * 1000, () => source?.cancel());
  const failed = (error: unknown): IngestError => deadline.expired
    ? new IngestError(`${origin}: ingest did not finish within ingest_timeout_s (${limitS} s) and was stopped; nothing was written`)
    // A query's error is the database's own message, after the database's name (`query.sql: postgres: ...`).
    : new IngestError(`${origin}: ${batch.ingest.kind === 'sql' ? batch.config.db : 'ingest failed'}: ${error instanceof Error ? error.message : String(error)}`);
  try {
    source = await deadline.race(openSource(batch, now, env));
  } catch (error) {
    deadline.clear();
    throw failed(error);
  }
  const chunks = source.chunks(chunkRows)[Symbol.asyncIterator]();
  let pending: Promise<unknown> = Promise.resolve();
  try {
    for (;;) {
      let next: IteratorResult<RowChunk>;
      try {
        const read = chunks.next();
        pending = read.catch(() => undefined);
        next = await deadline.race(read);
      } catch (error) {
        throw failed(error);
      }
      if (next.done === true) return;
      if (next.value.rows.length > 0) yield next.value;
    }
  } finally {
    deadline.clear();
    if (deadline.expired) {
      // The stopped read settles a moment after the deadline; closing the database under it would hang. A source
      // that does not stop within the grace period is left to the process's end rather than waited on.
      const grace = new AbortController();
      const settled = await Promise.race([pending.then(() => true), sleep(CANCEL_GRACE_MS, false, { signal: grace.signal }).catch(() => false)]);
      grace.abort();
      if (settled) source.close();
    } else {
      // Stops a query still streaming (when validation gave up early) before its database closes.
      await chunks.return?.();
      source.close();
    }
  }
}
