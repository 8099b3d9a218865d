/** The OpenAI client's verify and explain questions: one HTTP path with the first question, each with its own schema. */
import { describe, expect, it } from 'vitest';
import { LlmError, type ExplainQuestion, type VerifyQuestion } from '../../src/llm/client.ts';
import { OpenAiClient } from '../../src/llm/openai.ts';
import { insightsReply, SERVER_ERROR, useOpenAiServer, userMessage, verificationReply } from '../helpers/openai-server.ts';

const KEY = 'sk-questions-test-0123456789';

const VERIFY: VerifyQuestion = {
  batch: 'shop',
  metric: 'orders',
  points: [
    { timestamp: '2026-01-01T00:00:00Z', value: 101.25 },
    { timestamp: '2026-01-01T01:00:00Z', value: 99.5 },
    { timestamp: '2026-01-01T02:00:00Z', value: 412.5 },
  ],
  candidates: ['2026-01-01T02:00:00Z'],
  smoothN: 3,
  detection: 'orders jumped\nto 412.5.',
};

const EXPLAIN: ExplainQuestion = {
  batch: 'shop',
  historyDays: 30,
  alerts: [{
    id: 'a1', metric: 'orders', kind: 'threshold', timestamp: '2026-01-01T02:00:00Z', value: 412.5, evidence: 'value 412.5 (crossed its upper threshold 400)',
    recent: [{ timestamp: '2026-01-01T01:00:00Z', value: 99.5, score: null }, { timestamp: '2026-01-01T02:00:00Z', value: 412.5, score: 0.99 }],
    pastAlerts: [], pastAlertCount: 0, feedback: [{ timestamp: '2025-12-30T00:00:00Z', verdict: 'confirmed' }],
  }],
};

describe('the verify and explain questions', () => {
  const server = useOpenAiServer(KEY);
  const client = (): OpenAiClient => new OpenAiClient({ apiKey: KEY, baseURL: server().url, model: 'gpt-4o-mini', timeoutMs: 5_000, maxRetries: 1 });

  it('verifyCandidates sends the candidates with a strict schema and returns the verdicts and the tokens the API counted', async () => {
    server().queue.push({ ...verificationReply([{ timestamp: '2026-01-01T02:00:00Z', confirmed: true, reason: 'Four times the usual.' }]), totalTokens: 321 });
    expect(await client().verifyCandidates(VERIFY)).toEqual({ verdicts: [{ timestamp: '2026-01-01T02:00:00Z', confirmed: true, reason: 'Four times the usual.' }], tokens: 321 });
    const [request] = server().requests;
    expect(request?.body.response_format).toMatchObject({
      type: 'json_schema', json_schema: { name: 'candidate_verdicts', strict: true, schema: { required: ['candidates'], additionalProperties: false } },
    });
    expect(request ? userMessage(request) : '').toBe([
      'Metric: orders (batch shop)',
      'Candidates to verify (1): 2026-01-01T02:00:00Z',
      'The first pass said: orders jumped to 412.5.',
      '3 rolling means over 3 points, oldest first.',
      '',
      'timestamp,value',
      '2026-01-01T00:00:00Z,101.25',
      '2026-01-01T01:00:00Z,99.5',
      '2026-01-01T02:00:00Z,412.5',
    ].join('\n'));
  });

  it('explainAlerts sends the alerts with a strict schema and returns the insights and tokens', async () => {
    server().queue.push(insightsReply([{ id: 'a1', explanation: 'orders crossed 400.', importance: 70, rank: 1 }], 1_234));
    expect(await client().explainAlerts(EXPLAIN)).toEqual({ insights: [{ id: 'a1', explanation: 'orders crossed 400.', importance: 70, rank: 1 }], tokens: 1_234 });
    const [request] = server().requests;
    expect(request?.body.response_format).toMatchObject({ json_schema: { name: 'alert_insights', strict: true } });
    const prompt = request ? userMessage(request) : '';
    expect(prompt).toContain('## a1\nmetric: orders\nkind: threshold\ntime: 2026-01-01T02:00:00Z\nvalue: 412.5\nwhat alerted: value 412.5 (crossed its upper threshold 400)\n');
    expect(prompt).toContain('earlier alerts: none\nfeedback on earlier alerts: 2025-12-30T00:00:00Z confirmed\nnewest 2 points, oldest first:\ntimestamp,value,score\n2026-01-01T01:00:00Z,99.5,\n2026-01-01T02:00:00Z,412.5,0.99');
    expect(prompt).not.toContain('severity:');
  });

  it('answers that do not fit, failed requests and stopped questions are LlmErrors saying which question', async () => {
    server().queue.push({ content: JSON.stringify({ candidates: [{ timestamp: 'x', confirmed: 'yes' }] }) });
    await expect(client().verifyCandidates(VERIFY)).rejects.toThrow(
      "gpt-4o-mini's answer is not a verification {candidates: [{timestamp, confirmed, reason}]}: candidates.0.confirmed: Invalid input: expected boolean, received string; candidates.0.reason: Invalid input: expected string, received undefined",
    );
    server().queue.push(SERVER_ERROR, SERVER_ERROR);
    await expect(client().explainAlerts(EXPLAIN)).rejects.toThrow(new LlmError('gpt-4o-mini request failed: HTTP 500 The server had an error while processing your request. Sorry about that!'));
    server().delay = () => 5_000;
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    await expect(client().explainAlerts(EXPLAIN, { signal: stop.signal })).rejects.toThrow('the question about these alerts to gpt-4o-mini was stopped');
  });
});
