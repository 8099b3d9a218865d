import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/**
 * Rows written between checkpoints. DuckDB checkpoints by itself once its WAL passes `checkpoint_threshold`, but
 * large inserts write their rows straight into the file and log little, so a job writing millions of rows was
 * checkpointed only at close, all at once, with a memory peak that grew with the rows written (1,033 MB against
 * 699 MB when checkpointing every 160,000 rows, scoring 1,000 metrics x 2,500 points).
 */
const CHECKPOINT_ROWS = 100_000;

/** A DuckDB database (a file, or `:memory:`) with one connection, the way every module here talks to DuckDB. */
export class DuckDb {
  readonly path: string;
  readonly connection: DuckDBConnection;
  private readonly instance: DuckDBInstance;
  /** Whether a `transaction` is open: one nested inside it joins it rather than failing to BEGIN again. */
  private inTransaction = false;
  /** Rows written since the last checkpoint (see CHECKPOINT_ROWS). */
  private uncheckpointedRows = 0;

  private constructor(dbPath: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.path = dbPath;
    this.instance = instance;
    this.connection = connection;
  }

  /**
   * Opens (creating it if need be) the database. A file another process holds is a DatabaseLockedError, at once or,
   * with `waitMs`, once it has stayed held that long.
   */
  static async open(dbPath: string, options: { waitMs?: number } = {}): Promise<DuckDb> {
    if (dbPath !== ':memory:') await mkdir(path.dirname(path.resolve(dbPath)), { recursive: true });
    const giveUpAt = Date.now() + (options.waitMs ?? 0);
    let instance: DuckDBInstance;
    for (;;) {
      try {
        instance = await DuckDBInstance.create(dbPath);
        break;
      } catch (error) {
        const locked = DatabaseLockedError.from(dbPath, error);
        if (!locked) throw error;
        if (Date.now() >= giveUpAt) throw locked;
        await sleep(Math.min(LOCK_POLL_MS, Math.max(0, giveUpAt - Date.now())));
      }
    }
    const connection = await instance.connect();
    // Timestamps are stored and compared in UTC whatever the runner's local zone is.
    await connection.run("SET TimeZone = 'UTC'");
    return new DuckDb(dbPath, instance, connection);
  }

  /**
   * The database as the jobs use it: many small queries, one after another, each awaited by a single JavaScript
   * thread. DuckDB's worker threads only cost there (score at 1,000 metrics: 48 s of CPU with the default, 41 s
   * with one thread), so the jobs' store runs on one (the plot job's batch query too, next to its rendering); the
   * report, the CLI's summaries and the sources' own databases keep DuckDB's default.
   */
  static async openForJobs(dbPath: string, options: { waitMs?: number } = {}): Promise<DuckDb> {
    const db = await DuckDb.open(dbPath, options);
    await db.run('SET threads = 1');
    return db;
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
    let result: T;
    try {
      result = await work();
      await this.connection.run('COMMIT');
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
    await this.checkpointIfDue();
    return result;
  }

  /** Notes that `rows` rows were written: a checkpoint follows once enough are pending and no transaction is open. */
  async wrote(rows: number): Promise<void> {
    this.uncheckpointedRows += rows;
    if (!this.inTransaction) await this.checkpointIfDue();
  }

  private async checkpointIfDue(): Promise<void> {
    if (this.uncheckpointedRows < CHECKPOINT_ROWS || this.path === ':memory:') return;
    this.uncheckpointedRows = 0;
    await this.connection.run('CHECKPOINT');
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** How often a held database is tried again while waiting for it. */
const LOCK_POLL_MS = 250;

/**
 * The database file is held by another process: DuckDB lets one process at a time write a file, so a second run on
 * the same state cannot start until the first ends.
 */
export class DatabaseLockedError extends Error {
  readonly path: string;
  readonly pid: number | null;

  constructor(dbPath: string, pid: number | null, holder: string | null) {
    const who = holder && !/\bnode(\.exe)?$/.test(holder) ? `another process (${holder})` : 'another anomstack run';
    super(`${who} holds ${dbPath}${pid === null ? '' : ` (pid ${pid})`}: one run at a time can use a database`);
    this.name = 'DatabaseLockedError';
    this.path = dbPath;
    this.pid = pid;
  }

  /** The error DuckDB's "Could not set lock on file" stands for; null for any other error. */
  static from(dbPath: string, error: unknown): DatabaseLockedError | null {
    const message = error instanceof Error ? error.message : String(error);
    if (!/Could not set lock on file/i.test(message)) return null;
    const held = /Conflicting lock is held in (.+?) \(PID (\d+)\)/.exec(message);
    return new DatabaseLockedError(dbPath, held?.[2] ? Number(held[2]) : null, held?.[1] ?? null);
  }
}

/** Quotes a validated `name` or `schema.name` identifier; identifiers cannot be bound as parameters. */
export function quoteIdentifier(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}
