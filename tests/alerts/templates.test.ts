/** alert_templates: checked when a batch loads (validate), rendered into each channel's message. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { alertHtml, alertText } from '../../src/alerts/email-body.ts';
import { digestOf } from '../../src/alerts/message.ts';
import { renderedParts, SAMPLE_ALERT } from '../../src/alerts/templates.ts';
import { webhookPayload } from '../../src/alerts/webhook.ts';
import { loadBatches } from '../../src/config/load.ts';
import { runJobs } from '../../src/jobs/run.ts';
import { disposeAfterEach, recordingReporter, seriesSql, tempMetrics } from '../helpers/metrics-dir.ts';
import { slackServer, type SlackServer } from '../helpers/slack-server.ts';
import { localGitHub, newRun } from './github-fixtures.ts';

const track = disposeAfterEach();
const ROOT = path.resolve(import.meta.dirname, '../..');

async function load(files: Record<string, string>): Promise<Awaited<ReturnType<typeof loadBatches>>> {
  const ws = track(await tempMetrics({ 'shop/query.sql': 'SELECT 1', ...files }));
  return loadBatches(ws.metricsDir, { env: {} });
}

describe('alert_templates when a batch loads', () => {
  it('loads each channel\'s templates, the default ones filling the parts a channel does not word', async () => {
    const { batches, failures } = await load({
      'shop/config.yaml': 'alert_templates: {default: {title: title.njk, body: body.njk}, slack: {title: slack_title.njk}}\n',
      'shop/title.njk': '{{ alert.severity | upper }} {{ metric }} is {{ alert.direction }}',
      'shop/body.njk': '{% for a in alerts %}{{ a.time }} {{ a.value_text }} ({{ a.expected_text }})\n{% endfor %}',
      'shop/slack_title.njk': ':rotating_light: {{ metric }} for {{ alert.tags.team }}',
    });
    expect(failures).toEqual([]);
    const templates = batches[0]?.templates;
    expect(Object.keys(templates ?? {}).sort()).toEqual(['discord', 'email', 'github', 'slack', 'teams', 'webhook']);
    expect(templates?.slack?.title?.file).toMatch(/slack_title\.njk$/);
    expect(templates?.slack?.body?.file).toMatch(/body\.njk$/);
    expect(templates?.email?.title?.file).toMatch(/shop[/\\]title\.njk$/);
  });

  it('an unknown variable, a misspelt field, a syntax error, a missing file or one outside the metrics folder is a config error naming key and file', async () => {
    const cases: [string, RegExp][] = [
      ['{{ valeu }}', /shop\/config\.yaml:1: alert_templates\.slack\.title: .*bad\.njk: line 1, column 4: "valeu" is not defined/],
      ['{{ alert.valeu }}', /alert_templates\.slack\.title: .*bad\.njk: .*null or undefined value \(a field that does not exist\? an alert has kind, batch, metric, time/],
      ['{% if %}', /alert_templates\.slack\.title: .*bad\.njk: unexpected token: %}/],
    ];
    for (const [source, message] of cases) {
      const { failures } = await load({ 'shop/config.yaml': 'alert_templates: {slack: {title: bad.njk}}\n', 'shop/bad.njk': source });
      expect(failures.map((f) => f.error.message).join('\n'), source).toMatch(message);
    }
    const missing = await load({ 'shop/config.yaml': 'alert_templates:\n  email:\n    body: nowhere.njk\n' });
    expect(missing.failures[0]?.error.message).toMatch(/shop\/config\.yaml:3: alert_templates\.email\.body: no such file beside the batch's YAML or in the metrics folder \(got "nowhere\.njk"\)$/);
    const outside = await load({ 'shop/config.yaml': 'alert_templates: {email: {body: ../../../etc/passwd}}\n' });
    expect(outside.failures[0]?.error.message).toMatch(/alert_templates\.email\.body: a template must be a file inside the metrics folder/);
    const unknownChannel = await load({ 'shop/config.yaml': 'alert_templates: {pager: {title: t.njk}}\n' });
    expect(unknownChannel.failures[0]?.error.message).toMatch(/alert_templates/);
  });

  it('anomstack validate fails on a template with an unknown variable', async () => {
    const ws = track(await tempMetrics({
      'shop/config.yaml': 'alert_templates: {default: {body: body.njk}}\n',
      'shop/query.sql': 'SELECT 1',
      'shop/body.njk': '{{ alert.metric }} at {{ when }}',
    }));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'src/cli.ts'), 'validate', '--metrics-dir', ws.metricsDir], { encoding: 'utf8', env: {} });
    // Exit code 2: the config is wrong (as for any invalid batch).
    expect(result.status).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toMatch(/alert_templates\.default\.body: .*body\.njk: line 1, column \d+: "when" is not defined/);
  });
});

describe('rendering', () => {
  it('words a group\'s title and body; a template that fails on an alert leaves the channel\'s wording, with a warning', async () => {
    const { batches } = await load({
      'shop/config.yaml': 'alert_templates: {default: {title: title.njk, body: body.njk}}\n',
      'shop/title.njk': '[{{ alert.severity }}] {{ metric }}: {{ count }} alert(s)',
      'shop/body.njk': 'Owner: {{ alert.tags.team.toUpperCase() }}. {{ alert.expected_text }}.',
    });
    const templates = batches[0]?.templates?.slack;
    const warnings: string[] = [];
    const alert = (metric: string, tags: Alert['tags']): Alert => ({ ...SAMPLE_ALERT, metric, tags });
    const digest = digestOf([alert('orders', { team: 'growth' }), alert('refunds', {})], { templates, warn: (m) => void warnings.push(m) });
    expect(digest.groups.map((g) => [g.title, g.body])).toEqual([
      ['[critical] orders: 1 alert(s)', 'Owner: GROWTH. above the expected range 80–120 by 30.'],
      // No team tag: calling a method of nothing fails, so this metric's body is the channel's own lines.
      ['[critical] refunds: 1 alert(s)', undefined],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/body\.njk: .*; the message uses the channel's own body$/)]);
    expect(renderedParts([SAMPLE_ALERT], undefined)).toEqual({});
    // The webhook payload carries the same words: each group's title and text.
    expect(webhookPayload(digest).groups.map((g) => [g.title, g.text])).toEqual(digest.groups.map((g) => [g.title, g.body ?? null]));
  });
});

describe('templates in email and GitHub', () => {
  const github = localGitHub({ 'action-token': 'github-actions[bot]' });

  it('email shows the body in both parts; GitHub titles the issue and shows the body, inert', async () => {
    const { batches } = await load({
      'shop/config.yaml': 'alert_templates: {default: {title: title.njk, body: body.njk}}\n',
      'shop/title.njk': '{{ metric }} needs a look',
      'shop/body.njk': 'Ask @everyone in <b>#{{ alert.tags.team }}</b>: {{ alert.expected_text }}.',
    });
    const templates = batches[0]?.templates;
    const [group] = digestOf([SAMPLE_ALERT], { templates: templates?.email }).groups;
    if (!group) throw new Error('no group');
    expect(alertText(group)).toContain('Ask @everyone in <b>#team</b>: above the expected range 80–120 by 30.');
    expect(alertHtml(group, null)).toContain('<p style="white-space:pre-wrap">Ask @everyone in &#60;b&#62;#team&#60;/b&#62;: above the expected range 80–120 by 30.</p>');

    const server = github();
    const run = newRun(server, {}, { wording: { templates: templates?.github } });
    await run.channel.send([{ ...SAMPLE_ALERT, batch: 'shop' }]);
    await run.issues.finish();
    const [issue] = server.issues;
    expect(issue?.title).toBe('metric needs a look');
    // No ping, no markup: the batch's words are text like any other.
    expect(issue?.body).toContain('Ask @\u200beveryone in &lt;b&gt;#team&lt;/b&gt;: above the expected range 80–120 by 30.');
  });
});

describe('templates in a run', () => {
  const TOKEN = 'xoxb-templates-token';
  let slack: SlackServer | undefined;
  afterEach(async () => {
    await slack?.close();
  });

  it('Slack shows the batch\'s words, escaped as any text, in the message and in a digest', async () => {
    const ws = track(await tempMetrics({}));
    await ws.write({
      'defaults.yaml': `duckdb_path: ${JSON.stringify(path.join(ws.root, 'metrics.duckdb'))}\nmodel_path: ${JSON.stringify(`local://${path.join(ws.root, 'models')}`)}\n`,
      'shop/config.yaml': 'alert_methods: [console, slack]\nmetric_tags: {a: {team: "<!channel> growth"}}\nalert_templates: {slack: {title: title.njk, body: body.njk}}\n',
      'shop/title.njk': '{{ alert.severity | upper }}: {{ metric }} went {{ alert.direction }}',
      'shop/body.njk': '{{ alert.value_text }} is {{ alert.expected_text }}; ask {{ alert.tags.team | default("the data team") }}',
      'shop/query.sql': seriesSql({ metrics: ['a', 'b'], n: 200, end: '2026-01-10 00:00:00', spike: 300, spikeN: 1 }),
    });
    slack = await slackServer(TOKEN, { alerts: 'C0ALERTS' });
    const env = { ANOMSTACK_SLACK_BOT_TOKEN: TOKEN, ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: slack.apiUrl };
    const report = await runJobs({ metricsDir: ws.metricsDir, now: new Date('2026-01-10T00:30:00Z'), env, reporter: recordingReporter(), jobs: ['ingest', 'train', 'score', 'alert'] });
    expect(report.batches[0]?.status).toBe('ok');
    const [digest] = slack.messages.filter((m) => m.threadTs === null);
    const text = JSON.stringify(digest?.blocks);
    expect(text).toContain('*CRITICAL: a went up*');
    expect(text).toContain('*CRITICAL: b went up*');
    expect(text).toMatch(/is above the expected range [\d.]+–[\d.]+ by [\d.]+; ask &lt;!channel&gt; growth/);
    expect(text).toContain('; ask the data team');
    // The plots in the thread are titled by the templates too.
    expect(slack.messages.filter((m) => m.threadTs !== null).flatMap((m) => m.files.map((f) => f.title))).toEqual(['CRITICAL: a went up', 'CRITICAL: b went up']);
  }, 120_000);
});
