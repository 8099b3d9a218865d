import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/config/schema.ts';
import { runJobs, type RunReport } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, recordingReporter, seriesSql, tempMetrics, type RecordingReporter, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { slackServer, type SlackServer } from '../helpers/slack-server.ts';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { checkPlotPng } from './channel-fixtures.ts';

const TOKEN = 'xoxb-run-test-token-42';
const NOW = new Date('2026-01-10T00:30:00Z');
/** `spiky` jumps by 60 over its newest 4 of 80 hourly points, which alerts; `steady` does not. */
const SQL = `SELECT * FROM (${seriesSql({ metrics: ['steady'], n: 80, end: '2026-01-10 00:00:00' })})
UNION ALL SELECT * FROM (${seriesSql({ metrics: ['spiky'], n: 80, end: '2026-01-10 00:00:00', spike: 60, spikeN: 4 })})`;
const PIPELINE: Job[] = ['ingest', 'train', 'score', 'alert'];

const track = disposeAfterEach();
let slack: SlackServer | undefined;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
  await sink?.close();
  sink = undefined;
});

async function setup(methods = '[console, slack, email]'): Promise<{ ws: TempWorkspace; slack: SlackServer; sink: SmtpSink; env: NodeJS.ProcessEnv }> {
  const ws = track(await tempMetrics({}));
  await ws.write({
    'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'metrics.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
    'shop/config.yaml': `alert_methods: ${methods}\nmetric_tags: {spiky: {owner: payments}}\n`,
    'shop/query.sql': SQL,
  });
  slack = await slackServer(TOKEN, { alerts: 'C0ALERTS' });
  // A relay inside the network: no TLS, no login (a password over a plain connection is refused).
  sink = await smtpSink({ tls: false });
  const env = {
    ANOMSTACK_SLACK_BOT_TOKEN: TOKEN,
    ANOMSTACK_SLACK_CHANNEL: '#alerts',
    ANOMSTACK_SLACK_API_URL: slack.apiUrl,
    ANOMSTACK_ALERT_EMAIL_FROM: 'anomstack@example.com',
    ANOMSTACK_ALERT_EMAIL_TO: 'oncall@example.com',
    ANOMSTACK_ALERT_EMAIL_SMTP_HOST: '127.0.0.1',
    ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(sink.port),
    ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none',
  };
  return { ws, slack, sink, env };
}

async function run(ws: TempWorkspace, env: NodeJS.ProcessEnv, jobs = PIPELINE, now = NOW, reporter: RecordingReporter = recordingReporter()): Promise<RunReport> {
  return runJobs({ metricsDir: ws.metricsDir, now, env, reporter, jobs });
}

async function alertRows(ws: TempWorkspace): Promise<string[]> {
  const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
  try {
    const rows = await db.all(`SELECT metric_name, metric_timestamp FROM metrics WHERE metric_type = 'alert' ORDER BY ALL`);
    return rows.map((r) => `${String(r['metric_name'])} ${(r['metric_timestamp'] as Date).toISOString()}`);
  } finally {
    db.close();
  }
}

