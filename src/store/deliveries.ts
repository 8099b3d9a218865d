import { listValue } from '@duckdb/node-api';
import type { DuckDb } from './duckdb.ts';
import { OwnTable } from './own-table.ts';
import { DELIVERIES_TABLE } from './own-tables.ts';

/** What was delivered, or is still to be: one alert (or one summary period) of a batch. */
export interface DeliveryKey {
  batch: string;
  metric: string;
  /** The alert's row type (`alert`, `change`, `tholdalert`, `llmalert`), or `summary`. */
  type: string;
  timestamp: Date;
}

/** An alert a channel has not delivered yet: retried on the next runs of the job that raised it. */
export interface PendingDelivery extends DeliveryKey {
  channel: string;
  attempts: number;
  firstAttempt: Date;
  lastError: string;
  /** What the channel is to be sent again, as the deliver stage stored it. */
  payload: string;
}

export type DeliveryOutcome =
  | { status: 'delivered' }
  | { status: 'pending'; error: string; payload: string }
  /** Given up: too old to be worth sending, or the channel is no longer configured. */
  | { status: 'abandoned'; error: string };

/** The table's columns (see OwnTable). */
const COLUMNS = `
  metric_batch VARCHAR NOT NULL,
  metric_name VARCHAR NOT NULL,
  alert_type VARCHAR NOT NULL,
  metric_timestamp TIMESTAMP NOT NULL,
  channel VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  attempts INTEGER NOT NULL,
  first_attempt TIMESTAMP NOT NULL,
  last_attempt TIMESTAMP NOT NULL,
  last_error VARCHAR,
  payload VARCHAR`;

/**
 * Each channel's record of what it delivered: one row per (alert, channel), so a channel that delivered never
 * sends the alert again, and one that failed is retried alone while the others carry on.
 */
export class Deliveries {
  private readonly db: DuckDb;
  /** Each channel's deliveries, beside the run log in the batch's own database. */
  private readonly table: OwnTable;

  constructor(db: DuckDb) {
    this.db = db;
    this.table = new OwnTable(db, DELIVERIES_TABLE, COLUMNS);
  }

  /** Of `keys`, the channels each was delivered to already, by `deliveryId`. */
  async deliveredChannels(keys: readonly DeliveryKey[]): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>();
    if (keys.length === 0) return found;
    await this.table.ensure();
    const batches = [...new Set(keys.map((k) => k.batch))];
    const from = Math.min(...keys.map((k) => k.timestamp.getTime()));
    const to = Math.max(...keys.map((k) => k.timestamp.getTime()));
    for (const batch of batches) {
      const rows = await this.db.all(
        `SELECT metric_name, alert_type, epoch_ms(metric_timestamp)::DOUBLE AS ms, channel FROM ${this.table.quoted}
         WHERE metric_batch = $batch AND status = 'delivered'
           AND metric_timestamp BETWEEN epoch_ms($from::BIGINT) AND epoch_ms($to::BIGINT)`,
        { batch, from, to },
      );
      for (const row of rows) {
        const id = deliveryId({ batch, metric: String(row['metric_name']), type: String(row['alert_type']), timestamp: new Date(Number(row['ms'])) });
        found.set(id, (found.get(id) ?? new Set()).add(String(row['channel'])));
      }
    }
    return found;
  }

  /** The batch's deliveries of these types still pending, oldest first. */
  async pending(batch: string, types: readonly string[]): Promise<PendingDelivery[]> {
    await this.table.ensure();
    const rows = await this.db.all(
      `SELECT metric_name, alert_type, epoch_ms(metric_timestamp)::DOUBLE AS ms, channel, attempts,
              epoch_ms(first_attempt)::DOUBLE AS first_ms, last_error, payload
       FROM ${this.table.quoted} p
       WHERE metric_batch = $batch AND status = 'pending' AND list_contains($types, alert_type)
         -- Merged states (fan-out legs, overlapping runs) may hold both: delivered wins.
         AND NOT EXISTS (
           SELECT 1 FROM ${this.table.quoted} d
           WHERE d.status = 'delivered' AND d.metric_batch = p.metric_batch AND d.metric_name = p.metric_name
             AND d.alert_type = p.alert_type AND d.metric_timestamp = p.metric_timestamp AND d.channel = p.channel
         )
       ORDER BY metric_timestamp, metric_name, channel`,
      { batch, types: listValue([...types]) },
    );
    return rows.map((row) => ({
      batch,
      metric: String(row['metric_name']),
      type: String(row['alert_type']),
      timestamp: new Date(Number(row['ms'])),
      channel: String(row['channel']),
      attempts: Number(row['attempts']),
      firstAttempt: new Date(Number(row['first_ms'])),
      lastError: String(row['last_error'] ?? ''),
      payload: String(row['payload'] ?? ''),
    }));
  }

  /** Records what one channel's attempt at these keys came to, at the run's clock `now`, in one transaction. */
  async record(channel: string, outcomes: readonly { key: DeliveryKey; outcome: DeliveryOutcome }[], now: Date): Promise<void> {
    if (outcomes.length === 0) return;
    await this.table.ensure();
    await this.db.transaction(async () => {
      for (const { key, outcome } of outcomes) {
        const match = { batch: key.batch, metric: key.metric, type: key.type, at: key.timestamp.getTime(), channel };
        const where = `metric_batch = $batch AND metric_name = $metric AND alert_type = $type AND metric_timestamp = epoch_ms($at::BIGINT) AND channel = $channel`;
        const [previous] = await this.db.all(`SELECT attempts, epoch_ms(first_attempt)::DOUBLE AS first_ms FROM ${this.table.quoted} WHERE ${where}`, match);
        await this.db.run(`DELETE FROM ${this.table.quoted} WHERE ${where}`, match);
        const tried = outcome.status !== 'abandoned';
        await this.db.run(
          `INSERT INTO ${this.table.quoted} VALUES ($batch, $metric, $type, epoch_ms($at::BIGINT), $channel, $status, $attempts,
             epoch_ms($first::BIGINT), epoch_ms($now::BIGINT), $error, $payload)`,
          {
            ...match,
            status: outcome.status,
            attempts: Number(previous?.['attempts'] ?? 0) + (tried ? 1 : 0),
            first: Number(previous?.['first_ms'] ?? now.getTime()),
            now: now.getTime(),
            error: outcome.status === 'delivered' ? null : outcome.error,
            payload: outcome.status === 'pending' ? outcome.payload : null,
          },
        );
      }
    });
  }

  /** Forgets the batch's deliveries of alerts older than `cutoff` (the retention job); returns how many. */
  async deleteBefore(batch: string, cutoff: Date): Promise<number> {
    await this.table.ensure();
    return this.db.run(`DELETE FROM ${this.table.quoted} WHERE metric_batch = $batch AND metric_timestamp < $cutoff::TIMESTAMP`, { batch, cutoff: cutoff.toISOString() });
  }
}

/** One string per delivery key, for maps and sets. */
export function deliveryId(key: DeliveryKey): string {
  return JSON.stringify([key.batch, key.metric, key.type, key.timestamp.getTime()]);
}
