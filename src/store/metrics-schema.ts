import { listValue } from '@duckdb/node-api';
import { quoteIdentifier, type DuckDb } from './duckdb.ts';
import { MIGRATING_SUFFIX } from './own-tables.ts';

/** The columns of a row's key: a table holding them all is a long metrics table (see `isMetricsTable`). */
export const KEY_COLUMNS = ['metric_batch', 'metric_name', 'metric_type', 'metric_timestamp'] as const;

/**
 * The long table's columns. No primary key: DuckDB holds a key's index in memory, so memory grew with every
 * row stored, and checking it cost most of an insert's time. Keys stay unique because `MetricsTable.insert`
 * skips the rows already stored; whoever else writes the table (`mergeDatabase`) does the same.
 */
function columnsSql(): string {
  return `(
      metric_timestamp TIMESTAMP NOT NULL,
      metric_batch VARCHAR NOT NULL,
      metric_name VARCHAR NOT NULL,
      metric_type VARCHAR NOT NULL,
      metric_value DOUBLE,
      metadata VARCHAR
    )`;
}

/** Creates the long table `table` (`name` or `schema.name`) if missing, and migrates one an older version made. */
export async function ensureMetricsTable(db: DuckDb, table: string): Promise<void> {
  const { schema, name } = splitName(table);
  if (schema !== 'main') await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  await db.run(`CREATE TABLE IF NOT EXISTS ${quoteIdentifier(table)} ${columnsSql()}`);
  if (await hasKeyConstraint(db, schema, name)) await dropKeyConstraint(db, table);
}

/**
 * Tables made before the key was dropped have a PRIMARY KEY, and DuckDB cannot drop a constraint: the rows
 * move to a new table that replaces the old one, in one transaction so that a failure leaves the old table
 * as it was. Row order is kept; values, metadata and NULLs are copied as they are.
 */
async function dropKeyConstraint(db: DuckDb, table: string): Promise<void> {
  const { schema, name } = splitName(table);
  const staging = `${name}${MIGRATING_SUFFIX}`;
  const stagingQualified = quoteIdentifier(`${schema}.${staging}`);
  await db.transaction(async () => {
    await db.run(`DROP TABLE IF EXISTS ${stagingQualified}`);
    await db.run(`CREATE TABLE ${stagingQualified} ${columnsSql()}`);
    const columns = ['metric_timestamp', 'metric_batch', 'metric_name', 'metric_type', 'metric_value', 'metadata'].join(', ');
    await db.run(`INSERT INTO ${stagingQualified} (${columns}) SELECT ${columns} FROM ${quoteIdentifier(`${schema}.${name}`)}`);
    await db.run(`DROP TABLE ${quoteIdentifier(`${schema}.${name}`)}`);
    await db.run(`ALTER TABLE ${stagingQualified} RENAME TO ${quoteIdentifier(name)}`);
  });
}

/** Whether `schema.name` in the current database has a PRIMARY KEY or UNIQUE constraint. */
export async function hasKeyConstraint(db: DuckDb, schema: string, name: string, database?: string): Promise<boolean> {
  const [row] = await db.all(
    `SELECT count(*)::INTEGER AS n FROM duckdb_constraints()
     WHERE database_name = coalesce($database::VARCHAR, current_database()) AND schema_name = $schema AND table_name = $name
       AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')`,
    { database: database ?? null, schema, name },
  );
  return Number(row?.['n'] ?? 0) > 0;
}

/** Whether `schema.name` (in `database`, else the current one) has every key column of the long table. */
export async function isMetricsTable(db: DuckDb, schema: string, name: string, database?: string): Promise<boolean> {
  const [row] = await db.all(
    `SELECT count(*)::INTEGER AS n FROM duckdb_columns()
     WHERE database_name = coalesce($database::VARCHAR, current_database()) AND schema_name = $schema AND table_name = $name
       AND column_name IN (SELECT unnest($keys))`,
    { database: database ?? null, schema, name, keys: listValue([...KEY_COLUMNS]) },
  );
  return Number(row?.['n'] ?? 0) === KEY_COLUMNS.length;
}

/** `name` or `schema.name` as its two parts; DuckDB's default schema is `main`. */
export function splitName(table: string): { schema: string; name: string } {
  const dot = table.indexOf('.');
  return dot < 0 ? { schema: 'main', name: table } : { schema: table.slice(0, dot), name: table.slice(dot + 1) };
}
