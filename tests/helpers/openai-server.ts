import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * A local HTTP server speaking the slice of OpenAI's REST API the LLM questions use: `POST /v1/chat/completions`,
 * answering with real-shaped chat completions (or OpenAI's error bodies) and their `usage`, checking the bearer key
 * as OpenAI does. Replies are scripted per request, by the kind of question (the response format's schema name: the
 * llmalert job's verdict, its verify pass, the alert pipeline's explanations); every request is recorded so tests
 * assert on the traffic itself.
 */

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RecordedChat {
  method: string;
  path: string;
  authorization: string | null;
  /** Every request header, for "the key travels only in Authorization" checks. */
  headers: Record<string, string | string[] | undefined>;
  body: { model?: string; messages?: ChatMessage[]; response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: Record<string, unknown> } } };
  /** The raw body as sent. */
  raw: string;
  status: number;
}

/** What the server answers: the assistant's content (a JSON verdict, or anything), or an HTTP error as OpenAI sends it. */
export type Reply =
  /** `totalTokens`: the usage reported, instead of the body's length / 4. */
  | { content: string; finishReason?: 'stop' | 'length'; refusal?: string; totalTokens?: number }
  | { status: number; message: string; type: string; code: string | null; headers?: Record<string, string> };

export function verdictReply(anomalous: boolean, explanation: string, anomalousTimestamps: string[] = []): Reply {
  return { content: JSON.stringify({ anomalous, explanation, anomalous_timestamps: anomalousTimestamps }) };
}

export const SERVER_ERROR: Reply = { status: 500, message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null };

/** An answer to the alert pipeline's question (src/alerts/explain.ts). */
export interface InsightItem {
  id: string;
  explanation: string;
  importance: number;
  rank: number;
}

export function insightsReply(alerts: InsightItem[], totalTokens?: number): Reply {
  return { content: JSON.stringify({ alerts }), ...(totalTokens === undefined ? {} : { totalTokens }) };
}

/** An answer to the llmalert job's verify pass. */
export function verificationReply(candidates: { timestamp: string; confirmed: boolean; reason: string }[]): Reply {
  return { content: JSON.stringify({ candidates }) };
}

export type QuestionKind = 'verdict' | 'verify' | 'explain';

/** Which question a request asks, by the name of its response format's schema. */
export function questionKind(request: RecordedChat): QuestionKind {
  const name = request.body.response_format?.json_schema?.name;
  return name === 'candidate_verdicts' ? 'verify' : name === 'alert_insights' ? 'explain' : 'verdict';
}

