import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueChartUrl } from '../../src/action/plots.ts';
import { GitHubIssueChannel } from '../../src/alerts/github-channel.ts';
import { GitHubIssues } from '../../src/alerts/github-issues.ts';
import type { Job } from '../../src/config/schema.ts';
import { runJobs, type RunReport } from '../../src/jobs/run.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { disposeAfterEach, RecordingChannel, recordingReporter, seriesSql, tempMetrics, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { labelAs, localGitHub, mutationsSince } from './github-fixtures.ts';

const github = localGitHub({ 'action-token': 'github-actions[bot]', 'alice-token': 'alice' });
const track = disposeAfterEach();

const NOW = new Date('2026-01-10T00:30:00Z');
const REPORT_URL = 'https://acme.github.io/metrics';
/** 80 hourly points of `steady` and `spiky`; `spiky` jumps by 60 over its newest 4 points, which alerts. */
const SQL = `SELECT * FROM (${seriesSql({ metrics: ['steady'], n: 80, end: '2026-01-10 00:00:00' })})
UNION ALL SELECT * FROM (${seriesSql({ metrics: ['spiky'], n: 80, end: '2026-01-10 00:00:00', spike: 60, spikeN: 4 })})`;

/** `spiky` alone, 92 hourly points up to 12:00 with the spike at 21:00-00:00, each run seeing what its clock allows. */
const RECOVERING_SQL = `SELECT TIMESTAMP '2026-01-10 12:00:00' - INTERVAL (i) HOUR AS metric_timestamp, 'spiky' AS metric_name,
  (100 + 10 * sin(i / 3.0) + (hash(i, 'spiky') % 100) / 50.0 + CASE WHEN i BETWEEN 12 AND 15 THEN 60 ELSE 0 END)::DOUBLE AS metric_value
FROM range(92) AS t(i) WHERE TIMESTAMP '2026-01-10 12:00:00' - INTERVAL (i) HOUR <= getvariable('now')`;

async function workspace(sql = SQL, config = ''): Promise<TempWorkspace> {
  const ws = track(await tempMetrics({}));
  await ws.write({
    'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'metrics.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
    'shop/config.yaml': `alert_methods: [console, github]\nissue_label: shop-anomalies\n${config}`,
    'shop/query.sql': sql,
  });
  return ws;
}

/** One scheduled run of the pipeline with the GitHub channel, as the action wires it. */
function runIssues(dryRun = false, now = NOW): GitHubIssues {
  const server = github();
  return new GitHubIssues({
    token: 'action-token', owner: server.owner, repo: server.repo, apiUrl: server.url, now, dryRun, retryBaseMs: 1, paceWrites: false,
    reportUrl: REPORT_URL, chartUrl: issueChartUrl(REPORT_URL),
  });
}

async function run(ws: TempWorkspace, dryRun = false, now = NOW, jobs: Job[] = ['ingest', 'train', 'score', 'alert']): Promise<{ report: RunReport; issues: GitHubIssues }> {
  const issues = runIssues(dryRun, now);
  const report = await runJobs({ metricsDir: ws.metricsDir, now, env: {}, reporter: recordingReporter(), github: issues, jobs });
  await issues.finish();
  return { report, issues };
}

async function feedbackRows(ws: TempWorkspace): Promise<string[]> {
  const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
  try {
    const rows = await db.all(`SELECT metric_name, metric_type, metric_timestamp FROM metrics WHERE metric_type IN ('thumbsup', 'thumbsdown') ORDER BY ALL`);
    return rows.map((r) => `${String(r['metric_name'])} ${String(r['metric_type'])} ${(r['metric_timestamp'] as Date).toISOString()}`);
  } finally {
    db.close();
  }
}

