import type { DuckDb } from './duckdb.ts';
import { STAGING_TABLE } from './own-tables.ts';

/** A staged row whose key (series, time) an earlier row of the source has, with another value. */
export interface ConflictingRow {
  /** The row's number in the source. */
  row: number;
  series: number;
  ms: number;
  value: number;
  /** The value of the key's first row: the one stored. */
  first: number;
}

export interface StagedKeys {
  /** Distinct keys staged: the rows an insert of them writes at most. */
  keys: number;
  /** Whether no key was staged twice: the insert then need not de-duplicate (MetricsTable.insertStaged). */
  unique: boolean;
  /** Rows that repeat an earlier row's key with another value. */
  conflicts: number;
  /** The first `listed` of them, by row number. */
  listed: ConflictingRow[];
}

/** The order in which the rows of one key come: source row order, so the first row of a key wins. */
const BY_KEY = 'PARTITION BY series, ms ORDER BY source_row';

/**
 * The repeated keys of a staging table made by `createNumberedStaging`: a key's later rows with its first value
 * are dropped without a word, those with another value are reported. Done in DuckDB rather than with a map of
 * every row's key in JavaScript, which held hundreds of MB for a few million rows.
 */
export async function stagedKeys(db: DuckDb, listed: number): Promise<StagedKeys> {
  // Counting keys by hashing is cheaper than ranking the rows of each key, which only repeated keys need.
  const [counts] = await db.all(`SELECT count(*) AS staged, count(DISTINCT (series, ms)) AS keys FROM ${STAGING_TABLE}`);
  const keys = Number(counts?.['keys'] ?? 0);
  if (keys === Number(counts?.['staged'] ?? 0)) return { keys, unique: true, conflicts: 0, listed: [] };
  const [row] = await db.all(
    `WITH ranked AS (
       SELECT source_row, series, ms, metric_value, first_value(metric_value) OVER (${BY_KEY}) AS first_value
       FROM ${STAGING_TABLE}
     )
     SELECT count(*) FILTER (WHERE metric_value <> first_value) AS conflicts,
       min_by({ row: source_row, series: series, ms: ms, value: metric_value, first: first_value }, source_row, $listed)
         FILTER (WHERE metric_value <> first_value) AS listed
     FROM ranked`,
    { listed },
  );
  return {
    keys,
    unique: false,
    conflicts: Number(row?.['conflicts'] ?? 0),
    listed: ((row?.['listed'] as Record<string, unknown>[] | null | undefined) ?? []).map((r) => ({
      row: Number(r['row']),
      series: Number(r['series']),
      ms: Number(r['ms']),
      value: Number(r['value']),
      first: Number(r['first']),
    })),
  };
}

/** A staged row as `firstStagedRows` returns it. */
export interface StagedRow {
  series: number;
  ms: number;
  value: number;
  metadata: string | null;
}

/** The first row of each staged key, in source row order: what an insert into an empty table would store. */
export async function firstStagedRows(db: DuckDb): Promise<StagedRow[]> {
  const rows = await db.all(
    `SELECT series, ms, metric_value AS value, metadata FROM ${STAGING_TABLE}
     QUALIFY row_number() OVER (${BY_KEY}) = 1 ORDER BY source_row`,
  );
  return rows.map((r) => ({
    series: Number(r['series']),
    ms: Number(r['ms']),
    value: Number(r['value']),
    metadata: r['metadata'] === null ? null : String(r['metadata']),
  }));
}