/** The alerts an explain question lists, in its order: their ids and metrics. */
export function alertsAsked(request: RecordedChat): { id: string; metric: string }[] {
  const prompt = userMessage(request);
  return [...prompt.matchAll(/^## (\S+)\nmetric: (.*)$/gm)].map((m) => ({ id: m[1] ?? '', metric: m[2] ?? '' }));
}

/** The candidate timestamps a verify question lists. */
export function candidatesAsked(request: RecordedChat): string[] {
  return /^Candidates to verify \(\d+\): (.*)$/m.exec(userMessage(request))?.[1]?.split(', ') ?? [];
}

export function userMessage(request: RecordedChat): string {
  return request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
}

/** The default explanations: every alert explained, ranked as given. */
export function explainEveryAlert(request: RecordedChat): Reply {
  return insightsReply(alertsAsked(request).map(({ id, metric }, i) => ({ id, explanation: `${metric} is unusual.`, importance: 90 - i, rank: i + 1 })));
}

/** The default verify answer: every candidate confirmed. */
export function confirmEveryCandidate(request: RecordedChat): Reply {
  return verificationReply(candidatesAsked(request).map((timestamp) => ({ timestamp, confirmed: true, reason: 'Clearly outside the usual range.' })));
}

/** The metric a chat request asks about, from the prompt's `Metric:` line. */
export function metricOf(request: RecordedChat): string {
  return /Metric: (\S+)/.exec(request.body.messages?.find((m) => m.role === 'user')?.content ?? '')?.[1] ?? '';
}

/**
 * A server for the calling file's tests: started before them, closed after them, its recorded requests and queued
 * replies cleared before each one. Returns a getter, since the server exists only once `beforeAll` has run.
 */
export function useOpenAiServer(key: string): () => OpenAiServer {
  let server: OpenAiServer | undefined;
  beforeAll(async () => {
    server = await OpenAiServer.start(key);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    if (!server) return;
    server.requests.length = 0;
    server.queue.length = 0;
    server.delay = () => 0;
    server.explain = explainEveryAlert;
    server.verify = confirmEveryCandidate;
  });
  return () => {
    if (!server) throw new Error('the OpenAI test server is not started yet');
    return server;
  };
}

export class OpenAiServer {
  readonly requests: RecordedChat[] = [];
  /** Replies used in order, one per request; when empty, `reply` answers. */
  readonly queue: Reply[] = [];
  /** The default answer to the llmalert job's question, given the request (e.g. by metric name in the prompt). */
  reply: (request: RecordedChat) => Reply = () => verdictReply(false, 'The newest values are within the usual range.');
  /** The default answer to the llmalert job's verify pass. */
  verify: (request: RecordedChat) => Reply = confirmEveryCandidate;
  /** The default answer to the alert pipeline's explanations. */
  explain: (request: RecordedChat) => Reply = explainEveryAlert;
  /** How long to think before answering a request, in ms, given it and how many came before it: a slow model. */
  delay: (request: RecordedChat, index: number) => number = () => 0;
  private readonly server: Server;
  /** Ends the delays of answers still pending when the server closes. */
  private readonly closing = new AbortController();
  private readonly key: string;
  private completions = 0;

  private constructor(server: Server, key: string) {
    this.server = server;
    this.key = key;
  }

  static async start(key: string): Promise<OpenAiServer> {
    const server = createServer();
    const api = new OpenAiServer(server, key);
    server.on('request', (req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** The base URL a client is configured with (as `https://api.openai.com/v1`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** The user message of each chat request, in order. */
  get prompts(): string[] {
    return this.requests.map(userMessage);
  }

  /** The requests asking one kind of question, in order. */
  asked(kind: QuestionKind): RecordedChat[] {
    return this.requests.filter((r) => questionKind(r) === kind);
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await text(req);
    const record: RecordedChat = {
      method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization ?? null, headers: req.headers, body: {}, raw, status: 0,
    };
    this.requests.push(record);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${this.requests.length}`, 'openai-processing-ms': '42', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, message: string, type: string, code: string | null, headers?: Record<string, string>): void =>
      send(status, { error: { message, type, param: null, code } }, headers);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return error(404, `Invalid URL (${req.method ?? ''} ${req.url ?? ''})`, 'invalid_request_error', null);
    if (record.authorization !== `Bearer ${this.key}`) {
      const given = (record.authorization ?? '').replace(/^Bearer /, '');
      // OpenAI shows the first and last characters of a wrong key.
      return error(401, `Incorrect API key provided: ${given.slice(0, 3)}***${given.slice(-3)}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', 'invalid_api_key');
    }
    try {
      record.body = JSON.parse(raw) as RecordedChat['body'];
    } catch {
      return error(400, 'We could not parse the JSON body of your request.', 'invalid_request_error', null);
    }
    if (!record.body.model || !Array.isArray(record.body.messages)) return error(400, "Missing required parameter: 'model' or 'messages'.", 'invalid_request_error', 'missing_required_parameter');
    const wait = this.delay(record, this.requests.length - 1);
    if (wait > 0) {
      const answered = await sleep(wait, true, { signal: this.closing.signal }).catch(() => false);
      // The client gave up (its time limit) or the server is closing: nobody is left to answer.
      if (!answered || res.destroyed) return;
    }
    const kind = questionKind(record);
    const reply = this.queue.shift() ?? (kind === 'verify' ? this.verify(record) : kind === 'explain' ? this.explain(record) : this.reply(record));
    if ('status' in reply) return error(reply.status, reply.message, reply.type, reply.code, reply.headers);
    this.completions++;
    const completionTokens = Math.ceil(reply.content.length / 4);
    const promptTokens = reply.totalTokens === undefined ? Math.ceil(raw.length / 4) : Math.max(0, reply.totalTokens - completionTokens);
    send(200, {
      id: `chatcmpl-test${this.completions}`,
      object: 'chat.completion',
      created: 1_767_225_600 + this.completions,
      model: `${record.body.model}-2024-07-18`,
      choices: [{
        index: 0,
        message: { role: 'assistant', content: reply.refusal ? null : reply.content, refusal: reply.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: reply.finishReason ?? 'stop',
      }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_test',
    });
  }
}
