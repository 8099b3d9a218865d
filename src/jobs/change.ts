import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import { DEFAULT_CHANGE_PARAMS, detectChanges, MAX_PERIOD, seasonalPeriod, type Change } from '../models/changepoint.ts';
import type { MetricRow, Point } from '../store/metrics-table.ts';
import { isExcluded, notifyThenRecord, type JobContext, type JobResult } from './context.ts';

/** A change the job decided to report, at one of the newest `change_detect_last_n` points. */
export interface ChangeDecision {
  timestamp: Date;
  value: number;
  change: Change;
  /** When the change began (the detector's onset estimate), at or before `timestamp`. */
  onset: Date;
}

/**
 * Points the job reads per metric: two reference windows and the longest season before the points it decides
 * on. More history would cost time without changing the newest decisions, which the detector bases on its
 * reference window; `train_max_n` still caps it, as it caps what the models see.
 */
export function changeHistoryN(config: BatchConfig): number {
  const needed = 2 * DEFAULT_CHANGE_PARAMS.window + MAX_PERIOD + config.change_detect_last_n + config.change_snooze_n;
  return Math.min(config.train_max_n, needed);
}

export function isChangeMetric(metric: string, config: BatchConfig): boolean {
  // isExcluded matches names and `*` globs, which is what the include list needs too.
  const included = config.change_include_metrics.length === 0 || isExcluded(metric, config.change_include_metrics);
  return included && !isExcluded(metric, config.change_exclude_metrics);
}

/**
 * The change rule, pure like decideAlerts: runs the detector over `points` (oldest first, the metric's newest
 * history) and keeps the changes it confirms at the newest `change_detect_last_n` points, oldest first, unless a
 * change (found now or recorded earlier) is within the previous `change_snooze_n` points. A point recorded as a
 * change stays one. The season comes from the timestamps' spacing, so hourly data is compared with yesterday.
 */
export function decideChanges(points: readonly Point[], earlierChanges: ReadonlySet<number>, config: BatchConfig): ChangeDecision[] {
  const period = seasonalPeriod(points.map((p) => p.timestamp));
  const changes = detectChanges(points.map((p) => p.value), { threshold: config.change_threshold, period });
  const changed = new Set(earlierChanges);
  const first = points.length - config.change_detect_last_n;
  const decisions: ChangeDecision[] = [];
  for (const change of changes) {
    const point = points[change.index];
    if (change.index < first || !point) continue;
    const key = point.timestamp.getTime();
    const snoozed = points
      .slice(Math.max(0, change.index - config.change_snooze_n), change.index)
      .some((p) => changed.has(p.timestamp.getTime()));
    if (snoozed && !changed.has(key)) continue;
    changed.add(key);
    decisions.push({ timestamp: point.timestamp, value: point.value, change, onset: points[change.onset]?.timestamp ?? point.timestamp });
  }
  return decisions;
}

/** What a change is called in alerts: "changed level (up)", "changed trend (down)". */
export function describeChange(change: Change): string {
  return `changed ${change.shape} (${change.direction})`;
}

/** Detects changes for every selected metric, notifies the channels about new ones, then records `change` rows. */
export async function change(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => isChangeMetric(n, config));
  const alerts: Alert[] = [];
  const rows: MetricRow[] = [];
  for (const name of names) {
    const points = await store.latest(batch.name, name, 'metric', changeHistoryN(config));
    const first = points[0];
    if (!first) continue;
    const earlier = await store.since(batch.name, name, 'change', new Date(first.timestamp.getTime() - 1));
    const earlierSet = new Set(earlier.map((p) => p.timestamp.getTime()));
    const fresh = decideChanges(points, earlierSet, config).filter((d) => !earlierSet.has(d.timestamp.getTime()));
    if (fresh.length === 0) continue;
    const recent = points.slice(-config.alert_max_n).map((p) => ({ timestamp: p.timestamp, value: p.value, score: null }));
    for (const decision of fresh) {
      const { change: found } = decision;
      alerts.push({
        kind: 'change',
        batch: batch.name,
        metric: name,
        timestamp: decision.timestamp,
        value: decision.value,
        score: found.score,
        smoothedScore: found.score,
        threshold: config.change_threshold,
        tags: config.metric_tags[name] ?? {},
        recent,
        detail: describeChange(found),
      });
      rows.push({
        metric_timestamp: decision.timestamp,
        metric_batch: batch.name,
        metric_name: name,
        metric_type: 'change',
        metric_value: 1,
        metadata: {
          score: found.score,
          threshold: config.change_threshold,
          direction: found.direction,
          shape: found.shape,
          magnitude: found.magnitude,
          expected: found.expected,
          baseline: found.baseline,
          onset: decision.onset.toISOString(),
        },
      });
    }
  }
  const recorded = await notifyThenRecord(ctx, alerts, rows, ctx.batch.config.alert_methods);
  return { counts: { changes: recorded }, message: `${recorded} new changes across ${names.length} metrics` };
}
