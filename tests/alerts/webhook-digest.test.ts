/**
 * The webhook, Teams and Discord channels as one pipeline with Slack and email (issue 18): one request per delivery
 * (a digest of several metrics, bounded by each service's limits), severities, directions and insights shown, and
 * the summary job's digest. Each against a local HTTP server, as the channels' own tests run.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, AlertChannel, Severity } from '../../src/alerts/channel.ts';
import { batchChannels } from '../../src/alerts/channels.ts';
import { DISCORD_DIGEST_LINES, discordText } from '../../src/alerts/discord.ts';
import { digestOf, groupAlerts, type AlertImage, type AlertPlotter } from '../../src/alerts/message.ts';
import { isSummaryChannel, summaryText, summaryTitle, totalsLine } from '../../src/alerts/summary-message.ts';
import { TEAMS_DIGEST_LINES, TEAMS_DIGEST_SECTIONS, TEAMS_MAX_BYTES } from '../../src/alerts/teams.ts';
import { LocalArtifactStore } from '../../src/artifacts/local.ts';
import { summary as summaryJob } from '../../src/jobs/summary.ts';
import { recordingReporter } from '../helpers/metrics-dir.ts';
import { webhookChannel, webhookServer, type ReceivedRequest, type WebhookServer } from '../helpers/webhook-server.ts';
import { alertFixture, NEWEST, type AlertFixture } from './channel-fixtures.ts';
import { expectWithinLimits, messageOf, type Message } from './discord-message.ts';
import { cardOf, elementsOf, facts, texts, type Card } from './teams-card.ts';

const SECRET = 'whsec-digest-7c2e';
const PATHS = { webhook: '/hooks/in-5e4d3c2b1a', teams: '/workflows/9f8e7d6c5b/invoke?sig=U2lnbmF0dXJlU2VjcmV0', discord: '/api/webhooks/42/discord-token-0123456789' } as const;
type Method = keyof typeof PATHS;
const METHODS: readonly Method[] = ['webhook', 'teams', 'discord'];

const CRITICAL: Severity = { level: 'critical', rank: 2, levels: 3 };
const WARNING: Severity = { level: 'warning', rank: 1, levels: 3 };
const INSIGHT = '@everyone <script>alert(1)</script> **look** at [this](https://evil.example)\n\n# and <@123> too';

let server: WebhookServer | undefined;
let fixture: AlertFixture | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await fixture?.close();
  fixture = undefined;
});

interface Setup {
  server: WebhookServer;
  fixture: AlertFixture;
  channels: Record<Method, AlertChannel>;
  /** The plots the Discord channel was asked for, by metric. */
  plotted: string[];
}

/** The three channels as a run builds them, on one local server (a path each); Discord's plot is cpu's real one for every metric. */
async function setup(): Promise<Setup> {
  server = await webhookServer();
  fixture = await alertFixture();
  const f = fixture;
  const s = server;
  const cpuPlot = await f.plot(groupAlerts([f.alert])[0] ?? { alerts: [f.alert], newest: f.alert, title: '' });
  const plotted: string[] = [];
  const plot: AlertPlotter = async (group): Promise<AlertImage | null> => {
    plotted.push(group.newest.metric);
    return cpuPlot;
  };
  const env = {
    ANOMSTACK_WEBHOOK_URL: s.url(PATHS.webhook),
    ANOMSTACK_WEBHOOK_SECRET: SECRET,
    ANOMSTACK_TEAMS_WEBHOOK_URL: s.url(PATHS.teams),
    ANOMSTACK_DISCORD_WEBHOOK_URL: s.url(PATHS.discord),
  };
  const channels = {
    webhook: webhookChannel(f.batch, 'webhook', env),
    teams: webhookChannel(f.batch, 'teams', env),
    discord: webhookChannel(f.batch, 'discord', env, { plot }),
  };
  return { server: s, fixture: f, channels, plotted };
}

const requestsTo = (s: WebhookServer, method: Method): ReceivedRequest[] => s.requests.filter((r) => r.path === PATHS[method]);

/** The alert of cpu's newest point, as metric `metric` (and `extra`). */
const alertOf = (f: AlertFixture, metric: string, extra: Partial<Alert> = {}): Alert => ({ ...f.alert, metric, ...extra });

