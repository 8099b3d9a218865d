/**
 * The alert pipeline, the one path of every alerting job (alert, change, tholdalert, llmalert): the job decides its
 * new alerts (dedupe: an alert already recorded is never decided again), then severity -> silence -> explain (the
 * LLM stage) -> route -> group -> deliver (deliver.ts) -> record. The resolve stage (src/jobs/resolve.ts) closes
 * recovered episodes at the end of the run.
 */
import type { Job } from '../config/schema.ts';
import { jobMethods } from './channels.ts';
import { ALERT_ROW_TYPE, type Alert, type AlertChannel } from './channel.ts';
import { deliverAlerts } from './deliver.ts';
import { explainAlerts } from './explain.ts';
import { withoutValues } from './privacy.ts';
import { allReceivers, receiversOf } from './route.ts';
import { severityBands, withSeverity } from './severity.ts';
import { configSilences, silenceMetadata, silenceOf, splitSilenced, type Silence } from './silence.ts';
import { ALERT_METHODS } from '../config/alert-keys.ts';
import { JOB_ALERT_KINDS, raisesAlerts, recentWithScores, type JobContext, type JobResult } from '../jobs/context.ts';
import type { MetricRow } from '../store/metrics-table.ts';
import { SilenceStore } from '../store/silences.ts';

/** What an alerting job decided: its new alerts, and how it reports the run once they are recorded. */
export interface Decided {
  alerts: Alert[];
  /** Rows recorded with the alert rows, in the same transaction (llmalert's `llmcheck` answers). */
  records?: MetricRow[];
  /**
   * Runs once the alert rows are recorded, given how many were new and what failed in the pipeline (a channel): the
   * job's result, and what the job keeps only after its alerts are safe (the change job's streams).
   */
  finish(recorded: number, failures: string[]): JobResult | Promise<JobResult>;
}

/** An alerting job: the decision is the job's own; everything after it is the pipeline's. */
export function alertingJob(job: Job, decide: (ctx: JobContext) => Promise<Decided>): (ctx: JobContext) => Promise<JobResult> {
  return async (ctx) => {
    const decided = await decide(ctx);
    const { recorded, failures } = await runPipeline(ctx, job, decided);
    return decided.finish(recorded, failures);
  };
}

/**
 * Delivers the job's new alerts (and those earlier runs could not get through to a channel: see deliverAlerts),
 * each channel on its own, then records the alert rows. Silenced alerts go to no channel and are recorded all the
 * same, marked with the silence; the rows are recorded whichever channels were up, so the decisions (and snoozes)
 * do not depend on them. Returns how many alert rows were new and what failed.
 */
export async function runPipeline(ctx: JobContext, job: Job, decided: Pick<Decided, 'alerts' | 'records'>): Promise<{ recorded: number; failures: string[] }> {
  const { config } = ctx.batch;
  const channels = channelsFor(ctx, job);
  const thresholdLevels = Object.fromEntries(Object.entries(config.tholdalert_thresholds).map(([metric, b]) => [metric, b.severity]));
  const rated = withSeverity(decided.alerts, severityBands(config.alert_severity), thresholdLevels);
  const silences = await batchSilences(ctx, channels);
  const { loud, silenced } = splitSilenced(rated, silences, ctx.now);
  if (silenced.length > 0) {
    const why = [...new Set(silenced.map(({ silence }) => `${silence.source}: ${silence.reason}`))].join('; ');
    ctx.reporter.info(`${ctx.batch.name}: ${silenced.length} alert(s) silenced, not sent (${why})`);
  }
  // Explanations cost tokens: only when a channel other than the log will show them, and they quote values.
  const listened = channels.some((c) => c.name !== 'console') && config.publish_values;
  const explained = await explainAlerts(loud, {
    llm: listened ? ctx.llm : null, config, store: ctx.store, batch: ctx.batch.name, now: ctx.now, warn: (message) => ctx.reporter.warn(message),
  });
  const published = config.publish_values ? explained : explained.map(withoutValues);
  const failures = await deliverAlerts({
    db: ctx.store.db,
    batch: ctx.batch.name,
    channels,
    groupBy: config.alert_group_by,
    kinds: JOB_ALERT_KINDS[job],
    alerts: published,
    routeTo: routeTo(ctx, job),
    isSilenced: (alert) => silenceOf(alert, silences, ctx.now) !== null,
    now: ctx.now,
    recentOf: (metric) => recentWithScores(ctx, metric),
    warn: (message) => ctx.reporter.warn(message),
  });
  const rows = [
    ...explained.map((alert) => recordOf(alert, channels, null)),
    ...silenced.map(({ alert, silence }) => recordOf(alert, channels, silence)),
    ...(decided.records ?? []),
  ];
  return { recorded: await ctx.store.db.transaction(() => ctx.store.insert(rows)), failures };
}

