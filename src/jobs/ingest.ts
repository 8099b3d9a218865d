import { openSource, type RawRow } from '../sources/index.ts';
import type { MetricRow } from '../store/metrics-table.ts';
import type { Batch } from '../config/load.ts';
import type { JobContext, JobResult, Reporter } from './context.ts';

const REQUIRED_COLUMNS = ['metric_timestamp', 'metric_name', 'metric_value'] as const;
/** How many bad rows an error lists before it summarises the rest. */
const LISTED_ROWS = 10;

export interface InvalidRow {
  /** 1-based position in what the source returned. */
  row: number;
  reason: string;
}

export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

/**
 * Runs the batch's SQL or function and validates what it returns. Invalid rows fail the batch (or, with
 * `ingest_invalid_rows: skip`, are reported and left out). Shared by the ingest job and the backtest.
 */
export async function fetchIngestRows(batch: Batch, now: Date, reporter: Reporter): Promise<MetricRow[]> {
  const source = await openSource(batch, now);
  let raw: RawRow[];
  try {
    raw = await source.fetch();
  } catch (error) {
    const origin = batch.ingest.kind === 'sql' ? batch.ingest.origin : batch.ingest.file;
    throw new IngestError(`${origin}: ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    source.close();
  }
  const { rows, invalid, duplicates } = validateRows(raw, batch.name);
  if (invalid.length > 0) {
    const report = describeInvalid(invalid, raw.length, 'are invalid');
    if (batch.config.ingest_invalid_rows === 'fail' || rows.length === 0) {
      throw new IngestError(`${report}; nothing was written (set ingest_invalid_rows: skip to keep the valid rows)`);
    }
    reporter.warn(`${batch.name}: ${report}; skipped them`);
  }
  if (duplicates.length > 0) {
    const report = describeInvalid(duplicates, raw.length, 'repeat an earlier timestamp with another value');
    if (batch.config.ingest_duplicate_rows === 'fail') {
      throw new IngestError(`${report}; nothing was written (set ingest_duplicate_rows: first to keep the first value)`);
    }
    reporter.warn(`${batch.name}: ${report}; kept the first value of each`);
  }
  return rows;
}

/** Appends the batch's rows to the long table; nothing is written unless all of them are valid (or `skip`). */
export async function ingest(ctx: JobContext): Promise<JobResult> {
  const rows = await fetchIngestRows(ctx.batch, ctx.now, ctx.reporter);
  const inserted = await ctx.store.db.transaction(() => ctx.store.insert(rows));
  const metrics = new Set(rows.map((r) => r.metric_name)).size;
  return {
    counts: { metrics, ingested: inserted },
    message: `${rows.length} rows for ${metrics} metrics, ${inserted} new`,
  };
}

/**
 * Checks every row: a parseable timestamp, a non-empty name, a finite value. A second row for the same
 * (timestamp, name) is a duplicate: dropped without a word when its value is the same, reported when it differs.
 */
export function validateRows(
  raw: readonly RawRow[],
  batch: string,
): { rows: MetricRow[]; invalid: InvalidRow[]; duplicates: InvalidRow[] } {
  if (raw.length === 0) {
    throw new IngestError('ingest returned no rows (expected columns metric_timestamp, metric_name, metric_value)');
  }
  const columns = new Set<string>();
  for (const row of raw) for (const column of Object.keys(row)) columns.add(column);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new IngestError(`ingest result is missing column(s) ${missing.join(', ')} (got ${[...columns].join(', ')})`);
  }
  const rows: MetricRow[] = [];
  const invalid: InvalidRow[] = [];
  const duplicates: InvalidRow[] = [];
  // Values seen so far by name, then by time: number keys under each name cost far less than a string per row.
  const seen = new Map<string, Map<number, number>>();
  raw.forEach((row, index) => {
    const timestamp = toTimestamp(row['metric_timestamp']);
    const name = typeof row['metric_name'] === 'string' ? row['metric_name'].trim() : '';
    const value = toNumber(row['metric_value']);
    const reason =
      timestamp === null ? `metric_timestamp ${show(row['metric_timestamp'])} is not a timestamp`
      : name === '' ? `metric_name ${show(row['metric_name'])} is empty or not text`
      : value === null ? `metric_value ${show(row['metric_value'])} is not a finite number`
      : null;
    if (reason !== null || timestamp === null || value === null) {
      invalid.push({ row: index + 1, reason: reason ?? 'invalid' });
      return;
    }
    const ms = timestamp.getTime();
    let seenOfName = seen.get(name);
    if (!seenOfName) seen.set(name, (seenOfName = new Map()));
    const earlier = seenOfName.get(ms);
    if (earlier !== undefined) {
      if (earlier !== value) {
        duplicates.push({ row: index + 1, reason: `${name} at ${timestamp.toISOString()} again, with ${value} instead of ${earlier}` });
      }
      return;
    }
    seenOfName.set(ms, value);
    rows.push({
      metric_timestamp: timestamp,
      metric_batch: batch,
      metric_name: name,
      metric_type: 'metric',
      metric_value: value,
      metadata: toMetadata(row['metadata']),
    });
  });
  return { rows, invalid, duplicates };
}

function describeInvalid(invalid: readonly InvalidRow[], total: number, what: string): string {
  const listed = invalid.slice(0, LISTED_ROWS).map((r) => `row ${r.row}: ${r.reason}`);
  const more = invalid.length > LISTED_ROWS ? `; and ${invalid.length - LISTED_ROWS} more` : '';
  return `${invalid.length} of ${total} rows ${what}: ${listed.join('; ')}${more}`;
}

/** Dates, ISO strings and `YYYY-MM-DD HH:MM:SS` (read as UTC, as Anomstack stores naive timestamps). */
export function toTimestamp(value: unknown): Date | null {
  let date: Date | null = null;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    const hasZone = /(Z|[+-]\d\d(:?\d\d)?)$/.test(text) && /\d[T ]\d/.test(text);
    date = new Date(hasZone ? text : `${text.replace(' ', 'T')}${/\d[T ]\d/.test(text) ? 'Z' : 'T00:00:00Z'}`);
  }
  return date && Number.isFinite(date.getTime()) ? date : null;
}

function toNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value
    : typeof value === 'bigint' ? Number(value)
    : typeof value === 'string' && value.trim() !== '' ? Number(value)
    : NaN;
  return Number.isFinite(n) ? n : null;
}

function toMetadata(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) return value as Record<string, unknown>;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Not JSON: keep the text itself.
    }
    return { value };
  }
  return { value };
}

function show(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}
