import type OpenAI from 'openai';
import type { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import { redact, safeCause } from '../runtime/redact.ts';
import {
  insightsSchema, LlmError, verdictSchema, verificationSchema,
  type AskOptions, type ExplainAnswer, type ExplainQuestion, type LlmClient, type LlmVerdict, type MetricQuestion, type VerifyAnswer, type VerifyQuestion,
} from './client.ts';
import { EXPLAIN_SYSTEM_PROMPT, explainPrompt, VERIFY_SYSTEM_PROMPT, verifyPrompt } from './explain-prompt.ts';
import { SYSTEM_PROMPT, userPrompt } from './prompt.ts';

/** Variables that may hold the key, in order: Anomstack's own name first, then the OpenAI SDK's. */
export const LLM_KEY_VARIABLES = ['ANOMSTACK_OPENAI_KEY', 'OPENAI_API_KEY'] as const;
export const LLM_MODEL_VARIABLE = 'ANOMSTACK_OPENAI_MODEL';
/** Any OpenAI-compatible server (Azure OpenAI, Ollama, vLLM, LiteLLM, ...) that supports `response_format: json_schema`. */
export const LLM_BASE_URL_VARIABLES = ['ANOMSTACK_OPENAI_BASE_URL', 'OPENAI_BASE_URL'] as const;
/** Anomstack's default for ANOMSTACK_OPENAI_MODEL: small, cheap, and it supports structured output. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
/**
 * A question's time limit when the caller sets none, retries included; the client retries connection errors, 408,
 * 409, 429 and 5xx with backoff (honouring Retry-After) within it.
 */
const TIMEOUT_MS = 60_000;
const MAX_RETRIES = 2;

export interface OpenAiSettings {
  apiKey: string;
  baseURL: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/**
 * The LLM's settings from the environment, or null when no key is set (the llmalert job is then skipped).
 * `model` (a batch's `llmalert_model`) wins over ANOMSTACK_OPENAI_MODEL. A bad base URL is an error naming its variable.
 */
export function openAiSettings(env: NodeJS.ProcessEnv, model?: string): OpenAiSettings | null {
  const apiKey = LLM_KEY_VARIABLES.map((name) => env[name]?.trim()).find((value) => value);
  if (!apiKey) return null;
  const urlVariable = LLM_BASE_URL_VARIABLES.find((name) => env[name]?.trim());
  const baseURL = urlVariable ? (env[urlVariable] ?? '').trim() : DEFAULT_OPENAI_BASE_URL;
  const problem = baseUrlProblem(baseURL);
  // The value is not repeated: it may hold credentials, and one without a scheme would slip past redaction.
  if (problem) throw new Error(`${urlVariable ?? 'base URL'}: expected an http(s) URL such as ${DEFAULT_OPENAI_BASE_URL}, but ${problem}`);
  return {
    apiKey,
    baseURL,
    model: model ?? (env[LLM_MODEL_VARIABLE]?.trim() || DEFAULT_OPENAI_MODEL),
    timeoutMs: TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
  };
}

type ResponseFormat = ReturnType<typeof zodResponseFormat>;

/** The SDK and the response formats built from it, loaded on the first question: 276 modules no other job needs. */
interface Sdk {
  OpenAI: typeof OpenAI;
  client: OpenAI;
  formats: { verdict: ResponseFormat; verification: ResponseFormat; insights: ResponseFormat };
}

/** One kind of question: its prompts, the answer's schema, and how errors name it. */
interface Question<T extends z.ZodType> {
  /** "the question about this metric": what a stopped question was. */
  what: string;
  system: string;
  user: string;
  format: keyof Sdk['formats'];
  schema: T;
  /** The answer's shape, for the error when it does not match: "a verdict {anomalous, explanation, anomalous_timestamps}". */
  shape: string;
}

/** The LlmClient on OpenAI's Chat Completions API (or a compatible server), with structured output. */
export class OpenAiClient implements LlmClient {
  readonly model: string;
  private readonly settings: OpenAiSettings;
  private readonly apiKey: string;
  private sdk: Promise<Sdk> | undefined;

  constructor(settings: OpenAiSettings) {
    this.model = settings.model;
    this.apiKey = settings.apiKey;
    this.settings = settings;
  }

  private loadSdk(): Promise<Sdk> {
    this.sdk ??= Promise.all([import('openai'), import('openai/helpers/zod')]).then(([{ default: OpenAI }, zod]) => ({
      OpenAI,
      // Everything explicit: the SDK would otherwise also read OPENAI_* variables of its own process.
      client: new OpenAI({
        apiKey: this.settings.apiKey,
        baseURL: this.settings.baseURL,
        timeout: this.settings.timeoutMs,
        maxRetries: this.settings.maxRetries,
        organization: null,
        project: null,
        logLevel: 'warn',
      }),
      formats: {
        verdict: zod.zodResponseFormat(verdictSchema, 'metric_verdict'),
        verification: zod.zodResponseFormat(verificationSchema, 'candidate_verdicts'),
        insights: zod.zodResponseFormat(insightsSchema, 'alert_insights'),
      },
    }));
    return this.sdk;
  }

  async askAboutMetric(question: MetricQuestion, options: AskOptions = {}): Promise<LlmVerdict> {
    const { answer } = await this.ask({
      what: 'the question about this metric',
      system: SYSTEM_PROMPT,
      user: userPrompt(question),
      format: 'verdict',
      // Servers that do not enforce the schema may leave out an empty list.
      schema: verdictSchema.partial({ anomalous_timestamps: true }),
      shape: 'a verdict {anomalous, explanation, anomalous_timestamps}',
    }, options);
    return answer;
  }

  async verifyCandidates(question: VerifyQuestion, options: AskOptions = {}): Promise<VerifyAnswer> {
    const { answer, tokens } = await this.ask({
      what: 'the verify question about this metric',
      system: VERIFY_SYSTEM_PROMPT,
      user: verifyPrompt(question),
      format: 'verification',
      schema: verificationSchema,
      shape: 'a verification {candidates: [{timestamp, confirmed, reason}]}',
    }, options);
    return { verdicts: answer.candidates, tokens };
  }

  async explainAlerts(question: ExplainQuestion, options: AskOptions = {}): Promise<ExplainAnswer> {
    const { answer, tokens } = await this.ask({
      what: 'the question about these alerts',
      system: EXPLAIN_SYSTEM_PROMPT,
      user: explainPrompt(question),
      format: 'insights',
      schema: insightsSchema,
      shape: 'insights {alerts: [{id, explanation, importance, rank}]}',
    }, options);
    return { insights: answer.alerts, tokens };
  }

  /**
   * Asks one question and checks the answer against its schema; every kind of question takes this one path. The time
   * limit covers the question's retries too, so a server that never answers costs one limit: a request that timed out
   * is not tried again. A retry of a refused or failed request still fits in what is left.
   */
  private async ask<T extends z.ZodType>(question: Question<T>, options: AskOptions): Promise<{ answer: z.output<T>; tokens: number }> {
    const sdk = await this.loadSdk();
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
    const messages = [
      { role: 'system' as const, content: question.system },
      { role: 'user' as const, content: question.user },
    ];
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await sdk.client.chat.completions.create({
        model: this.model,
        messages,
        response_format: sdk.formats[question.format],
        // No temperature and no token cap: reasoning models accept only their default temperature, and
        // spend a cap on thinking before they answer.
      }, { timeout: timeoutMs, signal });
    } catch (error) {
      throw this.requestError(sdk.OpenAI, error, { timeoutMs, deadline, caller: options.signal, what: question.what });
    }
    const choice = completion.choices[0];
    if (!choice) throw new LlmError(`${this.model} returned no answer (no choices)`);
    if (choice.message.refusal) throw new LlmError(`${this.model} refused to answer: ${this.clean(choice.message.refusal)}`);
    if (choice.finish_reason === 'length') throw new LlmError(`${this.model}'s answer was cut off (finish_reason length)`);
    const content = choice.message.content ?? '';
    const tokens = completion.usage?.total_tokens ?? Math.ceil((question.system.length + question.user.length + content.length) / 4);
    return { answer: this.parse(content, question), tokens };
  }

  private parse<T extends z.ZodType>(content: string, question: Question<T>): z.output<T> {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new LlmError(`${this.model}'s answer is not JSON: ${quote(this.clean(content))}`);
    }
    const parsed = question.schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`).join('; ');
      throw new LlmError(`${this.model}'s answer is not ${question.shape}: ${problems}`);
    }
    return parsed.data;
  }

  /**
   * What went wrong, in the job's terms: a question the caller aborted, an endpoint that did not answer in time or
   * could not be reached (unreachable: asking other metrics would only wait out the same), or the server's error.
   * The SDK's error stays the cause only when it holds no credentials (printing an error prints its causes).
   */
  private requestError(OpenAI: Sdk['OpenAI'], error: unknown, limits: { timeoutMs: number; deadline: AbortSignal; caller: AbortSignal | undefined; what: string }): LlmError {
    if (limits.caller?.aborted) return new LlmError(`${limits.what} to ${this.model} was stopped`, { cause: safeCause(error) });
    // The SDK reports its own timeout, or a user abort when the deadline fired between its tries.
    if (limits.deadline.aborted || error instanceof OpenAI.APIConnectionTimeoutError) {
      return new LlmError(`no answer from ${this.model} within ${limits.timeoutMs / 1000} s`, { unreachable: 'timeout', cause: safeCause(error) });
    }
    if (error instanceof OpenAI.APIConnectionError) {
      return new LlmError(`${this.model} could not be reached at ${this.clean(this.settings.baseURL)}: ${this.clean(causes(error))}`, { unreachable: 'connection', cause: safeCause(error) });
    }
    if (error instanceof OpenAI.APIError) {
      // A rejected key or an unknown model fails the same way for every metric.
      const fatal = error.status === 401 || error.status === 403 || error.status === 404;
      const what = error.status ? `HTTP ${this.clean(error.message)}` : this.clean(error.message);
      return new LlmError(`${this.model} request failed: ${what}`, { fatal, cause: safeCause(error) });
    }
    return new LlmError(`${this.model} request failed: ${this.clean(error instanceof Error ? error.message : String(error))}`, { cause: safeCause(error) });
  }

  /** Servers echo parts of a bad key in their messages, and errors may quote a URL with credentials; neither reaches a log. */
  private clean(text: string): string {
    return redact(this.apiKey.length >= 4 ? text.replaceAll(this.apiKey, '***') : text);
  }
}

/** What is wrong with a base URL, without repeating it; null when it is an http(s) URL. */
function baseUrlProblem(value: string): string | null {
  if (/\s/.test(value)) return 'it contains whitespace';
  if (!/^https?:\/\//i.test(value)) return 'it does not start with http:// or https://';
  if (!URL.canParse(value)) return 'it is not a valid URL';
  const url = new URL(value);
  // fetch refuses such a URL outright (quoting it), so every question would fail the same way.
  if (url.username || url.password) return `it holds credentials (user:password@), which requests cannot send; the key goes in ${LLM_KEY_VARIABLES[0]}`;
  return null;
}

/** An error's message and its causes' ("Connection error. (fetch failed: connect ECONNREFUSED 127.0.0.1:9)"). */
function causes(error: Error): string {
  const reasons: string[] = [];
  for (let cause: unknown = error.cause; cause instanceof Error && reasons.length < 3; cause = cause.cause) reasons.push(cause.message);
  return reasons.length > 0 ? `${error.message} (${reasons.join(': ')})` : error.message;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `"${line.length > 200 ? `${line.slice(0, 199)}…` : line}"`;
}
