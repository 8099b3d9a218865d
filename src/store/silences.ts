import type { Silence } from '../alerts/silence.ts';
import type { DuckDb } from './duckdb.ts';
import { OwnTable } from './own-table.ts';
import { SILENCES_TABLE } from './own-tables.ts';

/** A silence set with `anomstack silence add`, as the batch's database keeps it. */
export interface StoredSilence extends Silence {
  id: number;
  batch: string;
  createdAt: Date;
  /** When `anomstack silence expire` ended it early; null while it runs its course. */
  expiredAt: Date | null;
}

/** The table's columns (see OwnTable). */
const COLUMNS = `
  id INTEGER PRIMARY KEY,
  metric_batch VARCHAR NOT NULL,
  metric_pattern VARCHAR NOT NULL,
  alert_kind VARCHAR,
  until TIMESTAMP,
  reason VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  expired_at TIMESTAMP`;

/**
 * The silences set from the command line (or the action's `command: silence`), beside the metrics in the batch's own
 * database, so the scheduled runs and a laptop sharing the state mute the same alerts. Numbered per database.
 */
export class SilenceStore {
  private readonly db: DuckDb;
  private readonly table: OwnTable;

  constructor(db: DuckDb) {
    this.db = db;
    this.table = new OwnTable(db, SILENCES_TABLE, COLUMNS);
  }

  /** Adds a silence; returns it with its number. */
  async add(batch: string, silence: Omit<Silence, 'source'>, now: Date): Promise<StoredSilence> {
    await this.table.ensure();
    const id = await this.db.transaction(async () => {
      const [row] = await this.db.all(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${this.table.quoted}`);
      const next = Number(row?.['id'] ?? 1);
      await this.db.run(
        `INSERT INTO ${this.table.quoted} VALUES ($id, $batch, $metric, $kind, $until::TIMESTAMP, $reason, $now::TIMESTAMP, NULL)`,
        { id: next, batch, metric: silence.metric, kind: silence.kind ?? null, until: silence.until?.toISOString() ?? null, reason: silence.reason, now: now.toISOString() },
      );
      return next;
    });
    return { ...silence, id, batch, source: `cli #${id}`, createdAt: now, expiredAt: null };
  }

  /** The batch's silences (every batch's when null), newest first; with `activeAt`, only those muting alerts then. */
  async list(batch: string | null, activeAt?: Date): Promise<StoredSilence[]> {
    await this.table.ensure();
    const at = activeAt?.toISOString() ?? null;
    const rows = await this.db.all(
      `SELECT * FROM ${this.table.quoted}
       WHERE ($batch::VARCHAR IS NULL OR metric_batch = $batch)
         AND ($at::TIMESTAMP IS NULL OR (expired_at IS NULL AND (until IS NULL OR until > $at::TIMESTAMP)))
       ORDER BY id DESC`,
      { batch, at },
    );
    return rows.map((row) => {
      const id = Number(row['id']);
      const kind = row['alert_kind'];
      return {
        id,
        batch: String(row['metric_batch']),
        metric: String(row['metric_pattern']),
        ...(typeof kind === 'string' ? { kind: kind as Silence['kind'] & string } : {}),
        until: (row['until'] as Date | null) ?? null,
        reason: String(row['reason']),
        source: `cli #${id}`,
        createdAt: row['created_at'] as Date,
        expiredAt: (row['expired_at'] as Date | null) ?? null,
      };
    });
  }

  /** Ends a silence now; false when there is no running silence of that number. */
  async expire(id: number, now: Date): Promise<boolean> {
    await this.table.ensure();
    const running = (await this.list(null, now)).some((s) => s.id === id);
    if (!running) return false;
    await this.db.run(`UPDATE ${this.table.quoted} SET expired_at = $now::TIMESTAMP WHERE id = $id`, { id, now: now.toISOString() });
    return true;
  }
}