describe('the github channel in a pipeline run', () => {
  it('opens an issue for the anomaly; a second run back to back changes nothing', async () => {
    const server = github();
    const ws = await workspace();
    const first = await run(ws);
    expect(first.report.batches[0]).toMatchObject({ batch: 'shop', status: 'ok' });
    expect(server.issues.map((i) => [i.title, i.labels])).toEqual([['🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)', ['shop-anomalies', 'severity:critical']]]);
    expect(first.issues.result.opened.map((r) => r.metric)).toEqual(['spiky']);
    const before = server.requests.length;
    const second = await run(ws);
    expect(mutationsSince(server, before)).toEqual([]);
    expect(second.issues.result.operations).toBe(0);
  });

  it("shows the plot job's PNG of the metric, or the report's SVG when the batch has disable_plot", async () => {
    const server = github();
    await run(await workspace());
    const quiet = await workspace();
    await quiet.write({ 'quiet/config.yaml': 'alert_methods: [console, github]\nissue_label: quiet-anomalies\ndisable_plot: true\n', 'quiet/query.sql': SQL });
    await run(quiet);
    const bodyOf = (label: string): string => server.issues.find((i) => i.labels.includes(label))?.body ?? '';
    expect(bodyOf('shop-anomalies')).toContain(`![spiky chart](${REPORT_URL}/plots/shop/metrics/spiky.png)`);
    expect(bodyOf('quiet-anomalies')).toContain(`![spiky chart](${REPORT_URL}/batch/quiet/spiky.svg)`);
  });

  it('closes anomaly and threshold issues once the metric has been normal for issue_close_after_n points', async () => {
    const server = github();
    const ws = await workspace(RECOVERING_SQL, 'tholdalert_thresholds: {spiky: {upper: 140}}\ntholdalert_methods: [console, github]\n');
    const jobs: Job[] = ['ingest', 'train', 'score', 'alert', 'tholdalert'];
    await run(ws, false, NOW, jobs);
    expect(server.issues.map((i) => [i.title, i.state])).toEqual([
      ['🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)', 'open'],
      ['🚨 WARNING [spiky] crossed its upper threshold 140 (2026-01-10 00:00 UTC)', 'open'],
    ]);
    server.now = new Date('2026-01-10T12:30:00Z');
    const later = await run(ws, false, server.now, jobs);
    expect(server.issues.map((i) => [i.number, i.state, i.state_reason])).toEqual([[1, 'closed', 'completed'], [2, 'closed', 'completed']]);
    expect(server.issue(1).comments.at(-1)?.body).toMatch(/Back to normal: no alert in the last \d+ points/);
    expect(later.issues.result.closed.map((r) => r.number).sort()).toEqual([1, 2]);
  });

  it('with disable_alert: true, recovered issues still close and labels are still read (the resolve stage runs every time)', async () => {
    const server = github();
    const thresholds = 'tholdalert_thresholds: {spiky: {upper: 140}}\ntholdalert_methods: [console, github]\n';
    const ws = await workspace(RECOVERING_SQL, thresholds);
    const jobs: Job[] = ['ingest', 'train', 'score', 'alert', 'tholdalert'];
    await run(ws, false, NOW, jobs);
    expect(server.issues.map((i) => i.state)).toEqual(['open', 'open']);
    await labelAs(server, 'alice-token', 1, 'confirmed');
    // The alert job is turned off: closing and reading labels no longer depend on it.
    await ws.write({ 'shop/config.yaml': `alert_methods: [console, github]\nissue_label: shop-anomalies\n${thresholds}disable_alert: true\n` });
    server.now = new Date('2026-01-10T12:30:00Z');
    const later = await run(ws, false, server.now, jobs);
    expect(later.report.batches[0]?.jobs.map((j) => `${j.job} ${j.status}`)).toEqual(['ingest ok', 'train ok', 'score ok', 'tholdalert ok']);
    expect(server.issues.map((i) => [i.number, i.state, i.state_reason])).toEqual([[1, 'closed', 'completed'], [2, 'closed', 'completed']]);
    expect(await feedbackRows(ws)).toEqual(['spiky thumbsup 2026-01-10T00:00:00.000Z']);
    // A run without any alerting job leaves the issues alone.
    const before = server.requests.length;
    await run(ws, false, server.now, ['ingest']);
    expect(server.requests.length).toBe(before);
  });

  it('a snooze label on the issue silences the metric on every channel: the next alert reaches neither GitHub nor another channel', async () => {
    const server = github();
    // Two spikes: 21:00-00:00 (the first run's alert) and 10:00-12:00 (the second run's, snoozed on the issue).
    const twoSpikes = RECOVERING_SQL.replace('CASE WHEN i BETWEEN 12 AND 15 THEN 60 ELSE 0 END', 'CASE WHEN i BETWEEN 12 AND 15 OR i <= 2 THEN 60 ELSE 0 END');
    const ws = await workspace(twoSpikes, 'alert_snooze_n: 3\n');
    const other = new RecordingChannel();
    const runWith = async (now: Date): Promise<RunReport> => {
      const issues = runIssues(false, now);
      const report = await runJobs({
        metricsDir: ws.metricsDir, now, env: {}, reporter: recordingReporter(), jobs: ['ingest', 'train', 'score', 'alert'],
        channels: (batch) => [new GitHubIssueChannel(issues, { batch: batch.name, label: batch.config.issue_label, reopenCooldown: batch.config.issue_reopen_cooldown, plotted: false }), other],
      });
      await issues.finish();
      return report;
    };
    await runWith(NOW);
    expect(other.sent.flat().map((a) => a.timestamp.toISOString())).toEqual(['2026-01-10T00:00:00.000Z']);
    await labelAs(server, 'alice-token', 1, 'snooze');
    server.now = new Date('2026-01-10T12:30:00Z');
    const before = server.requests.filter((r) => r.method !== 'GET').length;
    await runWith(server.now);
    expect(other.sent.flat()).toHaveLength(1);
    expect(server.requests.filter((r) => r.method !== 'GET')).toHaveLength(before);
    const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
    try {
      const rows = await db.all("SELECT epoch_ms(metric_timestamp) AS t, metadata FROM metrics WHERE metric_type = 'alert' ORDER BY t");
      const silenced = rows.map((r) => (JSON.parse(String(r['metadata'])) as { silenced?: { source: string } }).silenced?.source ?? null);
      expect(rows.length).toBeGreaterThan(1);
      expect(silenced.at(-1)).toBe('github #1');
      expect(silenced[0]).toBeNull();
    } finally {
      db.close();
    }
  });

  it('GitHub down during reconcile warns and leaves the batch ok; the next run catches up', async () => {
    const server = github();
    const ws = await workspace();
    await run(ws);
    await labelAs(server, 'alice-token', 1, 'confirmed');
    server.failNext(20, 503);
    const reporter = recordingReporter();
    const report = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env: {}, reporter, github: runIssues(), jobs: ['alert'] });
    expect(report.batches[0]?.status).toBe('ok');
    expect(reporter.warnings.join('\n')).toMatch(/shop: github could not reconcile .*; the next run retries/);
    expect(await feedbackRows(ws)).toEqual([]);
    server.clearFaults();
    await run(ws);
    expect(await feedbackRows(ws)).toEqual(['spiky thumbsup 2026-01-10T00:00:00.000Z']);
  });

  it('records confirmed and false-positive labels once each as thumbsup and thumbsdown rows', async () => {
    const server = github();
    const ws = await workspace();
    await run(ws);
    await labelAs(server, 'alice-token', 1, 'confirmed');
    await run(ws);
    expect(await feedbackRows(ws)).toEqual(['spiky thumbsup 2026-01-10T00:00:00.000Z']);
    await labelAs(server, 'alice-token', 1, 'confirmed', true);
    await labelAs(server, 'alice-token', 1, 'false-positive');
    await run(ws);
    await run(ws);
    expect(await feedbackRows(ws)).toEqual(['spiky thumbsdown 2026-01-10T00:00:00.000Z', 'spiky thumbsup 2026-01-10T00:00:00.000Z']);
    expect(server.issue(1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
  });

  it('a dry run of the pipeline plans the issue and writes nothing to GitHub', async () => {
    const server = github();
    const ws = await workspace();
    const { issues } = await run(ws, true);
    expect(server.mutations()).toEqual([]);
    expect(issues.result.plan.map((p) => `${p.method} ${p.target}: ${p.summary}`)).toEqual([
      'POST labels: create label shop-anomalies',
      'POST new issue: 🔥 CRITICAL [spiky] looks anomalous (2026-01-10 00:00 UTC)',
    ]);
  });
});
