import path from 'node:path';
import { DuckDb, quoteIdentifier } from './duckdb.ts';
import { MetricsTable } from './metrics-table.ts';
import { hasKeyConstraint, isMetricsTable, KEY_COLUMNS } from './metrics-schema.ts';
import { SILENCES_TABLE } from './own-tables.ts';

/** Rows one source added to each table of the target. */
export type MergeCounts = Record<string, number>;

/**
 * Copies into the target database every row of every table of the source database that the target does not
 * have yet: overlapping runs, or fan-out legs, each wrote rows the other lacks. A table the target lacks is
 * created. Long metrics tables keep the target's row when both have one for the same key, as a re-ingest would:
 * the first value stored wins.
 */
export async function mergeDatabase(targetPath: string, sourcePath: string): Promise<MergeCounts> {
  const db = await DuckDb.open(targetPath);
  try {
    // ATTACH takes a string literal, not a bound parameter; the path is the action's own file.
    await db.run(`ATTACH '${sourcePath.replaceAll("'", "''")}' AS merge_source (READ_ONLY)`);
    try {
      const tables = await db.all(
        `SELECT schema_name, table_name, sql FROM duckdb_tables() WHERE database_name = 'merge_source' ORDER BY schema_name, table_name`,
      );
      const counts: MergeCounts = {};
      await db.transaction(async () => {
        for (const row of tables) {
          const schema = String(row['schema_name']);
          const table = String(row['table_name']);
          const name = schema === 'main' ? table : `${schema}.${table}`;
          counts[name] = await mergeTable(db, { schema, table, name, sql: String(row['sql']) });
        }
      });
      return counts;
    } finally {
      await db.run('DETACH merge_source');
    }
  } finally {
    db.close();
  }
}

interface SourceTable {
  schema: string;
  table: string;
  /** `table`, or `schema.table` outside `main`: how the target names it. */
  name: string;
  /** The source's CREATE statement. */
  sql: string;
}

/** Copies the rows of one source table that the target lacks; returns how many. */
async function mergeTable(db: DuckDb, source: SourceTable): Promise<number> {
  const from = `merge_source.${quoteIdentifier(source.schema)}.${quoteIdentifier(source.table)}`;
  const target = quoteIdentifier(source.name);
  if (await isMetricsTable(db, source.schema, source.table, 'merge_source')) {
    // Made (or migrated) as the jobs make it, without a key constraint: rows whose key the target has are skipped.
    await new MetricsTable(db, source.name).ensure();
    const key = KEY_COLUMNS.join(', ');
    return db.run(
      `INSERT INTO ${target} SELECT DISTINCT ON (${key}) * FROM ${from} s ANTI JOIN ${target} t USING (${key}) ORDER BY ${key}`,
    );
  }
  if (source.schema !== 'main') await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(source.schema)}`);
  const [exists] = await db.all(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $schema AND table_name = $table`,
    { schema: source.schema, table: source.table },
  );
  // The source's own definition, so a key constraint that makes inserts idempotent comes along.
  if (Number(exists?.['n'] ?? 0) === 0) await db.run(source.sql);
  const insert = (await hasKeyConstraint(db, source.schema, source.table)) ? 'INSERT OR IGNORE' : 'INSERT';
  const added = await db.run(`${insert} INTO ${target} SELECT * FROM ${from} EXCEPT SELECT * FROM ${target}`);
  // A silence both hold, expired in the source only: the insert ignored that row (its id is taken), so the expiry
  // is carried over here, or an `expire` made in one run would be undone by the merge.
  if (source.schema === 'main' && source.table === SILENCES_TABLE) {
    return added + (await db.run(
      `UPDATE ${target} AS t SET expired_at = s.expired_at FROM ${from} AS s
       WHERE t.id = s.id AND t.metric_batch = s.metric_batch AND t.created_at = s.created_at AND t.expired_at IS NULL AND s.expired_at IS NOT NULL`,
    ));
  }
  return added;
}

export interface MergedState {
  source: string;
  rows: number;
}

/** Merges each DuckDB file into the file of the same name in `stateDir`. */
export async function mergeDatabases(files: readonly string[], stateDir: string): Promise<MergedState[]> {
  const merged: MergedState[] = [];
  for (const file of files) {
    const counts = await mergeDatabase(path.join(stateDir, path.basename(file)), file);
    merged.push({ source: file, rows: Object.values(counts).reduce((sum, n) => sum + n, 0) });
  }
  return merged;
}
