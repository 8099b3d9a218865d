/**
 * The LLM stage in a real batch run: five anomalous metrics make one Slack digest, explained and ordered by a model
 * on a local Chat Completions server; with the model failing, the same digest goes out plain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runJobs } from '../../src/jobs/run.ts';
import { recordingReporter, runWorkspaces, seriesSql } from '../helpers/metrics-dir.ts';
import { alertsAsked, insightsReply, SERVER_ERROR, useOpenAiServer } from '../helpers/openai-server.ts';
import { slackServer, type SlackMessage, type SlackServer } from '../helpers/slack-server.ts';

const KEY = 'sk-explain-run-key-0123456789';
const TOKEN = 'xoxb-explain-run-token-42';
const NOW = new Date('2026-01-10T00:30:00Z');
// Five metrics whose newest point is 300 above the rest: each alerts in the run that ingests it.
const SQL = seriesSql({ metrics: ['a', 'b', 'c', 'd', 'e'], n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 });
/** How much each metric matters to the model: the reverse of the digest's plain order. */
const IMPORTANCE: Record<string, number> = { a: 10, b: 20, c: 30, d: 40, e: 50 };

describe('the LLM stage in a batch run', () => {
  const workspace = runWorkspaces();
  const server = useOpenAiServer(KEY);
  let slack: SlackServer | undefined;
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
  });

  /** Runs the pipeline once with Slack and the LLM configured; returns the digest posted and the run's warnings. */
  async function digest(): Promise<{ message: SlackMessage; warnings: string[] }> {
    // The llmalert job is off: the LLM here is the alert stage's alone.
    const w = await workspace({ 'shop/config.yaml': 'alert_methods: [console, slack]\ndisable_llmalert: true\n', 'shop/query.sql': SQL });
    slack = await slackServer(TOKEN, { alerts: 'C0ALERTS' });
    const env = {
      ANOMSTACK_SLACK_BOT_TOKEN: TOKEN, ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: slack.apiUrl,
      ANOMSTACK_OPENAI_KEY: KEY, ANOMSTACK_OPENAI_BASE_URL: server().url,
    };
    const reporter = recordingReporter();
    const report = await runJobs({ metricsDir: w.metricsDir, now: NOW, env, reporter, jobs: ['ingest', 'train', 'score', 'alert', 'llmalert'] });
    expect(report.batches[0]).toMatchObject({ status: 'ok', counts: { alerts: 5 } });
    const posted = slack.messages.filter((m) => m.threadTs === null);
    expect(posted).toHaveLength(1);
    const [message] = posted;
    if (!message) throw new Error('no digest posted');
    return { message, warnings: reporter.warnings };
  }

  /** The metrics of the digest's sections in order, and each one's alert line. */
  function sections(message: SlackMessage): { metric: string; line: string }[] {
    const text = JSON.stringify([message.blocks, message.attachments]);
    return [...text.matchAll(/\[([a-e])\] looks anomalous[^"]*?\*\\n• ([^"]*)"/g)].map((m) => ({ metric: m[1] ?? '', line: m[2] ?? '' }));
  }

  it('the digest holds the model\'s explanations, in the model\'s order', async () => {
    server().explain = (request) => insightsReply(alertsAsked(request).map(({ id, metric }) => ({
      id, explanation: `${metric} is about 300 above its usual level.`, importance: IMPORTANCE[metric] ?? 0, rank: 6 - (IMPORTANCE[metric] ?? 0) / 10,
    })));
    const { message, warnings } = await digest();
    // One question for the run's five alerts.
    expect(server().requests.map((r) => alertsAsked(r).map((a) => a.metric))).toEqual([['a', 'b', 'c', 'd', 'e']]);
    expect(server().prompts[0]).toContain('## a1\nmetric: a\nkind: anomaly\n');
    expect(message.text).toMatch(/^🔥 5 alerts in shop.*: e, d, c and 2 more \(2026-01-10 00:00 UTC\)$/);
    const shown = sections(message);
    expect(shown.map((s) => s.metric)).toEqual(['e', 'd', 'c', 'b', 'a']);
    for (const { metric, line } of shown) expect(line).toMatch(new RegExp(`^2026-01-10 00:00 UTC: value .* · LLM: ${metric} is about 300 above its usual level\\.$`));
    expect(warnings).toEqual([]);
  }, 120_000);

  it('with the model failing, the same digest goes out plain, with one warning', async () => {
    server().explain = () => SERVER_ERROR;
    const { message, warnings } = await digest();
    expect(server().requests.length).toBeGreaterThan(0);
    expect(server().requests.every((r) => r.status === 500)).toBe(true);
    expect(message.text).toMatch(/^🔥 5 alerts in shop.*: a, b, c and 2 more \(2026-01-10 00:00 UTC\)$/);
    const shown = sections(message);
    expect(shown.map((s) => s.metric)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const { line } of shown) expect(line).not.toContain('LLM:');
    expect(warnings).toEqual([
      'shop: the LLM stage failed (gpt-4o-mini request failed: HTTP 500 The server had an error while processing your request. Sorry about that!); alerts sent without explanations',
    ]);
  }, 120_000);
});
