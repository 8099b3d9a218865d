import type { AlertChannel } from '../alerts/channel.ts';
import { batchChannels, unreachableMethod, type BatchChannels } from '../alerts/channels.ts';
import type { GitHubIssues } from '../alerts/github-issues.ts';
import type { BatchSummary } from '../alerts/summary-message.ts';
import { openArtifactStore } from '../artifacts/index.ts';
import { loadBatches, type Batch, type BatchFailure } from '../config/load.ts';
import type { ConfigIssue } from '../config/issues.ts';
import type { Layer } from '../config/layers.ts';
import { isJobDisabled, JOBS, type Job } from '../config/schema.ts';
import { DatabaseLockedError, DuckDb } from '../store/duckdb.ts';
import { redact } from '../runtime/redact.ts';
import { MetricsTable } from '../store/metrics-table.ts';
import { batchFeedback, type Feedback } from '../store/feedback.ts';
import { RunLog } from '../store/run-log.ts';
import { OpenAiClient, openAiSettings, type OpenAiSettings } from '../llm/openai.ts';
import { alert } from './alert.ts';
import { change } from './change.ts';
import { raisesAlerts, type JobContext, type JobResult, type Reporter } from './context.ts';
import { ingest, latestTimestamp } from './ingest.ts';
import { llmalert, NO_LLM_KEY } from './llmalert.ts';
import { isDue } from './schedule.ts';
import { resolve } from './resolve.ts';
import { retention } from './retention.ts';
import { score } from './score.ts';
import { summary } from './summary.ts';
import { tholdalert } from './tholdalert.ts';
import { train } from './train.ts';

const JOB_FUNCTIONS: Record<Job, (ctx: JobContext) => Promise<JobResult>> = {
  ingest, train, score, alert, change, tholdalert, llmalert, summary, retention,
  // Vega and resvg take about 0.5 s of CPU to load: only runs that plot pay for them.
  plot: async (ctx) => (await import('./plot.ts')).plot(ctx),
};
/** Log lines align their batch names after the longest job name. */
const JOB_WIDTH = Math.max(...JOBS.map((job) => job.length));

export interface RunOptions {
  metricsDir: string;
  /** Batch names to run; all when empty. */
  batches?: readonly string[];
  jobs?: readonly Job[];
  now?: Date;
  env?: NodeJS.ProcessEnv;
  /** Caller defaults under every config file (see `LoadOptions.defaults`). */
  defaults?: Layer;
  reporter: Reporter;
  /**
   * Run only the jobs whose `<job>_cron_schedule` is due (the action on a scheduled tick); by default
   * every selected job runs, as a user asking for it on the command line expects.
   */
  respectSchedules?: boolean;
  /** Channels for a batch's `alert_methods`; the CLI's default prints to the console. */
  channels?: (batch: Batch, reporter: Reporter) => AlertChannel[];
  /** The run's GitHub issues (the action makes one): batches whose `alert_methods` include `github` get a channel on it. */
  github?: GitHubIssues;
  /** Where the plot job writes `<batch>/...`; by default `plots/` beside each batch's DuckDB file. */
  plotsDir?: string;
  /** How long to wait for a database another run holds before giving up (DatabaseLockedError); 0: not at all. */
  waitMs?: number;
}

export interface JobOutcome {
  job: Job;
  /** `skipped`: not due on this tick (see `respectSchedules`). */
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  message: string;
}

export interface BatchReport {
  batch: string;
  status: 'ok' | 'failed' | 'disabled' | 'invalid';
  counts: Record<string, number>;
  jobs: JobOutcome[];
  error?: string;
  /** Where the batch's results live, for the closing "results are in" line. */
  storage?: { database: string; table: string; models: string };
  /** Triage feedback recorded so far (issue labels), for precision in summaries. */
  feedback?: Feedback;
  /** What the summary job summarized, when it ran. */
  summary?: BatchSummary;
  /** The batch keeps its values private (`publish_values: false`): nothing with its values is published. */
  valuesPrivate?: true;
}

