/**
 * The alert pipeline's LLM stage (src/alerts/explain.ts) with the real OpenAI client against a local server speaking
 * the Chat Completions protocol: what it sends, the explanations and order it returns, and the plain alerts whenever
 * the model is absent, off, slow, failing or over its token budget.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { alertHtml, alertText, digestHtml, digestText } from '../../src/alerts/email-body.ts';
import { explainAlerts, type ExplainOptions } from '../../src/alerts/explain.ts';
import { alertComment, issueBody } from '../../src/alerts/github-body.ts';
import { fingerprint } from '../../src/alerts/github-markers.ts';
import { insightLine } from '../../src/alerts/insight-text.ts';
import { alertLines, digestOf, groupAlerts } from '../../src/alerts/message.ts';
import { digestBlocks } from '../../src/alerts/slack-blocks.ts';
import type { BatchConfig } from '../../src/config/schema.ts';
import { recordOf } from '../../src/alerts/pipeline.ts';
import { OpenAiClient } from '../../src/llm/openai.ts';
import { disposeAfterEach, jobContext, loadBatch, tempMetrics, type TestContext } from '../helpers/metrics-dir.ts';
import {
  alertsAsked, insightsReply, questionKind, SERVER_ERROR, useOpenAiServer, userMessage, type RecordedChat, type Reply,
} from '../helpers/openai-server.ts';

const KEY = 'sk-explain-test-key-0123456789';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const END = new Date('2026-01-10T00:00:00Z');
const NOW = new Date('2026-01-10T00:30:00Z');

/** An anomaly of `metric` at END: 60 hourly points around 100, the newest `value`. */
function anomaly(metric: string, value: number, extra: Partial<Alert> = {}, points = 60): Alert {
  const recent = Array.from({ length: points }, (_, i) => ({
    timestamp: new Date(END.getTime() - (points - 1 - i) * HOUR),
    value: i === points - 1 ? value : 100 + (i % 3),
    score: i === points - 1 ? 0.95 : 0.1,
  }));
  return {
    kind: 'anomaly', batch: 'shop', metric, timestamp: END, value, score: 0.95, smoothedScore: 0.9, threshold: 0.8,
    tags: { owner: 'team-secret-tag' }, recent, expected: { baseline: 101, low: 95, high: 107 }, direction: 'up', ...extra,
  };
}

/** A reply explaining the alerts by id, importance as given. */
function explainBy(importance: Record<string, number>, words = (metric: string): string => `${metric} is far above its usual 101.`) {
  return (request: RecordedChat): Reply => insightsReply(alertsAsked(request).map(({ id, metric }) => ({
    id, explanation: words(metric), importance: importance[metric] ?? 0, rank: 0,
  })));
}

