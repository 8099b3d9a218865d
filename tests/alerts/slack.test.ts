import { afterEach, describe, expect, it } from 'vitest';
import { groupAlerts } from '../../src/alerts/message.ts';
import { SlackChannel, slackSettings } from '../../src/alerts/slack.ts';
import { summaryTitle } from '../../src/alerts/summary-message.ts';
import { slackServer, type SlackServer } from '../helpers/slack-server.ts';
import { alertFixture, checkPlotPng, type AlertFixture } from './channel-fixtures.ts';

const TOKEN = 'xoxb-test-0123456789-secret';
let server: SlackServer | undefined;
let fixture: AlertFixture | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await fixture?.close();
  fixture = undefined;
});

interface Log {
  infos: string[];
  warnings: string[];
}

async function setup(channel = '#alerts'): Promise<{ slack: SlackChannel; server: SlackServer; fixture: AlertFixture; log: Log }> {
  server = await slackServer(TOKEN, { alerts: 'C0ALERTS' });
  fixture = await alertFixture();
  const log: Log = { infos: [], warnings: [] };
  const slack = new SlackChannel(
    slackSettings({ ANOMSTACK_SLACK_BOT_TOKEN: TOKEN, ANOMSTACK_SLACK_CHANNEL: channel, ANOMSTACK_SLACK_API_URL: server.apiUrl }),
    {
      plot: fixture.plot,
      info: (m) => void log.infos.push(m),
      warn: (m) => void log.warnings.push(m),
      retry: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    },
  );
  return { slack, server, fixture, log };
}

/** Every text of a message's blocks, one block a line. */
function blockTexts(blocks: unknown[]): string {
  return blocks
    .map((block) => {
      const b = block as { text?: { text: string }; elements?: { text: string }[] };
      return b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '';
    })
    .join('\n');
}

