import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** A DuckDB database (a file, or `:memory:`) with one connection, the way every module here talks to DuckDB. */
export class DuckDb {
  readonly path: string;
  readonly connection: DuckDBConnection;
  private readonly instance: DuckDBInstance;
  /** Whether a `transaction` is open: one nested inside it joins it rather than failing to BEGIN again. */
  private inTransaction = false;

  private constructor(dbPath: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.path = dbPath;
    this.instance = instance;
    this.connection = connection;
  }

  static async open(dbPath: string): Promise<DuckDb> {
    if (dbPath !== ':memory:') await mkdir(path.dirname(path.resolve(dbPath)), { recursive: true });
    const instance = await DuckDBInstance.create(dbPath);
    const connection = await instance.connect();
    // Timestamps are stored and compared in UTC whatever the runner's local zone is.
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckDb(dbPath, instance, connection);
  }

  async run(sql: string, params?: Params): Promise<number> {
    const result = await this.connection.run(sql, params);
    return result.rowsChanged;
  }

  async all(sql: string, params?: Params): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Row[];
  }

  /**
   * Runs `work` in one transaction: either everything it wrote is kept, or nothing is. Called while one is
   * open (a table's first use, migrating it, inside a job's transaction), `work` becomes part of the open one.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    await this.connection.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Quotes a validated `name` or `schema.name` identifier; identifiers cannot be bound as parameters. */
export function quoteIdentifier(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}
