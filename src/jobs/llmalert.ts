import type { Alert } from '../alerts/channel.ts';
import type { BatchConfig } from '../config/schema.ts';
import { LlmError, type LlmClient, type LlmVerdict, type PromptPoint } from '../llm/client.ts';
import { LLM_KEY_VARIABLES } from '../llm/openai.ts';
import type { MetricRow, Point } from '../store/metrics-table.ts';
import { alertingJob, type Decided } from '../alerts/pipeline.ts';
import { DAY_MS, isSelected, recentWithScores, type JobContext } from './context.ts';
import { toTimestamp } from './ingest.ts';
import { NOT_ASKED, promptTimestamp, rejectedBefore, verificationMetadata, verify, withinBudget, type Verification } from './llmalert-verify.ts';

export { promptTimestamp } from './llmalert-verify.ts';

/** Metrics asked at once: LLM answers take seconds, and a few requests in flight stay within common rate limits. */
const CONCURRENT_QUESTIONS = 4;

/** Why the job did nothing, in the words the run log and the summary show. */
export const NO_LLM_KEY = `no LLM key: set ${LLM_KEY_VARIABLES.join(' or ')} to ask the LLM`;

export function isLlmAlertMetric(metric: string, config: BatchConfig): boolean {
  return isSelected(metric, config.llmalert_include_metrics, config.llmalert_exclude_metrics);
}

/**
 * The points sent to the LLM, oldest first, as Anomstack prepares them: points of the last
 * `llmalert_metric_timestamp_max_days_ago` days, their rolling mean over `llmalert_smooth_n` points (the first
 * n - 1 have none and are left out), the newest `llmalert_prompt_max_n`, rounded to `llmalert_metric_rounding` places.
 */
export function promptPoints(points: readonly Point[], config: BatchConfig, now: Date): Point[] {
  const since = now.getTime() - config.llmalert_metric_timestamp_max_days_ago * DAY_MS;
  const recent = points.filter((p) => p.timestamp.getTime() >= since);
  const n = config.llmalert_smooth_n;
  const smoothed = n > 1
    ? recent.slice(n - 1).map((p, i) => ({ timestamp: p.timestamp, value: recent.slice(i, i + n).reduce((sum, q) => sum + q.value, 0) / n }))
    : recent;
  return smoothed.slice(-config.llmalert_prompt_max_n).map((p) => ({ timestamp: p.timestamp, value: round(p.value, config.llmalert_metric_rounding) }));
}

