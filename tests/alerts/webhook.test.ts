import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { batchChannels } from '../../src/alerts/channels.ts';
import { digestOf } from '../../src/alerts/message.ts';
import { refusingPort, silentServer, type SilentServer } from '../helpers/silent-server.ts';
import { failure, webhookChannel, webhookServer, type WebhookServer, expectNotQuoted } from '../helpers/webhook-server.ts';
import { alertFixture, NEWEST, type AlertFixture } from './channel-fixtures.ts';

/** The webhook URL's path stands for the secret a real one may carry; it must appear in no error. */
const SECRET_PATH = 'in-0f9e8d7c6b5a';
const SIGNING_SECRET = 'whsec-test-4242';
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

async function setup(env: (url: string) => NodeJS.ProcessEnv = (url) => ({ ANOMSTACK_WEBHOOK_URL: url, ANOMSTACK_WEBHOOK_SECRET: SIGNING_SECRET })) {
  server = await webhookServer();
  fixture = await alertFixture();
  const channel = webhookChannel(fixture.batch, 'webhook', env(server.url(`/hooks/${SECRET_PATH}`)));
  return { server, fixture, channel };
}

/** The receiver's side of the signature check, as the README shows it: the HMAC of the raw bytes, compared in constant time. */
function verified(body: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const got = Buffer.from(String(header));
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const expectNoUrl = (error: Error): void => expectNotQuoted(error, [SECRET_PATH, '/hooks/']);

describe('the webhook channel', () => {
  it('posts the documented JSON payload with its headers, signed over the exact bytes', async () => {
    const { server, fixture, channel } = await setup();
    await channel.send([fixture.alert]);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/hooks/${SECRET_PATH}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('anomstack-action');
    expect(request?.headers['x-anomstack-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verified(request?.body ?? Buffer.alloc(0), request?.headers['x-anomstack-signature'], SIGNING_SECRET)).toBe(true);
    expect(verified(request?.body ?? Buffer.alloc(0), request?.headers['x-anomstack-signature'], 'another-secret')).toBe(false);

    const payload: unknown = JSON.parse(request?.body.toString('utf8') ?? '');
    const id = expect.stringMatching(/^[0-9a-f]{32}$/);
    expect(payload).toEqual({
      version: 2,
      type: 'alerts',
      source: 'anomstack',
      batch: 'shop',
      title: TITLE,
      severity: null,
      groups: [{ metric: 'cpu', kind: 'anomaly', title: TITLE, text: null, severity: null, alert_ids: [id] }],
      alerts: [{
        id,
        kind: 'anomaly',
        metric: 'cpu',
        timestamp: '2026-01-10T12:00:00.000Z',
        value: fixture.alert.value,
        score: 0.97,
        smoothed_score: 0.91,
        threshold: 0.8,
        extreme: false,
        severity: null,
        direction: null,
        expected: null,
        detail: null,
        explanation: null,
        insight: null,
        evidence: expect.stringMatching(/^value [\d.]+ · score 0\.91 ≥ 0\.8$/),
        tags: { team: 'infra', unit: '%' },
      }],
    });
    const { groups, alerts } = payload as { groups: { alert_ids: string[] }[]; alerts: { id: string }[] };
    expect(groups[0]?.alert_ids).toEqual([alerts[0]?.id]);
  });

  it('sends no signature header without ANOMSTACK_WEBHOOK_SECRET, and says the expected range and direction', async () => {
    const { server, fixture, channel } = await setup((url) => ({ ANOMSTACK_WEBHOOK_URL: url }));
    const alert: Alert = { ...fixture.alert, value: 150, expected: { baseline: 100, low: 90, high: 110 } };
    await channel.send([alert]);
    const [request] = server.requests;
    expect(request?.headers['x-anomstack-signature']).toBeUndefined();
    const payload = JSON.parse(request?.body.toString('utf8') ?? '') as { alerts: Record<string, unknown>[] };
    expect(payload.alerts[0]).toMatchObject({
      value: 150,
      direction: 'up',
      expected: { baseline: 100, low: 90, high: 110 },
      evidence: 'value 150 (above the expected range 90–110 by 40) · score 0.91 ≥ 0.8',
    });
  });

  it("sends several metrics' alerts as one request, grouped by metric and kind; the same alert keeps its id", async () => {
    const { server, fixture, channel } = await setup();
    const earlier = { ...fixture.alert, timestamp: new Date(NEWEST.getTime() - 3_600_000) };
    const disk = { ...fixture.alert, metric: 'disk' };
    await channel.send([fixture.alert, disk, earlier]);
    expect(server.requests).toHaveLength(1);
    const payload = JSON.parse(server.requests[0]?.body.toString('utf8') ?? '') as {
      title: string;
      groups: { metric: string; title: string; alert_ids: string[] }[];
      alerts: { id: string; metric: string; timestamp: string }[];
    };
    // Each group's alerts oldest first, the groups in the order their first alert came.
    expect(payload.alerts.map((a) => [a.metric, a.timestamp])).toEqual([
      ['cpu', '2026-01-10T11:00:00.000Z'],
      ['cpu', '2026-01-10T12:00:00.000Z'],
      ['disk', '2026-01-10T12:00:00.000Z'],
    ]);
    expect(payload.groups.map((g) => [g.metric, g.alert_ids])).toEqual([
      ['cpu', [payload.alerts[0]?.id, payload.alerts[1]?.id]],
      ['disk', [payload.alerts[2]?.id]],
    ]);
    // Each group titled by its first alert, as Slack and email title it; the payload by the digest's title.
    expect(payload.groups[0]?.title).toBe('🔥 [cpu] looks anomalous (2026-01-10 11:00 UTC)');
    expect(payload.title).toBe(digestOf([fixture.alert, disk, earlier]).title);
    expect(payload.title).toMatch(/^🔥 3 alerts in shop.*: cpu, disk \(2026-01-10 12:00 UTC\)$/);
    await channel.send([fixture.alert]);
    const again = JSON.parse(server.requests[1]?.body.toString('utf8') ?? '') as { alerts: { id: string }[] };
    expect(again.alerts[0]?.id).toBe(payload.alerts[1]?.id);
    expect(new Set(payload.alerts.map((a) => a.id)).size).toBe(3);
  });

  it('throws on a 500 or a 404 with the status and the answer\'s error, never the URL', async () => {
    const { server, fixture, channel } = await setup();
    // A 5xx is tried three times, half a second and a second apart.
    const exploded = { status: 500, body: 'upstream exploded', headers: { 'content-type': 'text/plain' } };
    server.reply(exploded, exploded, exploded);
    const first = await failure(channel.send([fixture.alert]));
    expect(first.error.message).toBe(`webhook: posting "${TITLE}" failed: HTTP 500 Internal Server Error: upstream exploded (3 tries)`);
    expect(server.requests).toHaveLength(3);
    expectNoUrl(first.error);

    // A body that quotes the URL back has it cut out; a long one is truncated.
    server.reply({ status: 404, body: JSON.stringify({ error: { message: `no hook at /hooks/${SECRET_PATH} ${'x'.repeat(1000)}` } }) });
    const second = await failure(channel.send([fixture.alert]));
    expect(second.error.message).toMatch(/^webhook: posting ".*" failed: HTTP 404 Not Found: no hook at \*\*\* x+…$/);
    expect(second.error.message.length).toBeLessThan(500);
    expectNoUrl(second.error);
  });

  it('says when it was rate limited and for how long, leaving a long wait to the next run', async () => {
    const { server, fixture, channel } = await setup();
    server.reply({ status: 429, body: 'slow down', headers: { 'retry-after': '30', 'content-type': 'text/plain' } });
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toBe(`webhook: posting "${TITLE}" failed: HTTP 429 Too Many Requests (rate limited, retry after 30 s): slow down`);
    expect(server.requests).toHaveLength(1);
  });

  it('tries a 5xx again after a backoff, and a 429 after its short Retry-After: one delivery', async () => {
    const { server, fixture, channel } = await setup();
    server.reply({ status: 503, body: 'busy' }, { status: 429, body: 'slow down', headers: { 'retry-after': '1' } });
    const started = performance.now();
    await channel.send([fixture.alert]);
    const seconds = (performance.now() - started) / 1000;
    expect(server.requests).toHaveLength(3);
    // The same bytes each time, so the signature and the alert's id hold for the receiver to drop duplicates.
    expect(new Set(server.requests.map((r) => r.body.toString('hex'))).size).toBe(1);
    // 0.5 s after the 503, then the 1 s the 429 asked for.
    expect(seconds).toBeGreaterThanOrEqual(1.4);
  });

  it('does not follow a redirect', async () => {
    const { server, fixture, channel } = await setup();
    server.reply({ status: 308, headers: { location: server.url('/elsewhere') } });
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toContain('HTTP 308 Permanent Redirect (redirects are not followed: set the URL it redirects to)');
    expect(server.requests.map((r) => r.path)).toEqual([`/hooks/${SECRET_PATH}`]);
  });

  it('sends credentials written into the URL as Basic authentication, and never shows them', async () => {
    const { server, fixture, channel } = await setup((url) => ({ ANOMSTACK_WEBHOOK_URL: url.replace('http://', 'http://anomstack:pa55-w0rd-long@') }));
    await channel.send([fixture.alert]);
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('anomstack:pa55-w0rd-long').toString('base64')}`);
    server.reply({ status: 401, body: 'bad credentials for anomstack:pa55-w0rd-long', headers: { 'content-type': 'text/plain' } });
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toContain('HTTP 401 Unauthorized: bad credentials for ***');
    expect(error.message).not.toContain('pa55-w0rd-long');
  });

  it('throws when nothing listens, without the URL', async () => {
    fixture = await alertFixture();
    const port = await refusingPort();
    const channel = webhookChannel(fixture.batch, 'webhook', { ANOMSTACK_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/${SECRET_PATH}` });
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toMatch(/^webhook: posting ".*" failed: could not reach the webhook: fetch failed \(.*ECONNREFUSED.*\)$/);
    expectNoUrl(error);
  });

  it('gives up within alert_timeout_s on a server that never answers; the next send fails at once', async () => {
    fixture = await alertFixture();
    silent = await silentServer();
    const channel = webhookChannel(fixture.batch, 'webhook', { ANOMSTACK_WEBHOOK_URL: `http://127.0.0.1:${silent.port}/hooks/${SECRET_PATH}` }, { timeoutS: 1 });
    const first = await failure(channel.send([fixture.alert]));
    expect(first.error.message).toBe(`webhook: posting "${TITLE}" failed: no answer within 1 s (alert_timeout_s)`);
    expect(first.seconds).toBeGreaterThanOrEqual(0.9);
    expect(first.seconds).toBeLessThan(10);
    expectNoUrl(first.error);
    const connections = silent.connections;
    const second = await failure(channel.send([fixture.alert]));
    expect(second.error.message).toBe(`webhook: "${TITLE}" not posted: the webhook was unreachable earlier in this run (no answer within 1 s (alert_timeout_s))`);
    expect(second.seconds).toBeLessThan(0.5);
    expect(silent.connections).toBe(connections);
  });
});

