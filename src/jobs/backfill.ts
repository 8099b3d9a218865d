import { openArtifactStore } from '../artifacts/index.ts';
import { parseDuration } from '../config/duration.ts';
import { ConfigError } from '../config/issues.ts';
import type { Layer } from '../config/layers.ts';
import { loadBatches, type Batch } from '../config/load.ts';
import { sqlTimestamp } from '../config/template.ts';
import { DuckDb } from '../store/duckdb.ts';
import { MetricsTable } from '../store/metrics-table.ts';
import type { JobContext, Reporter } from './context.ts';
import { ingest, IngestError, latestTimestamp } from './ingest.ts';
import { UsageError } from './run.ts';

/** More slices than this is a slice far too short for the window (a year in 1m slices): refused before any query. */
export const MAX_SLICES = 10_000;

/** The ingest job's message for a result without rows: for a backfill slice, a gap in the history, not a failure. */
const NO_ROWS = 'ingest returned no rows';

export interface BackfillOptions {
  metricsDir: string;
  /** Batch names; all when empty. A named batch that cannot be backfilled is an error, an unnamed one is skipped. */
  batches?: readonly string[];
  /** The window [from, to). */
  from: Date;
  to: Date;
  /** The run's clock: rows after it plus `ingest_max_future` are invalid, as in every ingest. */
  now?: Date;
  env?: NodeJS.ProcessEnv;
  /** Caller defaults under every config file (see `LoadOptions.defaults`). */
  defaults?: Layer;
  reporter: Reporter;
  /** How long to wait for a database another run holds (see RunOptions.waitMs). */
  waitMs?: number;
}

export interface BatchBackfill {
  batch: string;
  /** `skipped`: its SQL does not use the window (only when the batch was not named). */
  status: 'ok' | 'skipped';
  slices: number;
  /** Valid rows the slices returned, and how many of them were new to the store. */
  rows: number;
  inserted: number;
  /** Why it was skipped. */
  reason?: string;
}

/**
 * Ingests [from, to) slice by slice (`backfill_slice` each) for batches whose SQL uses `{{ from }}` / `{{ to }}`: the
 * SQL is rendered per slice with the slice's bounds, and each slice goes through the ingest job itself (its row
 * checks, `ingest_max_future`, its store, which leaves out rows whose key is stored: a second backfill adds nothing).
 * Every batch is checked before any is ingested, so a refused one leaves nothing half done.
 */
export async function backfill(options: BackfillOptions): Promise<BatchBackfill[]> {
  const { from, to, reporter } = options;
  checkWindow(from, to);
  const now = options.now ?? new Date();
  const named = options.batches ?? [];
  const loaded = await loadBatches(options.metricsDir, loadOptions(options, named, null));
  const unknown = named.filter((name) => !loaded.batches.some((b) => b.name === name) && !loaded.failures.some((f) => f.name === name));
  if (unknown.length > 0) throw new UsageError(`no batch named ${unknown.join(', ')} in ${options.metricsDir}`);
  if (loaded.failures.length > 0) throw new ConfigError(loaded.failures.flatMap((f) => f.error.issues));

  const results: BatchBackfill[] = [];
  const plans: { batch: Batch; slices: Window[] }[] = [];
  for (const batch of enabledBatches(loaded.batches, reporter, 'backfill')) {
    const refusal = await windowRefusal(batch, options);
    if (refusal && named.includes(batch.name)) throw new UsageError(refusal);
    if (refusal) {
      reporter.warn(`${refusal}; skipped`);
      results.push({ batch: batch.name, status: 'skipped', slices: 0, rows: 0, inserted: 0, reason: refusal });
      continue;
    }
    plans.push({ batch, slices: slicesOf(batch, from, to) });
  }
  for (const { batch, slices } of plans) results.push(await backfillBatch(batch, slices, now, options));
  return results;
}

/** The batches not switched off by `disable_batch`; those that are, said so. */
export function enabledBatches(batches: readonly Batch[], reporter: Reporter, command: string): Batch[] {
  for (const batch of batches) if (batch.config.disable_batch) reporter.info(`${command} ${batch.name}: disabled (disable_batch), skipped`);
  return batches.filter((b) => !b.config.disable_batch);
}

/** The window's bounds, checked: a usage error names what is wrong with them. */
export function checkWindow(from: Date, to: Date): void {
  if (!Number.isFinite(from.getTime()) || !Number.isFinite(to.getTime())) throw new UsageError('--from and --to must be timestamps');
  if (from.getTime() >= to.getTime()) {
    throw new UsageError(`--from ${from.toISOString()} is not before --to ${to.toISOString()}`);
  }
}

interface Window {
  from: Date;
  to: Date;
}

/** [from, to) in `backfill_slice` steps, the last one cut at `to`. */
function slicesOf(batch: Batch, from: Date, to: Date): Window[] {
  const step = parseDuration(batch.config.backfill_slice) ?? 0;
  if (step <= 0) throw new UsageError(`batch ${batch.name}: backfill_slice ${batch.config.backfill_slice} is not a positive duration`);
  const count = Math.ceil((to.getTime() - from.getTime()) / step);
  if (count > MAX_SLICES) {
    throw new UsageError(`batch ${batch.name}: ${count} slices of backfill_slice ${batch.config.backfill_slice} in the window, more than ${MAX_SLICES}; set a longer backfill_slice`);
  }
  const slices: Window[] = [];
  for (let start = from.getTime(); start < to.getTime(); start += step) {
    slices.push({ from: new Date(start), to: new Date(Math.min(start + step, to.getTime())) });
  }
  return slices;
}

