import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import type { Change } from '../models/changepoint.ts';
import type { Point } from '../store/metrics-table.ts';
import { inGroups, NO_POINT_MS } from '../store/series-group.ts';
import { advanceChanges, changeHistoryN, loadStream, saveStream, startStream, streamEnd, type ChangeDecision, type ChangeStream } from './change-stream.ts';
import { latestTimestamp } from './ingest.ts';
import { alertingJob, type Decided } from '../alerts/pipeline.ts';
import { isSelected, type JobContext } from './context.ts';

export function isChangeMetric(metric: string, config: BatchConfig): boolean {
  return isSelected(metric, config.change_include_metrics, config.change_exclude_metrics);
}

/** What a change is called in alerts: "changed level (up)", "changed trend (down)". */
export function describeChange(change: Change): string {
  return `changed ${change.shape} (${change.direction})`;
}

/**
 * The change job: feeds every selected metric's new points to its change stream (started from the stored history
 * when it has none) and decides the new changes; the pipeline sends them and records `change` rows, and only then
 * are the streams saved: a run that fails part-way leaves the saved streams as they were, and the next run decides
 * the same points again.
 */
export const change = alertingJob('change', decideChanges);

async function decideChanges(ctx: JobContext): Promise<Decided> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => isChangeMetric(n, config));
  const alerts: Alert[] = [];
  const advanced: [string, ChangeStream][] = [];
  const horizon = latestTimestamp(batch, ctx.now).ms;
  // Series are read a group of metrics at a time, one query per kind of read, as the score and alert jobs do.
  for (const group of inGroups(names)) {
    const saved = await Promise.all(group.map((name) => loadStream(ctx.models, batch.name, name, config, (m) => ctx.reporter.warn(m))));
    // A stream that reached past the newest time ingest accepts (a point far in the future, stored before that
    // limit) would never be fed again: it starts over from the history instead.
    const ends = saved.map((stream) => {
      const end = stream ? streamEnd(stream) : null;
      return end && end.getTime() <= horizon ? end : null;
    });
    const points = await pointsToFeed(ctx, group, ends);
    const starts = points.map((series) => new Date((series[0]?.timestamp.getTime() ?? NO_POINT_MS) - 1));
    const earlier = await store.sinceMany(batch.name, group, 'change', starts);
    for (const [g, name] of group.entries()) {
      const series = points[g] ?? [];
      const stream = ends[g] ? saved[g] : startStream(series, config);
      if (!stream || series.length === 0) continue;
      const found = advanceChanges(stream, series, config, new Set(earlier.times(g)));
      advanced.push([name, stream]);
      if (found.length > 0) alerts.push(...(await changeAlerts(ctx, name, found)));
    }
  }
  return {
    alerts,
    finish: async (recorded, failures) => {
      for (const [name, stream] of advanced) await saveStream(ctx.models, batch.name, name, stream);
      return { counts: { changes: recorded }, message: `${recorded} new changes across ${names.length} metrics`, failures };
    },
  };
}

/**
 * Each metric's points to feed: those after its saved stream's end, or, with no stream to continue (`ends[g]`
 * null), its newest history to start one from.
 */
async function pointsToFeed(ctx: JobContext, group: readonly string[], ends: readonly (Date | null)[]): Promise<Point[][]> {
  const { batch, store } = ctx;
  const after = await store.sinceMany(batch.name, group, 'metric', ends.map((end) => end ?? new Date(NO_POINT_MS)));
  const unstarted = group.filter((_, g) => !ends[g]);
  const histories = unstarted.length > 0 ? await store.latestMany(batch.name, unstarted, 'metric', changeHistoryN(batch.config)) : null;
  let h = 0;
  return group.map((_, g) => (ends[g] ? after.take(g) : (histories?.take(h++) ?? [])));
}

/** A metric's new changes as alerts, each with what its `change` row records. */
async function changeAlerts(ctx: JobContext, name: string, fresh: readonly ChangeDecision[]): Promise<Alert[]> {
  const { batch, store } = ctx;
  const config = batch.config;
  const recent = (await store.latest(batch.name, name, 'metric', config.alert_max_n)).map((p) => ({ timestamp: p.timestamp, value: p.value, score: null }));
  return fresh.map((decision): Alert => {
    const { change: found } = decision;
    return {
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
      direction: found.direction,
      details: {
        score: found.score,
        threshold: config.change_threshold,
        direction: found.direction,
        shape: found.shape,
        magnitude: found.magnitude,
        expected: found.expected,
        baseline: found.baseline,
        onset: decision.onset.toISOString(),
      },
    };
  });
}
