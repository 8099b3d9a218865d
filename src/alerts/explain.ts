/**
 * The alert pipeline's LLM stage, between group and deliver: with an LLM configured (and `alert_explain`), the
 * model writes a short explanation of each alert from its metric's history (its newest points, what was expected,
 * its alerts of the last days and the feedback people gave on them) and rates how much it matters; the alerts
 * go out with the explanation (`insight`), most important first. One question for up to QUESTION_ALERTS alerts,
 * within `alert_explain_max_s` and `alert_explain_max_tokens` per job run and `llmalert_timeout_s` per question.
 * Whatever the model does (fails, is slow, answers nonsense), the alerts are sent: then plain, in their own order,
 * with one warning. The stage never adds or drops an alert.
 */
import type { BatchConfig } from '../config/schema.ts';
import { LlmError, type AlertBrief, type AlertInsight, type ExplainQuestion, type LlmClient } from '../llm/client.ts';
import { EXPLAIN_SYSTEM_PROMPT, explainPrompt } from '../llm/explain-prompt.ts';
import type { MetricsTable, MetricType } from '../store/metrics-table.ts';
import { clip, evidence } from './alert-text.ts';
import type { Alert } from './channel.ts';

export interface ExplainOptions {
  /** The batch's language model; null or undefined: the alerts are returned unchanged. */
  llm: LlmClient | null | undefined;
  /** `alert_explain`, `alert_explain_max_s`, `alert_explain_max_tokens`, `llmalert_timeout_s`. */
  config: BatchConfig;
  /** Where the metrics' history is read. */
  store: MetricsTable;
  batch: string;
  now: Date;
  warn: (message: string) => void;
}

/** Alerts a question holds at most: enough to rank a run's alerts against each other, few enough for a short answer. */
export const QUESTION_ALERTS = 20;
/** A metric's newest points sent with each of its alerts. */
export const RECENT_POINTS = 48;
/** How far back the earlier alerts and feedback sent reach. */
export const HISTORY_DAYS = 30;
/** Earlier alerts listed per alert (the newest; the count says how many there were). */
const PAST_ALERTS_SHOWN = 10;
/** Longest explanation kept: the channels clip again where they have less room. */
export const INSIGHT_CHARS = 600;

const DAY_MS = 86_400_000;
const PAST_TYPES = ['alert', 'change', 'tholdalert', 'llmalert'] as const satisfies readonly MetricType[];

/** The model's reading of one alert, by the alert's place in the list. */
interface Reading {
  index: number;
  insight: string;
  importance: number;
  rank: number;
}

/** The alerts, each with `insight` where the model answered, most important first. */
export async function explainAlerts(alerts: readonly Alert[], options: ExplainOptions): Promise<Alert[]> {
  const { llm, config } = options;
  // LLM alerts carry the model's explanation already: they are not asked about, and keep their place after the others.
  const askable = alerts.flatMap((alert, index) => (alert.kind === 'llm' ? [] : [{ alert, index }]));
  if (!llm || !config.alert_explain || askable.length === 0) return [...alerts];
  const budget = AbortSignal.timeout(config.alert_explain_max_s * 1000);
  const readings = new Map<number, Reading>();
  let tokens = 0;
  let problem: string | null = null;
  let leftOut = 0;
  const outOfTime = `had no answer within ${config.alert_explain_max_s} s (alert_explain_max_s)`;
  for (let start = 0; start < askable.length && problem === null; start += QUESTION_ALERTS) {
    const part = askable.slice(start, start + QUESTION_ALERTS);
    if (budget.aborted) {
      problem = outOfTime;
      break;
    }
    try {
      const question: ExplainQuestion = { batch: options.batch, alerts: await briefs(part.map((p) => p.alert), options), historyDays: HISTORY_DAYS };
      // The question's own size, as a provider counts it (about 4 characters a token), must fit in what is left.
      const estimate = Math.ceil((EXPLAIN_SYSTEM_PROMPT.length + explainPrompt(question).length) / 4);
      if (tokens + estimate > config.alert_explain_max_tokens) {
        problem = `reached its token budget (alert_explain_max_tokens ${config.alert_explain_max_tokens}: ${tokens} used, the next question needs about ${estimate})`;
        break;
      }
      const answer = await llm.explainAlerts(question, { timeoutMs: config.llmalert_timeout_s * 1000, signal: budget });
      tokens += answer.tokens;
      const found = readingsOf(answer.insights, part.map((p) => p.index));
      for (const reading of found) readings.set(reading.index, reading);
      leftOut += part.length - found.length;
    } catch (error) {
      // A question stopped by the budget failed for that reason, whatever the error says.
      const limit = error instanceof LlmError && error.unreachable === 'timeout' ? ' (llmalert_timeout_s)' : '';
      problem = budget.aborted ? outOfTime : `failed (${error instanceof Error ? error.message : String(error)}${limit})`;
    }
  }
  const plain = alerts.length - readings.size;
  if (problem !== null) {
    options.warn(`${options.batch}: the LLM stage ${problem}; ${readings.size === 0 ? 'alerts' : `${plain} of ${alerts.length} alerts`} sent without explanations`);
  } else if (leftOut > 0) {
    options.warn(`${options.batch}: the LLM stage's answer left out ${leftOut} alert(s); they are sent without explanations`);
  }
  return ordered(alerts, readings);
}

