import type { Batch } from '../config/load.ts';

/** A row as a source returns it; the ingest job validates it into a metric row. */
export type RawRow = Record<string, unknown>;

/** A slice of a source's result, in the result's order. */
export interface RowChunk {
  /**
   * Every column of the whole result, the same in each chunk: a query's columns, or the union of the keys of all
   * the rows a function returned. So a missing column is known from the first chunk.
   */
  columns: readonly string[];
  rows: readonly RawRow[];
}

/**
 * Where a batch's metrics come from: a database its SQL runs on, or its ingest function. The result comes a
 * chunk at a time, so the ingest job's memory is bounded by a chunk rather than growing with the result.
 */
export interface Source {
  /** The result in order, in chunks of at most `size` rows (none when it has no rows). */
  chunks(size: number): AsyncIterable<RowChunk>;
  /** Stops the work under way (a query, a function), from outside: its pending chunk then fails. */
  cancel(): void;
  close(): void;
}

/**
 * Opens a batch's source: connects (once for the batch's run; `close` ends it on every path) and prepares its SQL.
 * Secrets come from `env` only. Errors say what failed in the database's own words; the ingest job adds the file.
 */
export type OpenSource = (batch: Batch, now: Date, env: NodeJS.ProcessEnv) => Promise<Source>;
