import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import type { Change } from '../models/changepoint.ts';
import type { MetricRow, Point } from '../store/metrics-table.ts';
import { advanceChanges, changeHistoryN, loadStream, saveStream, startStream, streamEnd, type ChangeStream } from './change-stream.ts';
import { isSelected, notifyThenRecord, type JobContext, type JobResult } from './context.ts';

export function isChangeMetric(metric: string, config: BatchConfig): boolean {
  return isSelected(metric, config.change_include_metrics, config.change_exclude_metrics);
}

/** What a change is called in alerts: "changed level (up)", "changed trend (down)". */
export function describeChange(change: Change): string {
  return `changed ${change.shape} (${change.direction})`;
}

/**
 * Feeds every selected metric's new points to its change stream (started from the stored history when it has
 * none), notifies the channels about new changes, records `change` rows, and only then saves the streams: a run
 * that fails part-way leaves the saved streams as they were, and the next run decides the same points again.
 */
export async function change(ctx: JobContext): Promise<JobResult> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => isChangeMetric(n, config));
  const alerts: Alert[] = [];
  const rows: MetricRow[] = [];
  const advanced: [string, ChangeStream][] = [];
  for (const name of names) {
    const saved = await loadStream(ctx.models, batch.name, name, config, (m) => ctx.reporter.warn(m));
    const end = saved ? streamEnd(saved) : null;
    let stream: ChangeStream | null = saved;
    let points: Point[];
    if (saved && end) {
      points = await store.since(batch.name, name, 'metric', end);
    } else {
      points = await store.latest(batch.name, name, 'metric', changeHistoryN(config));
      stream = startStream(points, config);
    }
    const first = points[0];
    if (!stream || !first) continue;
    const earlier = await store.since(batch.name, name, 'change', new Date(first.timestamp.getTime() - 1));
    const fresh = advanceChanges(stream, points, config, new Set(earlier.map((p) => p.timestamp.getTime())));
    advanced.push([name, stream]);
    if (fresh.length === 0) continue;
    const recent = (await store.latest(batch.name, name, 'metric', config.alert_max_n)).map((p) => ({ timestamp: p.timestamp, value: p.value, score: null }));
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
  const recorded = await notifyThenRecord(ctx, alerts, rows, 'change');
  for (const [name, stream] of advanced) await saveStream(ctx.models, batch.name, name, stream);
  return { counts: { changes: recorded }, message: `${recorded} new changes across ${names.length} metrics` };
}
