/**
 * The `webhook` channel: each metric's new alerts (one group, as Slack and email group them) POSTed as one JSON
 * object (WebhookPayload, version 1) to `ANOMSTACK_WEBHOOK_URL`. With `ANOMSTACK_WEBHOOK_SECRET` set, the request is
 * signed as GitHub signs its webhooks: `X-Anomstack-Signature: sha256=<hex HMAC-SHA256 of the body's bytes>`.
 */
import { createHash, createHmac } from 'node:crypto';
import { directionOf, type Direction, type ExpectedRange } from '../models/expected-range.ts';
import { evidence } from './alert-text.ts';
import type { Alert, AlertChannel, AlertKind } from './channel.ts';
import { ChannelConfigError, optional, readSettings } from './channel-config.ts';
import { groupAlerts, type AlertGroup } from './message.ts';
import { WebhookPoster } from './webhook-poster.ts';

export const WEBHOOK_ENV = { url: 'ANOMSTACK_WEBHOOK_URL', secret: 'ANOMSTACK_WEBHOOK_SECRET' } as const;
export const SIGNATURE_HEADER = 'X-Anomstack-Signature';
export const WEBHOOK_PAYLOAD_VERSION = 1;

/**
 * One alert of the payload; fields are stable within a payload version (a new one may be added). `id` is the same
 * whenever the same alert is sent (a retry too): a key to drop duplicates by. `timestamp` is ISO 8601 UTC;
 * `direction` the value's side of the expected baseline (null without an expected range); `extreme` an anomaly that
 * alerted at once on its own score; `explanation` the LLM's words (llm alerts: untrusted); `evidence` the alert as
 * the other channels word it.
 */
export interface WebhookAlert {
  id: string;
  kind: AlertKind;
  metric: string;
  timestamp: string;
  value: number | null;
  score: number;
  smoothed_score: number;
  threshold: number;
  extreme: boolean;
  direction: Direction | null;
  expected: ExpectedRange | null;
  detail: string | null;
  explanation: string | null;
  evidence: string;
  tags: Record<string, string | number | boolean>;
}

/** One metric's new alerts of one kind (oldest first), titled as the other channels title them. */
export interface WebhookPayload {
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  source: 'anomstack';
  batch: string;
  metric: string;
  kind: AlertKind;
  title: string;
  alerts: WebhookAlert[];
}

export interface WebhookSettings {
  url: string;
  secret?: string;
}

export function webhookSettings(env: NodeJS.ProcessEnv): WebhookSettings {
  const url = webhookUrl(env, 'webhook', WEBHOOK_ENV.url);
  const secret = optional(env, WEBHOOK_ENV.secret);
  return { url, ...(secret ? { secret } : {}) };
}

/** The http(s) URL in variable `name`; the error names the variable and never quotes its value (a secret). */
export function webhookUrl<K extends string>(env: NodeJS.ProcessEnv, method: string, name: K): string {
  const value = readSettings(env, method, [name])[name];
  if (!URL.canParse(value)) throw new ChannelConfigError(method, `${name} is not a URL`);
  const { protocol } = new URL(value);
  if (protocol !== 'https:' && protocol !== 'http:') throw new ChannelConfigError(method, `${name}: expected an http(s) URL (got ${protocol})`);
  return value;
}

export function webhookPayload(group: AlertGroup): WebhookPayload {
  const { newest } = group;
  return {
    version: WEBHOOK_PAYLOAD_VERSION,
    source: 'anomstack',
    batch: newest.batch,
    metric: newest.metric,
    kind: newest.kind,
    title: group.title,
    alerts: group.alerts.map((a) => ({
      id: createHash('sha256').update(JSON.stringify([a.batch, a.metric, a.kind, a.timestamp.toISOString()])).digest('hex').slice(0, 32),
      kind: a.kind,
      metric: a.metric,
      timestamp: a.timestamp.toISOString(),
      value: a.value,
      score: a.score,
      smoothed_score: a.smoothedScore,
      threshold: a.threshold,
      extreme: a.extreme === true,
      direction: directionOf(a.value, a.expected ?? null),
      expected: a.expected ? { baseline: a.expected.baseline, low: a.expected.low, high: a.expected.high } : null,
      detail: a.detail ?? null,
      explanation: a.explanation ?? null,
      evidence: evidence(a),
      tags: a.tags,
    })),
  };
}

/** `sha256=<hex>`: the HMAC-SHA256 of exactly these bytes under the secret. */
export function webhookSignature(secret: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookChannel implements AlertChannel {
  readonly name = 'webhook';
  private readonly secret: string | undefined;
  private readonly poster: WebhookPoster;

  constructor(settings: WebhookSettings, options: { timeoutMs?: number }) {
    this.secret = settings.secret;
    this.poster = new WebhookPoster('webhook', settings.url, options.timeoutMs);
  }

  /** One request per group; stops at the first that fails (the send throws). */
  async send(alerts: readonly Alert[]): Promise<void> {
    for (const group of groupAlerts(alerts)) {
      const body = Buffer.from(JSON.stringify(webhookPayload(group)), 'utf8');
      const signature: Record<string, string> = this.secret ? { [SIGNATURE_HEADER]: webhookSignature(this.secret, body) } : {};
      await this.poster.post(group.title, body, { 'Content-Type': 'application/json', ...signature });
    }
  }
}
