import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { batchChannels } from '../../src/alerts/channels.ts';
import { clip } from '../../src/alerts/alert-text.ts';
import { groupAlerts } from '../../src/alerts/message.ts';
import { refusingPort, silentServer, type SilentServer } from '../helpers/silent-server.ts';
import { failure, webhookChannel, webhookServer, type WebhookServer, expectNotQuoted } from '../helpers/webhook-server.ts';
import { alertFixture, checkPlotPng, NEWEST, type AlertFixture } from './channel-fixtures.ts';
import { expectWithinLimits, messageOf, type Message } from './discord-message.ts';

/** A Discord webhook URL's shape: `/api/webhooks/<id>/<token>`, the token being the secret. */
const HOOK_ID = '123456789012345678';
const HOOK_TOKEN = 'Xy9-discord-webhook-token_abcdef0123456789';
const PATH = `/api/webhooks/${HOOK_ID}/${HOOK_TOKEN}`;
const TITLE = '🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)';

let server: WebhookServer | undefined;
let silent: SilentServer | undefined;
let fixture: AlertFixture | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await silent?.close();
  silent = undefined;
  await fixture?.close();
  fixture = undefined;
});

async function setup(withPlot = false) {
  server = await webhookServer();
  fixture = await alertFixture();
  const channel = webhookChannel(fixture.batch, 'discord', { ANOMSTACK_DISCORD_WEBHOOK_URL: server.url(PATH) }, withPlot ? { plot: fixture.plot } : {});
  return { server, fixture, channel };
}

const expectNoUrl = (error: Error): void => expectNotQuoted(error, [HOOK_TOKEN, HOOK_ID, '/api/webhooks']);

