import { afterEach, describe, expect, it } from 'vitest';
import { EmailChannel, emailSettings } from '../../src/alerts/email.ts';
import { groupAlerts } from '../../src/alerts/message.ts';
import { summaryTitle } from '../../src/alerts/summary-message.ts';
import { SMTP_CA, smtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { alertFixture, checkPlotPng, type AlertFixture } from './channel-fixtures.ts';

const PASSWORD = 'smtp-pass-7f3a9c';
let sink: SmtpSink | undefined;
let fixture: AlertFixture | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
  await fixture?.close();
  fixture = undefined;
});

function env(port: number, more: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ANOMSTACK_ALERT_EMAIL_FROM: 'anomstack@example.com',
    ANOMSTACK_ALERT_EMAIL_TO: 'oncall@example.com, data@example.com',
    ANOMSTACK_ALERT_EMAIL_SMTP_HOST: '127.0.0.1',
    ANOMSTACK_ALERT_EMAIL_SMTP_PORT: String(port),
    ANOMSTACK_ALERT_EMAIL_PASSWORD: PASSWORD,
    ...more,
  };
}

async function setup(): Promise<{ email: EmailChannel; sink: SmtpSink; fixture: AlertFixture }> {
  sink = await smtpSink({ auth: { user: 'anomstack@example.com', pass: PASSWORD } });
  fixture = await alertFixture();
  return { email: new EmailChannel(emailSettings(env(sink.port)), { plot: fixture.plot, tls: { ca: SMTP_CA } }), sink, fixture };
}

