/** The severity and route stages: alone on plain alerts, then in a run against the local Slack server and SMTP sink. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { allReceivers, receiversOf, routeMatches } from '../../src/alerts/route.ts';
import { severityBands, severityColour, severityOfScore, withSeverity } from '../../src/alerts/severity.ts';
import { batchConfigSchema, type BatchConfig } from '../../src/config/schema.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, recordingReporter, seriesSql, tempMetrics } from '../helpers/metrics-dir.ts';
import { slackServer, type SlackServer } from '../helpers/slack-server.ts';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    kind: 'anomaly', batch: 'shop', metric: 'orders', timestamp: new Date('2026-01-10T00:00:00Z'), value: 150,
    score: 0.9, smoothedScore: 0.9, threshold: 0.8, tags: {}, recent: [], ...overrides,
  };
}

function config(yaml: Record<string, unknown>): BatchConfig {
  return batchConfigSchema.parse({ metric_batch: 'shop', ...yaml });
}

describe('the severity stage', () => {
  const bands = severityBands({ warning: 0.8, critical: 0.95 });

  it('takes the highest band a score reaches, and the lowest level below every band', () => {
    expect(severityOfScore(0.97, bands)).toEqual({ level: 'critical', rank: 1, levels: 2 });
    expect(severityOfScore(0.95, bands).level).toBe('critical');
    expect(severityOfScore(0.9, bands).level).toBe('warning');
    // alert_threshold below the lowest band: those alerts are of the lowest level.
    expect(severityOfScore(0.6, bands).level).toBe('warning');
    const three = severityBands({ critical: 0.99, info: 0.7, warning: 0.9 });
    expect(three.map((b) => b.level)).toEqual(['info', 'warning', 'critical']);
    expect(severityOfScore(0.95, three)).toEqual({ level: 'warning', rank: 1, levels: 3 });
  });

  it('judges an anomaly by the score the alert rule judged; thresholds by their own level; others the lowest', () => {
    const rated = withSeverity([
      alert({ smoothedScore: 0.9, score: 0.99 }),
      alert({ smoothedScore: 0.9, score: 0.99, extreme: true }),
      alert({ kind: 'threshold', metric: 'cpu' }),
      alert({ kind: 'threshold', metric: 'disk' }),
      alert({ kind: 'change', smoothedScore: 9 }),
      alert({ kind: 'llm' }),
      alert({ severity: { level: 'critical', rank: 1, levels: 2 }, smoothedScore: 0.1 }),
    ], bands, { cpu: 'critical' });
    expect(rated.map((a) => a.severity?.level)).toEqual(['warning', 'critical', 'critical', 'warning', 'warning', 'warning', 'critical']);
  });

  it('colours the common names, and other names by rank', () => {
    expect(severityColour({ level: 'critical', rank: 1, levels: 2 })).toBe('#E01E5A');
    expect(severityColour({ level: 'warning', rank: 0, levels: 2 })).toBe('#ECB22E');
    expect(severityColour({ level: 'sev1', rank: 2, levels: 3 })).toBe('#E01E5A');
    expect(severityColour({ level: 'sev3', rank: 0, levels: 3 })).toBe('#ECB22E');
  });
});

describe('the route stage', () => {
  const critical = { level: 'critical', rank: 1, levels: 2 };
  const warning = { level: 'warning', rank: 0, levels: 2 };
  const { alert_routes: routes } = config({
    alert_routes: [
      { match: { tags: { team: ['payments', 'billing'] } }, methods: ['email'], email_to: 'pay@example.com, lead@example.com', continue: true },
      { match: { severity: 'critical', kind: ['anomaly', 'change'] }, methods: ['slack', 'github'], slack_channel: '#oncall' },
      { match: { metric: 'checkout_*', direction: 'down' }, methods: ['teams'] },
    ],
  });

  it('matches every condition given, a list as any of its entries', () => {
    expect(routeMatches(alert({ tags: { team: 'billing' } }), { tags: { team: ['payments', 'billing'] } })).toBe(true);
    expect(routeMatches(alert({ tags: { team: 'web' } }), { tags: { team: ['payments'] } })).toBe(false);
    expect(routeMatches(alert({ tags: { tier: 1 } }), { tags: { tier: [1] } })).toBe(true);
    expect(routeMatches(alert({ severity: critical, kind: 'threshold' }), { severity: ['critical'], kind: ['anomaly'] })).toBe(false);
    expect(routeMatches(alert(), { severity: ['critical'] })).toBe(false);
    expect(routeMatches(alert({ metric: 'checkout_eu', direction: 'down' }), { metric: ['checkout_*'], direction: 'down' })).toBe(true);
    expect(routeMatches(alert({ metric: 'checkout_eu' }), { direction: 'down' })).toBe(false);
    expect(routeMatches(alert(), {})).toBe(true);
  });

  it('stops at the first route that takes an alert unless it continues; alerts no route takes go to the job\'s methods', () => {
    const defaults = ['console', 'slack'];
    expect(receiversOf(alert({ tags: { team: 'payments' }, severity: critical }), routes, defaults))
      .toEqual(['email:pay@example.com,lead@example.com', 'slack:#oncall', 'github']);
    expect(receiversOf(alert({ tags: { team: 'payments' }, severity: warning }), routes, defaults)).toEqual(['email:pay@example.com,lead@example.com']);
    expect(receiversOf(alert({ severity: critical, metric: 'checkout_eu', direction: 'down' }), routes, defaults)).toEqual(['slack:#oncall', 'github']);
    expect(receiversOf(alert({ severity: warning, metric: 'checkout_eu', direction: 'down' }), routes, defaults)).toEqual(['teams']);
    expect(receiversOf(alert({ severity: warning }), routes, defaults)).toEqual(defaults);
    expect(allReceivers(routes).map((r) => r.name)).toEqual(['email:pay@example.com,lead@example.com', 'slack:#oncall', 'github', 'teams']);
  });

  it('refuses routes that cannot work, naming the key', () => {
    const issues = (yaml: Record<string, unknown>): string[] =>
      batchConfigSchema.safeParse({ metric_batch: 'shop', ...yaml }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ alert_routes: [{ match: { severity: 'urgent' }, methods: ['slack'] }] }))
      .toEqual(['alert_routes.0.match.severity: urgent is not a level of alert_severity (warning, critical)']);
    expect(issues({ alert_routes: [{ methods: ['email'], slack_channel: '#x' }] })).toEqual(['alert_routes.0.slack_channel: slack_channel needs slack among the route\'s methods']);
    expect(issues({ alert_routes: [{ methods: ['email'], email_to: 'not an address' }] })[0]).toMatch(/^alert_routes\.0\.email_to\.0: /);
    expect(issues({ alert_routes: [{ match: { colour: 'red' }, methods: ['slack'] }] })[0]).toMatch(/^alert_routes\.0\.match: .*colour/);
    expect(issues({ tholdalert_thresholds: { cpu: { upper: 90, severity: 'page' } } }))
      .toEqual(['tholdalert_thresholds.cpu.severity: page is not a level of alert_severity (warning, critical)']);
    expect(issues({ alert_severity: { warning: 0.8, critical: 0.8 } })).toEqual(['alert_severity: expected a different score for each level']);
  });
});

describe('severity and routes in a run', () => {
  const TOKEN = 'xoxb-route-test-token';
  const NOW = new Date('2026-01-10T00:30:00Z');
  // a, b, c jump by 300 at their newest point: each alerts (critical) in the run that ingests it.
  const SQL = seriesSql({ metrics: ['a', 'b', 'c'], n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 });
  const track = disposeAfterEach();
  let slack: SlackServer | undefined;
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await slack?.close();
    await sink?.close();
  });

  it('sends each alert where the routes say: by tag to a team\'s inbox, critical to the on-call channel, the rest to the job\'s methods', async () => {
    const ws = track(await tempMetrics({}));
    await ws.write({
      'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'metrics.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
      'shop/config.yaml': [
        'alert_methods: [console, slack]',
        'tholdalert_methods: [console, slack]',
        'metric_tags: {a: {team: payments}, b: {team: web}}',
        'tholdalert_thresholds: {c: {upper: 50}}',
        'alert_routes:',
        '  - match: {tags: {team: payments}}',
        '    methods: [email]',
        '    email_to: [payments@example.com]',
        '    continue: true',
        '  - match: {severity: critical}',
        '    methods: [slack]',
        '    slack_channel: "#oncall"',
        '',
      ].join('\n'),
      'shop/query.sql': SQL,
    });
    slack = await slackServer(TOKEN, { alerts: 'C0ALERTS', oncall: 'C0ONCALL' });
    sink = await smtpSink({ tls: false });
    // No ANOMSTACK_ALERT_EMAIL_TO: the route names the recipients.
    const env = {
      ANOMSTACK_SLACK_BOT_TOKEN: TOKEN, ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: slack.apiUrl,
      ANOMSTACK_ALERT_EMAIL_FROM: 'anomstack@example.com', ANOMSTACK_ALERT_EMAIL_SMTP_HOST: '127.0.0.1',
      ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(sink.port), ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none',
    };
    const run = () => runJobs({ metricsDir: ws.metricsDir, now: NOW, env, reporter: recordingReporter(), jobs: ['ingest', 'train', 'score', 'alert', 'tholdalert'] });
    const first = await run();
    expect(first.batches[0], JSON.stringify(first.batches[0])).toMatchObject({ status: 'ok' });

    const posts = slack.messages.filter((m) => m.threadTs === null);
    // The anomalies, all critical, as one digest in #oncall; c's threshold alert (warning, no route takes it) in #alerts.
    expect(posts.map((m) => [m.channel, m.text])).toEqual([
      ['C0ONCALL', '🔥 3 alerts in shop (3 critical): a, b, c (2026-01-10 00:00 UTC)'],
      ['C0ALERTS', '🚨 WARNING [c] crossed its upper threshold 50 (2026-01-10 00:00 UTC)'],
    ]);
    expect(posts.map((m) => m.attachments.map((a) => a.color))).toEqual([['#E01E5A'], ['#ECB22E']]);
    // The payments team's inbox gets its metric alone.
    expect(sink.received.map((m) => [m.to, m.parsed.subject])).toEqual([[['payments@example.com'], '🔥 CRITICAL [a] looks anomalous (2026-01-10 00:00 UTC)']]);

    // Each alert row says which messages it went out in, by receiver.
    const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
    const rows = await db.all("SELECT metric_name, metric_type, metadata FROM metrics WHERE metric_type IN ('alert', 'tholdalert') ORDER BY ALL");
    db.close();
    const oncall = `C0ONCALL/${posts[0]?.ts ?? ''}`;
    expect(rows.map((r) => {
      const meta = JSON.parse(String(r['metadata'])) as { delivered?: unknown; severity?: string };
      return [r['metric_name'], r['metric_type'], meta.severity, meta.delivered];
    })).toEqual([
      ['a', 'alert', 'critical', { 'slack:#oncall': oncall, 'email:payments@example.com': expect.stringMatching(/^<.+@.+>$/) }],
      ['b', 'alert', 'critical', { 'slack:#oncall': oncall }],
      ['c', 'alert', 'critical', { 'slack:#oncall': oncall }],
      ['c', 'tholdalert', 'warning', { slack: `C0ALERTS/${posts[1]?.ts ?? ''}` }],
    ]);

    // A re-run delivers nothing again, on any receiver.
    await run();
    expect(slack.messages.filter((m) => m.threadTs === null)).toHaveLength(2);
    expect(sink.received).toHaveLength(1);
  }, 120_000);
});