/**
 * The row that records an alert (`alert`, `change`, `tholdalert` or `llmalert`): the job's details, its severity,
 * the LLM stage's insight, where it went (the GitHub issue; Slack's `channel/ts` and an email's Message-ID by
 * channel) and the silence that muted it.
 */
export function recordOf(alert: Alert, channels: readonly AlertChannel[], silence: Silence | null): MetricRow {
  const issueUrl = channels.map((c) => c.deliveredTo?.(alert) ?? null).find((u) => u !== null);
  const delivered = Object.fromEntries(channels.flatMap((c) => {
    const receipt = c.receipt?.(alert) ?? null;
    return receipt ? [[c.name, receipt]] : [];
  }));
  return {
    metric_timestamp: alert.timestamp,
    metric_batch: alert.batch,
    metric_name: alert.metric,
    metric_type: ALERT_ROW_TYPE[alert.kind],
    metric_value: 1,
    metadata: {
      ...(alert.details ?? {}),
      ...(alert.severity ? { severity: alert.severity.level } : {}),
      ...(alert.insight ? { insight: alert.insight } : {}),
      ...(issueUrl ? { issue_url: issueUrl } : {}),
      ...(Object.keys(delivered).length > 0 ? { delivered } : {}),
      ...(silence ? { silenced: silenceMetadata(silence) } : {}),
    },
  };
}

/**
 * The channels a job's alerts may go to: those its methods key names (`alert_methods`, `tholdalert_methods`:
 * jobMethods) and the receivers of `alert_routes`. The console is always on (the log is where a run says what it
 * did), and a channel the caller supplied itself, under a name that is not a method, takes every alert.
 */
export function channelsFor(ctx: JobContext, job: Job): AlertChannel[] {
  const methods = jobMethods(ctx.batch.config, job)?.methods ?? [];
  const routed = raisesAlerts(job) ? allReceivers(ctx.batch.config.alert_routes).map((r) => r.name) : [];
  return ctx.channels.filter((c) => c.name === 'console' || methods.includes(c.name) || routed.includes(c.name) || !isMethodChannel(c.name));
}

/** Whether the channel is one of the alert methods (`slack`), or a route's receiver of one (`slack:#oncall`). */
function isMethodChannel(name: string): boolean {
  const known: readonly string[] = ALERT_METHODS;
  return known.includes(name.split(':')[0] ?? name);
}

/**
 * Whether the channel takes the alert (the route stage): the console and channels a caller supplied under a name of
 * their own take every alert; the methods and route receivers those `alert_routes` (or, for alerts no route takes,
 * the job's methods key) send it to.
 */
function routeTo(ctx: JobContext, job: Job): (alert: Alert, channel: string) => boolean {
  const { alert_routes: routes } = ctx.batch.config;
  const defaults = jobMethods(ctx.batch.config, job)?.methods ?? [];
  const cache = new Map<Alert, string[]>();
  return (alert, channel) => {
    if (channel === 'console' || !isMethodChannel(channel)) return true;
    if (!cache.has(alert)) cache.set(alert, receiversOf(alert, routes, defaults));
    return cache.get(alert)?.includes(channel) ?? false;
  };
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
