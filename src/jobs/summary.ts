/**
 * The summary job (Anomstack's `summary`): a digest of what a batch did over its last
 * `summary_metric_timestamp_max_days_ago` days, sent to the summary-capable channels of `alert_methods` (Slack, email,
 * webhook, Teams, Discord) at most once per `summary_cron_schedule` period.
 */
import { alertKindOfRow, type AlertKind } from '../alerts/channel.ts';
import { formatNumber, HEADLINES, oneLineExplanation } from '../alerts/alert-text.ts';
import { isSummaryChannel, SUMMARY_EVENTS, SUMMARY_TOP, totalsLine, type BatchSummary, type SummaryEvent } from '../alerts/summary-message.ts';
import { JOBS } from '../config/schema.ts';
import { readEvents } from '../report/series-query.ts';
import { batchFeedback } from '../store/feedback.ts';
import { periodStats } from '../store/period-stats.ts';
import { Deliveries, deliveryId } from '../store/deliveries.ts';
import { RunLog } from '../store/run-log.ts';
import { channelsFor } from '../alerts/pipeline.ts';
import { DAY_MS, type JobContext, type JobResult } from './context.ts';
import { isDue, lastFire } from './schedule.ts';

/** What the batch did in the period ending at the run's clock. */
export async function summarizeBatch(ctx: Pick<JobContext, 'batch' | 'store' | 'now'>): Promise<BatchSummary> {
  const { batch, store, now } = ctx;
  const from = new Date(now.getTime() - batch.config.summary_metric_timestamp_max_days_ago * DAY_MS);
  const stats = await periodStats(store, batch.name, from, now);
  const names = await store.metricNames(batch.name);
  const active = new Set(stats.filter((s) => s.points > 0).map((s) => s.metric));
  const sum = (pick: (s: (typeof stats)[number]) => number): number => stats.reduce((total, s) => total + pick(s), 0);
  // Highest score first; among equals (or unscored), the metric that alerted more.
  const top = stats
    .filter((s) => s.points > 0 || s.scored > 0)
    .sort((a, b) => (b.maxScore ?? -1) - (a.maxScore ?? -1) || b.alerts + b.tholdalerts - (a.alerts + a.tholdalerts) || a.metric.localeCompare(b.metric))
    .slice(0, SUMMARY_TOP);
  const rows = await readEvents(store.db, store.table, { batch: batch.name, since: from.toISOString(), kinds: ['alert', 'change', 'tholdalert', 'llmalert'], limit: 1000 });
  const events: SummaryEvent[] = rows
    .filter((e) => e.t > from.getTime() && e.t <= now.getTime())
    .slice(0, SUMMARY_EVENTS)
    .map((e) => {
      const kind = alertKindOfRow(e.kind) ?? 'anomaly';
      return { metric: e.metric, kind, timestamp: new Date(e.t), detail: eventDetail(kind, e.metadata ?? {}) };
    });
  return {
    batch: batch.name,
    from,
    to: now,
    totals: {
      metrics: names.length,
      points: sum((s) => s.points),
      scored: sum((s) => s.scored),
      alerts: sum((s) => s.alerts),
      changes: sum((s) => s.changes),
      tholdalerts: sum((s) => s.tholdalerts),
      llmalerts: sum((s) => s.llmalerts),
    },
    top,
    silent: names.filter((n) => !active.has(n)),
    events,
    jobs: (await new RunLog(store.db).tally(batch.name, from, now)).sort((a, b) => pipelineOrder(a.job) - pipelineOrder(b.job)),
    feedback: await batchFeedback(store, batch.name),
  };
}

/**
 * Sends the summary unless one was sent since the schedule last fired (the run log says when), so re-running in
 * the same period, from the CLI or a re-run workflow, sends nothing twice. A channel that fails throws: the run log
 * then records a failure and the next run sends it again.
 */
export async function summary(ctx: JobContext): Promise<JobResult> {
  const { batch, now } = ctx;
  const digest = await summarizeBatch(ctx);
  const what = `${describeDays(batch.config.summary_metric_timestamp_max_days_ago)}: ${totalsLine(digest)}`;
  const due = isDue(batch.config, 'summary', await new RunLog(ctx.store.db).lastSuccess(batch.name, 'summary'), now);
  if (!due.due) return { counts: {}, message: `${what}; already summarized in this period (${due.reason})`, summary: digest };
  const channels = channelsFor(ctx, 'summary').filter(isSummaryChannel);
  if (channels.length === 0) return { counts: {}, message: `${what}; not sent: alert_methods has no slack, email, webhook, teams or discord`, summary: digest };
  // One summary per period and channel: a channel that failed is sent it again on the next run, the others are not.
  const deliveries = new Deliveries(ctx.store.db);
  const key = { batch: batch.name, metric: '', type: 'summary', timestamp: lastFire(batch.config.summary_cron_schedule, now) };
  const earlier = (await deliveries.deliveredChannels([key])).get(deliveryId(key)) ?? new Set<string>();
  const sent: string[] = [];
  const failures: string[] = [];
  for (const channel of channels.filter((c) => !earlier.has(c.name))) {
    try {
      await channel.sendSummary(digest);
    } catch (error) {
      failures.push(`${channel.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    await deliveries.record(channel.name, [{ key, outcome: { status: 'delivered' } }], now);
    sent.push(channel.name);
  }
  const parts = [
    ...(sent.length > 0 ? [`sent to ${sent.join(', ')}`] : []),
    ...(earlier.size > 0 ? [`already sent to ${[...earlier].join(', ')}`] : []),
    ...(failures.length > 0 ? [`not sent to ${failures.map((f) => f.split(':')[0]).join(', ')}`] : []),
  ];
  return { counts: {}, message: `${what}; ${parts.join('; ')}`, summary: digest, failures };
}

/** The alert rows' own numbers: alert and change rows store 1 as their value and the evidence in metadata. */
function eventDetail(kind: AlertKind, metadata: Record<string, unknown>): string {
  const number = (key: string): number | null => (typeof metadata[key] === 'number' ? metadata[key] : null);
  if (kind === 'anomaly') {
    const score = number('smoothed_score') ?? number('score');
    return score === null ? '' : `score ${score.toFixed(2)}`;
  }
  if (kind === 'threshold') {
    const value = number('value');
    const threshold = number('threshold');
    const bound = metadata['bound'] === 'lower' ? 'below' : 'above';
    return value === null ? '' : `value ${formatNumber(value)}${threshold === null ? '' : ` ${bound} ${formatNumber(threshold)}`}`;
  }
  if (kind === 'llm') return typeof metadata['explanation'] === 'string' ? oneLineExplanation(metadata['explanation']) : '';
  const direction = typeof metadata['direction'] === 'string' ? ` (${metadata['direction']})` : '';
  return `${HEADLINES.change.says}${direction}`;
}

/** Jobs in pipeline order; jobs this version does not know last. */
function pipelineOrder(job: string): number {
  const index = (JOBS as readonly string[]).indexOf(job);
  return index === -1 ? JOBS.length : index;
}

function describeDays(days: number): string {
  return days === 1 ? 'last day' : `last ${days} days`;
}
