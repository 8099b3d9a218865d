import { describe, expect, it } from 'vitest';
import { LlmError, type MetricQuestion } from '../../src/llm/client.ts';
import { DEFAULT_OPENAI_BASE_URL, DEFAULT_OPENAI_MODEL, OpenAiClient, openAiSettings } from '../../src/llm/openai.ts';
import { SERVER_ERROR, useOpenAiServer, verdictReply } from '../helpers/openai-server.ts';

const KEY = 'sk-test-0123456789abcdef';

const QUESTION: MetricQuestion = {
  batch: 'shop',
  metric: 'orders',
  points: [
    { timestamp: '2026-01-01T00:00:00Z', value: 101.25 },
    { timestamp: '2026-01-01T01:00:00Z', value: 99.5 },
    { timestamp: '2026-01-01T02:00:00Z', value: 100.75 },
    { timestamp: '2026-01-01T03:00:00Z', value: 412.5 },
  ],
  recentN: 1,
  smoothN: 0,
};

describe('openAiSettings', () => {
  it('is null without a key, so the job is skipped', () => {
    expect(openAiSettings({})).toBeNull();
    expect(openAiSettings({ ANOMSTACK_OPENAI_KEY: '  ' })).toBeNull();
  });

  it("reads Anomstack's variables first, then the OpenAI SDK's, and a batch's model over both", () => {
    expect(openAiSettings({ OPENAI_API_KEY: 'sdk-key' })).toMatchObject({ apiKey: 'sdk-key', baseURL: DEFAULT_OPENAI_BASE_URL, model: DEFAULT_OPENAI_MODEL });
    const env = { ANOMSTACK_OPENAI_KEY: 'ours', OPENAI_API_KEY: 'sdk-key', ANOMSTACK_OPENAI_MODEL: 'gpt-4o', OPENAI_BASE_URL: 'http://localhost:11434/v1' };
    expect(openAiSettings(env)).toMatchObject({ apiKey: 'ours', model: 'gpt-4o', baseURL: 'http://localhost:11434/v1' });
    expect(openAiSettings({ ...env, ANOMSTACK_OPENAI_BASE_URL: 'https://llm.internal/v1' }, 'llama3.1')).toMatchObject({ model: 'llama3.1', baseURL: 'https://llm.internal/v1' });
  });

  it('names the variable holding a base URL that is not one, and says what is wrong without repeating the value', () => {
    const problem = (url: string): string => {
      try {
        openAiSettings({ ANOMSTACK_OPENAI_KEY: 'k', ANOMSTACK_OPENAI_BASE_URL: url });
        return 'accepted';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(problem('localhost:11434')).toBe('ANOMSTACK_OPENAI_BASE_URL: expected an http(s) URL such as https://api.openai.com/v1, but it does not start with http:// or https://');
    // Without a scheme, credentials would slip past redaction: the value is never quoted.
    expect(problem('user:secret@llm.internal/v1')).not.toContain('secret');
    expect(problem('http://user:secret@llm.internal/v1 ')).toBe(
      'ANOMSTACK_OPENAI_BASE_URL: expected an http(s) URL such as https://api.openai.com/v1, but it holds credentials (user:password@), which requests cannot send; the key goes in ANOMSTACK_OPENAI_KEY',
    );
    expect(problem(' http://llm.internal:8000/v1 ')).toBe('accepted');
    expect(problem('https://user:secret@llm internal/v1')).toBe('ANOMSTACK_OPENAI_BASE_URL: expected an http(s) URL such as https://api.openai.com/v1, but it contains whitespace');
    expect(problem('http://[::1/v1')).toBe('ANOMSTACK_OPENAI_BASE_URL: expected an http(s) URL such as https://api.openai.com/v1, but it is not a valid URL');
    expect(() => openAiSettings({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'ftp://x' })).toThrow('OPENAI_BASE_URL: expected');
  });
});

describe('OpenAiClient against a server speaking the Chat Completions protocol', () => {
  const server = useOpenAiServer(KEY);
  const client = (key = KEY): OpenAiClient => new OpenAiClient({ apiKey: key, baseURL: server().url, model: 'gpt-4o-mini', timeoutMs: 5_000, maxRetries: 2 });


  it('asks with the values and a strict JSON schema, and returns an anomalous verdict', async () => {
    server().queue.push(verdictReply(true, 'orders jumped to 412.5 from about 100.', ['2026-01-01T03:00:00Z']));
    const verdict = await client().askAboutMetric(QUESTION);
    expect(verdict).toEqual({ anomalous: true, explanation: 'orders jumped to 412.5 from about 100.', anomalous_timestamps: ['2026-01-01T03:00:00Z'] });
    const [request] = server().requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', authorization: `Bearer ${KEY}` });
    expect(request?.body.model).toBe('gpt-4o-mini');
    expect(request?.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'metric_verdict', strict: true, schema: { required: ['anomalous', 'explanation', 'anomalous_timestamps'], additionalProperties: false } },
    });
    const prompt = server().prompts[0] ?? '';
    expect(prompt).toContain('Metric: orders (batch shop)');
    expect(prompt).toContain('Judge the newest 1 (the last 1 rows, from 2026-01-01T03:00:00Z on)');
    for (const p of QUESTION.points) expect(prompt).toContain(`${p.timestamp},${p.value}`);
    // The key travels in the Authorization header only: never in what the model reads.
    expect(request?.raw).not.toContain(KEY);
  });

  it('returns a normal verdict, with the timestamps optional for servers that do not enforce the schema', async () => {
    server().queue.push({ content: JSON.stringify({ anomalous: false, explanation: 'Within the usual range.' }) });
    expect(await client().askAboutMetric(QUESTION)).toEqual({ anomalous: false, explanation: 'Within the usual range.' });
  });

  it('an answer that is not JSON, or not a verdict, is an LlmError saying so', async () => {
    server().queue.push({ content: 'Yes, this looks anomalous {' });
    await expect(client().askAboutMetric(QUESTION)).rejects.toThrow(new LlmError(`gpt-4o-mini's answer is not JSON: "Yes, this looks anomalous {"`));
    server().queue.push({ content: JSON.stringify({ anomalous: 'yes', explanation: 3 }) });
    await expect(client().askAboutMetric(QUESTION)).rejects.toThrow(
      "gpt-4o-mini's answer is not a verdict {anomalous, explanation, anomalous_timestamps}: anomalous: Invalid input: expected boolean, received string; explanation: Invalid input: expected string, received number",
    );
    server().queue.push({ content: '', refusal: 'I cannot help with that.' });
    await expect(client().askAboutMetric(QUESTION)).rejects.toThrow('gpt-4o-mini refused to answer: I cannot help with that.');
  });

  it('retries a 500 through the client library, then answers', async () => {
    server().queue.push(SERVER_ERROR, verdictReply(false, 'Fine.'));
    expect(await client().askAboutMetric(QUESTION)).toEqual({ anomalous: false, explanation: 'Fine.', anomalous_timestamps: [] });
    expect(server().requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it('gives up after the retries with the HTTP status and message', async () => {
    server().queue.push(SERVER_ERROR, SERVER_ERROR, SERVER_ERROR);
    const error = await client().askAboutMetric(QUESTION).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toBe('gpt-4o-mini request failed: HTTP 500 The server had an error while processing your request. Sorry about that!');
    expect((error as LlmError).fatal).toBe(false);
    expect(server().requests).toHaveLength(3);
  });

  it('a rejected key is fatal, is not retried, and its message does not contain the key', async () => {
    const wrong = 'sk-wrong-key-that-must-not-leak';
    const error = await client(wrong).askAboutMetric(QUESTION).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).fatal).toBe(true);
    expect((error as LlmError).message).toMatch(/^gpt-4o-mini request failed: HTTP 401 Incorrect API key provided/);
    expect((error as LlmError).message).not.toContain(wrong);
    expect(server().requests.map((r) => r.status)).toEqual([401]);
  });

  it("gives a question the caller's time limit, retries included: a server too slow for it is unreachable, and fatal", async () => {
    server().delay = () => 2_000;
    const error = await client().askAboutMetric(QUESTION, { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ message: 'no answer from gpt-4o-mini within 0.5 s', fatal: true, unreachable: 'timeout' });
    // The time limit covers the retries: the request that timed out was not sent again.
    expect(server().requests).toHaveLength(1);
  });

  it("stops a question when the caller's signal aborts, without calling it a timeout", async () => {
    server().delay = () => 5_000;
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const error = await client().askAboutMetric(QUESTION, { signal: stop.signal, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ fatal: false, unreachable: null });
    expect(server().requests).toHaveLength(1);
  });
});