function round(value: number, places: number): number {
  if (places < 0) return value;
  const rounded = Number(value.toFixed(places));
  // toFixed turns tiny negatives into "-0.0000".
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * The points an answer flags, oldest first: of the newest `recentN` points sent, those whose time the model named
 * in `anomalous_timestamps`, or the newest point when it said anomalous without naming one it was asked about.
 */
export function flaggedPoints(verdict: LlmVerdict, sent: readonly Point[], recentN: number): Point[] {
  if (!verdict.anomalous) return [];
  const judged = sent.slice(-recentN);
  const named = new Set((verdict.anomalous_timestamps ?? []).map((text) => toTimestamp(text)?.getTime()));
  const flagged = judged.filter((p) => named.has(p.timestamp.getTime()));
  return flagged.length > 0 ? flagged : judged.slice(-1);
}

interface Question {
  metric: string;
  /** The metric's newest stored point: what this question is about, recorded as an `llmcheck` row. */
  newest: Point;
  stored: Point[];
  sent: Point[];
}

type Preparation = Question | 'asked' | 'no history';

/** A metric the first question answered, with the points it newly flags. */
interface Answered {
  question: Question;
  answer: LlmVerdict;
  fresh: Point[];
}

/**
 * The llmalert job: asks the LLM about each selected metric whose newest point it was not asked about yet, and
 * decides alerts about the points it calls anomalous, which the pipeline (src/alerts/pipeline.ts) sends and records
 * as `llmalert` rows (the explanation in `metadata`). Every answer is also recorded as an `llmcheck` row at the newest point, so a re-run
 * asks nothing twice. A failed question is a warning and records nothing for that metric: the next run asks again.
 * With `llmalert_verify`, the flagged points are candidates a second question confirms or rejects (see
 * llmalert-verify.ts): only confirmed points alert, and a failed second question counts as a failed first one.
 *
 * Each question has `llmalert_timeout_s`, the job `llmalert_max_s` a run: when that runs out, questions in flight
 * are stopped and no more are asked. An endpoint that does not answer or cannot be reached stops the asking too,
 * so it costs about one time limit a run; that, like a rejected key, is a failure of the job (`failures`).
 */
export const llmalert = alertingJob('llmalert', askTheLlm);

async function askTheLlm(ctx: JobContext): Promise<Decided> {
  const { batch, store } = ctx;
  const config = batch.config;
  const llm = ctx.llm;
  if (!llm) return { alerts: [], finish: () => ({ counts: {}, message: `skipped: ${NO_LLM_KEY}` }) };
  const budget = AbortSignal.timeout(config.llmalert_max_s * 1000);
  const names = (await store.metricNames(batch.name)).filter((n) => isLlmAlertMetric(n, config));
  const alerts: Alert[] = [];
  /** One `llmcheck` row per answer, anomalous or not. */
  const checks: MetricRow[] = [];
  const tally = { asked: 0, failed: 0, askedBefore: 0, noHistory: 0, stopped: 0, rejected: 0 };
  let fatal: LlmError | null = null;
  let looked = 0;
  /** Counts a failed question and warns of one that is not fatal; returns the first fatal error so far. */
  const failed = (question: Question, error: LlmError, firstFatal: LlmError | null): LlmError | null => {
    tally.failed++;
    if (error.fatal) return firstFatal ?? error;
    ctx.reporter.warn(`llmalert ${batch.name}/${question.metric}: ${error.message}; nothing recorded, the next run asks again`);
    return firstFatal;
  };
  for (let start = 0; start < names.length && !fatal && !budget.aborted; start += CONCURRENT_QUESTIONS) {
    const questions: Question[] = [];
    for (const name of names.slice(start, start + CONCURRENT_QUESTIONS)) {
      looked++;
      const prepared = await prepare(ctx, name);
      if (prepared === 'asked') tally.askedBefore++;
      else if (prepared === 'no history') tally.noHistory++;
      else questions.push(prepared);
    }
    const answers = await Promise.all(questions.map((q) => ask(llm, q, batch.name, config, budget)));
    const answered: Answered[] = [];
    for (const [i, answer] of answers.entries()) {
      const question = questions[i];
      if (!question) continue;
      if (answer === NOT_ASKED) tally.stopped++;
      else if (answer instanceof LlmError) fatal = failed(question, answer, fatal);
      else answered.push({ question, answer, fresh: await freshFlags(ctx, question, answer) });
    }
    const verified = await verifyAll(ctx, llm, answered, budget, fatal !== null);
    for (const [i, { question, answer, fresh }] of answered.entries()) {
      const verification = verified[i] ?? null;
      if (verification === NOT_ASKED) {
        tally.stopped++;
        continue;
      }
      if (verification instanceof LlmError) {
        fatal = failed(question, verification, fatal);
        continue;
      }
      tally.asked++;
      tally.rejected += verification?.rejected.length ?? 0;
      checks.push(checkRow(ctx, question, answer, llm.model, verification));
      const confirmed = verification ? verification.confirmed : fresh.map((point) => ({ point, reason: null }));
      if (confirmed.length === 0) continue;
      alerts.push(...(await alertsFor(ctx, question, answer, confirmed, llm.model)));
    }
    ctx.reporter.progress(`llmalert ${batch.name}`, looked, names.length);
  }
  // Metrics never looked at, and questions stopped in flight: none has anything recorded, so the next run asks them.
  const notAsked = names.length - looked + tally.stopped;
  const failures: string[] = [];
  if (fatal) {
    const limit = fatal.unreachable === 'timeout' ? ' (llmalert_timeout_s)' : '';
    const left = notAsked > 0 ? ` (${notAsked} more metric(s) not asked)` : '';
    ctx.reporter.warn(`llmalert ${batch.name}: ${fatal.message}${limit}; stopped asking${left}, the next run tries again`);
    failures.push(`${fatal.message}${limit}; ${tally.failed + notAsked} metric(s) without an answer`);
  } else if (notAsked > 0) {
    ctx.reporter.warn(`llmalert ${batch.name}: out of time after ${config.llmalert_max_s} s (llmalert_max_s); ${notAsked} metric(s) not asked, the next run asks them`);
  }
  const notes = [
    `${tally.asked} asked`,
    ...(tally.askedBefore ? [`${tally.askedBefore} already asked about their newest point`] : []),
    ...(tally.noHistory ? [`${tally.noHistory} without enough recent points`] : []),
    ...(tally.rejected ? [`${tally.rejected} flagged point(s) rejected on verification`] : []),
    ...(tally.failed ? [`${tally.failed} failed`] : []),
    ...(notAsked ? [`${notAsked} not asked`] : []),
  ];
  return {
    alerts,
    // Recorded with the alerts whichever channels delivered: no question is asked twice.
    records: checks,
    finish: (_recorded, delivery) => {
      const all = [...failures, ...delivery];
      return {
        counts: { llmalerts: alerts.length },
        message: `${alerts.length} new LLM alerts across ${names.length} metrics (${notes.join(', ')}, model ${llm.model})`,
        ...(all.length > 0 ? { failures: all } : {}),
      };
    },
  };
}

async function prepare(ctx: JobContext, metric: string): Promise<Preparation> {
  const { batch, store } = ctx;
  const config = batch.config;
  const stored = await store.latest(batch.name, metric, 'metric', config.llmalert_prompt_max_n + Math.max(0, config.llmalert_smooth_n - 1));
  const newest = stored.at(-1);
  if (!newest) return 'no history';
  const lastCheck = (await store.latest(batch.name, metric, 'llmcheck', 1))[0];
  if (lastCheck && lastCheck.timestamp.getTime() >= newest.timestamp.getTime()) return 'asked';
  const sent = promptPoints(stored, config, ctx.now);
  // The newest points need earlier ones to be judged against, and must themselves be recent.
  if (sent.length <= config.llmalert_recent_n || sent.at(-1)?.timestamp.getTime() !== newest.timestamp.getTime()) return 'no history';
  return { metric, newest, stored, sent };
}

function promptPointsOf(question: Question): PromptPoint[] {
  return question.sent.map((p) => ({ timestamp: promptTimestamp(p.timestamp), value: p.value }));
}

function ask(llm: LlmClient, question: Question, batch: string, config: BatchConfig, budget: AbortSignal): Promise<LlmVerdict | LlmError | typeof NOT_ASKED> {
  return withinBudget(budget, () => llm.askAboutMetric(
    { batch, metric: question.metric, points: promptPointsOf(question), recentN: config.llmalert_recent_n, smoothN: config.llmalert_smooth_n },
    { timeoutMs: config.llmalert_timeout_s * 1000, signal: budget },
  ));
}

/**
 * The second pass over a round's answers (`llmalert_verify`), its questions in flight together: null for each
 * metric when the pass is off. A metric with no new flagged point has nothing to verify, and points an earlier
 * second pass rejected are not asked about again. After a fatal error in the round nothing more is asked: those
 * metrics are left to the next run.
 */
async function verifyAll(ctx: JobContext, llm: LlmClient, answered: readonly Answered[], budget: AbortSignal, stopped: boolean): Promise<(Verification | LlmError | typeof NOT_ASKED | null)[]> {
  if (!ctx.batch.config.llmalert_verify) return answered.map(() => null);
  const asks: Promise<Verification | LlmError | typeof NOT_ASKED>[] = [];
  for (const { question, answer, fresh } of answered) {
    const first = fresh[0];
    const rejected = first ? await rejectedBefore(ctx, question.metric, first.timestamp) : new Set<number>();
    const before: Verification = {
      confirmed: [],
      rejected: fresh.filter((p) => rejected.has(p.timestamp.getTime())).map((point) => ({ point, reason: 'rejected by an earlier run\'s verify pass' })),
    };
    const candidates = fresh.filter((p) => !rejected.has(p.timestamp.getTime()));
    if (candidates.length === 0) asks.push(Promise.resolve(before));
    else if (stopped) asks.push(Promise.resolve(NOT_ASKED));
    else {
      const asked = { metric: question.metric, points: promptPointsOf(question), candidates, detection: answer.explanation };
      asks.push(verify(llm, ctx, asked, budget).then((v) => (v === NOT_ASKED || v instanceof LlmError ? v : { ...v, rejected: [...before.rejected, ...v.rejected] })));
    }
  }
  return Promise.all(asks);
}

function checkRow(ctx: JobContext, question: Question, answer: LlmVerdict, model: string, verification: Verification | null): MetricRow {
  const verified = verification !== null && verification.confirmed.length + verification.rejected.length > 0;
  // Once verified, anomalous means that a flagged point was confirmed.
  const anomalous = answer.anomalous && (!verified || (verification?.confirmed.length ?? 0) > 0);
  return {
    metric_timestamp: question.newest.timestamp,
    metric_batch: ctx.batch.name,
    metric_name: question.metric,
    metric_type: 'llmcheck',
    metric_value: anomalous ? 1 : 0,
    metadata: {
      model, explanation: answer.explanation, anomalous_timestamps: answer.anomalous_timestamps ?? [], points: question.sent.length,
      ...(verified && verification ? { verify: verificationMetadata(verification) } : {}),
    },
  };
}

/** The flagged points not recorded as LLM alerts already (an earlier answer may have flagged them too). */
async function freshFlags(ctx: JobContext, question: Question, answer: LlmVerdict): Promise<Point[]> {
  const flagged = flaggedPoints(answer, question.sent, ctx.batch.config.llmalert_recent_n);
  const first = flagged[0];
  if (!first) return [];
  const earlier = await ctx.store.since(ctx.batch.name, question.metric, 'llmalert', new Date(first.timestamp.getTime() - 1));
  const recorded = new Set(earlier.map((p) => p.timestamp.getTime()));
  return flagged.filter((p) => !recorded.has(p.timestamp.getTime()));
}

/** The alerts and `llmalert` rows for the points an answer newly flags (and the second pass confirmed, for its reason). */
async function alertsFor(
  ctx: JobContext,
  question: Question,
  answer: LlmVerdict,
  fresh: readonly { point: Point; reason: string | null }[],
  model: string,
): Promise<Alert[]> {
  const { batch } = ctx;
  const recent = await recentWithScores(ctx, question.metric);
  const valueAt = new Map(question.stored.map((p) => [p.timestamp.getTime(), p.value]));
  const scoreAt = new Map(recent.map((p) => [p.timestamp.getTime(), p.score]));
  const alerts: Alert[] = [];
  for (const { point, reason } of fresh) {
    // The LLM gives no score; the detectors' score at that point, if any, travels with the alert.
    const score = scoreAt.get(point.timestamp.getTime()) ?? 0;
    const alert: Alert = {
      kind: 'llm',
      batch: batch.name,
      metric: question.metric,
      timestamp: point.timestamp,
      value: valueAt.get(point.timestamp.getTime()) ?? point.value,
      score,
      smoothedScore: score,
      threshold: batch.config.alert_threshold,
      tags: batch.config.metric_tags[question.metric] ?? {},
      recent,
      explanation: answer.explanation,
      details: { explanation: answer.explanation, model, ...(reason === null ? {} : { verified: reason }) },
    };
    alerts.push(alert);
  }
  return alerts;
}