describe('slack and email in a pipeline run', () => {
  it('delivers the anomaly to both with its plot, records it once, and a second run sends nothing', async () => {
    const { ws, slack, sink, env } = await setup();
    const reporter = recordingReporter();
    const first = await run(ws, env, PIPELINE, NOW, reporter);
    expect(first.batches[0]).toMatchObject({ batch: 'shop', status: 'ok', counts: { alerts: 1 } });
    expect(await alertRows(ws)).toEqual(['spiky 2026-01-10T00:00:00.000Z']);

    const title = '🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)';
    expect(slack.messages.map((m) => [m.text, m.threadTs === null, m.files.length])).toEqual([[title, true, 0], ['', false, 1]]);
    expect(slack.messages[1]?.threadTs).toBe(slack.messages[0]?.ts);
    checkPlotPng(slack.messages[1]?.files[0]?.bytes ?? Buffer.alloc(0));
    expect(sink.received.map((m) => m.parsed.subject)).toEqual([title]);
    expect(sink.received[0]?.parsed.text).toContain('Tags: owner=payments');
    const attached = sink.received[0]?.parsed.attachments.find((a) => a.disposition === 'attachment');
    checkPlotPng(Buffer.from(attached?.content as ArrayBuffer));
    // The same chart both ways: the store's series with the alert being sent drawn on it.
    expect(Buffer.from(attached?.content as ArrayBuffer).equals(slack.messages[1]?.files[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect([...reporter.infos, ...reporter.warnings].join('\n')).not.toContain(TOKEN);

    const requests = slack.requests.length;
    const second = await run(ws, env);
    expect(second.batches[0]?.counts['alerts']).toBe(0);
    expect(slack.requests.length).toBe(requests);
    expect(sink.received).toHaveLength(1);
  });

  it('a channel that refuses affects only itself: email delivers, the later jobs run, and the next run retries Slack alone', async () => {
    const { ws, slack, sink, env } = await setup();
    slack.failWith('chat.postMessage', 'channel_not_found');
    const reporter = recordingReporter();
    const failed = await run(ws, env, [...PIPELINE, 'change', 'tholdalert'], NOW, reporter);
    expect(failed.batches[0]?.status).toBe('failed');
    expect(failed.batches[0]?.error).toBe(
      'alert: slack: posting "🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)" to #alerts failed: channel_not_found: check ANOMSTACK_SLACK_CHANNEL; a private channel needs the app invited',
    );
    expect(failed.batches[0]?.jobs.map((j) => `${j.job} ${j.status}`)).toEqual(['ingest ok', 'train ok', 'score ok', 'alert failed', 'change ok', 'tholdalert ok']);
    expect(reporter.warnings.join('\n')).toContain('shop: slack did not deliver 1 alert(s)');
    // The decision is recorded whichever channels were up, and email, after Slack in the channel order, delivered.
    expect(await alertRows(ws)).toEqual(['spiky 2026-01-10T00:00:00.000Z']);
    expect(sink.received).toHaveLength(1);

    const retried = await run(ws, env);
    expect(retried.batches[0]).toMatchObject({ status: 'ok', counts: { alerts: 0 } });
    expect(slack.messages.filter((m) => m.text !== '').map((m) => m.text)).toEqual(['🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)']);
    expect(sink.received).toHaveLength(1);

    const requests = slack.requests.length;
    await run(ws, env);
    expect(slack.requests.length).toBe(requests);
    expect(sink.received).toHaveLength(1);
    expect(await alertRows(ws)).toEqual(['spiky 2026-01-10T00:00:00.000Z']);
  });

  it('with SMTP down, three runs at the same clock post to Slack once, run every later job, and email gets the alert once SMTP is back', async () => {
    const { ws, slack, sink, env } = await setup();
    const down = { ...env, ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(await closedPort()) };
    const everything: Job[] = [...PIPELINE, 'change', 'tholdalert', 'summary', 'plot'];
    for (let i = 0; i < 3; i++) {
      const report = await run(ws, down, everything);
      expect(report.batches[0]?.status).toBe('failed');
      expect(report.batches[0]?.jobs.map((j) => j.job)).toEqual(everything);
      expect(report.batches[0]?.jobs.filter((j) => j.status === 'failed').map((j) => j.job)).toEqual(['alert', 'summary']);
      expect(report.batches[0]?.error).toMatch(/^alert: email: sending .* failed: .*ECONNREFUSED/);
    }
    const alertTitle = '🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)';
    const summaryTitle = '📊 Anomstack summary: shop, last 24 h';
    expect(slack.messages.filter((m) => m.text !== '').map((m) => m.text)).toEqual([alertTitle, summaryTitle]);
    expect(sink.received).toEqual([]);

    const back = await run(ws, env, everything);
    expect(back.batches[0]?.status).toBe('ok');
    expect(sink.received.map((m) => m.parsed.subject)).toEqual([alertTitle, summaryTitle]);
    expect(slack.messages.filter((m) => m.text !== '').map((m) => m.text)).toEqual([alertTitle, summaryTitle]);
    await run(ws, env, everything);
    expect(sink.received).toHaveLength(2);
    expect(await alertRows(ws)).toEqual(['spiky 2026-01-10T00:00:00.000Z']);
  });

  it('fails the jobs that notify a channel without its settings, naming the variables; the others run', async () => {
    const { ws } = await setup('[console, slack]');
    const report = await run(ws, { ANOMSTACK_SLACK_CHANNEL: '#alerts' });
    expect(report.batches[0]?.jobs.map((j) => `${j.job} ${j.status}`)).toEqual(['ingest ok', 'train ok', 'score ok', 'alert failed']);
    expect(report.batches[0]?.error).toBe('alert: alert_methods includes slack, but ANOMSTACK_SLACK_BOT_TOKEN is not set');
    expect(await alertRows(ws)).toEqual([]);
  });

  it('sends the summary once per summary_cron_schedule period', async () => {
    const { ws, slack, sink, env } = await setup();
    await run(ws, env);
    const sent = await run(ws, env, ['summary']);
    const title = '📊 Anomstack summary: shop, last 24 h';
    expect(sent.batches[0]?.jobs[0]?.message).toMatch(/^last day: 2 metrics · \d+ points ingested · \d+ scored · 1 alerts .*; sent to slack, email$/);
    expect(sent.batches[0]?.summary?.events.map((e) => `${e.kind} ${e.metric}`)).toEqual(['anomaly spiky']);
    expect(slack.messages.at(-1)?.text).toBe(title);
    expect(sink.received.map((m) => m.parsed.subject).at(-1)).toBe(title);
    expect(sink.received.at(-1)?.parsed.text).toContain('🔥 spiky at 2026-01-10 00:00 UTC');

    // Later the same day (the default schedule fires daily at 09:00 UTC): summarized, not sent again.
    const again = await run(ws, env, ['summary'], new Date('2026-01-10T08:59:00Z'));
    expect(again.batches[0]?.jobs[0]?.message).toContain('already summarized in this period');
    expect(slack.messages.filter((m) => m.text === title)).toHaveLength(1);
    expect(sink.received.filter((m) => m.parsed.subject === title)).toHaveLength(1);

    // After 09:00 the next period has begun.
    await run(ws, env, ['summary'], new Date('2026-01-10T09:05:00Z'));
    expect(slack.messages.filter((m) => m.text === title)).toHaveLength(2);
    expect(sink.received.filter((m) => m.parsed.subject === title)).toHaveLength(2);
  });
});

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