/**
 * The explained alerts by the model's importance (its rank within a question breaking ties), then the others in
 * their own order: the plain order is the fallback.
 */
function ordered(alerts: readonly Alert[], readings: ReadonlyMap<number, Reading>): Alert[] {
  const explained = [...readings.values()].sort((a, b) => b.importance - a.importance || a.rank - b.rank || a.index - b.index);
  const rest = alerts.filter((_, index) => !readings.has(index));
  return [...explained.flatMap((r) => {
    const alert = alerts[r.index];
    return alert ? [{ ...alert, insight: r.insight }] : [];
  }), ...rest];
}

/**
 * The answer's readings of the question's alerts (`indexes`: each id's alert, a1 first): ids it was not given are
 * ignored, a repeated id counts once, and an empty explanation is none. The words are kept as plain text, clipped:
 * the channels make them inert where they are shown.
 */
function readingsOf(insights: readonly AlertInsight[], indexes: readonly number[]): Reading[] {
  const readings = new Map<number, Reading>();
  for (const insight of insights) {
    const position = /^a(\d+)$/.exec(insight.id.trim())?.[1];
    const index = position === undefined ? undefined : indexes[Number(position) - 1];
    const text = clip(insight.explanation.trim(), INSIGHT_CHARS);
    if (index === undefined || readings.has(index) || text === '') continue;
    const importance = Number.isFinite(insight.importance) ? Math.min(100, Math.max(0, insight.importance)) : 0;
    readings.set(index, { index, insight: text, importance, rank: Number.isFinite(insight.rank) ? insight.rank : Infinity });
  }
  return [...readings.values()];
}

/** Each alert as the model reads it, with its metric's alerts and feedback of the last HISTORY_DAYS days. */
async function briefs(alerts: readonly Alert[], options: ExplainOptions): Promise<AlertBrief[]> {
  const metrics = [...new Set(alerts.map((a) => a.metric))];
  const after = new Date(options.now.getTime() - HISTORY_DAYS * DAY_MS);
  const read = async (type: MetricType): Promise<Map<string, readonly number[]>> => {
    const group = await options.store.sinceMany(options.batch, metrics, type, metrics.map(() => after));
    return new Map(metrics.map((metric, i) => [metric, group.times(i)]));
  };
  const past = new Map<string, { ms: number; type: string }[]>();
  for (const type of PAST_TYPES) {
    for (const [metric, times] of await read(type)) past.set(metric, [...(past.get(metric) ?? []), ...times.map((ms) => ({ ms, type }))]);
  }
  const confirmed = await read('thumbsup');
  const falsePositives = await read('thumbsdown');
  return alerts.map((alert, i) => {
    // Earlier means before this alert: a row at its own time would be itself.
    const before = (past.get(alert.metric) ?? []).filter((p) => p.ms < alert.timestamp.getTime()).sort((a, b) => a.ms - b.ms);
    const feedback = [
      ...(confirmed.get(alert.metric) ?? []).map((ms) => ({ ms, verdict: 'confirmed' as const })),
      ...(falsePositives.get(alert.metric) ?? []).map((ms) => ({ ms, verdict: 'false positive' as const })),
    ].sort((a, b) => a.ms - b.ms);
    return {
      id: `a${i + 1}`,
      metric: alert.metric,
      kind: alert.kind,
      timestamp: promptTime(alert.timestamp),
      value: rounded(alert.value),
      evidence: evidence(alert),
      ...(alert.severity ? { severity: alert.severity.level } : {}),
      ...(alert.direction ? { direction: alert.direction } : {}),
      ...(alert.expected
        ? { expected: { baseline: rounded(alert.expected.baseline) ?? 0, low: rounded(alert.expected.low) ?? 0, high: rounded(alert.expected.high) ?? 0 } }
        : {}),
      recent: alert.recent.slice(-RECENT_POINTS).map((p) => ({
        timestamp: promptTime(p.timestamp),
        value: rounded(p.value),
        score: p.score === null || !Number.isFinite(p.score) ? null : Math.round(p.score * 100) / 100,
      })),
      pastAlerts: before.slice(-PAST_ALERTS_SHOWN).map((p) => ({ timestamp: promptTime(new Date(p.ms)), type: p.type })),
      pastAlertCount: before.length,
      feedback: feedback.map((f) => ({ timestamp: promptTime(new Date(f.ms)), verdict: f.verdict })),
    };
  });
}

function promptTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function rounded(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const r = Math.round(value * 1e4) / 1e4;
  return Object.is(r, -0) ? 0 : r;
}
