import { afterEach, describe, expect, it } from 'vitest';
import type { AlertChannel } from '../../src/alerts/channel.ts';
import { batchChannels } from '../../src/alerts/channels.ts';
import type { BatchConfig } from '../../src/config/schema.ts';
import { silentServer, type SilentServer } from '../helpers/silent-server.ts';
import { alertFixture, type AlertFixture } from './channel-fixtures.ts';

/**
 * Finding 8 of issue 14: a Slack server that accepted the connection and never answered cost 129 s per post.
 * The channels are built as a run builds them (batchChannels, from the batch's config), with `alert_timeout_s: 1`,
 * against servers that accept connections and never say a word.
 */
/** Far below the old 129 s per post; loose, since a busy 2-core runner is slow (speed is the benchmarks' job). */
const WELL_UNDER_S = 20;

let server: SilentServer | undefined;
let fixture: AlertFixture | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await fixture?.close();
  fixture = undefined;
});

async function runChannel(method: 'slack' | 'email', env: (port: number) => NodeJS.ProcessEnv): Promise<{ channel: AlertChannel; server: SilentServer; fixture: AlertFixture; warnings: string[] }> {
  server = await silentServer();
  fixture = await alertFixture();
  const warnings: string[] = [];
  const alertMethods: BatchConfig['alert_methods'] = ['console', method];
  const batch = { ...fixture.batch, config: { ...fixture.batch.config, alert_methods: alertMethods, alert_timeout_s: 1 } };
  const { channels, misconfigured } = batchChannels(batch, { env: env(server.port), info: () => undefined, warn: (m) => void warnings.push(m), plot: async () => null });
  expect(misconfigured).toEqual(new Map());
  const found = channels.find((c) => c.name === method);
  if (!found) throw new Error(`no ${method} channel`);
  return { channel: found, server, fixture, warnings };
}

async function timed(work: Promise<unknown>): Promise<{ error: Error; seconds: number }> {
  const started = performance.now();
  const error = await work.then(() => new Error('it was delivered'), (e: unknown) => e as Error);
  return { error, seconds: (performance.now() - started) / 1000 };
}

describe('a server that never answers', () => {
  it('costs a Slack send a few seconds with alert_timeout_s: 1, and the error names the limit; later sends fail at once', async () => {
    const { channel, server, fixture } = await runChannel('slack', (port) => ({
      ANOMSTACK_SLACK_BOT_TOKEN: 'xoxb-test', ANOMSTACK_SLACK_CHANNEL: '#alerts', ANOMSTACK_SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
    }));
    const disk = { ...fixture.alert, metric: 'disk' };
    const first = await timed(channel.send([fixture.alert, disk]));
    expect(first.error.message).toBe('slack: posting "🔥 2 alerts in shop: cpu, disk (2026-01-10 12:00 UTC)" to #alerts failed: no answer within 1 s (alert_timeout_s), 3 tries');
    expect(first.seconds).toBeLessThan(WELL_UNDER_S);
    // The digest's three tries (fetch may open a spare connection or two).
    const connections = server.connections;
    expect(connections).toBeGreaterThanOrEqual(3);

    // The batch's next job (another send on the same channel) does not wait out the same silence again.
    const second = await timed(channel.send([disk]));
    expect(second.error.message).toContain('slack: "🔥 [disk] looks anomalous (2026-01-10 12:00 UTC)" not posted to #alerts: Slack was unreachable earlier in this run (no answer within 1 s');
    expect(server.connections).toBe(connections);
  });

  it('costs an email send a few seconds when the SMTP greeting never comes, and the error names the limit', async () => {
    const { channel, server, fixture } = await runChannel('email', (port) => ({
      ANOMSTACK_ALERT_EMAIL_FROM: 'anomstack@example.com',
      ANOMSTACK_ALERT_EMAIL_TO: 'oncall@example.com',
      ANOMSTACK_ALERT_EMAIL_SMTP_HOST: '127.0.0.1',
      ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(port),
      ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none',
    }));
    const first = await timed(channel.send([fixture.alert]));
    // nodemailer's greeting and socket timers both run out at the limit: either may word the failure.
    expect(first.error.message).toMatch(/^email: sending ".*" to oncall@example.com via 127\.0\.0\.1:\d+ failed: (Greeting never received|Timeout) \(no answer within 1 s, alert_timeout_s\)$/);
    expect(first.seconds).toBeLessThan(WELL_UNDER_S);
    expect(server.connections).toBe(1);

    const second = await timed(channel.send([fixture.alert]));
    expect(second.error.message).toMatch(/not sent to oncall@example.com via 127\.0\.0\.1:\d+: the server was unreachable earlier in this run \((Greeting never received|Timeout)/);
    expect(server.connections).toBe(1);
  });
});