export interface RunReport {
  batches: BatchReport[];
  warnings: ConfigIssue[];
  configFailures: BatchFailure[];
}

/** Runs the given jobs, in pipeline order, for every selected batch; a failing batch does not stop the others. */
export async function runJobs(options: RunOptions): Promise<RunReport> {
  const now = options.now ?? new Date();
  const jobs = JOBS.filter((job) => !options.jobs || options.jobs.includes(job));
  const loaded = await loadBatches(options.metricsDir, {
    env: options.env ?? process.env,
    only: options.batches ?? [],
    ...(options.defaults ? { defaults: options.defaults } : {}),
    now,
  });
  const unknown = (options.batches ?? []).filter(
    (name) => !loaded.batches.some((b) => b.name === name) && !loaded.failures.some((f) => f.name === name),
  );
  if (unknown.length > 0) throw new UsageError(`no batch named ${unknown.join(', ')} in ${options.metricsDir}`);
  const report: RunReport = { batches: [], warnings: loaded.warnings, configFailures: loaded.failures };
  for (const failure of loaded.failures) {
    report.batches.push({ batch: failure.name, status: 'invalid', counts: {}, jobs: [], error: failure.error.message });
  }
  // The llmalert job asks the LLM, and so does the pipeline's LLM stage in every alerting job (alert_explain).
  const llm = jobs.some(raisesAlerts) ? llmSettings(options, loaded.batches, jobs.includes('llmalert')) : null;
  const databases = new Map<string, DuckDb | Error>();
  try {
    await openDatabases(loaded.batches, options, databases);
    for (const batch of loaded.batches) {
      report.batches.push(await runBatch(batch, jobs, now, options, databases, llm));
    }
  } finally {
    for (const db of databases.values()) if (db instanceof DuckDb) db.close();
  }
  return report;
}

/**
 * Opens every database the run's enabled batches use, before any job runs: one held by another run stops the whole
 * run at once (a DatabaseLockedError, after `waitMs` if given), while one that cannot be opened for another reason
 * (a folder where the file should be, no permission) is kept as its error and fails only the batches that use it.
 */
