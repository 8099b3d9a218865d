import type { RawRow, RowChunk } from '../sources/index.ts';
import type { RowColumns } from '../store/row-columns.ts';

const REQUIRED_COLUMNS = ['metric_timestamp', 'metric_name', 'metric_value'] as const;
/**
 * The longest metric name a row may have, in characters. Files derived from names (models, change state, plots) are
 * bounded whatever the name, but a longer name is more likely a mistake (a value in the name column) than a metric.
 */
export const MAX_METRIC_NAME_LENGTH = 200;
/** How many bad rows an error lists before it summarises the rest. */
export const LISTED_ROWS = 10;

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

/** Bad rows of a result: the first few, to list, and how many in all (a result may have millions). */
export interface RowReport {
  readonly listed: readonly InvalidRow[];
  readonly count: number;
}

/** "3 of 120 rows <what>: row 4: ...; row 9: ...; and 1 more" */
export function describeRows(report: RowReport, total: number, what: string): string {
  const listed = report.listed.map((r) => `row ${r.row}: ${r.reason}`);
  const more = report.count > report.listed.length ? `; and ${report.count - report.listed.length} more` : '';
  return `${report.count} of ${total} rows ${what}: ${listed.join('; ')}${more}`;
}

/** A RowReport filled row by row. */
class InvalidRows implements RowReport {
  readonly listed: InvalidRow[] = [];
  count = 0;

  add(row: number, reason: string): void {
    this.count++;
    if (this.listed.length < LISTED_ROWS) this.listed.push({ row, reason });
  }
}

/**
 * Checks a source's rows chunk by chunk: a parseable timestamp, a non-empty name, a finite value. Valid rows go
 * into `rows` (column by column, as the batch's metric rows) with their row numbers in `rowNumbers`; the caller
 * stages and clears both as they fill. Repeated keys are left to the staging table (see stagedKeys).
 */
export class RowValidator {
  readonly rows: RowColumns;
  readonly rowNumbers: number[] = [];
  readonly invalid = new InvalidRows();
  /** Rows checked so far, valid or not: the last row's number. */
  total = 0;
  valid = 0;
  private readonly batch: string;
  // Rows mostly come name by name: the previous row's series saves a map lookup.
  private previousName: string | undefined;
  private previousSeries = -1;
  /** Series by name: cheaper than RowColumns.seriesId's key of batch, name and type when names interleave. */
  private readonly seriesOf = new Map<string, number>();

  /** Rows timestamped after this (epoch ms) are invalid, and `latestReason` says why. */
  private readonly latestMs: number;
  private readonly latestReason: string;

  constructor(batch: string, rows: RowColumns, latest: { ms: number; reason: string } = { ms: Infinity, reason: '' }) {
    this.batch = batch;
    this.rows = rows;
    this.latestMs = latest.ms;
    this.latestReason = latest.reason;
  }

  check(chunk: RowChunk): void {
    if (this.total === 0) checkColumns(chunk.columns);
    // An ingest function may return null for a row: checked as a row without values.
    for (const row of chunk.rows) this.checkRow(row ?? {}, ++this.total);
  }

  private checkRow(row: RawRow, number: number): void {
    const timestamp = toTimestamp(row['metric_timestamp']);
    const name = typeof row['metric_name'] === 'string' ? row['metric_name'].trim() : '';
    const value = toNumber(row['metric_value']);
    if (timestamp === null) return this.invalid.add(number, timestampProblem(row['metric_timestamp']));
    if (name === '') return this.invalid.add(number, `metric_name ${show(row['metric_name'])} is empty or not text`);
    if (name.length > MAX_METRIC_NAME_LENGTH) {
      return this.invalid.add(number, `metric_name ${show(`${name.slice(0, 40)}…`)} is ${name.length} characters long, more than the ${MAX_METRIC_NAME_LENGTH} allowed`);
    }
    if (timestamp.getTime() > this.latestMs) return this.invalid.add(number, `metric_timestamp ${timestamp.toISOString()} ${this.latestReason}`);
    if (value === null) return this.invalid.add(number, `metric_value ${show(row['metric_value'])} is not a finite number`);
    if (name !== this.previousName) {
      let series = this.seriesOf.get(name);
      if (series === undefined) this.seriesOf.set(name, (series = this.rows.seriesId(this.batch, name, 'metric')));
      this.previousSeries = series;
      this.previousName = name;
    }
    const metadata = toMetadata(row['metadata']);
    this.rows.add(this.previousSeries, timestamp.getTime(), value, metadata ? JSON.stringify(metadata) : null);
    this.rowNumbers.push(number);
    this.valid++;
  }
}

/** A result without one of the required columns is refused before any row is checked. */
function checkColumns(columns: readonly string[]): void {
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new IngestError(`ingest result is missing column(s) ${missing.join(', ')} (got ${columns.join(', ')})`);
  }
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

/**
 * Why a metric_timestamp was refused. An epoch number (SQLite's `strftime('%s')`, a Unix time column) is refused
 * too, since seconds and milliseconds cannot be told apart, but the message says how to return a timestamp instead.
 */
function timestampProblem(value: unknown): string {
  const epoch = typeof value === 'bigint'
    || (typeof value === 'number' && Number.isFinite(value))
    || (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value));
  if (!epoch) return `metric_timestamp ${show(value)} is not a timestamp`;
  return `metric_timestamp ${show(value)} is a number, not a timestamp: return a timestamp or an ISO string`
    + " (SQLite: datetime(ts, 'unixepoch'))";
}

function show(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}