describe('the email channel', () => {
  it('sends the alert over STARTTLS with login: subject, HTML and text bodies, the plot inline and attached', async () => {
    const { email, sink, fixture } = await setup();
    await email.send([fixture.alert]);

    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail?.secure).toBe(true);
    expect(mail?.user).toBe('anomstack@example.com');
    expect(mail?.from).toBe('anomstack@example.com');
    expect(mail?.to).toEqual(['oncall@example.com', 'data@example.com']);
    const parsed = mail?.parsed;
    expect(parsed?.subject).toBe('🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)');
    expect(parsed?.text).toContain('2026-01-10 12:00 UTC: value 181.23 · score 0.91 ≥ 0.8');
    expect(parsed?.text).toMatch(/2026-01-10 12:00 UTC +181\.23 +0\.97 +<- alert/);
    expect(parsed?.text).toContain('Tags: team=infra unit=%');
    expect(parsed?.html).toContain('<h2 style="margin:0 0 8px">🔥 [cpu] looks anomalous (2026-01-10 12:00 UTC)</h2>');
    expect(parsed?.html).toContain('<code>team=infra</code>');

    const pngs = parsed?.attachments.filter((a) => a.mimeType === 'image/png') ?? [];
    expect(pngs.map((a) => [a.disposition, a.filename])).toEqual([
      ['inline', 'shop-cpu-20260110T1200.png'],
      ['attachment', 'shop-cpu-20260110T1200.png'],
    ]);
    const inline = pngs[0];
    const cid = /<img src="cid:([^"]+)"/.exec(parsed?.html ?? '')?.[1];
    expect(inline?.contentId).toBe(`<${cid}>`);
    expect(inline?.related).toBe(true);
    const expected = await fixture.plot(groupAlerts([fixture.alert])[0] ?? { alerts: [], newest: fixture.alert, title: '' });
    for (const png of pngs) {
      const bytes = Buffer.from(png.content as ArrayBuffer);
      expect(checkPlotPng(bytes)).toEqual({ width: expected?.width, height: expected?.height });
      expect(bytes.equals(expected?.png ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it('several metrics in one send make one digest email: each metric\'s title, lines and plot inline', async () => {
    const { email, sink, fixture } = await setup();
    const disk = { ...fixture.alert, metric: 'disk', tags: {} };
    const earlier = { ...fixture.alert, timestamp: new Date(fixture.alert.timestamp.getTime() - 3_600_000) };
    await email.send([fixture.alert, disk, earlier]);
    expect(sink.received).toHaveLength(1);
    const parsed = sink.received[0]?.parsed;
    expect(parsed?.subject).toBe('🔥 3 alerts in shop: cpu, disk (2026-01-10 12:00 UTC)');
    expect(parsed?.text).toContain('🔥 [cpu] looks anomalous (2026-01-10 11:00 UTC)\n- 2026-01-10 11:00 UTC');
    expect(parsed?.text).toContain('- 2026-01-10 12:00 UTC');
    expect(parsed?.text).toContain('🔥 [disk] looks anomalous (2026-01-10 12:00 UTC)');
    expect(parsed?.html).toContain('<h3 style="margin:16px 0 4px">🔥 [disk] looks anomalous (2026-01-10 12:00 UTC)</h3>');
    // Each metric's plot inline (two) and attached again (two).
    const cids = [...(parsed?.html ?? '').matchAll(/<img src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(cids).toHaveLength(2);
    expect(parsed?.attachments.filter((a) => a.mimeType === 'image/png')).toHaveLength(4);
    expect(sink.connections).toBe(1);
  });

  it('sends the batch summary as HTML and text', async () => {
    const { email, sink, fixture } = await setup();
    const summary = await fixture.summary();
    await email.sendSummary(summary);
    const parsed = sink.received[0]?.parsed;
    expect(parsed?.subject).toBe(summaryTitle(summary));
    expect(parsed?.text).toContain('2 metrics · 48 points ingested · 24 scored · 0 alerts');
    expect(parsed?.text).toMatch(/Top metrics by score:\n +metric +points/);
    expect(parsed?.html).toContain('<h3>Top metrics by score</h3>');
    expect(parsed?.attachments).toEqual([]);
  });

  it('throws when the server refuses the message, naming what failed', async () => {
    const { email, sink, fixture } = await setup();
    sink.reject(1);
    await expect(email.send([fixture.alert])).rejects.toThrow(
      /^email: sending "🔥 \[cpu\] looks anomalous \(2026-01-10 12:00 UTC\)" to oncall@example.com, data@example.com via 127.0.0.1:\d+ failed: .*451 Temporary local problem/,
    );
    expect(sink.received).toEqual([]);
  });

  it('throws on a wrong password without repeating it', async () => {
    sink = await smtpSink({ auth: { user: 'anomstack@example.com', pass: PASSWORD } });
    fixture = await alertFixture();
    const email = new EmailChannel(emailSettings(env(sink.port, { ANOMSTACK_ALERT_EMAIL_PASSWORD: 'wrong-password-1' })), { plot: fixture.plot, tls: { ca: SMTP_CA } });
    const error = await email.send([fixture.alert]).catch((e: unknown) => e as Error);
    expect(error?.message).toMatch(/failed: Invalid login/);
    expect(`${error?.message}${error?.stack ?? ''}`).not.toContain('wrong-password-1');
  });

  it('refuses to go on without TLS unless told to', async () => {
    sink = await smtpSink({ tls: false });
    fixture = await alertFixture();
    const noPassword = { ANOMSTACK_ALERT_EMAIL_PASSWORD: '' };
    const strict = new EmailChannel(emailSettings(env(sink.port, noPassword)), { plot: fixture.plot });
    await expect(strict.send([fixture.alert])).rejects.toThrow(/failed: .*STARTTLS/i);
    const plain = new EmailChannel(emailSettings(env(sink.port, { ...noPassword, ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none' })), { plot: fixture.plot });
    await plain.send([fixture.alert]);
    expect(sink.received.map((m) => [m.secure, m.user])).toEqual([[false, null]]);
  });
});

describe('email settings', () => {
  it('names every missing variable', () => {
    expect(() => emailSettings({ ANOMSTACK_ALERT_EMAIL_TO: 'a@example.com' })).toThrow(
      'ANOMSTACK_ALERT_EMAIL_FROM, ANOMSTACK_ALERT_EMAIL_SMTP_HOST are not set',
    );
  });

  it('checks the port and the security mode, and keeps a password off a plain connection', () => {
    expect(() => emailSettings(env(0))).toThrow('ANOMSTACK_ALERT_EMAIL_SMTP_PORT: expected a port number from 1 to 65535 (got "0")');
    expect(() => emailSettings({ ...env(25), ANOMSTACK_ALERT_EMAIL_SMTP_PORT: 'smtp' })).toThrow('(got "smtp")');
    expect(() => emailSettings(env(25, { ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'ssl' }))).toThrow('ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: expected one of starttls, tls, none (got "ssl")');
    expect(() => emailSettings(env(25, { ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY: 'none' }))).toThrow('would send ANOMSTACK_ALERT_EMAIL_PASSWORD unencrypted');
  });

  it("defaults as Anomstack: port 587 with STARTTLS, TLS from the start on 465, the sender's login", () => {
    const base = env(587);
    delete base['ANOMSTACK_ALERT_EMAIL_SMTP_PORT'];
    expect(emailSettings(base)).toMatchObject({ port: 587, security: 'starttls', auth: { user: 'anomstack@example.com', pass: PASSWORD } });
    expect(emailSettings(env(465)).security).toBe('tls');
    expect(emailSettings(env(587, { ANOMSTACK_ALERT_EMAIL_SMTP_USER: 'apikey' })).auth?.user).toBe('apikey');
  });
});