describe('the slack channel', () => {
  it('several metrics in one send post one digest message, with each metric\'s plot in its thread', async () => {
    const { slack, server, fixture } = await setup();
    const disk = { ...fixture.alert, metric: 'disk' };
    const mem = { ...fixture.alert, metric: 'mem', kind: 'change' as const, detail: 'changed level (up)' };
    await slack.send([fixture.alert, disk, mem]);
    expect(server.calls('chat.postMessage')).toHaveLength(1);
    // cpu's and disk's plots (mem has no stored points to draw).
    expect(server.calls('files.completeUploadExternal')).toHaveLength(2);
    const [message] = server.messages;
    expect(message?.text).toBe('🔔 3 alerts in shop: cpu, disk, mem (2026-01-10 12:00 UTC)');
    const texts = blockTexts(message?.blocks ?? []);
    expect(texts).toContain('*🔥 [disk] looks anomalous (2026-01-10 12:00 UTC)*');
    expect(texts).toContain('*📈 [mem] changed level (up) (2026-01-10 12:00 UTC)*');
  });

  it('posts one message per metric with title, values, scores and tags, and uploads the plot into its thread', async () => {
    const { slack, server, fixture, log } = await setup();
    await slack.send([fixture.alert]);

    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'chat.postMessage 200', 'files.getUploadURLExternal 200', 'upload 200', 'files.completeUploadExternal 200',
    ]);
    const [post] = server.calls('chat.postMessage');
    expect(post?.contentType).toBe('application/x-www-form-urlencoded');
    expect(post?.authorization).toBe(`Bearer ${TOKEN}`);
    const [message, plot] = server.messages;
    expect(message?.channel).toBe('C0ALERTS');
    expect(message?.text).toBe('🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)');
    const texts = blockTexts(message?.blocks ?? []);
    expect(texts).toContain('batch `shop` · metric `cpu`');
    expect(texts).toContain('score 0.91 ≥ 0.8');
    expect(texts).toContain('2026-01-10 12:00 UTC');
    expect(texts).toContain('0.97  &lt;- alert'); // the alerted point, escaped as Slack requires
    expect(texts).toContain('`team=infra` `unit=%`');

    // The plot: the bytes uploaded are the alert plot's PNG, shared into the message's thread.
    expect(plot?.threadTs).toBe(message?.ts);
    expect(plot?.channel).toBe('C0ALERTS');
    const file = plot?.files[0];
    expect(file?.filename).toBe('shop-cpu-20260110T1200.png');
    expect(file?.title).toBe(message?.text);
    const expected = await fixture.plot(groupAlerts([fixture.alert])[0] ?? { alerts: [], newest: fixture.alert, title: '' });
    const size = checkPlotPng(file?.bytes ?? Buffer.alloc(0));
    expect(size).toEqual({ width: expected?.width, height: expected?.height });
    expect(size.width).toBeGreaterThan(1000);
    expect(server.calls('files.getUploadURLExternal')[0]?.fields['length']).toBe(String(file?.bytes.length));
    expect(log.warnings).toEqual([]);
  });

  it('accepts a channel ID as well as a name', async () => {
    const { slack, server, fixture } = await setup('C0ALERTS');
    await slack.send([fixture.alert]);
    expect(server.messages.map((m) => m.channel)).toEqual(['C0ALERTS', 'C0ALERTS']);
  });

  it("throws Slack's error with a hint when the message is refused, and uploads nothing", async () => {
    const { slack, server, fixture } = await setup();
    server.failWith('chat.postMessage', 'channel_not_found');
    await expect(slack.send([fixture.alert])).rejects.toThrow(
      'slack: posting "🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)" to #alerts failed: channel_not_found: check ANOMSTACK_SLACK_CHANNEL',
    );
    expect(server.requests.map((r) => r.method)).toEqual(['chat.postMessage']);
    expect(server.messages).toEqual([]);
  });

  it('names an unknown channel the same way without an injected fault', async () => {
    const { slack, fixture } = await setup('#nowhere');
    await expect(slack.send([fixture.alert])).rejects.toThrow('to #nowhere failed: channel_not_found');
  });

  it('waits out a 429 for its Retry-After and then delivers', async () => {
    const { slack, server, fixture, log } = await setup();
    server.rateLimit('chat.postMessage', 1);
    const started = performance.now();
    await slack.send([fixture.alert]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(server.calls('chat.postMessage').map((r) => r.status)).toEqual([429, 200]);
    expect(server.messages).toHaveLength(2);
    expect(log.infos.join('\n')).toContain('rate limit');
  });

  it('keeps a posted alert when only its plot upload fails, with a warning', async () => {
    const { slack, server, fixture, log } = await setup();
    server.failWith('files.completeUploadExternal', 'not_in_channel');
    await slack.send([fixture.alert]);
    expect(server.messages.map((m) => m.text)).toEqual(['🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)']);
    expect(log.warnings).toEqual([
      'slack: the plot of "🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)" could not be uploaded (not_in_channel: invite the app to the channel (/invite @your-app)); the alert itself was posted',
    ]);
  });

  it('posts the batch summary', async () => {
    const { slack, server, fixture } = await setup();
    await fixture.recordAlert();
    const summary = await fixture.summary();
    await slack.sendSummary(summary);
    const [message] = server.messages;
    expect(message?.text).toBe(summaryTitle(summary));
    const texts = blockTexts(message?.blocks ?? []);
    // The last day of two hourly metrics: 24 points each, cpu's scored.
    expect(texts).toContain('2 metrics · 48 points ingested · 24 scored · 1 alerts');
    expect(texts).toContain('🔥 cpu at 2026-01-10 12:00 UTC (score 0.91)');
    expect(texts).toMatch(/Top metrics by score\nmetric .*\ncpu +24 +2026-01-10 12:00 UTC +181.23 +0.97 +0.97 +1\ndisk/);
  });

  it('never puts the token in its log lines or errors', async () => {
    const { slack, server, fixture, log } = await setup();
    server.failWith('chat.postMessage', 'invalid_auth');
    const error = await slack.send([fixture.alert]).catch((e: unknown) => e);
    expect(String(error)).toContain('invalid_auth: check ANOMSTACK_SLACK_BOT_TOKEN');
    for (const line of [...log.infos, ...log.warnings, String(error), (error as Error).stack ?? '']) expect(line).not.toContain(TOKEN);
  });
});

describe('slack settings', () => {
  it('names every missing variable', () => {
    expect(() => slackSettings({})).toThrow('ANOMSTACK_SLACK_BOT_TOKEN, ANOMSTACK_SLACK_CHANNEL are not set');
    expect(() => slackSettings({ ANOMSTACK_SLACK_BOT_TOKEN: 'x', ANOMSTACK_SLACK_CHANNEL: '  ' })).toThrow('ANOMSTACK_SLACK_CHANNEL is not set');
  });
});
