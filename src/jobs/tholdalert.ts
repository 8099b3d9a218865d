import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import type { Point } from '../store/metrics-table.ts';
import { inGroups, justBeforeFirst } from '../store/series-group.ts';
import { alertingJob, type Decided } from '../alerts/pipeline.ts';
import { isExcluded, type JobContext } from './context.ts';

export type Bounds = BatchConfig['tholdalert_thresholds'][string];

/** A point that crossed one of its metric's bounds. */
export interface ThresholdDecision {
  timestamp: Date;
  value: number;
  bound: 'upper' | 'lower';
  threshold: number;
}

/** Which bound a value crosses, if any: strictly above `upper` or strictly below `lower`, as in Anomstack. */
export function crossedBound(value: number, bounds: Bounds): { bound: 'upper' | 'lower'; threshold: number } | null {
  if (bounds.upper !== undefined && value > bounds.upper) return { bound: 'upper', threshold: bounds.upper };
  if (bounds.lower !== undefined && value < bounds.lower) return { bound: 'lower', threshold: bounds.lower };
  return null;
}

/**
 * Anomstack's threshold rule, pure like decideAlerts: for each of the newest `tholdalert_recent_n` points, oldest
 * first, alert when the value crosses a bound and no threshold alert (found now or recorded earlier) is within the
 * previous `tholdalert_snooze_n` points. A point recorded as a threshold alert stays one.
 */
export function decideThresholdAlerts(
  points: readonly Point[],
  bounds: Bounds,
  earlierAlerts: ReadonlySet<number>,
  config: BatchConfig,
): ThresholdDecision[] {
  const alerted = new Set(earlierAlerts);
  const decisions: ThresholdDecision[] = [];
  for (let i = Math.max(0, points.length - config.tholdalert_recent_n); i < points.length; i++) {
    const point = points[i];
    const crossed = point ? crossedBound(point.value, bounds) : null;
    if (!point || !crossed) continue;
    const key = point.timestamp.getTime();
    const snoozed = points
      .slice(Math.max(0, i - config.tholdalert_snooze_n), i)
      .some((p) => alerted.has(p.timestamp.getTime()));
    if (snoozed && !alerted.has(key)) continue;
    alerted.add(key);
    decisions.push({ timestamp: point.timestamp, value: point.value, ...crossed });
  }
  return decisions;
}

/** The tholdalert job: checks every metric that has bounds for new crossings; the pipeline sends and records them as `tholdalert` rows. */
export const tholdalert = alertingJob('tholdalert', decideCrossings);

async function decideCrossings(ctx: JobContext): Promise<Decided> {
  const { batch, store } = ctx;
  const config = batch.config;
  const stored = new Set(await store.metricNames(batch.name));
  const names = Object.keys(config.tholdalert_thresholds)
    .filter((n) => stored.has(n) && !isExcluded(n, config.tholdalert_exclude_metrics))
    .sort();
  const alerts: Alert[] = [];
  // Read a group of metrics at a time, as the alert job does: one query per group rather than per metric.
  for (const group of inGroups(names)) {
    // The snooze looks back snooze_n points from the oldest point decided on.
    const windows = await store.latestMany(batch.name, group, 'metric', config.tholdalert_recent_n + config.tholdalert_snooze_n);
    const earlier = await store.sinceMany(batch.name, group, 'tholdalert', justBeforeFirst(windows));
    for (const [g, name] of group.entries()) {
      const bounds = config.tholdalert_thresholds[name];
      const points = windows.take(g);
      if (!bounds || points.length === 0) continue;
      const earlierSet = new Set(earlier.times(g));
      const fresh = decideThresholdAlerts(points, bounds, earlierSet, config).filter((d) => !earlierSet.has(d.timestamp.getTime()));
      if (fresh.length === 0) continue;
      const recent = (await store.latest(batch.name, name, 'metric', config.alert_max_n)).map((p) => ({ ...p, score: null }));
      for (const decision of fresh) {
        const alert: Alert = {
          kind: 'threshold',
          batch: batch.name,
          metric: name,
          timestamp: decision.timestamp,
          value: decision.value,
          // Threshold alerts have no score; the value is what crossed.
          score: decision.value,
          smoothedScore: decision.value,
          threshold: decision.threshold,
          tags: config.metric_tags[name] ?? {},
          recent,
          detail: `crossed its ${decision.bound} threshold ${decision.threshold}`,
          direction: decision.bound === 'upper' ? 'up' : 'down',
          details: { bound: decision.bound, threshold: decision.threshold, value: decision.value },
        };
        alerts.push(alert);
      }
    }
  }
  return {
    alerts,
    finish: (recorded, failures) => ({ counts: { tholdalerts: recorded }, message: `${recorded} new threshold alerts across ${names.length} metrics`, failures }),
  };
}