/** The receiver's check: the HMAC of the raw bytes received, compared in constant time. */
function verified(request: ReceivedRequest | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(request?.body ?? Buffer.alloc(0)).digest('hex')}`);
  const got = Buffer.from(String(request?.headers['x-anomstack-signature']));
  return got.length === expected.length && timingSafeEqual(got, expected);
}

interface AlertsPayload {
  version: number;
  type: string;
  batch: string;
  title: string;
  severity: string | null;
  groups: { metric: string; kind: string; title: string; severity: string | null; alert_ids: string[] }[];
  alerts: { id: string; metric: string; kind: string; severity: string | null; direction: string | null; expected: unknown; insight: string | null; evidence: string }[];
}
const payloadOf = (request: ReceivedRequest | undefined): AlertsPayload => JSON.parse(request?.body.toString('utf8') ?? '') as AlertsPayload;

/** Discord's message, JSON or the `payload_json` of a multipart one, with the files that came with it. */
async function discordOf(request: ReceivedRequest | undefined): Promise<{ message: Message; files: File[]; keys: string[] }> {
  const type = String(request?.headers['content-type']);
  if (type === 'application/json') return { message: messageOf(request), files: [], keys: [] };
  expect(type).toMatch(/^multipart\/form-data; boundary=/);
  const form = await new Response(request?.body, { headers: { 'content-type': type } }).formData();
  const files = [...form.entries()].filter(([key]) => key.startsWith('files[')).map(([, value]) => value as File);
  return { message: JSON.parse(String(form.get('payload_json'))) as Message, files, keys: [...form.keys()] };
}

const teamsCardOf = (s: WebhookServer, index = 0): Card => cardOf(requestsTo(s, 'teams')[index]?.body);

describe('digests on the webhook, Teams and Discord channels', () => {
  it('five alerts of five metrics make exactly one request per channel, holding all five', async () => {
    const { server, fixture, channels } = await setup();
    const alerts = ['a', 'b', 'c', 'd', 'e'].map((m) => alertOf(fixture, m));
    const digest = digestOf(alerts);
    for (const method of METHODS) await channels[method].send(alerts);
    for (const method of METHODS) expect(requestsTo(server, method)).toHaveLength(1);
    expect(server.requests).toHaveLength(3);

    const [hook] = requestsTo(server, 'webhook');
    expect(verified(hook)).toBe(true);
    const payload = payloadOf(hook);
    expect(payload).toMatchObject({ version: 2, type: 'alerts', batch: 'shop', title: digest.title });
    expect(payload.groups.map((g) => [g.metric, g.title])).toEqual(digest.groups.map((g) => [g.newest.metric, g.title]));
    expect(payload.alerts.map((a) => a.metric)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(new Set(payload.alerts.map((a) => a.id)).size).toBe(5);
    expect(payload.groups.flatMap((g) => g.alert_ids)).toEqual(payload.alerts.map((a) => a.id));

    const card = teamsCardOf(server);
    const lines = texts(card);
    expect(lines[0]).toBe(digest.title);
    for (const group of digest.groups) expect(lines).toContain(group.title);
    expect(lines.filter((l) => l.startsWith('2026-01-10 12:00 UTC: value '))).toHaveLength(5);
    expect(lines.join('\n')).not.toContain('more metric');
    // A digest lists each metric's lines; the facts are for a single metric's card.
    expect(facts(card)).toEqual({});

    const { message, files, keys } = await discordOf(requestsTo(server, 'discord')[0]);
    expectWithinLimits(message);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBe(digest.title.replace(/[[\]]/g, '\\$&'));
    expect(message.embeds).toHaveLength(5);
    expect(files).toHaveLength(5);
    expect(keys).toEqual(['payload_json', 'files[0]', 'files[1]', 'files[2]', 'files[3]', 'files[4]']);
    expect(message.attachments?.map((a) => a.id)).toEqual([0, 1, 2, 3, 4]);
    // Each embed shows its own metric's file.
    expect(message.embeds.map((e) => e.image?.url)).toEqual(files.map((f) => `attachment://${f.name}`));
    expect(message.attachments?.map((a) => a.filename)).toEqual(files.map((f) => f.name));
    expect(files.map((f) => f.name)).toEqual(['a', 'b', 'c', 'd', 'e'].map((m) => `shop-${m}-20260110T1200.png`));
  });

  it("one metric's alerts keep each channel's full single message", async () => {
    const { server, fixture, channels } = await setup();
    const earlier = { ...fixture.alert, timestamp: new Date(NEWEST.getTime() - 3_600_000) };
    for (const method of METHODS) await channels[method].send([fixture.alert, earlier]);
    const title = digestOf([fixture.alert]).title.replace('12:00', '11:00');
    const payload = payloadOf(requestsTo(server, 'webhook')[0]);
    expect(payload.title).toBe(title);
    expect(payload.groups).toHaveLength(1);
    expect(payload.alerts).toHaveLength(2);
    const card = teamsCardOf(server);
    expect(texts(card)[0]).toBe(title);
    expect(facts(card)).toMatchObject({ Batch: 'shop', Metric: 'cpu', Time: '2026-01-10 12:00 UTC' });
    const { message, files } = await discordOf(requestsTo(server, 'discord')[0]);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.title).toBe('cpu (shop)');
    expect(message.embeds[0]?.fields).toEqual([{ name: 'Tags', value: 'team=infra · unit=%', inline: false }]);
    expect(files.map((f) => f.name)).toEqual(['shop-cpu-20260110T1200.png']);
  });

  it('more metrics than Discord takes: 10 embeds and 10 files, "and N more metrics" in the text', async () => {
    const { server, fixture, channels, plotted } = await setup();
    const metrics = Array.from({ length: 13 }, (_, i) => `metric_${String(i).padStart(2, '0')}`);
    await channels.discord.send(metrics.map((m) => alertOf(fixture, m)));
    expect(requestsTo(server, 'discord')).toHaveLength(1);
    const { message, files } = await discordOf(requestsTo(server, 'discord')[0]);
    expectWithinLimits(message);
    expect(message.embeds).toHaveLength(10);
    expect(files).toHaveLength(10);
    expect(files.reduce((n, f) => n + f.size, 0)).toBeLessThan(8_000_000);
    expect(message.content.split('\n').at(-1)).toBe('and 3 more metrics');
    // Only the metrics shown are plotted.
    expect(plotted).toEqual(metrics.slice(0, 10));
  });

  it("Discord's digest keeps every embed's text within the message's 6000 characters, however long the texts", async () => {
    const { server, fixture, channels } = await setup();
    const alerts = Array.from({ length: 10 }, (_, i) =>
      Array.from({ length: 8 }, (_, h) => alertOf(fixture, `m${i}-${'😀'.repeat(200)}`, {
        timestamp: new Date(NEWEST.getTime() - h * 3_600_000),
        detail: 'd'.repeat(300),
        insight: 'i'.repeat(3000),
        tags: { note: 'n'.repeat(3000) },
      }))).flat();
    await channels.discord.send(alerts);
    const { message } = await discordOf(requestsTo(server, 'discord')[0]);
    expectWithinLimits(message);
    expect(message.embeds).toHaveLength(10);
    // Each embed lists its newest lines, after a count of the earlier ones.
    expect(message.embeds[0]?.description.split('\n')[0]).toBe(`… and ${8 - DISCORD_DIGEST_LINES} earlier`);
  });

  it('more metrics than a Teams card takes: the first sections, then "and N more metrics", within the size limit', async () => {
    const { server, fixture, channels } = await setup();
    const many = Array.from({ length: TEAMS_DIGEST_SECTIONS + 7 }, (_, i) => alertOf(fixture, `m${i}`));
    await channels.teams.send(many);
    const [first] = requestsTo(server, 'teams');
    const lines = texts(cardOf(first?.body));
    expect(lines.at(-1)).toBe('and 7 more metrics');
    expect(lines.filter((l) => /^🔥 .*\[m\d+\]/.test(l))).toHaveLength(TEAMS_DIGEST_SECTIONS);
    expect(first?.body.length).toBeLessThanOrEqual(TEAMS_MAX_BYTES);

    // Long texts: fewer sections fit, and the card still stays under Teams' limit.
    const heavy = Array.from({ length: 15 }, (_, i) =>
      Array.from({ length: 8 }, (_, h) => alertOf(fixture, `heavy${i}`, { timestamp: new Date(NEWEST.getTime() - h * 3_600_000), detail: 'x'.repeat(500), insight: 'y'.repeat(3000), kind: 'threshold' }))).flat();
    await channels.teams.send(heavy);
    const second = requestsTo(server, 'teams')[1];
    expect(second?.body.length).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(second?.body.length).toBeLessThan(28 * 1024);
    const heavyLines = texts(cardOf(second?.body));
    const shown = heavyLines.filter((l) => /\[heavy\d+\]/.test(l)).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(15);
    expect(heavyLines.at(-1)).toBe(`and ${15 - shown} more metrics`);
    // Each section lists its newest lines, after a count of the earlier ones.
    expect(heavyLines).toContain(`… and ${8 - TEAMS_DIGEST_LINES} earlier`);
  });

  it("a single metric's long Teams card drops its oldest lines to stay within the size limit", async () => {
    const { server, fixture, channels } = await setup();
    const alerts = Array.from({ length: 30 }, (_, h) => alertOf(fixture, 'cpu', { timestamp: new Date(NEWEST.getTime() - h * 3_600_000), insight: 'z'.repeat(3000), kind: 'llm', explanation: 'e'.repeat(3000) }));
    await channels.teams.send(alerts);
    const [request] = requestsTo(server, 'teams');
    expect(request?.body.length).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const lines = texts(cardOf(request?.body));
    expect(lines[1]).toMatch(/^… and \d+ earlier$/);
    expect(lines.filter((l) => l.startsWith('2026-')).at(-1)?.slice(0, 20)).toBe('2026-01-10 12:00 UTC');
  });

  it('the webhook sends every metric in one request whatever their number', async () => {
    const { server, fixture, channels } = await setup();
    await channels.webhook.send(Array.from({ length: 40 }, (_, i) => alertOf(fixture, `m${i}`)));
    const [request] = requestsTo(server, 'webhook');
    expect(verified(request)).toBe(true);
    expect(payloadOf(request).groups).toHaveLength(40);
  });

  it("shows each alert's severity: the payload's level, Teams' style, Discord's colour", async () => {
    const { server, fixture, channels } = await setup();
    const alerts = [alertOf(fixture, 'cpu', { severity: CRITICAL }), alertOf(fixture, 'disk', { severity: WARNING }), alertOf(fixture, 'mem')];
    for (const method of METHODS) await channels[method].send(alerts);

    const payload = payloadOf(requestsTo(server, 'webhook')[0]);
    expect(payload.severity).toBe('critical');
    expect(payload.alerts.map((a) => a.severity)).toEqual(['critical', 'warning', null]);
    expect(payload.groups.map((g) => g.severity)).toEqual(['critical', 'warning', null]);

    const card = teamsCardOf(server);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    const titles = elementsOf(card.body).flatMap((e) => (e.inlines ?? []).filter((r) => r.color !== undefined));
    expect(titles.map((r) => [r.text, r.color])).toEqual(digestOf(alerts).groups.map((g, i) => [g.title, i === 0 ? 'attention' : 'warning']));

    const { message } = await discordOf(requestsTo(server, 'discord')[0]);
    expect(message.embeds.map((e) => e.color)).toEqual([0xe01e5a, 0xecb22e, 0xd93f0b]);
    // Each embed titled by its group's title, which names the level (issueTitle).
    expect(message.embeds.map((e) => e.title)).toEqual(digestOf(alerts).groups.map((g) => discordText(g.title)));

    // One metric: the card's band and its Severity fact; Discord's colour and line.
    await channels.teams.send([alertOf(fixture, 'disk', { severity: WARNING })]);
    const single = teamsCardOf(server, 1);
    expect(single.body[0]).toMatchObject({ type: 'Container', style: 'warning' });
    expect(facts(single)['Severity']).toBe('warning');
    await channels.teams.send([alertOf(fixture, 'cpu', { severity: CRITICAL })]);
    expect(teamsCardOf(server, 2).body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    await channels.discord.send([alertOf(fixture, 'cpu', { severity: CRITICAL })]);
    const one = (await discordOf(requestsTo(server, 'discord')[1])).message;
    expect(one.embeds[0]?.color).toBe(0xe01e5a);
    expect(one.embeds[0]?.description.split('\n')[0]).toBe('batch **shop** · metric **cpu** · severity **critical**');
  });

  it('says the direction and the expected range of every alert of a digest', async () => {
    const { server, fixture, channels } = await setup();
    const expected = { baseline: 100, low: 90, high: 110 };
    const alerts = [
      alertOf(fixture, 'up', { value: 150, expected, direction: 'up' }),
      alertOf(fixture, 'down', { value: 50, expected, direction: 'down' }),
      alertOf(fixture, 'level', { kind: 'change', detail: 'changed level (up)', direction: 'up' }),
      alertOf(fixture, 'plain'),
    ];
    for (const method of METHODS) await channels[method].send(alerts);

    const payload = payloadOf(requestsTo(server, 'webhook')[0]);
    expect(payload.alerts.map((a) => [a.metric, a.direction, a.expected])).toEqual([
      ['up', 'up', { low: 90, high: 110, baseline: 100 }],
      ['down', 'down', { low: 90, high: 110, baseline: 100 }],
      ['level', 'up', null],
      ['plain', null, null],
    ]);
    const above = 'above the expected range 90–110 by 40';
    const below = 'below the expected range 90–110 by 40';
    const lines = texts(teamsCardOf(server));
    expect(lines.filter((l) => l.includes(above))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(below))).toHaveLength(1);
    const { message } = await discordOf(requestsTo(server, 'discord')[0]);
    expect(message.embeds[0]?.description).toContain(above);
    expect(message.embeds[1]?.description).toContain(below);
    expect(message.embeds[2]?.description).toContain('changed level (up)');
  });

  it("shows the pipeline's insight under its alert's line, inert and clipped", async () => {
    const { server, fixture, channels } = await setup();
    const alerts = [alertOf(fixture, 'cpu', { insight: INSIGHT }), alertOf(fixture, 'disk'), alertOf(fixture, 'mem', { insight: 'w'.repeat(5000) })];
    for (const method of METHODS) await channels[method].send(alerts);
    await channels.teams.send([alerts[0] as Alert]);
    await channels.discord.send([alerts[0] as Alert]);

    // The webhook passes the model's words as they are: data, for the receiver to escape (docs/webhooks.md).
    const payload = payloadOf(requestsTo(server, 'webhook')[0]);
    expect(payload.alerts.map((a) => a.insight)).toEqual([INSIGHT, null, 'w'.repeat(5000)]);

    // Teams: a plain-text run (no Markdown, no HTML, no mention entities) right under the alert's line.
    const oneLine = INSIGHT.replace(/\s+/g, ' ');
    for (const index of [0, 1]) {
      const card = teamsCardOf(server, index);
      const lines = texts(card);
      const at = lines.indexOf(`💡 ${oneLine}`);
      expect(at).toBeGreaterThan(0);
      expect(lines[at - 1]).toMatch(/^2026-01-10 12:00 UTC: value /);
      expect(JSON.stringify(facts(card))).not.toContain('script');
      const raw = requestsTo(server, 'teams')[index]?.body.toString('utf8') ?? '';
      expect(raw).not.toContain('entities');
      expect(raw).not.toContain('<at>');
    }
    const clipped = texts(teamsCardOf(server)).find((l) => l.startsWith('💡 w'));
    expect(clipped?.endsWith('…')).toBe(true);
    expect(clipped?.length).toBeLessThanOrEqual(403);

    // Discord: escaped, so nothing renders or pings, right under the alert's line.
    for (const index of [0, 1]) {
      const { message } = await discordOf(requestsTo(server, 'discord')[index]);
      expect(message.allowed_mentions).toEqual({ parse: [] });
      const lines = message.embeds[0]?.description.split('\n') ?? [];
      const at = lines.findIndex((l) => l.includes('💡'));
      expect(lines[at - 1]).toMatch(/^• 2026-01-10 12:00 UTC: value /);
      expect(lines[at]).toBe('  💡 @\u200beveryone \\<script\\>alert(1)\\</script\\> \\*\\*look\\*\\* at \\[this\\](https://evil.example) # and \\<@\u200b123\\> too');
      for (const embed of message.embeds) {
        expect(embed.description).not.toMatch(/@(everyone|here)/);
        expect(embed.description).not.toMatch(/(?<!\\)</);
      }
    }
    const { message } = await discordOf(requestsTo(server, 'discord')[0]);
    const long = message.embeds[2]?.description.split('\n').find((l) => l.includes('💡')) ?? '';
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(406);
  });
});

