import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { GitHubIssues } from '../../src/alerts/github-issues.ts';
import type { Job } from '../../src/config/schema.ts';
import { runJobs, UsageError, type RunReport } from '../../src/jobs/run.ts';
import { writeReport } from '../../src/report/write.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { localGitHub, mutationsSince } from '../alerts/github-fixtures.ts';
import { disposeAfterEach, RecordingChannel, recordingReporter, tempMetrics, type RecordingReporter, type TempWorkspace } from '../helpers/metrics-dir.ts';
import { metricOf, useOpenAiServer, verdictReply } from '../helpers/openai-server.ts';

const KEY = 'sk-run-test-key-0123456789';
const NOW = new Date('2026-01-10T00:30:00Z');
/** `spiky`, 48 hourly points up to 12:00 with a jump at 21:00-00:00, each run seeing what its clock allows; and `steady`. */
const SQL = `SELECT TIMESTAMP '2026-01-10 12:00:00' - INTERVAL (i) HOUR AS metric_timestamp, m AS metric_name,
  (100 + 10 * sin(i / 3.0) + CASE WHEN m = 'spiky' AND i BETWEEN 12 AND 15 THEN 60 ELSE 0 END)::DOUBLE AS metric_value
FROM range(48) AS t(i), (VALUES ('spiky'), ('steady')) AS s(m) WHERE TIMESTAMP '2026-01-10 12:00:00' - INTERVAL (i) HOUR <= getvariable('now')`;

const track = disposeAfterEach();
const github = localGitHub({ 'action-token': 'github-actions[bot]' });
const server = useOpenAiServer(KEY);

beforeEach(() => {
  // The model sees the jump while it is among the newest points sent.
  server().reply = (request) => {
    const prompt = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
    const newest = /\n(\S+),(\S+)$/.exec(prompt);
    return metricOf(request) === 'spiky' && Number(newest?.[2]) > 140
      ? verdictReply(true, `spiky jumped to ${newest?.[2] ?? ''}, 60 above its usual level, cc @ops-team <b>now</b>.`, [newest?.[1] ?? ''])
      : verdictReply(false, 'Within the usual range.');
  };
});

async function workspace(config = ''): Promise<TempWorkspace> {
  const ws = track(await tempMetrics({}));
  await ws.write({
    'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'metrics.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
    'shop/config.yaml': `llmalert_recent_n: 1\n${config}`,
    'shop/query.sql': SQL,
  });
  return ws;
}

const llmEnv = (): NodeJS.ProcessEnv => ({ ANOMSTACK_OPENAI_KEY: KEY, ANOMSTACK_OPENAI_BASE_URL: server().url });

async function llmRows(ws: TempWorkspace): Promise<string[]> {
  const db = await DuckDb.open(path.join(ws.root, 'metrics.duckdb'));
  try {
    const rows = await db.all(`SELECT metric_name, metric_type, metric_timestamp, metadata FROM metrics WHERE metric_type = 'llmalert' ORDER BY ALL`);
    return rows.map((r) => `${String(r['metric_name'])} ${(r['metric_timestamp'] as Date).toISOString()} ${String(r['metadata'])}`);
  } finally {
    db.close();
  }
}

