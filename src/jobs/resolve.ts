/**
 * The resolve stage of the alert pipeline: channels with a lifecycle (GitHub issues) close the episodes that recovered
 * and return the feedback people gave, kept as `thumbsup` / `thumbsdown` rows (one per episode, so re-runs add
 * nothing). It runs once per batch at the end of every run that includes an alerting job, whichever of them are
 * enabled or due, so threshold, change and LLM issues close and labels are read with `disable_alert: true` too.
 */
import type { AlertFeedback, MetricStatus } from '../alerts/channel.ts';
import type { MetricRow } from '../store/metrics-table.ts';
import { inGroups } from '../store/series-group.ts';
import { isChangeMetric } from './change.ts';
import { isExcluded, type JobContext } from './context.ts';
import { crossedBound } from './tholdalert.ts';

/** Closes what recovered and records new feedback; returns how many feedback rows were new (0 without a lifecycle channel). */
export async function resolve(ctx: JobContext): Promise<number> {
  if (!ctx.channels.some((channel) => channel.reconcile)) return 0;
  const names = await ctx.store.metricNames(ctx.batch.name);
  const statuses: MetricStatus[] = [];
  for (const group of inGroups(names)) statuses.push(...(await episodeStatuses(ctx, group)));
  const rows: MetricRow[] = [];
  for (const channel of ctx.channels) {
    if (!channel.reconcile) continue;
    let feedback: AlertFeedback[];
    try {
      feedback = await channel.reconcile(statuses);
    } catch (error) {
      // The alerts are delivered and recorded; closing and feedback can wait for the next run without failing the batch.
      ctx.reporter.warn(`${ctx.batch.name}: ${channel.name} could not reconcile (${error instanceof Error ? error.message : String(error)}); the next run retries`);
      continue;
    }
    for (const f of feedback) {
      rows.push({
        metric_timestamp: f.timestamp, metric_batch: f.batch, metric_name: f.metric, metric_type: f.verdict, metric_value: 1,
        metadata: { kind: f.kind, source: f.source },
      });
    }
  }
  return ctx.store.insert(rows);
}

/**
 * How each metric's episodes stand: an anomaly episode ends after `issue_close_after_n` scores under the threshold
 * (as the alert rule judges them); change and LLM episodes after that many points with no new change or LLM alert;
 * threshold episodes after that many points inside the bounds. One query per kind of row for the whole group.
 */
async function episodeStatuses(ctx: JobContext, group: readonly string[]): Promise<MetricStatus[]> {
  const { batch, store } = ctx;
  const config = batch.config;
  const n = config.issue_close_after_n;
  const scores = await store.latestMany(batch.name, group, 'score', config.alert_max_n, 'evidence');
  const values = await store.latestMany(batch.name, group, 'metric', n);
  const changes = await store.latestMany(batch.name, group, 'change', 1);
  const llmAlerts = await store.latestMany(batch.name, group, 'llmalert', 1);
  const statuses: MetricStatus[] = [];
  for (const [g, name] of group.entries()) {
    const status = (kind: MetricStatus['kind'], streak: number): MetricStatus => ({ batch: batch.name, metric: name, kind, normalStreak: streak, recovered: streak >= n });
    const scored = scores.take(g);
    if (scored.length > 0 && !isExcluded(name, config.alert_exclude_metrics)) {
      let streak = 0;
      for (let i = scored.length - 1; i >= 0 && (scored[i]?.value ?? 0) < config.alert_threshold; i--) streak++;
      statuses.push(status('anomaly', streak));
    }
    // Newest first; `since` counts the points after a time.
    const points = values.take(g).reverse();
    const since = (ms: number): number => points.filter((p) => p.timestamp.getTime() > ms).length;
    const bounds = config.tholdalert_thresholds[name];
    if (bounds && !isExcluded(name, config.tholdalert_exclude_metrics)) {
      const crossing = points.findIndex((p) => crossedBound(p.value, bounds));
      statuses.push(status('threshold', crossing === -1 ? points.length : crossing));
    }
    if (isChangeMetric(name, config)) statuses.push(status('change', since(changes.times(g)[0] ?? -Infinity)));
    const lastLlmAlert = llmAlerts.times(g)[0];
    if (lastLlmAlert !== undefined) statuses.push(status('llm', since(lastLlmAlert)));
  }
  return statuses;
}