describe('summaries on the webhook, Teams and Discord channels', () => {
  it('each of the three delivers the summary job digest', async () => {
    const { server, fixture, channels } = await setup();
    await fixture.recordAlert();
    const digest = await fixture.summary();
    const summaryChannels = METHODS.map((m) => channels[m]).filter(isSummaryChannel);
    expect(summaryChannels.map((c) => c.name)).toEqual(['webhook', 'teams', 'discord']);
    for (const channel of summaryChannels) await channel.sendSummary(digest);
    for (const method of METHODS) expect(requestsTo(server, method)).toHaveLength(1);

    const [hook] = requestsTo(server, 'webhook');
    expect(verified(hook)).toBe(true);
    const payload = JSON.parse(hook?.body.toString('utf8') ?? '') as Record<string, unknown>;
    expect(payload).toMatchObject({
      version: 2,
      type: 'summary',
      source: 'anomstack',
      batch: 'shop',
      title: summaryTitle(digest),
      from: digest.from.toISOString(),
      to: digest.to.toISOString(),
      period: 'last 24 h',
      totals: { metrics: 2, points: 48, scored: 24, alerts: 1, changes: 0, tholdalerts: 0, llmalerts: 0 },
      silent: [],
      events: [{ metric: 'cpu', kind: 'anomaly', timestamp: '2026-01-10T12:00:00.000Z', detail: 'score 0.91' }],
      feedback: { confirmed: 0, false_positives: 0, precision: null },
      text: summaryText(digest),
    });
    expect((payload['top'] as { metric: string; max_score: number; latest_at: string }[])[0]).toMatchObject({ metric: 'cpu', max_score: 0.97, latest_at: '2026-01-10T12:00:00.000Z' });

    const card = teamsCardOf(server);
    const lines = texts(card);
    expect(lines[0]).toBe(summaryTitle(digest));
    expect(lines).toContain(totalsLine(digest));
    expect(lines).toContain('🔥 cpu at 2026-01-10 12:00 UTC (score 0.91)');
    expect(facts(card)['cpu']).toMatch(/^max score 0\.97 · latest [\d.]+ \(score 0\.97\) at 2026-01-10 12:00 UTC · 24 points · 1 alerts$/);

    const { message } = await discordOf(requestsTo(server, 'discord')[0]);
    expectWithinLimits(message);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBe(summaryTitle(digest));
    expect(message.embeds[0]?.description).toContain(`**${totalsLine(digest)}**`);
    expect(message.embeds[0]?.description).toContain('• 🔥 cpu at 2026-01-10 12:00 UTC (score 0.91)');
    expect(message.embeds[0]?.fields[0]?.name).toBe('Top metrics by score');
    expect(message.embeds[0]?.fields[0]?.value).toMatch(/^```\nmetric +points .*\ncpu +24 .*\n```$/s);
  });

  it('the summary job sends to them: alert_methods naming webhook, teams and discord', async () => {
    const { server, fixture } = await setup();
    const config = { ...fixture.batch.config, alert_methods: ['console' as const, 'webhook' as const, 'teams' as const, 'discord' as const] };
    const batch = { ...fixture.batch, config };
    const env = { ANOMSTACK_WEBHOOK_URL: server.url(PATHS.webhook), ANOMSTACK_TEAMS_WEBHOOK_URL: server.url(PATHS.teams), ANOMSTACK_DISCORD_WEBHOOK_URL: server.url(PATHS.discord) };
    const { channels } = batchChannels(batch, { env, info: () => undefined, warn: () => undefined, plot: async () => null });
    const ctx = {
      batch,
      store: fixture.store,
      models: new LocalArtifactStore(path.join(fixture.ws.root, 'models')),
      channels,
      now: new Date(NEWEST.getTime() + 30 * 60_000),
      reporter: recordingReporter(),
    };
    const result = await summaryJob(ctx);
    expect(result.failures ?? []).toEqual([]);
    expect(result.message).toContain('sent to webhook, teams, discord');
    for (const method of METHODS) expect(requestsTo(server, method)).toHaveLength(1);
    // Sent once per period: a second run sends nothing.
    await summaryJob(ctx);
    expect(server.requests).toHaveLength(3);
  });
});
