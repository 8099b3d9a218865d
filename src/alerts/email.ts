/**
 * The `email` channel, configured as Anomstack's (`ANOMSTACK_ALERT_EMAIL_*`): one email per metric's new alerts,
 * HTML with the plot inline plus a text part, and the plot attached as a PNG; summaries as HTML and text.
 */
import type { ConnectionOptions } from 'node:tls';
import { redact, redactedError } from '../runtime/redact.ts';
import { alertIdentity, type Alert, type AlertChannel, type AlertIdentity } from './channel.ts';
import { ChannelConfigError, optional, readSettings } from './channel-config.ts';
import { alertHtml, alertText, digestHtml, digestText, summaryHtml } from './email-body.ts';
import { DIGEST_PLOTS, digestOf, plotFileName, type AlertPlotter, type Wording } from './message.ts';
import { summaryText, summaryTitle, type BatchSummary, type SummaryChannel } from './summary-message.ts';

export const EMAIL_ENV = {
  from: 'ANOMSTACK_ALERT_EMAIL_FROM',
  to: 'ANOMSTACK_ALERT_EMAIL_TO',
  host: 'ANOMSTACK_ALERT_EMAIL_SMTP_HOST',
  port: 'ANOMSTACK_ALERT_EMAIL_SMTP_PORT',
  password: 'ANOMSTACK_ALERT_EMAIL_PASSWORD',
  user: 'ANOMSTACK_ALERT_EMAIL_SMTP_USER',
  security: 'ANOMSTACK_ALERT_EMAIL_SMTP_SECURITY',
} as const;

/** `starttls`: upgrade a plain connection and refuse to go on without TLS (Anomstack's way); `tls`: TLS from the start; `none`: no TLS. */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface EmailSettings {
  from: string;
  to: string[];
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Log in with these when a password is set; the user defaults to the sender, as Anomstack logs in. */
  auth?: { user: string; pass: string };
}

/** The SMTP settings from the environment; `routedTo` (a route's `email_to`) replaces ANOMSTACK_ALERT_EMAIL_TO. */
export function emailSettings(env: NodeJS.ProcessEnv, routedTo?: readonly string[]): EmailSettings {
  const values = readSettings(env, 'email', routedTo ? [EMAIL_ENV.from, EMAIL_ENV.host] : [EMAIL_ENV.from, EMAIL_ENV.to, EMAIL_ENV.host]);
  const portText = optional(env, EMAIL_ENV.port) ?? '587';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ChannelConfigError('email', `${EMAIL_ENV.port}: expected a port number from 1 to 65535 (got "${portText}")`);
  }
  const securityText = optional(env, EMAIL_ENV.security) ?? (port === 465 ? 'tls' : 'starttls');
  const security = SMTP_SECURITY.find((s) => s === securityText.toLowerCase());
  if (!security) throw new ChannelConfigError('email', `${EMAIL_ENV.security}: expected one of ${SMTP_SECURITY.join(', ')} (got "${securityText}")`);
  const password = optional(env, EMAIL_ENV.password);
  if (password && security === 'none') {
    throw new ChannelConfigError('email', `${EMAIL_ENV.security} is none, which would send ${EMAIL_ENV.password} unencrypted; use starttls or tls`);
  }
  const to = routedTo ? [...routedTo] : (values[EMAIL_ENV.to] ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  return {
    from: values[EMAIL_ENV.from],
    to,
    host: values[EMAIL_ENV.host],
    port,
    security,
    ...(password ? { auth: { user: optional(env, EMAIL_ENV.user) ?? values[EMAIL_ENV.from], pass: password } } : {}),
  };
}

export interface EmailChannelOptions {
  plot: AlertPlotter;
  /** Extra TLS options, e.g. `ca` for a relay whose certificate an internal CA signed. */
  tls?: ConnectionOptions;
  /** Time limit of connecting, of the server's greeting and of each answer after (the batch's `alert_timeout_s`). */
  timeoutMs?: number;
  /** The batch's templates for email (`alert_templates`). */
  wording?: Wording;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** nodemailer's codes for a server that could not be reached or stopped answering (every timeout is ETIMEDOUT). */
const UNREACHABLE_CODES = new Set(['ETIMEDOUT', 'ESOCKET', 'ECONNECTION', 'EDNS']);

interface Mail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer; contentType: string; cid?: string; contentDisposition: 'inline' | 'attachment' }[];
}