async function openDatabases(batches: readonly Batch[], options: RunOptions, databases: Map<string, DuckDb | Error>): Promise<void> {
  for (const batch of batches.filter((b) => !b.config.disable_batch)) {
    const file = batch.config.duckdb_path;
    if (databases.has(file)) continue;
    try {
      databases.set(file, await DuckDb.openForJobs(file, { waitMs: options.waitMs ?? 0 }));
    } catch (error) {
      if (error instanceof DatabaseLockedError) throw error;
      databases.set(file, new Error(`duckdb_path ${file}: the database cannot be opened: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}

/**
 * The LLM's settings, read once per run; without a key the llmalert job (when `llmalert` is among the run's jobs)
 * is skipped, said in one line (a warning when it was the job asked for, since then the run did nothing).
 */
function llmSettings(options: RunOptions, batches: readonly Batch[], llmalertRuns: boolean): OpenAiSettings | null {
  let settings: OpenAiSettings | null;
  try {
    settings = openAiSettings(options.env ?? process.env);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const wanted = batches.some((b) => !b.config.disable_batch && !isJobDisabled(b.config, 'llmalert'));
  if (!settings && wanted && llmalertRuns) {
    const say = options.jobs?.length === 1 ? options.reporter.warn : options.reporter.info;
    say(`${'llmalert'.padEnd(JOB_WIDTH)} skipped: ${NO_LLM_KEY}`);
  }
  return settings;
}

async function runBatch(
  batch: Batch,
  jobs: readonly Job[],
  now: Date,
  options: RunOptions,
  databases: ReadonlyMap<string, DuckDb | Error>,
  llm: OpenAiSettings | null,
): Promise<BatchReport> {
  const storage = { database: batch.config.duckdb_path, table: batch.config.table_key, models: batch.config.model_path };
  const result: BatchReport = { batch: batch.name, status: 'ok', counts: {}, jobs: [], storage, ...(batch.config.publish_values ? {} : { valuesPrivate: true as const }) };
  if (batch.config.disable_batch) return { ...result, status: 'disabled' };
  try {
    const db = databases.get(batch.config.duckdb_path);
    if (!(db instanceof DuckDb)) throw db ?? new Error(`duckdb_path ${batch.config.duckdb_path}: not opened`);
    await runBatchJobs(batch, jobs, now, options, db, llm, result);
  } catch (error) {
    // The batch's own setup or bookkeeping failed (its database, model store or channels): it fails, the others run.
    const message = redact(error instanceof Error ? error.message : String(error));
    result.status = 'failed';
    result.error = result.error ? `${result.error} · ${message}` : message;
    options.reporter.warn(`${batch.name}: FAILED: ${message}`);
  }
  return result;
}

/** The batch's jobs in order, into `result`: a job that throws stops the batch; one whose deliveries failed does not. */
async function runBatchJobs(
  batch: Batch,
  jobs: readonly Job[],
  now: Date,
  options: RunOptions,
  db: DuckDb,
  llm: OpenAiSettings | null,
  result: BatchReport,
): Promise<void> {
  // Reads stop at the newest timestamp ingest accepts, so a point stored far in the future cannot hide the others.
  const store = new MetricsTable(db, batch.config.table_key, { until: new Date(latestTimestamp(batch, now).ms) });
  const { channels, misconfigured } = options.channels
    ? { channels: options.channels(batch, options.reporter), misconfigured: new Map<string, string>() }
    : defaultChannels(batch, store, options);
  const ctx: JobContext = {
    batch,
    store,
    models: openArtifactStore(batch.config.model_path, options.env ?? process.env),
    channels,
    now,
    reporter: options.reporter,
    llm: llm ? new OpenAiClient({ ...llm, model: batch.config.llmalert_model ?? llm.model }) : null,
    ...(options.plotsDir ? { plotsDir: options.plotsDir } : {}),
    env: options.env ?? process.env,
  };
  const runLog = new RunLog(ctx.store.db);
  const fail = (job: Job, message: string): void => {
    result.status = 'failed';
    result.error = result.error ? `${result.error} · ${job}: ${message}` : `${job}: ${message}`;
    options.reporter.warn(`${job.padEnd(JOB_WIDTH)} ${batch.name}: FAILED: ${message}`);
  };
  for (const job of jobs.filter((j) => !isJobDisabled(batch.config, j))) {
    if (job === 'llmalert' && !ctx.llm) {
      // Not logged as a run: once a key is set, the job is due at once.
      result.jobs.push({ job, status: 'skipped', ms: 0, message: NO_LLM_KEY });
      continue;
    }
    if (options.respectSchedules) {
      const due = isDue(batch.config, job, await runLog.lastSuccess(batch.name, job), now);
      if (!due.due) {
        const caughtUp = job === 'train' ? await trainUnusable(ctx, fail) : null;
        const message = `not due (${due.reason})${caughtUp ? `; ${caughtUp}` : ''}`;
        result.jobs.push({ job, status: 'skipped', ms: 0, message });
        options.reporter.info(`${job.padEnd(JOB_WIDTH)} ${batch.name}: ${message}`);
        continue;
      }
    }
    const started = performance.now();
    try {
      // A channel the job must notify but cannot reach fails the job, so nothing is recorded as delivered.
      const unreachable = unreachableMethod(batch.config, job, misconfigured);
      if (unreachable) throw new Error(unreachable);
      const outcome = await JOB_FUNCTIONS[job](ctx);
      if (outcome.summary) result.summary = outcome.summary;
      for (const [key, value] of Object.entries(outcome.counts)) {
        // "metrics" is a size, not a running total: keep the largest any job saw.
        result.counts[key] = key === 'metrics' ? Math.max(result.counts[key] ?? 0, value) : (result.counts[key] ?? 0) + value;
      }
      const ms = performance.now() - started;
      // Deliveries that failed fail the job, but its own work is done: the batch's later jobs still run.
      const failures = (outcome.failures ?? []).map(redact);
      const message = failures.length > 0 ? `${outcome.message}; ${failures.join('; ')}` : outcome.message;
      const status = failures.length > 0 ? 'failed' : 'ok';
      result.jobs.push({ job, status, ms, message });
      await runLog.record({ batch: batch.name, job, startedAt: now, ms, status, message, counts: outcome.counts });
      if (failures.length > 0) fail(job, failures.join('; '));
      else options.reporter.info(`${job.padEnd(JOB_WIDTH)} ${batch.name}: ${outcome.message}`);
    } catch (error) {
      // Later jobs would work on incomplete data, so the batch stops here; other batches carry on.
      const message = redact(error instanceof Error ? error.message : String(error));
      const ms = performance.now() - started;
      result.jobs.push({ job, status: 'failed', ms, message });
      // The failure is what matters; a log that cannot be written (a broken database) must not hide it.
      await runLog
        .record({ batch: batch.name, job, startedAt: now, ms, status: 'failed', message, counts: {} })
        .catch((logError: unknown) => options.reporter.warn(`${batch.name}: could not log the failed ${job} run: ${redact(String(logError))}`));
      fail(job, message);
      break;
    }
  }
  // A run with no alerting job leaves the channels alone.
  if (jobs.some(raisesAlerts)) await resolveEpisodes(ctx, options.reporter);
  if (!('metrics' in result.counts)) result.counts['metrics'] = (await ctx.store.metricNames(batch.name)).length;
  result.feedback = await batchFeedback(ctx.store, batch.name);
}

/**
 * The resolve stage, after the batch's jobs whichever ran (a failed one included: episodes recover from what is
 * stored). Its failure is a warning: the alerts are delivered and recorded, and the next run resolves again.
 */
async function resolveEpisodes(ctx: JobContext, reporter: Reporter): Promise<void> {
  try {
    const feedback = await resolve(ctx);
    if (feedback > 0) reporter.info(`${'resolve'.padEnd(JOB_WIDTH)} ${ctx.batch.name}: ${feedback} new feedback rows`);
  } catch (error) {
    reporter.warn(`${'resolve'.padEnd(JOB_WIDTH)} ${ctx.batch.name}: closing recovered episodes failed (${redact(error instanceof Error ? error.message : String(error))}); the next run retries`);
  }
}

/**
 * On a tick where train is not due: fits the metrics that have no usable model (new metrics, a changed config), so
 * they are scored now rather than after the next scheduled train. Not logged as a run of train, so the schedule is
 * kept. Returns what it did, or null when every model was usable.
 */
async function trainUnusable(ctx: JobContext, fail: (job: Job, message: string) => void): Promise<string | null> {
  try {
    const outcome = await train(ctx, { onlyUnusable: true });
    return (outcome.counts.trained ?? 0) > 0 ? `trained ${outcome.counts.trained ?? 0} metric(s) that had no usable model` : null;
  } catch (error) {
    fail('train', redact(error instanceof Error ? error.message : String(error)));
    return null;
  }
}

/** The console always, plus the batch's methods: GitHub issues on the run's issues, Slack and email from the environment. */
function defaultChannels(batch: Batch, store: MetricsTable, options: RunOptions): BatchChannels {
  return batchChannels(batch, {
    env: options.env ?? process.env,
    info: (message) => options.reporter.info(message),
    warn: (message) => options.reporter.warn(message),
    ...(options.github ? { github: options.github } : {}),
    plot: async (group) => (await import('./plot.ts')).alertPlot(store, batch, group.newest.metric, undefined, group.alerts),
  });
}

/** Bad command-line usage (exit code 2), as opposed to a batch that failed while running (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