describe('llmalert in a pipeline run', () => {
  it('runs after tholdalert with the key from the environment, and a second run asks nothing', async () => {
    const ws = await workspace();
    const channel = new RecordingChannel();
    const reporter = recordingReporter();
    const run = (): Promise<RunReport> => runJobs({ metricsDir: ws.metricsDir, now: NOW, env: llmEnv(), reporter, channels: () => [channel] });
    const first = await run();
    expect(first.batches[0]?.jobs.map((j) => `${j.job} ${j.status}`)).toEqual(
      ['ingest', 'train', 'score', 'alert', 'change', 'tholdalert', 'llmalert', 'summary', 'retention', 'plot'].map((job) => `${job} ok`),
    );
    expect(first.batches[0]?.counts['llmalerts']).toBe(1);
    expect(channel.sent.flat().filter((a) => a.kind === 'llm').map((a) => [a.metric, a.timestamp.toISOString()])).toEqual([['spiky', '2026-01-10T00:00:00.000Z']]);
    expect(server().asked('verdict').map(metricOf).sort()).toEqual(['spiky', 'steady']);
    // The second pass (llmalert_verify, on by default) confirmed the point spiky's answer flagged.
    expect(server().asked('verify').map(metricOf)).toEqual(['spiky']);
    expect(reporter.infos.some((line) => line.startsWith('llmalert   shop: 1 new LLM alerts across 2 metrics'))).toBe(true);

    const asked = server().requests.length;
    await run();
    expect(server().requests).toHaveLength(asked);
    expect(await llmRows(ws)).toHaveLength(1);

    // The report's anomaly list shows the row with the model's explanation.
    const outDir = path.join(ws.root, 'report');
    await writeReport({ metricsDir: ws.metricsDir, outDir, now: NOW, env: {} });
    const list = await readFile(path.join(outDir, 'anomalies.html'), 'utf8');
    const row = list.split('\n').find((line) => line.includes('<td>llmalert <span class="severity">warning</span></td>')) ?? '';
    expect(row).toContain('spiky jumped to');
    expect(row).toContain('2026-01-10 00:00');
  });

  it('without a key, says so in one line and skips the job in every batch, and a key set later runs it at once', async () => {
    const ws = await workspace();
    await ws.write({ 'shop2/config.yaml': 'llmalert_recent_n: 1\n', 'shop2/query.sql': SQL });
    const reporter: RecordingReporter = recordingReporter();
    const jobs: Job[] = ['ingest', 'llmalert'];
    const report = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env: {}, reporter, jobs, respectSchedules: true });
    expect(report.batches.map((b) => b.jobs.map((j) => `${j.job} ${j.status} ${j.message}`)[1])).toEqual([
      'llmalert skipped no LLM key: set ANOMSTACK_OPENAI_KEY or OPENAI_API_KEY to ask the LLM',
      'llmalert skipped no LLM key: set ANOMSTACK_OPENAI_KEY or OPENAI_API_KEY to ask the LLM',
    ]);
    expect(reporter.infos.filter((line) => line.includes('no LLM key'))).toEqual(['llmalert   skipped: no LLM key: set ANOMSTACK_OPENAI_KEY or OPENAI_API_KEY to ask the LLM']);
    // The job asked for alone: the same line, as a warning.
    const alone = recordingReporter();
    await runJobs({ metricsDir: ws.metricsDir, now: NOW, env: {}, reporter: alone, jobs: ['llmalert'] });
    expect(alone.warnings).toEqual(['llmalert   skipped: no LLM key: set ANOMSTACK_OPENAI_KEY or OPENAI_API_KEY to ask the LLM']);

    const withKey = await runJobs({ metricsDir: ws.metricsDir, now: NOW, env: llmEnv(), reporter, jobs, respectSchedules: true });
    expect(withKey.batches.map((b) => b.jobs.find((j) => j.job === 'llmalert')?.status)).toEqual(['ok', 'ok']);
  });

  it('refuses a base URL that is not one, naming the variable', async () => {
    const ws = await workspace();
    await expect(runJobs({ metricsDir: ws.metricsDir, now: NOW, env: { ANOMSTACK_OPENAI_KEY: KEY, ANOMSTACK_OPENAI_BASE_URL: 'api.example' }, reporter: recordingReporter(), jobs: ['llmalert'] }))
      .rejects.toThrow(new UsageError('ANOMSTACK_OPENAI_BASE_URL: expected an http(s) URL such as https://api.openai.com/v1, but it does not start with http:// or https://'));
  });

  it('opens one GitHub issue per LLM episode, links its rows to it, changes nothing on a re-run, and closes it after recovery', async () => {
    const gh = github();
    const ws = await workspace('alert_methods: [console, github]\nissue_label: shop-anomalies\n');
    const run = async (now: Date, jobs: Job[]): Promise<void> => {
      const issues = new GitHubIssues({ token: 'action-token', owner: gh.owner, repo: gh.repo, apiUrl: gh.url, now, retryBaseMs: 1, paceWrites: false });
      const report = await runJobs({ metricsDir: ws.metricsDir, now, env: llmEnv(), reporter: recordingReporter(), github: issues, jobs });
      expect(report.batches[0]?.status).toBe('ok');
      await issues.finish();
    };
    await run(NOW, ['ingest', 'alert', 'llmalert']);
    expect(gh.issues.map((i) => [i.title, i.state, i.labels])).toEqual([['🤖 WARNING [spiky] looks anomalous to the LLM (2026-01-10 00:00 UTC)', 'open', ['shop-anomalies', 'severity:warning']]]);
    expect(gh.issues[0]?.body).toContain('LLM: spiky jumped to');
    // The model's words cannot ping anyone or add markup to the issue.
    expect(gh.issues[0]?.body).toContain('cc @\u200bops-team &lt;b&gt;now&lt;/b&gt;');
    expect(gh.issues[0]?.body).not.toContain('@ops-team');
    const url = `https://github.com/${gh.owner}/${gh.repo}/issues/${gh.issues[0]?.number ?? 0}`;
    expect((await llmRows(ws))[0]).toContain(`"issue_url":"${url}"`);

    const before = gh.requests.length;
    await run(NOW, ['ingest', 'alert', 'llmalert']);
    expect(mutationsSince(gh, before)).toEqual([]);

    // Twelve normal hours later the alert job closes the episode (issue_close_after_n: 3 points without an LLM alert).
    gh.now = new Date('2026-01-10T12:30:00Z');
    await run(gh.now, ['ingest', 'alert', 'llmalert']);
    expect(gh.issues.map((i) => [i.title, i.state])).toEqual([['🤖 WARNING [spiky] looks anomalous to the LLM (2026-01-10 00:00 UTC)', 'closed']]);
  });
});
