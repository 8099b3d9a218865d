import { matchesPattern } from '../config/metric-pattern.ts';
import { ALERT_ROW_TYPE, alertKindOfRow, type Alert, type AlertChannel, type AlertKind } from '../alerts/channel.ts';
import { deliverAlerts } from '../alerts/deliver.ts';
import { configSilences, silenceMetadata, silenceOf, splitSilenced, type Silence } from '../alerts/silence.ts';
import { SilenceStore } from '../store/silences.ts';
import type { BatchSummary } from '../alerts/summary-message.ts';
import { jobMethods } from '../alerts/channels.ts';
import { ALERT_METHODS, type Job } from '../config/schema.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { Batch } from '../config/load.ts';
import type { LlmClient } from '../llm/client.ts';
import type { MetricRow, MetricsTable, Point } from '../store/metrics-table.ts';

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
 * The channels a job's alerts go to: those its methods key names (`alert_methods`, `tholdalert_methods`: jobMethods).
 * The console is always on (the log is where a run says what it did), and a channel the caller supplied
 * itself, under a name that is not a method, takes every alert.
 */
export function channelsFor(ctx: JobContext, job: Job): AlertChannel[] {
  const methods = jobMethods(ctx.batch.config, job)?.methods ?? [];
  const known: readonly string[] = ALERT_METHODS;
  return ctx.channels.filter((c) => c.name === 'console' || methods.includes(c.name) || !known.includes(c.name));
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

/**
 * Delivers the job's new alerts (and those earlier runs could not get through to a channel: see deliverAlerts),
 * each channel on its own, then records the alert rows. Silenced alerts (see silence.ts) go to no channel and are
 * recorded all the same, marked with the silence. A channel that fails is retried alone on the next run; the
 * alert rows are recorded all the same, so the decisions (and snoozes) do not depend on which channels were up.
 * Returns how many rows were new and what failed.
 */
export async function deliverThenRecord(
  ctx: JobContext,
  alerts: readonly Alert[],
  rows: readonly MetricRow[],
  job: Job,
): Promise<{ recorded: number; failures: string[] }> {
  const channels = channelsFor(ctx, job);
  const silences = await batchSilences(ctx, channels);
  const { loud, silenced } = splitSilenced(alerts, silences, ctx.now);
  if (silenced.length > 0) {
    const why = [...new Set(silenced.map(({ silence }) => `${silence.source}: ${silence.reason}`))].join('; ');
    ctx.reporter.info(`${ctx.batch.name}: ${silenced.length} alert(s) silenced, not sent (${why})`);
  }
  const failures = await deliverAlerts({
    db: ctx.store.db,
    batch: ctx.batch.name,
    channels,
    groupBy: ctx.batch.config.alert_group_by,
    kinds: JOB_ALERT_KINDS[job],
    alerts: loud,
    isSilenced: (alert) => silenceOf(alert, silences, ctx.now) !== null,
    now: ctx.now,
    recentOf: (metric) => recentWithScores(ctx, metric),
    warn: (message) => ctx.reporter.warn(message),
  });
  const muted = new Map(silenced.map(({ alert, silence }) => [rowKey(alertRow(alert, {})), silence]));
  const recorded = rows.map((row) => withSilence(withIssueUrl(row, channels), muted.get(rowKey(row))));
  return { recorded: await ctx.store.db.transaction(() => ctx.store.insert(recorded)), failures };
}

/** Every silence that applies to the batch now: its `silences:` key, the command line's, and the channels' (labels). */
async function batchSilences(ctx: JobContext, channels: readonly AlertChannel[]): Promise<Silence[]> {
  const fromConfig = configSilences(ctx.batch.config);
  const fromCli = await new SilenceStore(ctx.store.db).list(ctx.batch.name, ctx.now);
  const fromChannels: Silence[] = [];
  for (const channel of channels) {
    if (!channel.silences) continue;
    try {
      fromChannels.push(...(await channel.silences()));
    } catch (error) {
      // The channel's own delivery will meet the same failure and say so; the other silences still apply.
      ctx.reporter.warn(`${ctx.batch.name}: ${channel.name} silences could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return [...fromConfig, ...fromCli, ...fromChannels];
}

function rowKey(row: MetricRow): string {
  return `${row.metric_type}\u0000${row.metric_name}\u0000${row.metric_timestamp.getTime()}`;
}

/** An alert row muted by a silence says which, so the report can show it silenced. */
function withSilence(row: MetricRow, silence: Silence | undefined): MetricRow {
  return silence ? { ...row, metadata: { ...(row.metadata ?? {}), silenced: silenceMetadata(silence) } } : row;
}

/** Whether the job raises alerts (whose episodes the resolve stage closes). */
export function raisesAlerts(job: Job): boolean {
  return JOB_ALERT_KINDS[job].length > 0;
}

/** The kinds of alert each job raises (and so retries). */
const JOB_ALERT_KINDS: Record<Job, readonly AlertKind[]> = {
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

/** The row that records `alert` as delivered (`alert`, `change`, `tholdalert` or `llmalert`), with the job's details. */
export function alertRow(alert: Alert, metadata: Record<string, unknown>): MetricRow {
  return {
    metric_timestamp: alert.timestamp,
    metric_batch: alert.batch,
    metric_name: alert.metric,
    metric_type: ALERT_ROW_TYPE[alert.kind],
    metric_value: 1,
    metadata,
  };
}

/** An alert row remembers the issue its alert went to, so the report can link it. */
function withIssueUrl(row: MetricRow, channels: readonly AlertChannel[]): MetricRow {
  const kind = alertKindOfRow(row.metric_type);
  if (!kind) return row;
  const url = channels.map((c) => c.deliveredTo?.({ batch: row.metric_batch, metric: row.metric_name, kind }) ?? null).find((u) => u !== null);
  return url ? { ...row, metadata: { ...(row.metadata ?? {}), issue_url: url } } : row;
}
