/**
 * The alert pipeline end to end, as a scheduled run drives it: five anomalous metrics in one batch run, against the
 * local Slack server, the SMTP sink, the local GitHub, and a webhook receiver (also standing in for Teams and Discord).
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubIssues } from '../../src/alerts/github-issues.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { disposeAfterEach, recordingReporter, seriesSql, tempMetrics } from '../helpers/metrics-dir.ts';
import { slackServer, type SlackServer } from '../helpers/slack-server.ts';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { webhookServer, type WebhookServer } from '../helpers/webhook-server.ts';
import { localGitHub } from './github-fixtures.ts';

const github = localGitHub({ 'action-token': 'github-actions[bot]' });
const track = disposeAfterEach();
const TOKEN = 'xoxb-pipeline-token';
const SECRET = 'pipeline-webhook-secret';
const NOW = new Date('2026-01-10T00:30:00Z');
const METRICS = ['a', 'b', 'c', 'd', 'e'];

let slack: SlackServer | undefined;
let sink: SmtpSink | undefined;
let hooks: WebhookServer | undefined;
afterEach(async () => {
  await slack?.close();
  await sink?.close();
  await hooks?.close();
});

describe('the alert pipeline in a run', () => {
  it('five anomalous metrics make one message per channel (one issue per episode on GitHub); a re-run sends nothing', async () => {
    const ws = track(await tempMetrics({}));
    await ws.write({
      'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'metrics.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
      'shop/config.yaml': 'alert_methods: [console, github, slack, email, webhook, teams, discord]\n',
      'shop/query.sql': seriesSql({ metrics: METRICS, n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 }),
    });
    slack = await slackServer(TOKEN, { alerts: 'C0ALERTS' });
    sink = await smtpSink({ tls: false });
    hooks = await webhookServer();
    const env = {
      ANOMSTACK_SLACK_BOT_TOKEN: TOKEN, ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: slack.apiUrl,
      ANOMSTACK_ALERT_EMAIL_FROM: 'anomstack@example.com', ANOMSTACK_ALERT_EMAIL_TO: 'oncall@example.com',
      ANOMSTACK_ALERT_EMAIL_SMTP_HOST: '127.0.0.1', ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(sink.port), ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none',
      ANOMSTACK_WEBHOOK_URL: hooks.url('/hook'), ANOMSTACK_WEBHOOK_SECRET: SECRET,
      ANOMSTACK_TEAMS_WEBHOOK_URL: hooks.url('/teams'), ANOMSTACK_DISCORD_WEBHOOK_URL: hooks.url('/discord'),
    };
    const server = github();
    const run = async (): Promise<void> => {
      const issues = new GitHubIssues({ token: 'action-token', owner: server.owner, repo: server.repo, apiUrl: server.url, now: NOW, retryBaseMs: 1, paceWrites: false });
      const report = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env, reporter: recordingReporter(), github: issues, jobs: ['ingest', 'train', 'score', 'alert'] });
      await issues.finish();
      expect(report.batches[0]?.status, report.batches[0]?.error).toBe('ok');
    };
    await run();

    const title = '🔥 5 alerts in shop (5 critical): a, b, c and 2 more (2026-01-10 00:00 UTC)';
    expect(slack.messages.filter((m) => m.threadTs === null).map((m) => m.text)).toEqual([title]);
    expect(sink.received.map((m) => m.parsed.subject)).toEqual([title]);
    const byPath = (p: string) => hooks?.requests.filter((r) => r.path === p) ?? [];
    const [hook] = byPath('/hook');
    expect(byPath('/hook')).toHaveLength(1);
    expect(hook?.headers['x-anomstack-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(hook?.body ?? Buffer.alloc(0)).digest('hex')}`);
    const payload = JSON.parse(hook?.body.toString('utf8') ?? '{}') as { title: string; alerts: { metric: string; severity: string }[] };
    expect(payload.title).toBe(title);
    expect(payload.alerts.map((a) => `${a.metric} ${a.severity}`)).toEqual(METRICS.map((m) => `${m} critical`));
    expect(byPath('/teams')).toHaveLength(1);
    expect(byPath('/discord')).toHaveLength(1);
    expect(server.issues.map((i) => i.title).sort()).toEqual(METRICS.map((m) => `🔥 CRITICAL [${m}] looks anomalous (2026-01-10 00:00 UTC)`));

    // The same clock again: every alert is recorded and delivered, so nothing is sent anywhere.
    const before = { slack: slack.messages.length, mail: sink.received.length, hooks: hooks.requests.length, issues: server.issues.length };
    await run();
    expect({ slack: slack.messages.length, mail: sink.received.length, hooks: hooks.requests.length, issues: server.issues.length }).toEqual(before);
  }, 180_000);
});
