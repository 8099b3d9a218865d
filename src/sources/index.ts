import type { Batch } from '../config/load.ts';
import type { Db } from '../config/schema.ts';
import { openDuckDbSource } from './duckdb.ts';
import { openFunctionSource } from './ingest-function.ts';
import type { OpenSource, Source } from './source.ts';

/**
 * Each `db`'s source, loaded when a batch uses it: a database's client library (a few MB for some) is not loaded by
 * runs that do not read from it.
 */
const SOURCES: Record<Db, () => Promise<OpenSource>> = {
  duckdb: async () => openDuckDbSource,
  motherduck: async () => (await import('./motherduck.ts')).openMotherDuckSource,
  sqlite: async () => (await import('./sqlite.ts')).openSqliteSource,
  turso: async () => (await import('./turso.ts')).openTursoSource,
  postgres: async () => (await import('./postgres.ts')).openPostgresSource,
  redshift: async () => (await import('./postgres.ts')).openPostgresSource,
  clickhouse: async () => (await import('./clickhouse.ts')).openClickHouseSource,
  bigquery: async () => (await import('./bigquery.ts')).openBigQuerySource,
  snowflake: async () => (await import('./snowflake.ts')).openSnowflakeSource,
};

/** The source for a batch: its ingest function (JavaScript or Python), or its SQL on the database named by `db`. */
export async function openSource(batch: Batch, now: Date, env: NodeJS.ProcessEnv): Promise<Source> {
  if (batch.ingest.kind === 'function') return openFunctionSource(batch, now);
  if (batch.ingest.kind === 'python') return (await import('./python.ts')).openPythonSource(batch, now, env);
  const open = await SOURCES[batch.config.db]();
  return open(batch, now, env);
}

export type { OpenSource, RawRow, RowChunk, Source } from './source.ts';