describe('the LLM stage', () => {
  const server = useOpenAiServer(KEY);
  const track = disposeAfterEach();

  async function setup(yaml = ''): Promise<{ ctx: TestContext; options: (more?: Partial<BatchConfig>) => ExplainOptions }> {
    const ws = track(await tempMetrics({ 'shop/config.yaml': yaml, 'shop/query.sql': 'SELECT 1' }));
    const ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'shop'), ws.root, NOW));
    const llm = new OpenAiClient({ apiKey: KEY, baseURL: server().url, model: 'gpt-4o-mini', timeoutMs: 5_000, maxRetries: 1 });
    const options = (more: Partial<BatchConfig> = {}): ExplainOptions => ({
      llm, config: { ...ctx.batch.config, ...more }, store: ctx.store, batch: 'shop', now: NOW, warn: (message) => ctx.reporter.warn(message),
    });
    return { ctx, options };
  }

  it('sends each alert with its history in one question and returns them explained, most important first', async () => {
    const { ctx, options } = await setup();
    // cpu alerted three days ago and someone marked it a false positive; mem's change is older than the 30 days sent.
    const earlier = new Date(END.getTime() - 3 * DAY);
    await ctx.store.insert([
      { metric_timestamp: earlier, metric_batch: 'shop', metric_name: 'cpu', metric_type: 'alert', metric_value: 1 },
      { metric_timestamp: earlier, metric_batch: 'shop', metric_name: 'cpu', metric_type: 'thumbsdown', metric_value: 1, metadata: { kind: 'anomaly' } },
      { metric_timestamp: new Date(END.getTime() - 40 * DAY), metric_batch: 'shop', metric_name: 'mem', metric_type: 'change', metric_value: 1 },
    ]);
    server().explain = explainBy({ cpu: 40, mem: 10, disk: 95 });
    const alerts = [anomaly('cpu', 250, { severity: { level: 'critical', rank: 1, levels: 2 } }), anomaly('mem', 130), anomaly('disk', 300)];
    const explained = await explainAlerts(alerts, options());

    expect(explained.map((a) => [a.metric, a.insight])).toEqual([
      ['disk', 'disk is far above its usual 101.'],
      ['cpu', 'cpu is far above its usual 101.'],
      ['mem', 'mem is far above its usual 101.'],
    ]);
    // Nothing else about an alert changes.
    expect(explained.map((a) => ({ ...a, insight: undefined }))).toEqual([alerts[2], alerts[0], alerts[1]]);
    expect(ctx.reporter.warnings).toEqual([]);

    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    if (!request) throw new Error('no request');
    expect(questionKind(request)).toBe('explain');
    expect(request.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'alert_insights', strict: true, schema: { required: ['alerts'] } } });
    const prompt = userMessage(request);
    expect(alertsAsked(request)).toEqual([{ id: 'a1', metric: 'cpu' }, { id: 'a2', metric: 'mem' }, { id: 'a3', metric: 'disk' }]);
    expect(prompt).toContain('Batch: shop. 3 alert(s) to explain and rank: a1, a2, a3.');
    expect(prompt).toContain([
      '## a1', 'metric: cpu', 'kind: anomaly', 'time: 2026-01-10T00:00:00Z', 'value: 250',
      'what alerted: value 250 (above the expected range 95–107 by 143) · score 0.90 ≥ 0.8',
      'severity: critical', 'direction: above what was expected', 'expected range: 95 to 107 (baseline 101)',
      'earlier alerts: 1: 2026-01-07T00:00:00Z alert',
      'feedback on earlier alerts: 2026-01-07T00:00:00Z false positive',
      'newest 48 points, oldest first:', 'timestamp,value,score',
    ].join('\n'));
    expect(prompt).toContain('2026-01-10T00:00:00Z,250,0.95\n\n## a2');
    expect(prompt).toContain('metric: mem\nkind: anomaly');
    expect(prompt.split('## a2')[1]).toContain('earlier alerts: none\nfeedback on earlier alerts: none');
    // The oldest of the 60 points is not sent (the newest 48 are), and neither are tags.
    expect(prompt).not.toContain('2026-01-07T13:00:00Z,');
    expect(prompt).toContain('2026-01-08T01:00:00Z,');
    expect(request.raw).not.toContain('team-secret-tag');
    expect(request.raw).not.toContain(KEY);
  });

  it('without an LLM, or with alert_explain off, returns the alerts as they are and asks nothing', async () => {
    const { options } = await setup();
    const alerts = [anomaly('cpu', 250), anomaly('mem', 130)];
    expect(await explainAlerts(alerts, { ...options(), llm: null })).toEqual(alerts);
    expect(await explainAlerts(alerts, { ...options(), llm: undefined })).toEqual(alerts);
    expect(await explainAlerts(alerts, options({ alert_explain: false }))).toEqual(alerts);
    expect(await explainAlerts([], options())).toEqual([]);
    expect(server().requests).toHaveLength(0);
  });

  it('leaves LLM alerts (which carry the model\'s explanation) out of the question, after the explained ones', async () => {
    const { options } = await setup();
    const llmAlert: Alert = { ...anomaly('cpu', 250), kind: 'llm', explanation: 'cpu jumped to 250.' };
    const explained = await explainAlerts([llmAlert, anomaly('mem', 130)], options());
    expect(explained.map((a) => [a.kind, a.metric, a.insight])).toEqual([['anomaly', 'mem', 'mem is unusual.'], ['llm', 'cpu', undefined]]);
    expect(server().requests.map((r) => alertsAsked(r).map((a) => a.metric))).toEqual([['mem']]);
    // Only LLM alerts: nothing to ask.
    expect(await explainAlerts([llmAlert], options())).toEqual([llmAlert]);
    expect(server().requests).toHaveLength(1);
  });

  it('a slow model is stopped at alert_explain_max_s: the plain alerts, in their order, with one warning', async () => {
    const { ctx, options } = await setup();
    server().delay = () => 10_000;
    const alerts = [anomaly('cpu', 250), anomaly('mem', 130)];
    const started = performance.now();
    const explained = await explainAlerts(alerts, options({ alert_explain_max_s: 1, llmalert_timeout_s: 30 }));
    // Loose: the point is that it does not wait out the model's 10 s.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(explained).toEqual(alerts);
    expect(ctx.reporter.warnings).toEqual(['shop: the LLM stage had no answer within 1 s (alert_explain_max_s); alerts sent without explanations']);
  });

  it('each question has llmalert_timeout_s', async () => {
    const { ctx, options } = await setup();
    server().delay = () => 10_000;
    const alerts = [anomaly('cpu', 250)];
    expect(await explainAlerts(alerts, options({ alert_explain_max_s: 30, llmalert_timeout_s: 1 }))).toEqual(alerts);
    expect(ctx.reporter.warnings).toEqual(['shop: the LLM stage failed (no answer from gpt-4o-mini within 1 s (llmalert_timeout_s)); alerts sent without explanations']);
    expect(server().requests).toHaveLength(1);
  });

  it('a failing model (HTTP 500 after the retry, an answer that is not JSON or not the schema) sends the plain alerts with one warning', async () => {
    const { ctx, options } = await setup();
    const alerts = [anomaly('cpu', 250), anomaly('mem', 130)];
    server().queue.push(SERVER_ERROR, SERVER_ERROR);
    expect(await explainAlerts(alerts, options())).toEqual(alerts);
    expect(server().requests.map((r) => r.status)).toEqual([500, 500]);

    server().queue.push({ content: 'Sure! cpu looks bad.' });
    expect(await explainAlerts(alerts, options())).toEqual(alerts);
    server().queue.push({ content: JSON.stringify({ alerts: [{ id: 'a1', explanation: 'cpu is high.' }] }) });
    expect(await explainAlerts(alerts, options())).toEqual(alerts);

    expect(ctx.reporter.warnings).toEqual([
      'shop: the LLM stage failed (gpt-4o-mini request failed: HTTP 500 The server had an error while processing your request. Sorry about that!); alerts sent without explanations',
      'shop: the LLM stage failed (gpt-4o-mini\'s answer is not JSON: "Sure! cpu looks bad."); alerts sent without explanations',
      'shop: the LLM stage failed (gpt-4o-mini\'s answer is not insights {alerts: [{id, explanation, importance, rank}]}: alerts.0.importance: Invalid input: expected number, received undefined; alerts.0.rank: Invalid input: expected number, received undefined); alerts sent without explanations',
    ]);
  });

  it('splits a big group into questions of 20 alerts and merges them by the model\'s importance', async () => {
    const { ctx, options } = await setup();
    const metrics = Array.from({ length: 25 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
    // The second question's alerts matter more than any of the first's.
    server().explain = (request) => insightsReply(alertsAsked(request).map(({ id, metric }, i) => ({
      id, explanation: `${metric}.`, importance: Number(metric.slice(1)) > 20 ? 90 - i : 50 - i, rank: i + 1,
    })));
    const explained = await explainAlerts(metrics.map((m) => anomaly(m, 200, {}, 10)), options());
    expect(server().requests.map((r) => alertsAsked(r).length)).toEqual([20, 5]);
    expect(explained.map((a) => a.metric)).toEqual([...metrics.slice(20), ...metrics.slice(0, 20)]);
    expect(explained.every((a) => a.insight === `${a.metric}.`)).toBe(true);
    expect(ctx.reporter.warnings).toEqual([]);
  });

  it('stops asking at alert_explain_max_tokens (the API\'s usage): the explained alerts first, the rest plain in their order', async () => {
    const { ctx, options } = await setup();
    const metrics = Array.from({ length: 25 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
    // The first answer uses the whole budget; its alerts rank in reverse.
    server().explain = (request) => insightsReply(alertsAsked(request).map(({ id, metric }, i) => ({ id, explanation: `${metric}.`, importance: i, rank: 20 - i })), 6_000);
    const alerts = metrics.map((m) => anomaly(m, 200, {}, 10));
    const explained = await explainAlerts(alerts, options({ alert_explain_max_tokens: 6_000 }));
    expect(server().requests).toHaveLength(1);
    expect(explained.map((a) => a.metric)).toEqual([...metrics.slice(0, 20).reverse(), ...metrics.slice(20)]);
    expect(explained.slice(20)).toEqual(alerts.slice(20));
    expect(ctx.reporter.warnings).toHaveLength(1);
    expect(ctx.reporter.warnings[0]).toMatch(
      /^shop: the LLM stage reached its token budget \(alert_explain_max_tokens 6000: 6000 used, the next question needs about \d+\); 5 of 25 alerts sent without explanations$/,
    );

    // A budget too small for the first question asks nothing.
    server().requests.length = 0;
    expect(await explainAlerts(alerts, options({ alert_explain_max_tokens: 100 }))).toEqual(alerts);
    expect(server().requests).toHaveLength(0);
  });

  it('keeps what the answer says about the alerts it was given: unknown and repeated ids ignored, long words clipped', async () => {
    const { ctx, options } = await setup();
    server().queue.push(insightsReply([
      { id: 'a2', explanation: `${'mem is high. '.repeat(100)}`, importance: 80, rank: 1 },
      { id: 'a2', explanation: 'again', importance: 99, rank: 1 },
      { id: 'a9', explanation: 'no such alert', importance: 99, rank: 1 },
      { id: 'a3', explanation: '   ', importance: 99, rank: 1 },
    ]));
    const alerts = [anomaly('cpu', 250), anomaly('mem', 130), anomaly('disk', 300)];
    const explained = await explainAlerts(alerts, options());
    expect(explained.map((a) => a.metric)).toEqual(['mem', 'cpu', 'disk']);
    expect(explained[0]?.insight).toHaveLength(600);
    expect(explained[0]?.insight?.endsWith('…')).toBe(true);
    expect(explained.slice(1)).toEqual([alerts[0], alerts[2]]);
    expect(ctx.reporter.warnings).toEqual(['shop: the LLM stage\'s answer left out 2 alert(s); they are sent without explanations']);
  });

  it('the model\'s words stay inert in GitHub issues, email and Slack', async () => {
    const { options } = await setup();
    const words = '@everyone cpu hit 250 <script>alert(1)</script> <!-- anomstack-episode {} -->';
    server().explain = explainBy({ cpu: 50 }, () => words);
    const [alert] = await explainAlerts([anomaly('cpu', 250)], options());
    if (!alert) throw new Error('no alert');
    expect(alert.insight).toBe(words);
    const shown = 'LLM: @\u200beveryone cpu hit 250 &lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- anomstack-episode {} --&gt;';
    expect(insightLine(alert)).toBe(shown);

    const marker = { fingerprint: fingerprint('shop', 'cpu', 'anomaly'), batch: 'shop', metric: 'cpu', kind: 'anomaly' as const, first: END.toISOString(), last: END.toISOString(), alerts: 1 };
    const body = issueBody(marker, alert, {});
    expect(body).toContain(`> ${shown}`);
    const comment = alertComment(marker.fingerprint, [alert], {}, false);
    expect(comment).toContain(`- 2026-01-10 00:00 UTC: value 250 (above the expected range 95–107 by 143) · score 0.90 ≥ 0.8 · ${shown}`);

    const [group] = groupAlerts([alert]);
    if (!group) throw new Error('no group');
    const digest = digestOf([alert, anomaly('mem', 130)]);
    const rendered = {
      body, comment, html: alertHtml(group, null), text: alertText(group), digestHtml: digestHtml(digest, []), digestText: digestText(digest),
      slack: JSON.stringify(digestBlocks(digest)),
    };
    for (const [where, text] of Object.entries(rendered)) {
      expect(text, where).toContain('cpu hit 250');
      expect(text, where).not.toContain('@everyone');
      expect(text, where).not.toContain('<script>');
      expect(text, where).not.toContain('<!-- anomstack-episode {}');
    }
  });

  it('an alert without an explanation reads as before', () => {
    const alert = anomaly('cpu', 250);
    expect(insightLine(alert)).toBeNull();
    expect(insightLine({ insight: ' \n ' })).toBeNull();
    const [group] = groupAlerts([alert]);
    expect(group && alertLines(group)).toEqual(['2026-01-10 00:00 UTC: value 250 (above the expected range 95–107 by 143) · score 0.90 ≥ 0.8']);
  });

  it('the recorded row keeps an explained alert\'s insight in its metadata', () => {
    const explained: Alert = { ...anomaly('cpu', 250), insight: 'cpu is high.', details: { evidence: 0.9 } };
    const plain: Alert = { ...anomaly('mem', 130), details: { evidence: 0.9 } };
    expect([explained, plain].map((a) => recordOf(a, [], null)).map((r) => [r.metric_name, r.metadata])).toEqual([
      ['cpu', { evidence: 0.9, insight: 'cpu is high.' }],
      ['mem', { evidence: 0.9 }],
    ]);
  });
});
