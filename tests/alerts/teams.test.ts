import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/channel.ts';
import { batchChannels } from '../../src/alerts/channels.ts';
import { refusingPort, silentServer, type SilentServer } from '../helpers/silent-server.ts';
import { failure, webhookChannel, webhookServer, type WebhookServer, expectNotQuoted } from '../helpers/webhook-server.ts';
import { alertFixture, NEWEST, type AlertFixture } from './channel-fixtures.ts';
import { cardOf, facts, texts } from './teams-card.ts';

/** A Workflows webhook URL's shape: the workflow's ID in the path, the signature (`sig`) in the query. */
const WORKFLOW = '8c1d0f4e2b7a4c9e';
const SIG = 'QmVyeVNlY3JldFNpZ25hdHVyZQ';
const PATH = `/workflows/${WORKFLOW}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`;
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

async function setup() {
  server = await webhookServer();
  fixture = await alertFixture();
  const channel = webhookChannel(fixture.batch, 'teams', { ANOMSTACK_TEAMS_WEBHOOK_URL: server.url(PATH) });
  return { server, fixture, channel };
}

const expectNoUrl = (error: Error): void => expectNotQuoted(error, [WORKFLOW, SIG, '/workflows/']);

describe('the teams channel', () => {
  it("posts an adaptive card: the title, the alert's evidence line and its facts", async () => {
    const { server, fixture, channel } = await setup();
    await channel.send([fixture.alert]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(PATH);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('anomstack-action');

    const card = cardOf(request?.body);
    // The title in a band of the severity's style ("warning" without a severity).
    expect(card.body[0]).toEqual({ type: 'Container', style: 'warning', bleed: true, items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: TITLE, weight: 'Bolder', size: 'Medium' }] }] });
    expect(texts(card)).toEqual([TITLE, expect.stringMatching(/^2026-01-10 12:00 UTC: value [\d.]+ · score 0\.91 ≥ 0\.8$/)]);
    expect(facts(card)).toEqual({
      Batch: 'shop',
      Metric: 'cpu',
      Kind: '🔥 anomaly',
      Time: '2026-01-10 12:00 UTC',
      Value: expect.stringMatching(/^[\d.]+$/),
      Score: 'score 0.91 ≥ 0.8',
      Tags: 'team=infra, unit=%',
    });
  });

  it("sends a metric's several alerts as one card, a line each, newest last; a long run lists the newest 20", async () => {
    const { server, fixture, channel } = await setup();
    const hoursBefore = (h: number): Alert => ({ ...fixture.alert, timestamp: new Date(NEWEST.getTime() - h * 3_600_000) });
    await channel.send([fixture.alert, hoursBefore(2), hoursBefore(1)]);
    expect(server.requests).toHaveLength(1);
    const lines = texts(cardOf(server.requests[0]?.body)).slice(1);
    expect(lines.map((l) => l.slice(0, 20))).toEqual(['2026-01-10 10:00 UTC', '2026-01-10 11:00 UTC', '2026-01-10 12:00 UTC']);

    await channel.send(Array.from({ length: 25 }, (_, h) => hoursBefore(h)));
    const long = texts(cardOf(server.requests[1]?.body));
    expect(long[1]).toBe('… and 5 earlier');
    expect(long).toHaveLength(22);
    expect(long.at(-1)?.slice(0, 20)).toBe('2026-01-10 12:00 UTC');
  });

  it('shows untrusted names as plain text: no links, HTML or mentions', async () => {
    const { server, fixture, channel } = await setup();
    const metric = '[click me](https://evil.example) **now** <img src=x onerror=alert(1)> @General';
    await channel.send([{ ...fixture.alert, metric, tags: { owner: '_team_' } }]);
    const card = cardOf(server.requests[0]?.body);
    // TextRuns are plain text in Teams: the name is shown exactly as written.
    expect(texts(card)[0]).toBe(`🔥 [${metric}] looks anomalous (2026-01-10 12:00 UTC)`);
    // Fact values are Markdown: every Markdown character escaped, no bare angle bracket, no bare @.
    const value = facts(card)['Metric'] ?? '';
    expect(value).toBe('\\[click me\\](https://evil.example) \\*\\*now\\*\\* \\<img src=x onerror=alert(1)\\> @\u200bGeneral');
    expect(facts(card)['Tags']).toBe('owner=\\_team\\_');
    const raw = server.requests[0]?.body.toString('utf8') ?? '';
    expect(raw).not.toMatch(/"value":"[^"]*(?<!\\\\)</);
  });

  it("throws on a 500 or a 404 with the status and the answer's error, never the URL", async () => {
    const { server, fixture, channel } = await setup();
    const internal = { status: 500, body: 'Internal error', headers: { 'content-type': 'text/plain' } };
    server.reply(internal, internal, internal);
    const first = await failure(channel.send([fixture.alert]));
    expect(first.error.message).toBe(`teams: posting "${TITLE}" failed: HTTP 500 Internal Server Error: Internal error (3 tries)`);
    expectNoUrl(first.error);

    // As Power Automate refuses a request: an error object, here quoting the request's URL back.
    server.reply({ status: 404, body: JSON.stringify({ error: { code: 'WorkflowNotFound', message: `The workflow '${WORKFLOW}' could not be found (${server.url(PATH)}).` } }) });
    const second = await failure(channel.send([fixture.alert]));
    expect(second.error.message).toMatch(/^teams: posting ".*" failed: HTTP 404 Not Found: The workflow '\*\*\*' could not be found \(.*\)\.$/);
    expectNoUrl(second.error);
  });

  it('throws when nothing listens, without the URL', async () => {
    fixture = await alertFixture();
    const port = await refusingPort();
    const channel = webhookChannel(fixture.batch, 'teams', { ANOMSTACK_TEAMS_WEBHOOK_URL: `http://127.0.0.1:${port}${PATH}` });
    const { error } = await failure(channel.send([fixture.alert]));
    expect(error.message).toMatch(/^teams: posting ".*" failed: could not reach the webhook: fetch failed \(.*ECONNREFUSED.*\)$/);
    expectNoUrl(error);
  });

  it('gives up within alert_timeout_s on a server that never answers', async () => {
    fixture = await alertFixture();
    silent = await silentServer();
    const channel = webhookChannel(fixture.batch, 'teams', { ANOMSTACK_TEAMS_WEBHOOK_URL: `http://127.0.0.1:${silent.port}${PATH}` }, { timeoutS: 1 });
    const { error, seconds } = await failure(channel.send([fixture.alert]));
    expect(error.message).toBe(`teams: posting "${TITLE}" failed: no answer within 1 s (alert_timeout_s)`);
    expect(seconds).toBeLessThan(10);
    expectNoUrl(error);
  });
});

describe('teams settings', () => {
  it('a batch naming teams without ANOMSTACK_TEAMS_WEBHOOK_URL has it misconfigured, naming the variable', async () => {
    fixture = await alertFixture();
    const config = { ...fixture.batch.config, alert_methods: ['console' as const], tholdalert_methods: ['teams' as const] };
    const { channels, misconfigured } = batchChannels({ ...fixture.batch, config }, { env: {}, info: () => undefined, warn: () => undefined, plot: async () => null });
    expect(misconfigured).toEqual(new Map([['teams', 'ANOMSTACK_TEAMS_WEBHOOK_URL is not set']]));
    expect(channels.map((c) => c.name)).toEqual(['console']);
  });
});
