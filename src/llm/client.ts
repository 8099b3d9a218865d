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

/** Limits of one question, set by the job that asks it. */
export interface AskOptions {
  /** The question's time limit, retries included (the batch's `llmalert_timeout_s`); the client's own when absent. */
  timeoutMs?: number;
  /** Aborts the question (the job's budget for the run ran out); it then throws an LlmError. */
  signal?: AbortSignal;
}

/** What the job needs from a language model: one question per metric. */
export interface LlmClient {
  /** The model asked, recorded with each answer. */
  readonly model: string;
  /** Asks whether the metric's newest points look anomalous; throws an LlmError when there is no valid answer. */
  askAboutMetric(question: MetricQuestion, options?: AskOptions): Promise<LlmVerdict>;
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