describe('the discord channel', () => {
  it('posts the title and an embed with the evidence and tags, mentions off', async () => {
    const { server, fixture, channel } = await setup();
    await channel.send([fixture.alert]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(PATH);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('anomstack-action');
    const message = messageOf(request);
    expect(message).toEqual({
      content: '🔥 \\[cpu\\] looks anomalous (2026-01-10 12:00 UTC)',
      embeds: [{
        title: 'cpu (shop)',
        description: expect.stringMatching(/^batch \*\*shop\*\* · metric \*\*cpu\*\*\n• 2026-01-10 12:00 UTC: value [\d.]+ · score 0\.91 ≥ 0\.8$/),
        color: expect.any(Number),
        timestamp: '2026-01-10T12:00:00.000Z',
        fields: [{ name: 'Tags', value: 'team=infra · unit=%', inline: false }],
        footer: { text: 'anomstack' },
      }],
      allowed_mentions: { parse: [] },
    });
    expectWithinLimits(message);
  });

  it('sends the plot as a multipart file the embed shows', async () => {
    const { server, fixture, channel } = await setup(true);
    await channel.send([fixture.alert]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    const contentType = String(request?.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(request?.body, { headers: { 'content-type': contentType } }).formData();
    expect([...form.keys()]).toEqual(['payload_json', 'files[0]']);
    const message = JSON.parse(String(form.get('payload_json'))) as Message;
    const file = form.get('files[0]') as File;
    expect(file.name).toBe('shop-cpu-20260110T1200.png');
    expect(file.type).toBe('image/png');
    const png = Buffer.from(await file.arrayBuffer());
    const expected = await fixture.plot(groupAlerts([fixture.alert])[0] ?? { alerts: [], newest: fixture.alert, title: '' });
    expect(png.equals(expected?.png ?? Buffer.alloc(0))).toBe(true);
    expect(checkPlotPng(png).width).toBeGreaterThan(1000);
    expect(message.embeds[0]?.image).toEqual({ url: 'attachment://shop-cpu-20260110T1200.png' });
    expect(message.attachments).toEqual([{ id: 0, filename: 'shop-cpu-20260110T1200.png', description: 'cpu: recent values and anomaly scores' }]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("sends a metric's several alerts as one embed, a line each; several metrics' as one message, an embed each", async () => {
    const { server, fixture, channel } = await setup();
    const earlier: Alert = { ...fixture.alert, timestamp: new Date(NEWEST.getTime() - 3_600_000) };
    await channel.send([fixture.alert, earlier, { ...fixture.alert, metric: 'disk' }]);
    expect(server.requests).toHaveLength(1);
    const message = messageOf(server.requests[0]);
    expectWithinLimits(message);
    const [cpu, disk] = message.embeds;
    expect(message.embeds).toHaveLength(2);
    expect(cpu?.description.split('\n').map((l) => l.slice(0, 22))).toEqual(['• 2026-01-10 11:00 UTC', '• 2026-01-10 12:00 UTC']);
    // Each embed titled as its metric's message, the message by the digest's title.
    expect(cpu?.title).toBe('🔥 \\[cpu\\] looks anomalous (2026-01-10 11:00 UTC)');
    expect(disk?.title).toBe('🔥 \\[disk\\] looks anomalous (2026-01-10 12:00 UTC)');
    expect(message.content).toMatch(/^🔥 3 alerts in shop.*: cpu, disk \(2026-01-10 12:00 UTC\)$/);
  });

  it('cannot ping anyone: @everyone, user mentions and markdown in a metric name stay text', async () => {
    const { server, fixture, channel } = await setup();
    const metric = '@everyone <@123456> **now** [x](https://evil.example)';
    await channel.send([{ ...fixture.alert, metric, explanation: '@here look', kind: 'llm' }]);
    const message = messageOf(server.requests[0]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const all = [message.content, message.embeds[0]?.title ?? '', message.embeds[0]?.description ?? ''];
    for (const text of all) {
      expect(text).not.toMatch(/@(everyone|here)/);
      expect(text).not.toMatch(/(?<!\\)<@/);
      expect(text).not.toMatch(/(?<!\\)\*\*now/);
    }
    expect(message.embeds[0]?.title).toBe('@\u200beveryone \\<@\u200b123456\\> \\*\\*now\\*\\* \\[x\\](https://evil.example) (shop)');
  });

  it('truncates long text within Discord limits', async () => {
    const { server, fixture, channel } = await setup();
    const metric = `m${'😀'.repeat(1500)}`;
    const alerts = Array.from({ length: 200 }, (_, h): Alert => ({ ...fixture.alert, metric, detail: 'x'.repeat(300), tags: { note: 'y'.repeat(3000) }, timestamp: new Date(NEWEST.getTime() - h * 3_600_000) }));
    await channel.send(alerts);
    expect(server.requests).toHaveLength(1);
    const message = messageOf(server.requests[0]);
    expectWithinLimits(message);
    const [embed] = message.embeds;
    for (const text of [message.content, embed?.title, embed?.description, embed?.fields[0]?.value]) expect(text?.endsWith('…')).toBe(true);
    expect(clip(`${'a'.repeat(254)}😀😀`, 256)).toBe(`${'a'.repeat(254)}…`);
    expect(clip('short', 256)).toBe('short');
  });

  it("throws on a 500 or a 404 with the status and Discord's error, never the URL", async () => {
    const { server, fixture, channel } = await setup();
    const internal = { status: 500, body: JSON.stringify({ message: '500: Internal Server Error', code: 0 }) };
    server.reply(internal, internal, internal);
    const first = await failure(channel.send([fixture.alert]));
    expect(first.error.message).toBe(`discord: posting "${TITLE}" failed: HTTP 500 Internal Server Error: 500: Internal Server Error (3 tries)`);
    expectNoUrl(first.error);

    server.reply({ status: 404, body: JSON.stringify({ message: 'Unknown Webhook', code: 10015 }) });
    const second = await failure(channel.send([fixture.alert]));
    expect(second.error.message).toBe(`discord: posting "${TITLE}" failed: HTTP 404 Not Found: Unknown Webhook`);
    expectNoUrl(second.error);

    // An answer quoting the URL where the error text is cut: the URL is taken out first, so no piece of it is left.
    server.reply({ status: 400, body: JSON.stringify({ message: `${'x'.repeat(232)} ${server.url(PATH)}`, code: 50035 }) });
    const third = await failure(channel.send([fixture.alert]));
    expect(third.error.message).toContain('HTTP 400 Bad Request: xxx');
    expectNoUrl(third.error);
    expect(third.error.message).not.toContain(HOOK_TOKEN.slice(0, 8));
  });

  it("says when Discord rate limited it, with its retry_after", async () => {
    const { server, fixture, channel } = await setup();
    // Discord's retry_after is honoured twice; still limited on the third try, the send fails for the next run.
    const limited = { status: 429, body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 0.2, global: false }), headers: { 'content-type': 'application/json', 'retry-after': '1' } };
    server.reply(limited, limited, limited);
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toBe(`discord: posting "${TITLE}" failed: HTTP 429 Too Many Requests (rate limited, retry after 0.2 s): You are being rate limited. (3 tries)`);
  });

  it('throws when nothing listens, without the URL', async () => {
    fixture = await alertFixture();
    const port = await refusingPort();
    const channel = webhookChannel(fixture.batch, 'discord', { ANOMSTACK_DISCORD_WEBHOOK_URL: `http://127.0.0.1:${port}${PATH}` });
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toMatch(/^discord: posting ".*" failed: could not reach the webhook: fetch failed \(.*ECONNREFUSED.*\)$/);
    expectNoUrl(error);
  });

  it('gives up within alert_timeout_s on a server that never answers, plot and all', async () => {
    fixture = await alertFixture();
    silent = await silentServer();
    const channel = webhookChannel(fixture.batch, 'discord', { ANOMSTACK_DISCORD_WEBHOOK_URL: `http://127.0.0.1:${silent.port}${PATH}` }, { timeoutS: 1, plot: fixture.plot });
    const { error, seconds } = await failure(channel.send([fixture.alert]));
    expect(error.message).toBe(`discord: posting "${TITLE}" failed: no answer within 1 s (alert_timeout_s)`);
    expect(seconds).toBeLessThan(10);
    expectNoUrl(error);
  });
});

describe('discord settings', () => {
  it('a batch naming discord without ANOMSTACK_DISCORD_WEBHOOK_URL has it misconfigured, naming the variable', async () => {
    fixture = await alertFixture();
    const config = { ...fixture.batch.config, alert_methods: ['console' as const, 'discord' as const] };
    const { channels, misconfigured } = batchChannels({ ...fixture.batch, config }, { env: { ANOMSTACK_DISCORD_WEBHOOK_URL: ' ' }, info: () => undefined, warn: () => undefined, plot: async () => null });
    expect(misconfigured).toEqual(new Map([['discord', 'ANOMSTACK_DISCORD_WEBHOOK_URL is not set']]));
    expect(channels.map((c) => c.name)).toEqual(['console']);
  });
});
