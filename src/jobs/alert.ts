import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import type { MetricRow, Point } from '../store/metrics-table.ts';
import { isExcluded, notifyThenRecord, type JobContext, type JobResult } from './context.ts';

/** A scored point and what the alert rule made of it. */
export interface AlertDecision {
  timestamp: Date;
  score: number;
  smoothedScore: number;
  alert: boolean;
}

/**
 * Anomstack's alert rule with its intended meaning. For each of the newest `alert_recent_n` scores, oldest
 * first: alert when the mean of the last `alert_smooth_n` scores (including this one) is at least
 * `alert_threshold`, unless an alert fired within the previous `alert_snooze_n` points. `alert_always`
 * forces the newest point to alert, snoozed or not (for checking that notifications arrive). Pure: the same scores and
 * earlier alerts always give the same decisions, which is what makes re-running the job harmless.
 */
export function decideAlerts(scores: readonly Point[], earlierAlerts: ReadonlySet<number>, config: BatchConfig): AlertDecision[] {
  const alerted = new Set(earlierAlerts);
  const decisions: AlertDecision[] = [];
  const start = Math.max(0, scores.length - config.alert_recent_n);
  for (let i = start; i < scores.length; i++) {
    const point = scores[i];
    if (!point) continue;
    const window = scores.slice(Math.max(0, i - config.alert_smooth_n + 1), i + 1);
    const smoothedScore = window.reduce((sum, p) => sum + p.value, 0) / window.length;
    const snoozed = scores
      .slice(Math.max(0, i - config.alert_snooze_n), i)
      .some((p) => alerted.has(p.timestamp.getTime()));
    const forced = config.alert_always && i === scores.length - 1;
    const alert = alerted.has(point.timestamp.getTime()) || forced || (smoothedScore >= config.alert_threshold && !snoozed);
    if (alert) alerted.add(point.timestamp.getTime());
    decisions.push({ timestamp: point.timestamp, score: point.value, smoothedScore, alert });
  }
  return decisions;
}

/** Decides alerts for every metric, notifies the channels about new ones, then records them as `alert` rows. */
export async function alert(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.alert_exclude_metrics));
  const alerts: Alert[] = [];
  const rows: MetricRow[] = [];
  for (const name of names) {
    const scores = await store.latest(batch.name, name, 'score', config.alert_max_n);
    const first = scores[0];
    if (!first) continue;
    const earlier = await store.since(batch.name, name, 'alert', new Date(first.timestamp.getTime() - 1));
    const earlierSet = new Set(earlier.map((p) => p.timestamp.getTime()));
    const fresh = decideAlerts(scores, earlierSet, config).filter((d) => d.alert && !earlierSet.has(d.timestamp.getTime()));
    if (fresh.length === 0) continue;
    const values = await store.latest(batch.name, name, 'metric', config.alert_max_n);
    const valueAt = new Map(values.map((p) => [p.timestamp.getTime(), p.value]));
    const scoreAt = new Map(scores.map((p) => [p.timestamp.getTime(), p.value]));
    const recent = values.map((p) => ({ timestamp: p.timestamp, value: p.value, score: scoreAt.get(p.timestamp.getTime()) ?? null }));
    for (const decision of fresh) {
      alerts.push({
        kind: 'anomaly',
        batch: batch.name,
        metric: name,
        timestamp: decision.timestamp,
        value: valueAt.get(decision.timestamp.getTime()) ?? null,
        score: decision.score,
        smoothedScore: decision.smoothedScore,
        threshold: config.alert_threshold,
        tags: config.metric_tags[name] ?? {},
        recent,
      });
      rows.push({
        metric_timestamp: decision.timestamp,
        metric_batch: batch.name,
        metric_name: name,
        metric_type: 'alert',
        metric_value: 1,
        metadata: { score: decision.score, smoothed_score: decision.smoothedScore, threshold: config.alert_threshold },
      });
    }
  }
  const recorded = await notifyThenRecord(ctx, alerts, rows);
  return { counts: { alerts: recorded }, message: `${recorded} new alerts across ${names.length} metrics` };
}
