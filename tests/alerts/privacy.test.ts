/**
 * `publish_values: false`: no value of the batch leaves the run, in a message, an issue, a webhook or the report;
 * scores and alert times stay.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/alerts/alert-text.ts';
import { GitHubIssues } from '../../src/alerts/github-issues.ts';
import { publicValuesWarning } from '../../src/action/visibility.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { writeReport } from '../../src/report/write.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, recordingReporter, seriesSql, tempMetrics } from '../helpers/metrics-dir.ts';
import { slackServer, type SlackServer } from '../helpers/slack-server.ts';
import { webhookServer, type WebhookServer } from '../helpers/webhook-server.ts';
import { localGitHub } from './github-fixtures.ts';

const github = localGitHub({ 'action-token': 'github-actions[bot]' });
const track = disposeAfterEach();
const TOKEN = 'xoxb-privacy-token';
const NOW = new Date('2026-01-10T00:30:00Z');
let slack: SlackServer | undefined;
let hooks: WebhookServer | undefined;
afterEach(async () => {
  await slack?.close();
  await hooks?.close();
});

/** Every way a stored value of the batch could be written: as the channels format it, and as the report does. */
async function valueTexts(file: string): Promise<string[]> {
  const db = await DuckDb.open(file);
  try {
    const rows = await db.all("SELECT DISTINCT metric_value FROM metrics WHERE metric_type = 'metric'");
    return rows.flatMap((r) => {
      const v = Number(r['metric_value']);
      return [formatNumber(v), String(Number(v.toPrecision(6)))];
    });
  } finally {
    db.close();
  }
}

describe('publish_values: false', () => {
  it('keeps every value out of Slack, the issue, the webhook and the report, and keeps the scores and times', async () => {
    const ws = track(await tempMetrics({}));
    const database = path.join(ws.root, 'metrics.duckdb');
    await ws.write({
      'defaults.yaml': `duckdb_path: ${JSON.stringify(database)}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
      'payroll/config.yaml': 'publish_values: false\nalert_methods: [console, github, slack, webhook]\ntholdalert_thresholds: {b: {upper: 150}}\ntholdalert_methods: [console, slack]\n',
      'payroll/query.sql': seriesSql({ metrics: ['a', 'b'], n: 120, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 }),
    });
    slack = await slackServer(TOKEN, { alerts: 'C0ALERTS' });
    hooks = await webhookServer();
    const env = { ANOMSTACK_SLACK_BOT_TOKEN: TOKEN, ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: slack.apiUrl, ANOMSTACK_WEBHOOK_URL: hooks.url('/hook') };
    const server = github();
    const issues = new GitHubIssues({
      token: 'action-token', owner: server.owner, repo: server.repo, apiUrl: server.url, now: NOW, retryBaseMs: 1, paceWrites: false,
      reportUrl: 'https://acme.github.io/metrics', chartUrl: () => 'https://acme.github.io/metrics/chart.png',
    });
    const report = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env, reporter: recordingReporter(), github: issues, jobs: ['ingest', 'train', 'score', 'alert', 'tholdalert'] });
    await issues.finish();
    expect(report.batches[0]).toMatchObject({ status: 'ok', valuesPrivate: true });
    const outDir = path.join(ws.root, 'site');
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });

    const pages = await Promise.all(['index.html', 'anomalies.html', 'batch/payroll.html'].map((p) => readFile(path.join(outDir, p), 'utf8')));
    expect(await readdir(path.join(outDir, 'batch'))).not.toContain('payroll');
    const published = [
      ...slack.messages.map((m) => JSON.stringify([m.text, m.blocks, m.attachments])),
      ...server.issues.map((i) => `${i.title}\n${i.body}`),
      ...hooks.requests.map((r) => r.body.toString('utf8')),
      ...pages,
    ];
    // Something was sent everywhere: the alerts are there, their values are not.
    expect(slack.messages.filter((m) => m.threadTs === null)).toHaveLength(2);
    expect(slack.messages.some((m) => m.files.length > 0)).toBe(false);
    expect(server.issues.map((i) => i.title)).toEqual(['🔥 CRITICAL [a] looks anomalous (2026-01-10 00:00 UTC)', '🔥 CRITICAL [b] looks anomalous (2026-01-10 00:00 UTC)']);
    expect(server.issues[0]?.body).toContain('value not published');
    expect(server.issues[0]?.body).not.toContain('chart.png');
    expect(pages[2]).toContain('keeps its values private');
    expect(pages[2]).toMatch(/<td>a<\/td><td>120<\/td><td>2026-01-10 00:00<\/td><td>[\d.]+<\/td><td>1<\/td>/);
    const values = await valueTexts(database);
    for (const text of published) for (const value of values) expect(text, value).not.toContain(value);
  }, 180_000);

  it('warns when a public repository publishes values, naming the batches', () => {
    expect(publicValuesWarning(true, ['shop', 'payroll'])).toMatch(/^this repository is public, .* shop, payroll publish their values there; set publish_values: false/);
    expect(publicValuesWarning(false, ['shop'])).toBeNull();
    expect(publicValuesWarning(null, ['shop'])).toBeNull();
    expect(publicValuesWarning(true, [])).toBeNull();
  });
});
