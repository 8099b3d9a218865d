import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer } from '../helpers/actions-cache-server.ts';
import { EXAMPLES, runAction } from '../helpers/run-action.ts';
import { GitHubServer } from '../helpers/github-server.ts';
import { OpenAiServer, userMessage, verdictReply } from '../helpers/openai-server.ts';
import { slackServer } from '../helpers/slack-server.ts';
import { smtpSink } from '../helpers/smtp-sink.ts';
import { decodePng, ink } from '../plots/png.ts';

describe('the action, run the way the runner runs it', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'anomstack-action-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs the selected batch, writes the job summary and sets the anomalies output', async () => {
    const run = await runAction(work, { command: 'run', 'metrics-dir': EXAMPLES, batches: 'csv_orders' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('🔥 [csv_orders] orders looks anomalous');
    expect(run.summary).toContain('<h2>Anomstack</h2>');
    expect(run.summary).toMatch(/<td>csv_orders<\/td><td>ok<\/td><td>3<\/td><td>1200<\/td><td>90<\/td><td>3<\/td>/);
    expect(run.output).toMatch(/^anomalies<<(\S+)\n3\n\1$/m);
    // The report is written to report-dir and named in the summary.
    expect(run.summary).toMatch(/Report: \d+ pages/);
    expect(await readFile(path.join(work, 'anomstack-report', 'index.html'), 'utf8')).toContain('csv_orders');
  });

  it('turns a config error into an annotation on the file and line, and fails the step', async () => {
    const metrics = path.join(work, 'metrics');
    await mkdir(path.join(metrics, 'typo'), { recursive: true });
    await writeFile(path.join(metrics, 'typo', 'config.yaml'), 'ingest_sql: select 1\nalert_threshold: high\n');
    const run = await runAction(work, { command: 'validate-me', 'metrics-dir': metrics });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input "command" must be one of run, ingest, train, score, alert, change, tholdalert, llmalert, summary, retention, plot, report, backtest, validate, plan, silence, pr-check, backfill, rescore (got "validate-me")');
    const bad = await runAction(work, { command: 'run', 'metrics-dir': metrics });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error file=metrics\/typo\/config\.yaml,line=2::metrics\/typo\/config\.yaml:2: alert_threshold: .*\(got "high"\)/);
    expect(bad.stdout).toContain('::error::1 batch(es) failed: typo');
  });

  it('keeps its state in the Actions cache between runs and only runs the jobs that are due', async () => {
    const cache = await startCacheServer();
    const cwd = await mkdtemp(path.join(work, 'cached-'));
    const metrics = path.join(cwd, 'metrics');
    await cp(path.join(EXAMPLES, 'csv_orders'), path.join(metrics, 'orders'), { recursive: true });
    await appendFile(path.join(metrics, 'orders', 'config.yaml'), '\ntrain_cron_schedule: "0 0 * * *"\n');
    const env = (runId: string) => ({
      ...cache.env(), GITHUB_WORKSPACE: cwd, RUNNER_TEMP: path.join(cwd, '_temp'), GITHUB_EVENT_NAME: 'schedule',
      GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1', GITHUB_REPOSITORY: 'octo/repo', GITHUB_SERVER_URL: 'https://github.com',
    });
    try {
      // Channel credentials a workflow passes as env (secrets.*) are masked like the token, though unused here.
      const credentials = { ANOMSTACK_SLACK_BOT_TOKEN: 'xoxb-slack-secret', ANOMSTACK_ALERT_EMAIL_PASSWORD: 'smtp-secret-pw' };
      const first = await runAction(cwd, { 'metrics-dir': metrics, 'github-token': 'secret-token-value' }, { ...env('501'), ...credentials });
      expect(first.code, first.stdout).toBe(0);
      expect(first.summary).toContain('Cold start');
      // Registered with the runner (which masks it from then on) and never printed otherwise.
      for (const secret of ['secret-token-value', ...Object.values(credentials)]) {
        expect(first.stdout).toContain(`::add-mask::${secret}`);
        expect(first.stdout.split('\n').filter((line) => line.includes(secret))).toHaveLength(1);
      }
      await rm(path.join(cwd, '.anomstack'), { recursive: true });

      const second = await runAction(cwd, { 'metrics-dir': metrics, 'github-token': 'secret-token-value' }, env('502'));
      expect(second.code, second.stdout).toBe(0);
      expect(second.summary).toContain('restored from [run 501](https://github.com/octo/repo/actions/runs/501)');
      // Ingested and trained seconds ago, and neither daily schedule has fired since: both are not due.
      expect(second.summary).toContain('not due: ingest, train');
      expect(second.summary).toMatch(/<td>csv_orders<\/td><td>ok<\/td><td>3<\/td><td>0<\/td>/);
      expect(cache.entries.map((e) => e.key)).toEqual([expect.stringMatching(/^anomstack-state-v1-all-\d{13}-502-1$/)]);
    } finally {
      await cache.close();
    }
  });

  it('runs the llmalert command with the key from the environment, masked, and skips it with a warning without one', async () => {
    const key = 'sk-action-e2e-key-0123456789';
    const llm = await OpenAiServer.start(key);
    // orders' newest point looks anomalous to the model; everything else normal.
    llm.reply = (request) => {
      const prompt = request.body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const newest = /\n(\S+),\S+$/.exec(prompt)?.[1] ?? '';
      return prompt.startsWith('Metric: orders ') ? verdictReply(true, 'orders fell to a third of their usual level.', [newest]) : verdictReply(false, 'Normal.');
    };
    const cwd = await mkdtemp(path.join(work, 'llm-'));
    const inputs = { 'metrics-dir': EXAMPLES, batches: 'csv_orders', state: path.join(cwd, 'state') };
    try {
      expect((await runAction(cwd, { ...inputs, command: 'ingest' })).code).toBe(0);
      const skipped = await runAction(cwd, { ...inputs, command: 'llmalert' });
      expect(skipped.code, skipped.stdout).toBe(0);
      expect(skipped.stdout).toContain('::warning::llmalert   skipped: no LLM key: set ANOMSTACK_OPENAI_KEY or OPENAI_API_KEY to ask the LLM');
      expect(llm.requests).toHaveLength(0);

      const asked = await runAction(cwd, { ...inputs, command: 'llmalert' }, { ANOMSTACK_OPENAI_KEY: key, ANOMSTACK_OPENAI_BASE_URL: llm.url });
      expect(asked.code, asked.stdout).toBe(0);
      expect(asked.stdout).toContain(`::add-mask::${key}`);
      expect(asked.stdout.split('\n').filter((line) => line.includes(key))).toHaveLength(1);
      expect(asked.stdout).toMatch(/🤖 \[csv_orders\] orders looks anomalous to the LLM at \S+ · value \S+ · orders fell to a third of their usual level\./);
      expect(llm.asked('verdict').map((r) => /^Metric: (\S+)/.exec(userMessage(r))?.[1]).sort()).toEqual(['orders', 'refunds', 'revenue']);
      // The flagged point was verified by a second question (llmalert_verify) before it alerted.
      expect(llm.asked('verify')).toHaveLength(1);
      expect(asked.summary).toMatch(/<th>llmalerts<\/th>/);
      expect(asked.summary).toMatch(/<td>csv_orders<\/td><td>ok<\/td>(<td>\d+<\/td>){6}<td>1<\/td>/);
      expect(asked.output).toMatch(/^anomalies<<(\S+)\n0\n\1$/m);

      // A re-run asks nothing about the same newest points.
      const again = await runAction(cwd, { ...inputs, command: 'llmalert' }, { ANOMSTACK_OPENAI_KEY: key, ANOMSTACK_OPENAI_BASE_URL: llm.url });
      expect(again.code, again.stdout).toBe(0);
      expect(llm.asked('verdict')).toHaveLength(3);
      expect(llm.asked('verify')).toHaveLength(1);
    } finally {
      await llm.close();
    }
  });

  it('plans a matrix of the enabled batches', async () => {
    const run = await runAction(work, { command: 'plan', 'metrics-dir': EXAMPLES });
    expect(run.code).toBe(0);
    const matrix = /^matrix<<(\S+)\n(.*)\n\1$/m.exec(run.output)?.[2] ?? '';
    expect(JSON.parse(matrix)).toEqual({
      include: ['csv_orders', 'js_function', 'sqlite_example', 'synthetic_sql'].map((b) => ({ batches: b, name: b })),
    });
  });

  it('opens one issue per anomalous metric, plans without changing anything in a dry run, and sets the issues output', async () => {
    const github = await GitHubServer.start({ 'action-token': 'github-actions[bot]' }, 'acme', 'metrics');
    const cwd = await mkdtemp(path.join(work, 'issues-'));
    const metrics = path.join(cwd, 'metrics');
    await cp(path.join(EXAMPLES, 'csv_orders'), path.join(metrics, 'csv_orders'), { recursive: true });
    // Without its own alert_methods the batch gets the action's default: console and GitHub issues.
    const config = path.join(metrics, 'csv_orders', 'config.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^alert_methods:.*$/m, ''));
    const env = {
      GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/metrics', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
    };
    const reportUrl = 'https://acme.github.io/metrics/';
    const inputs = { 'metrics-dir': metrics, 'github-token': 'action-token', state: path.join(cwd, 'state'), 'report-url': reportUrl };
    const outputOf = (text: string) => JSON.parse(/^issues<<(\S+)\n(.*)\n\1$/m.exec(text)?.[2] ?? 'null') as { dryRun: boolean; opened: { title: string; batch: string }[] };
    try {
      const dry = await runAction(cwd, { ...inputs, 'dry-run': 'true' }, env);
      expect(dry.code, dry.stdout).toBe(0);
      expect(github.mutations()).toEqual([]);
      expect(dry.stdout).toMatch(/dry run: would POST new issue: 🔥 CRITICAL \[orders\] looks anomalous/);
      expect(dry.summary).toContain('would be opened: 🔥 CRITICAL [orders] looks anomalous');
      expect(outputOf(dry.output).dryRun).toBe(true);

      await rm(path.join(cwd, 'state'), { recursive: true });
      const real = await runAction(cwd, inputs, env);
      expect(real.code, real.stdout).toBe(0);
      const opened = outputOf(real.output).opened.map((i) => i.title.replace(/ \(.*\)$/, '')).sort();
      expect(opened).toEqual(['🔥 CRITICAL [orders] looks anomalous', '🔥 CRITICAL [refunds] looks anomalous', '🔥 CRITICAL [revenue] looks anomalous']);
      // csv_orders reads a fixed CSV whose newest day is weeks before the real clock: the health issue says its data is late.
      const health = github.issues.filter((i) => i.labels.includes('anomstack-health'));
      const alertIssues = github.issues.filter((i) => !i.labels.includes('anomstack-health'));
      expect(health.map((i) => [i.title, i.state])).toEqual([['anomstack health', 'open']]);
      expect(health[0]?.body).toMatch(/batch csv_orders: the newest point is from 2026-11-\d\d/);
      expect(alertIssues.map((i) => i.title.replace(/ \(.*\)$/, '')).sort()).toEqual(opened);
      // Each alert row remembers its issue, so the report's anomaly list links it.
      const anomalies = await readFile(path.join(cwd, 'anomstack-report', 'anomalies.html'), 'utf8');
      for (const issue of alertIssues) expect(anomalies).toContain(`<a href="https://github.com/acme/metrics/issues/${issue.number}">issue</a>`);
      // Each issue shows its metric's PNG from the plot job, published under the report at the path it links.
      for (const issue of alertIssues) {
        const image = /!\[\w+ chart\]\((\S+)\)/.exec(issue.body)?.[1] ?? '';
        expect(image).toMatch(new RegExp(`^${reportUrl}plots/csv_orders/metrics/\\w+\\.png$`));
        expect(decodePng(await readFile(path.join(cwd, 'anomstack-report', image.slice(reportUrl.length)))).width).toBeGreaterThan(1000);
      }
      // Opened 3; an episode already over within the history (normal scores since) is closed in the same run.
      const closed = alertIssues.filter((i) => i.state === 'closed').length;
      expect(real.summary).toMatch(new RegExp(`<td>csv_orders</td><td>ok</td>(<td>\\d+</td>){7}<td>3</td><td>${closed}</td>`));

      // The same run again (a re-run of the workflow): nothing new to say, nothing written (the health issue too).
      const before = github.mutations().length;
      const again = await runAction(cwd, inputs, env);
      expect(again.code, again.stdout).toBe(0);
      expect(github.mutations()).toHaveLength(before);
      expect(github.issues).toHaveLength(4);
    } finally {
      await github.close();
    }
    // Three runs of the action, each plotting the batch: about 40 s on a busy 2-core machine.
  }, 180_000);

  it('plots into the state folder and publishes the plots under report-dir; a re-run overwrites them', async () => {
    const cwd = await mkdtemp(path.join(work, 'plot-'));
    const inputs = { 'metrics-dir': EXAMPLES, batches: 'csv_orders', state: path.join(cwd, 'state') };
    const env = { GITHUB_EVENT_NAME: 'workflow_dispatch' };
    const expected = ['batch.png', 'batch.svg', ...['orders', 'refunds', 'revenue'].flatMap((m) => [`metrics/${m}.png`, `metrics/${m}.svg`])];
    const listed = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
    const ingested = await runAction(cwd, { ...inputs, command: 'ingest' }, env);
    expect(ingested.code, ingested.stdout).toBe(0);
    for (const attempt of [1, 2]) {
      const run = await runAction(cwd, { ...inputs, command: 'plot' }, env);
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(/plot\s+csv_orders: 8 files \(PNG and SVG per metric and the batch\)/);
      expect(run.output).toMatch(/^report-dir<<(\S+)\nanomstack-report\n\1$/m);
      expect(await listed(path.join(cwd, 'state', 'plots', 'csv_orders')), `attempt ${attempt}`).toEqual(expected);
      expect(await listed(path.join(cwd, 'anomstack-report', 'plots', 'csv_orders')), `attempt ${attempt}`).toEqual(expected);
      // The bundle rasterises with its own copy of resvg's WebAssembly and the vendored font.
      const png = decodePng(await readFile(path.join(cwd, 'anomstack-report', 'plots', 'csv_orders', 'metrics', 'orders.png')));
      expect(png.width).toBeGreaterThan(1000);
      expect(ink(png).colours).toBeGreaterThan(20);
    }
  }, 180_000);

  it('delivers alerts with their plots to Slack and email, and the summary to both and to the job summary', async () => {
    const slack = await slackServer('xoxb-e2e-token', { 'metric-alerts': 'C0METRICS' });
    const sink = await smtpSink({ tls: false });
    const cwd = await mkdtemp(path.join(work, 'channels-'));
    const metrics = path.join(cwd, 'metrics');
    await cp(path.join(EXAMPLES, 'csv_orders'), path.join(metrics, 'csv_orders'), { recursive: true });
    const config = path.join(metrics, 'csv_orders', 'config.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/^alert_methods:.*$/m, 'alert_methods: [console, slack, email]'));
    const env = {
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      ANOMSTACK_SLACK_BOT_TOKEN: 'xoxb-e2e-token', ANOMSTACK_SLACK_CHANNEL: '#metric-alerts', ANOMSTACK_SLACK_API_URL: slack.apiUrl,
      ANOMSTACK_ALERT_EMAIL_FROM: 'anomstack@example.com', ANOMSTACK_ALERT_EMAIL_TO: 'oncall@example.com',
      ANOMSTACK_ALERT_EMAIL_SMTP_HOST: '127.0.0.1', ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(sink.port), ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none',
    };
    const inputs = { 'metrics-dir': metrics, state: path.join(cwd, 'state') };
    try {
      const run = await runAction(cwd, inputs, env);
      expect(run.code, run.stdout).toBe(0);
      const titles = slack.messages.filter((m) => m.threadTs === null).map((m) => m.text.replace(/ \(\d{4}-[^)]*\)$/, ''));
      // The run's three anomalies in one digest (alert_group_by: batch), each metric's plot in its thread.
      expect(titles).toEqual(['🔥 3 alerts in csv_orders (3 critical): orders, refunds, revenue', '📊 Anomstack summary: csv_orders, last 24 h']);
      const plots = slack.messages.filter((m) => m.threadTs !== null).map((m) => m.files[0]?.bytes ?? Buffer.alloc(0));
      expect(plots).toHaveLength(3);
      for (const png of plots) expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(sink.received.map((m) => (m.parsed.subject ?? '').replace(/ \(\d{4}-[^)]*\)$/, ''))).toEqual(titles);
      expect(run.summary).toContain('<h3>📊 Anomstack summary: csv_orders, last 24 h</h3>');

      // command: summary in the same period: the digest goes to the job summary, nothing is sent again.
      const summary = await runAction(cwd, { ...inputs, command: 'summary' }, env);
      expect(summary.code, summary.stdout).toBe(0);
      expect(summary.stdout).toContain('already summarized in this period');
      expect(summary.summary).toContain('<h3>📊 Anomstack summary: csv_orders, last 24 h</h3>');
      expect(slack.messages.filter((m) => m.threadTs === null)).toHaveLength(2);
      expect(sink.received).toHaveLength(2);
    } finally {
      await slack.close();
      await sink.close();
    }
  });

  it('backtests the selected batch into report-dir and summarises its alerts, writing no state', async () => {
    const cwd = await mkdtemp(path.join(work, 'backtest-'));
    const run = await runAction(cwd, { command: 'backtest', 'metrics-dir': EXAMPLES, batches: 'csv_orders', state: path.join(cwd, 'state') });
    expect(run.code, run.stdout).toBe(0);
    const csv = await readFile(path.join(cwd, 'anomstack-report', 'backtest', 'csv_orders.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('metric_batch,metric_name,metric_timestamp,metric_value,score,alert,change');
    expect(csv.trim().split('\n')).toHaveLength(1 + 1200);
    expect(run.summary).toContain('<h2>Anomstack backtest</h2>');
    expect(run.summary).toMatch(/backtest csv_orders: 1200 points of 3 metrics/);
    await expect(readFile(path.join(cwd, 'state', 'anomstack.duckdb'))).rejects.toThrow(/ENOENT/);
  });
});
