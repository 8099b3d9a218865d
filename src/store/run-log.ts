import { redact } from '../runtime/redact.ts';
import type { DuckDb } from './duckdb.ts';
import { OwnTable } from './own-table.ts';
import { RUNS_TABLE } from './own-tables.ts';

/** One job run of one batch, as the run log keeps it. */
export interface JobRun {
  batch: string;
  job: string;
  startedAt: Date;
  ms: number;
  status: 'ok' | 'failed';
  message: string;
  counts: Record<string, number>;
}

/** How a job fared over a period. */
export interface JobTally {
  job: string;
  runs: number;
  failed: number;
  lastStatus: 'ok' | 'failed';
  lastMessage: string;
}

/** The table's columns (see OwnTable). */
const COLUMNS = `
  metric_batch VARCHAR NOT NULL,
  job VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  ms DOUBLE NOT NULL,
  status VARCHAR NOT NULL,
  message VARCHAR,
  counts VARCHAR`;

/**
 * The run log: when each job of each batch last ran, how long it took and what it did. Schedules read
 * it to decide whether a job is due; the report shows it. It lives in the batch's own database, so it
 * travels with the metrics wherever the state is kept.
 */
export class RunLog {
  readonly db: DuckDb;
  private readonly table: OwnTable;

  constructor(db: DuckDb, table = RUNS_TABLE) {
    this.db = db;
    this.table = new OwnTable(db, table, COLUMNS);
  }

  /** The message is kept redacted: the report publishes it, and a failed request's error may quote a URL with credentials. */
  async record(run: JobRun): Promise<void> {
    await this.table.ensure();
    await this.db.run(
      `INSERT INTO ${this.table.quoted} VALUES ($batch, $job, $started::TIMESTAMP, $ms, $status, $message, $counts)`,
      {
        batch: run.batch,
        job: run.job,
        started: run.startedAt.toISOString(),
        ms: run.ms,
        status: run.status,
        message: redact(run.message),
        counts: JSON.stringify(run.counts),
      },
    );
  }

  /** When the job last ran successfully for the batch, or null if it never has. */
  async lastSuccess(batch: string, job: string): Promise<Date | null> {
    await this.table.ensure();
    const [row] = await this.db.all(
      `SELECT max(started_at) AS last FROM ${this.table.quoted} WHERE metric_batch = $batch AND job = $job AND status = 'ok'`,
      { batch, job },
    );
    return row?.['last'] instanceof Date ? row['last'] : null;
  }

  /**
   * Per job, the batch's runs that started after `from` and up to `to`: how many, how many failed, and the newest
   * run's status and message. For the summary job's "what ran".
   */
  async tally(batch: string, from: Date, to: Date): Promise<JobTally[]> {
    await this.table.ensure();
    const rows = await this.db.all(
      `SELECT job, count(*)::INTEGER AS runs, count(*) FILTER (WHERE status = 'failed')::INTEGER AS failed,
         arg_max(status, started_at) AS last_status, arg_max(message, started_at) AS last_message
       FROM ${this.table.quoted}
       WHERE metric_batch = $batch AND started_at > $from::TIMESTAMP AND started_at <= $to::TIMESTAMP
       GROUP BY job ORDER BY min(started_at), job`,
      { batch, from: from.toISOString(), to: to.toISOString() },
    );
    return rows.map((row) => ({
      job: String(row['job']),
      runs: Number(row['runs']),
      failed: Number(row['failed']),
      lastStatus: row['last_status'] === 'failed' ? 'failed' : 'ok',
      // Rows written before messages were redacted are redacted on the way out.
      lastMessage: redact(String(row['last_message'] ?? '')),
    }));
  }

  /** Forgets the batch's runs that started before `cutoff`; returns how many. */
  async deleteBefore(batch: string, cutoff: Date): Promise<number> {
    await this.table.ensure();
    return this.db.run(`DELETE FROM ${this.table.quoted} WHERE metric_batch = $batch AND started_at < $cutoff::TIMESTAMP`, { batch, cutoff: cutoff.toISOString() });
  }

  /** The newest runs first, for summaries and the report. */
  async recent(batch: string, limit: number): Promise<JobRun[]> {
    await this.table.ensure();
    const rows = await this.db.all(
      `SELECT * FROM ${this.table.quoted} WHERE metric_batch = $batch ORDER BY started_at DESC LIMIT $limit`,
      { batch, limit },
    );
    return rows.map((row) => ({
      batch: String(row['metric_batch']),
      job: String(row['job']),
      startedAt: row['started_at'] as Date,
      ms: Number(row['ms']),
      status: row['status'] === 'ok' ? 'ok' : 'failed',
      message: redact(String(row['message'] ?? '')),
      counts: JSON.parse(String(row['counts'] ?? '{}')) as Record<string, number>,
    }));
  }
}
