import { z } from 'zod';

/** One point as the LLM sees it: the time as written in the prompt, the value as sent (smoothed, rounded). */
export interface PromptPoint {
  timestamp: string;
  value: number;
}

/** What the llmalert job asks about one metric. */
export interface MetricQuestion {
  batch: string;
  metric: string;
  /** Oldest first; the newest `recentN` are the points to judge, the rest their context. */
  points: readonly PromptPoint[];
  recentN: number;
  /** Rolling-mean window the values were smoothed with (0: raw), so the model knows what it reads. */
  smoothN: number;
}

/**
 * The answer's shape, sent to the model as a strict JSON schema (structured output) and checked again on the
 * way back, since OpenAI-compatible servers do not all enforce the schema.
 */
export const verdictSchema = z.object({
  anomalous: z.boolean().describe('True only when at least one of the newest points is clearly unusual next to the earlier ones.'),
  explanation: z
    .string()
    .describe('At most three sentences for the person who gets the alert: what is unusual, citing values and times; or why nothing is.'),
  anomalous_timestamps: z
    .array(z.string())
    .describe('The timestamps, copied exactly from the data, of the newest points that are anomalous; empty when none are.'),
});

/** The model's verdict on a metric's newest points. */
export interface LlmVerdict {
  anomalous: boolean;
  explanation: string;
  anomalous_timestamps?: string[];
}

/** One alert as the pipeline's LLM stage describes it to the model (src/alerts/explain.ts). */
export interface AlertBrief {
  /** The id the answer names the alert by: a1, a2, ... */
  id: string;
  metric: string;
  /** anomaly, change, threshold. */
  kind: string;
  timestamp: string;
  value: number | null;
  /** What alerted, in the alert's own words ("score 0.93 ≥ 0.8", "crossed its upper threshold 100"). */
  evidence: string;
  severity?: string;
  direction?: 'up' | 'down';
  expected?: { baseline: number; low: number; high: number };
  /** The metric's newest points, oldest first (score: its anomaly score where it has one). */
  recent: { timestamp: string; value: number | null; score: number | null }[];
  /** The metric's earlier alerts of the last `historyDays` days, newest last (at most a few), and how many there were. */
  pastAlerts: { timestamp: string; type: string }[];
  pastAlertCount: number;
  /** Triage verdicts people gave on the metric's earlier alerts (issue labels), by the episode's first alert. */
  feedback: { timestamp: string; verdict: 'confirmed' | 'false positive' }[];
}

/** The LLM stage's question: a group of alerts about to be sent, to explain and rank. */
export interface ExplainQuestion {
  batch: string;
  alerts: AlertBrief[];
  /** How far back `pastAlerts` and `feedback` reach. */
  historyDays: number;
}

/** The stage's answer, sent as a strict JSON schema and checked again on the way back (see verdictSchema). */
export const insightsSchema = z.object({
  alerts: z
    .array(
      z.object({
        id: z.string().describe('The alert\'s id exactly as given (a1, a2, ...).'),
        explanation: z
          .string()
          .describe('At most two short sentences for the person who gets the alert: what is unusual, citing values and times, and what the history says (earlier alerts, feedback).'),
        importance: z.number().describe('How much the alert likely needs a person\'s attention, from 0 (noise) to 100 (act now).'),
        rank: z.number().describe('This alert\'s place when the alerts are ordered by importance: 1 for the most important.'),
      }),
    )
    .describe('One entry per alert given, each id once.'),
});

/** The model's reading of one alert. */
export interface AlertInsight {
  id: string;
  explanation: string;
  importance: number;
  rank: number;
}

/** What an answer cost: the API's `usage.total_tokens`, or an estimate (4 characters a token) where it reports none. */
export interface Usage {
  tokens: number;
}

export interface ExplainAnswer extends Usage {
  insights: AlertInsight[];
}

/** The llmalert job's second pass: the candidate points the first question flagged, asked to confirm or reject. */
export interface VerifyQuestion {
  batch: string;
  metric: string;
  /** The points the first question sent, oldest first. */
  points: readonly PromptPoint[];
  /** Timestamps (as written in `points`) of the candidate points. */
  candidates: readonly string[];
  smoothN: number;
  /** The first answer's explanation: what the detection saw. */
  detection: string;
}

export const verificationSchema = z.object({
  candidates: z
    .array(
      z.object({
        timestamp: z.string().describe('The candidate\'s timestamp, copied exactly from the list of candidates.'),
        confirmed: z.boolean().describe('True only when the point is a real anomaly a person should be told about; false for a false positive.'),
        reason: z.string().describe('One sentence: why it is or is not a real anomaly, citing values.'),
      }),
    )
    .describe('One entry per candidate, each timestamp once.'),
});

export interface CandidateVerdict {
  timestamp: string;
  confirmed: boolean;
  reason: string;
}

export interface VerifyAnswer extends Usage {
  verdicts: CandidateVerdict[];
}

/** Limits of one question, set by the job that asks it. */
export interface AskOptions {
  /** The question's time limit, retries included (the batch's `llmalert_timeout_s`); the client's own when absent. */
  timeoutMs?: number;
  /** Aborts the question (the job's budget for the run ran out); it then throws an LlmError. */
  signal?: AbortSignal;
}

/**
 * What the jobs need from a language model: the llmalert job's question per metric and its second pass, and the
 * alert pipeline's explanations. Each throws an LlmError when there is no valid answer.
 */
export interface LlmClient {
  /** The model asked, recorded with each answer. */
  readonly model: string;
  /** Asks whether the metric's newest points look anomalous. */
  askAboutMetric(question: MetricQuestion, options?: AskOptions): Promise<LlmVerdict>;
  /** Asks the model to confirm or reject each candidate point the first question flagged. */
  verifyCandidates(question: VerifyQuestion, options?: AskOptions): Promise<VerifyAnswer>;
  /** Asks for a short explanation and an importance of each alert of a group. */
  explainAlerts(question: ExplainQuestion, options?: AskOptions): Promise<ExplainAnswer>;
}

/**
 * No usable answer: the request failed (after the client's retries) or the answer was not the expected JSON.
 * `fatal` errors (a rejected key, an unknown model, an endpoint that does not answer) would fail for every metric
 * alike, so the job stops asking. `unreachable` says why an endpoint was down: no answer in time, or no connection.
 */
export class LlmError extends Error {
  readonly fatal: boolean;
  readonly unreachable: 'timeout' | 'connection' | null;

  constructor(message: string, options: { fatal?: boolean; unreachable?: 'timeout' | 'connection'; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'LlmError';
    this.unreachable = options.unreachable ?? null;
    this.fatal = (options.fatal ?? false) || this.unreachable !== null;
  }
}
