import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import type { Point } from '../store/metrics-table.ts';
import { inGroups, justBeforeFirst } from '../store/series-group.ts';
import { directionOf, directionWanted, type ExpectedRange } from '../models/expected-range.ts';
import { storedScoreDetails, type ScoreDetails } from '../store/score-details.ts';
import { alertingJob, type Decided } from '../alerts/pipeline.ts';
import { isExcluded, recentWithScores, type JobContext } from './context.ts';

/** A scored point and what the alert rule made of it. */
export interface AlertDecision {
  timestamp: Date;
  score: number;
  alert: boolean;
}

/**
 * Anomstack's alert rule with its intended meaning. For each of the newest `alert_recent_n` scores, oldest
 * first: alert when the score is at least `alert_threshold`, unless an alert fired within the previous
 * `alert_snooze_n` points. The scores are what the score job judged (see alertEvidence): the mean of the last
 * `alert_smooth_n` point scores, which is Anomstack's smoothed rule, or for a point far outside its expected range
 * its own score, so that it alerts in the run that ingested it. `alert_always` forces the newest point to alert, snoozed or not (for
 * checking that notifications arrive). Pure: the same scores and earlier alerts always give the same decisions,
 * which is what makes re-running the job harmless.
 */
export function decideAlerts(
  scores: readonly Point[],
  earlierAlerts: ReadonlySet<number>,
  config: BatchConfig,
  wanted: (ms: number) => boolean = () => true,
): AlertDecision[] {
  const alerted = new Set(earlierAlerts);
  const decisions: AlertDecision[] = [];
  const start = Math.max(0, scores.length - config.alert_recent_n);
  for (let i = start; i < scores.length; i++) {
    const point = scores[i];
    if (!point) continue;
    const snoozed = scores
      .slice(Math.max(0, i - config.alert_snooze_n), i)
      .some((p) => alerted.has(p.timestamp.getTime()));
    const forced = config.alert_always && i === scores.length - 1;
    // `wanted` (alert_direction) drops a point on the side the metric does not care about: it neither alerts nor snoozes.
    const ms = point.timestamp.getTime();
    const alert = alerted.has(ms) || forced || (point.value >= config.alert_threshold && !snoozed && wanted(ms));
    if (alert) alerted.add(point.timestamp.getTime());
    decisions.push({ timestamp: point.timestamp, score: point.value, alert });
  }
  return decisions;
}

/** Whether the point at `ms` lies on the side `alert_direction` keeps (see directionWanted). */
export function wantedDirection(
  valueAt: (ms: number) => number | null,
  rangeAt: (ms: number) => ExpectedRange | null,
  wanted: 'both' | 'up' | 'down',
): (ms: number) => boolean {
  return (ms) => directionWanted(wanted, directionOf(valueAt(ms), rangeAt(ms)));
}

/** A metric's recent values with their scores, and what the score job stored with those scores (expected ranges). */
async function valuesAndDetails(ctx: JobContext, name: string, scores: readonly Point[]): Promise<{
  recent: Alert['recent'];
  valueAt: (ms: number) => number | null;
  rangeAt: (ms: number) => ExpectedRange | null;
  detailsAt: (ms: number) => ScoreDetails | null;
}> {
  // The stored scores, as a retry of this alert shows them (not the rule's evidence: see alertEvidence).
  const recent = await recentWithScores(ctx, name);
  const values = new Map(recent.map((p) => [p.timestamp.getTime(), p.value]));
  const oldest = scores[0]?.timestamp;
  const details = await storedScoreDetails(ctx.store, ctx.batch.name, name, oldest ? new Date(oldest.getTime() - 1) : null);
  return {
    recent,
    valueAt: (ms) => values.get(ms) ?? null,
    rangeAt: (ms) => details.get(ms)?.expected ?? null,
    detailsAt: (ms) => details.get(ms) ?? null,
  };
}

/**
 * The alert job: decides each metric's new anomaly alerts; the pipeline (src/alerts/pipeline.ts) sends and records
 * them as `alert` rows. Closing recovered episodes and reading feedback is the resolve stage's (src/jobs/resolve.ts).
 */
export const alert = alertingJob('alert', decideAnomalies);

async function decideAnomalies(ctx: JobContext): Promise<Decided> {
  const { batch, store } = ctx;
  const config = batch.config;
  const names = (await store.metricNames(batch.name)).filter((n) => !isExcluded(n, config.alert_exclude_metrics));
  const alerts: Alert[] = [];
  // Series are read a group at a time (one query per kind of row and group, not per metric): per-metric
  // queries made this job cost as much as scoring on a batch of a thousand metrics.
  for (const group of inGroups(names)) {
    // Each point as the rule judges it: the stored score, or an extreme point's own (see alertEvidence).
    const scoreGroup = await store.latestMany(batch.name, group, 'score', config.alert_max_n, 'evidence');
    // Alerts already stored from each metric's oldest score read on; a metric with no score reads none.
    const earlierGroup = await store.sinceMany(batch.name, group, 'alert', justBeforeFirst(scoreGroup));
    for (const [g, name] of group.entries()) {
      const scores = scoreGroup.take(g);
      if (scores.length === 0) continue;
      const earlierSet = new Set(earlierGroup.times(g));
      // The values and expected ranges around the alerts: read first when alert_direction needs them, else only for alerts.
      let around = config.alert_direction === 'both' ? null : await valuesAndDetails(ctx, name, scores);
      const wanted = around ? wantedDirection(around.valueAt, around.rangeAt, config.alert_direction) : undefined;
      const fresh = decideAlerts(scores, earlierSet, config, wanted).filter((d) => d.alert && !earlierSet.has(d.timestamp.getTime()));
      if (fresh.length === 0) continue;
      around ??= await valuesAndDetails(ctx, name, scores);
      const { recent, valueAt, detailsAt } = around;
      for (const decision of fresh) {
        const value = valueAt(decision.timestamp.getTime());
        const details = detailsAt(decision.timestamp.getTime());
        const expected = details?.expected ?? null;
        const pointScore = details?.point ?? decision.score;
        const direction = directionOf(value, expected);
        const anomaly: Alert = {
          kind: 'anomaly',
          batch: batch.name,
          metric: name,
          timestamp: decision.timestamp,
          value,
          score: pointScore,
          smoothedScore: decision.score,
          threshold: config.alert_threshold,
          tags: config.metric_tags[name] ?? {},
          recent,
          ...(expected ? { expected } : {}),
          ...(direction ? { direction } : {}),
          ...(details?.extreme ? { extreme: true } : {}),
          details: {
            score: pointScore, smoothed_score: decision.score, threshold: config.alert_threshold,
            ...(details?.extreme ? { extreme: true } : {}),
            ...(expected ? { expected, direction } : {}),
          },
        };
        alerts.push(anomaly);
      }
    }
  }
  return {
    alerts,
    finish: (recorded, failures) => ({ counts: { alerts: recorded }, message: `${recorded} new alerts across ${names.length} metrics`, failures }),
  };
}