/**
 * Why the batch cannot be backfilled, or null. Its SQL is rendered for two different windows: the same text both
 * times means the query does not use them (directly, through an include or a macro), and every slice would
 * ingest the same rows.
 */
async function windowRefusal(batch: Batch, options: BackfillOptions): Promise<string | null> {
  if (batch.ingest.kind === 'function') {
    return `batch ${batch.name}: its ingest is a JavaScript function, which is not rendered with {{ from }} / {{ to }}; backfill works on SQL (or ingest_fn) that uses them`;
  }
  const probe = async (window: Window): Promise<string> => ingestText(await loadSlice(batch, window, options));
  const first = await probe({ from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2000, 0, 2)) });
  const second = await probe({ from: new Date(Date.UTC(2001, 1, 3, 4, 5, 6)), to: new Date(Date.UTC(2001, 1, 4, 4, 5, 6)) });
  if (first === second) {
    return `batch ${batch.name}: its SQL does not use {{ from }} / {{ to }}; backfill would ingest the same rows for every slice`;
  }
  return null;
}

function ingestText(batch: Batch): string {
  return batch.ingest.kind === 'sql' ? batch.ingest.sql : batch.ingest.kind === 'python' ? batch.ingest.source : batch.ingest.file;
}

/**
 * The batch as loaded for one slice: `from` and `to` come in as caller defaults, so they reach the template as
 * variables the way a batch's custom keys do. They are rendered as text (`2026-01-01 00:00:00` UTC, which the
 * query quotes) rather than bound as parameters like the run's clock, since each source binds parameters in its
 * own way and the template is what every source, and ingest_fn, shares; the text is only ever these generated
 * timestamps.
 */
async function loadSlice(batch: Batch, window: Window, options: BackfillOptions): Promise<Batch> {
  const loaded = await loadBatches(options.metricsDir, loadOptions(options, [batch.name], window));
  const sliced = loaded.batches.find((b) => b.name === batch.name);
  if (!sliced) {
    const failure = loaded.failures.find((f) => f.name === batch.name);
    if (failure) throw failure.error;
    throw new UsageError(`batch ${batch.name}: not found in ${options.metricsDir} any more`);
  }
  return sliced;
}

function loadOptions(options: BackfillOptions, only: readonly string[], window: Window | null): Parameters<typeof loadBatches>[1] {
  const data = { ...(options.defaults?.data ?? {}), ...(window ? { from: sqlTimestamp(window.from), to: sqlTimestamp(window.to) } : {}) };
  return {
    env: options.env ?? process.env,
    only,
    ...(options.defaults || window ? { defaults: { ...options.defaults, source: options.defaults?.source ?? 'backfill window', data } } : {}),
  };
}

/** Ingests the batch's slices in order into its store; a slice that fails stops the batch (the slices before it are kept). */
async function backfillBatch(batch: Batch, slices: readonly Window[], now: Date, options: BackfillOptions): Promise<BatchBackfill> {
  const { reporter } = options;
  const env = options.env ?? process.env;
  const db = await DuckDb.openForJobs(batch.config.duckdb_path, { waitMs: options.waitMs ?? 0 });
  const result: BatchBackfill = { batch: batch.name, status: 'ok', slices: slices.length, rows: 0, inserted: 0 };
  try {
    const store = new MetricsTable(db, batch.config.table_key, { until: new Date(latestTimestamp(batch, now).ms) });
    for (const [i, window] of slices.entries()) {
      reporter.progress(`backfill ${batch.name}`, i, slices.length);
      const ctx: JobContext = {
        batch: await loadSlice(batch, window, options),
        store,
        models: openArtifactStore(batch.config.model_path, env),
        channels: [],
        now,
        reporter,
        env,
      };
      const bounds = `${sqlTimestamp(window.from)} to ${sqlTimestamp(window.to)}`;
      let rows = 0;
      let inserted = 0;
      try {
        const outcome = await ingest(ctx);
        inserted = outcome.counts.ingested ?? 0;
        // The job reports the distinct rows it read only in its message ("48 rows for 2 metrics, 0 new").
        rows = Number(/^(\d+) rows/.exec(outcome.message)?.[1] ?? inserted);
      } catch (error) {
        if (!(error instanceof IngestError && error.message.includes(NO_ROWS))) {
          throw new IngestError(`backfill ${batch.name}, slice ${i + 1}/${slices.length} (${bounds}): ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      result.rows += rows;
      result.inserted += inserted;
      reporter.info(`backfill ${batch.name}: slice ${i + 1}/${slices.length} (${bounds}): ${rows} rows, ${inserted} new`);
    }
    reporter.progress(`backfill ${batch.name}`, slices.length, slices.length);
  } finally {
    db.close();
  }
  return result;
}
