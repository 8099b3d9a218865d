import { matchesPattern } from '../config/metric-pattern.ts';
import type { Alert, AlertChannel, AlertKind } from '../alerts/channel.ts';
import type { BatchSummary } from '../alerts/summary-message.ts';
import type { Job } from '../config/schema.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { Batch } from '../config/load.ts';
import type { LlmClient } from '../llm/client.ts';
import type { MetricsTable, Point } from '../store/metrics-table.ts';

/** A day in milliseconds: the unit of the `*_days` keys. */
export const DAY_MS = 86_400_000;

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
  /** The language model the llmalert job asks; absent when no key is configured (the job is then skipped). */
  llm?: LlmClient | null;
  /** Where the plot job writes; by default `plots/` beside the batch's DuckDB file. */
  plotsDir?: string;
  /** The run's environment, where sources read their secrets; process.env when absent. */
  env?: NodeJS.ProcessEnv;
}

/** What each job reports back, summed into the run's summary table. */
export interface JobResult {
  /** Counters shown in the summary, e.g. `{ ingested: 120 }`. */
  counts: Partial<Record<'metrics' | 'ingested' | 'trained' | 'kept' | 'scored' | 'alerts' | 'changes' | 'tholdalerts' | 'llmalerts' | 'deleted', number>>;
  /** One readable line for the log. */
  message: string;
  /** The summary job's digest, for the CLI's output and the action's job summary. */
  summary?: BatchSummary;
  /**
   * What failed outside the job's own work (a channel that could not deliver, an LLM that did not answer): the job
   * is marked failed and the run exits non-zero, but the batch's later jobs still run.
   */
  failures?: string[];
}

/** A metric a job with `*_include_metrics` / `*_exclude_metrics` looks at: an empty include list means every metric. */
export function isSelected(metric: string, include: readonly string[], exclude: readonly string[]): boolean {
  // isExcluded matches names and `*` globs, which is what the include list needs too.
  return (include.length === 0 || isExcluded(metric, include)) && !isExcluded(metric, exclude);
}

/** Exact names or `*` globs, as written in `*_exclude_metrics`. */
export function isExcluded(metric: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesPattern(metric, pattern));
}

/**
 * A metric's newest `alert_max_n` values with their anomaly scores: an alert's table and plot. `scores`, when the
 * caller has read them already (the newest `alert_max_n`), saves the query.
 */
export async function recentWithScores(ctx: JobContext, metric: string, scores?: readonly Point[]): Promise<Alert['recent']> {
  const { batch, store } = ctx;
  const values = await store.latest(batch.name, metric, 'metric', batch.config.alert_max_n);
  const scored = scores ?? (await store.latest(batch.name, metric, 'score', batch.config.alert_max_n));
  const scoreAt = new Map(scored.map((p) => [p.timestamp.getTime(), p.value]));
  return values.map((p) => ({ timestamp: p.timestamp, value: p.value, score: scoreAt.get(p.timestamp.getTime()) ?? null }));
}

/** Whether the job raises alerts (whose episodes the resolve stage closes). */
export function raisesAlerts(job: Job): boolean {
  return JOB_ALERT_KINDS[job].length > 0;
}

/** The kinds of alert each job raises (and so retries). */
export const JOB_ALERT_KINDS: Record<Job, readonly AlertKind[]> = {
  ingest: [], train: [], score: [], alert: ['anomaly'], change: ['change'], tholdalert: ['threshold'], llmalert: ['llm'], summary: [], retention: [], plot: [],
};

/**
 * Warns that one metric failed in a job (its other metrics carry on) and returns the metric's name, for the job's
 * message. The warning says what failed in the metric's words, shortened when the name is long.
 */
export function metricFailure(ctx: JobContext, job: Job, metric: string, error: unknown): string {
  const shown = metric.length > 80 ? `${metric.slice(0, 77)}...` : metric;
  ctx.reporter.warn(`${job} ${ctx.batch.name}/${shown}: failed, the batch's other metrics carry on: ${error instanceof Error ? error.message : String(error)}`);
  return shown;
}
