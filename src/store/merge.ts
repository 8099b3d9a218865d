import { DuckDb, quoteIdentifier } from './duckdb.ts';

/** Rows one source added to each table of the target. */
export type MergeCounts = Record<string, number>;

/**
 * Copies into the target database every row of every table of the source database that the target does not
 * have yet: overlapping runs, or fan-out legs, each wrote rows the other lacks. A table the target lacks is
 * created. Tables with a primary key (the long metrics table) keep the target's row when both have one for
 * the same key, as a re-ingest would: the first value stored wins.
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
          const target = quoteIdentifier(name);
          const source = `merge_source.${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
          if (schema !== 'main') await db.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
          const [exists] = await db.all(
            `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $schema AND table_name = $table`,
            { schema, table },
          );
          // The source's own definition, so the primary key that makes inserts idempotent comes along.
          if (Number(exists?.['n'] ?? 0) === 0) await db.run(String(row['sql']));
          const [keyed] = await db.all(
            `SELECT count(*)::INTEGER AS n FROM duckdb_constraints() WHERE database_name = current_database()
               AND schema_name = $schema AND table_name = $table AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')`,
            { schema, table },
          );
          const insert = Number(keyed?.['n'] ?? 0) > 0 ? 'INSERT OR IGNORE' : 'INSERT';
          counts[name] = await db.run(`${insert} INTO ${target} SELECT * FROM ${source} EXCEPT SELECT * FROM ${target}`);
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
