import type { Alert, AlertChannel } from '../alerts/channel.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { Batch } from '../config/load.ts';
import type { MetricRow, MetricsTable } from '../store/metrics-table.ts';

/** Where jobs report what they do; the CLI prints it, the action adds annotations. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** Progress through a long job: `done` of `total` items. */
  progress(label: string, done: number, total: number): void;
}

/** Everything a job needs for one batch. */
export interface JobContext {
  batch: Batch;
  store: MetricsTable;
  models: ArtifactStore;
  channels: readonly AlertChannel[];
  /** The run's clock; fixed in tests. */
  now: Date;
  reporter: Reporter;
}

/** What each job reports back, summed into the run's summary table. */
export interface JobResult {
  /** Counters shown in the summary, e.g. `{ ingested: 120 }`. */
  counts: Partial<Record<'metrics' | 'ingested' | 'trained' | 'scored' | 'alerts' | 'changes' | 'tholdalerts', number>>;
  /** One readable line for the log. */
  message: string;
}

/** Exact names or `*` globs, as written in `*_exclude_metrics`. */
export function isExcluded(metric: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.includes('*')
      ? new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(metric)
      : pattern === metric,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Notify first, record second: if a channel fails, nothing is recorded and the next run retries the
 * notification; once recorded, a re-run never sends it again. Returns how many rows were new.
 */
export async function notifyThenRecord(ctx: JobContext, alerts: readonly Alert[], rows: readonly MetricRow[]): Promise<number> {
  if (alerts.length > 0) {
    for (const channel of ctx.channels) await channel.send(alerts);
  }
  return ctx.store.db.transaction(() => ctx.store.insert(rows));
}