export class EmailChannel implements AlertChannel, SummaryChannel {
  /** `email`, or a route's receiver (`email:oncall@example.com`) when a route names the recipients. */
  readonly name: string;
  private readonly settings: EmailSettings;
  private readonly options: EmailChannelOptions;
  /**
   * Why the server could not be reached, once a delivery found it so. Later deliveries (the batch's other jobs)
   * then fail at once: a dead server costs one time limit per run, not one per job.
   */
  private unreachable: string | null = null;
  /** The Message-ID each alert went out in this run. */
  private readonly receipts = new Map<string, string>();

  constructor(settings: EmailSettings, options: EmailChannelOptions, name = 'email') {
    this.settings = settings;
    this.options = options;
    this.name = name;
  }

  /** One email for the alerts (the deliver stage groups them, see `alert_group_by`): one metric's, or a digest. */
  async send(alerts: readonly Alert[]): Promise<void> {
    const digest = digestOf(alerts, this.options.wording);
    const [only] = digest.groups;
    if (!only) return;
    const plots: { filename: string; cid: string; png: Buffer }[] = [];
    const cids: (string | null)[] = [];
    // A digest of many metrics stays a mail of bounded size: the first DIGEST_PLOTS metrics' plots (the rest are in the report).
    for (const [index, group] of digest.groups.entries()) {
      const image = index < DIGEST_PLOTS ? await this.options.plot(group) : null;
      const filename = plotFileName(group);
      cids.push(image ? `${filename}@anomstack` : null);
      if (image) plots.push({ filename, cid: `${filename}@anomstack`, png: image.png });
    }
    const single = digest.groups.length === 1;
    const [messageId] = await this.deliver([{
      subject: digest.title,
      text: single ? alertText(only) : digestText(digest),
      html: single ? alertHtml(only, cids[0] ?? null) : digestHtml(digest, cids),
      // Inline for the HTML part, and attached again for clients that block inline images or show only text.
      attachments: plots.flatMap(({ filename, cid, png }) => [
        { filename, content: png, contentType: 'image/png', cid, contentDisposition: 'inline' as const },
        { filename, content: png, contentType: 'image/png', contentDisposition: 'attachment' as const },
      ]),
    }]);
    if (messageId) for (const alert of alerts) this.receipts.set(alertIdentity(alert), messageId);
  }

  receipt(alert: AlertIdentity): string | null {
    return this.receipts.get(alertIdentity(alert)) ?? null;
  }

  async sendSummary(summary: BatchSummary): Promise<void> {
    await this.deliver([{ subject: summaryTitle(summary), text: summaryText(summary), html: summaryHtml(summary), attachments: [] }]);
  }

  /** One SMTP connection (a pool of one) for the run's messages; the first that fails ends the delivery. Returns their Message-IDs. */
  private async deliver(mails: readonly Mail[]): Promise<string[]> {
    if (mails.length === 0) return [];
    const { from, to, host, port, security, auth } = this.settings;
    const where = `${to.join(', ')} via ${host}:${port}`;
    if (this.unreachable) throw new Error(redact(`email: "${mails[0]?.subject ?? ''}" not sent to ${where}: the server was unreachable earlier in this run (${this.unreachable})`));
    const timeout = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Loaded here: runs that mail nothing do not load it.
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport({
      pool: true,
      maxConnections: 1,
      host,
      port,
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      ...(auth ? { auth } : {}),
      ...(this.options.tls ? { tls: this.options.tls } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      logger: false,
    });
    const ids: string[] = [];
    try {
      for (const mail of mails) {
        try {
          const info = await transport.sendMail({ from, to, ...mail });
          ids.push(String(info.messageId));
        } catch (error) {
          const why = this.describe(error, timeout);
          if (isUnreachable(error)) this.unreachable = why;
          // The host comes from the environment and may be written with credentials; so may a server's reply.
          throw redactedError(`email: sending "${mail.subject}" to ${where} failed: ${why}`, error);
        }
      }
    } finally {
      transport.close();
    }
    return ids;
  }

  /** nodemailer's message, and for a timeout which limit it was. */
  private describe(error: unknown, timeoutMs: number): string {
    const message = error instanceof Error ? error.message : String(error);
    return errorCode(error) === 'ETIMEDOUT' ? `${message} (no answer within ${timeoutMs / 1000} s, alert_timeout_s)` : message;
  }
}

function errorCode(error: unknown): string | null {
  const code: unknown = error instanceof Error && 'code' in error ? error.code : null;
  return typeof code === 'string' ? code : null;
}

function isUnreachable(error: unknown): boolean {
  return UNREACHABLE_CODES.has(errorCode(error) ?? '');
}