describe('webhook settings', () => {
  it('a batch naming webhook without ANOMSTACK_WEBHOOK_URL has it misconfigured, naming the variable', async () => {
    fixture = await alertFixture();
    const { batch } = fixture;
    const config = { ...batch.config, alert_methods: ['console' as const, 'webhook' as const] };
    const built = (env: NodeJS.ProcessEnv) => batchChannels({ ...batch, config }, { env, info: () => undefined, warn: () => undefined, plot: async () => null });
    const missing = built({ ANOMSTACK_WEBHOOK_SECRET: SIGNING_SECRET });
    expect(missing.misconfigured).toEqual(new Map([['webhook', 'ANOMSTACK_WEBHOOK_URL is not set']]));
    expect(missing.channels.map((c) => c.name)).toEqual(['console']);
    // A value that is no http(s) URL is refused without being quoted: it may be a secret.
    expect(built({ ANOMSTACK_WEBHOOK_URL: 'hooks.example.com/in/s3cr3t' }).misconfigured.get('webhook')).toBe('ANOMSTACK_WEBHOOK_URL is not a URL');
    expect(built({ ANOMSTACK_WEBHOOK_URL: 'ftp://hooks.example.com/in/s3cr3t' }).misconfigured.get('webhook')).toBe('ANOMSTACK_WEBHOOK_URL: expected an http(s) URL (got ftp:)');
  });
});
