/**
 * The `webhook` channel: the alerts of one delivery (a digest of the batch's run, or one metric's, see
 * `alert_group_by`) POSTed as one JSON object (WebhookPayload, version 2, documented in docs/webhooks.md) to
 * `ANOMSTACK_WEBHOOK_URL`, and the summary job's digest as another (`type: "summary"`). With
 * `ANOMSTACK_WEBHOOK_SECRET` set, each request is signed as GitHub signs its webhooks:
 * `X-Anomstack-Signature: sha256=<hex HMAC-SHA256 of the body's bytes>`.
 */
import { createHash, createHmac } from 'node:crypto';
import { directionOf, type Direction, type ExpectedRange } from '../models/expected-range.ts';
import { evidence } from './alert-text.ts';
import type { Alert, AlertChannel, AlertKind } from './channel.ts';
import { ChannelConfigError, optional, readSettings } from './channel-config.ts';
import { highestSeverity } from './severity.ts';
import { digestOf, type AlertDigest, type Wording } from './message.ts';
import { describePeriod, summaryText, summaryTitle, type BatchSummary, type SummaryChannel } from './summary-message.ts';
import { WebhookPoster } from './webhook-poster.ts';

export const WEBHOOK_ENV = { url: 'ANOMSTACK_WEBHOOK_URL', secret: 'ANOMSTACK_WEBHOOK_SECRET' } as const;
export const SIGNATURE_HEADER = 'X-Anomstack-Signature';
/** 2: one request per delivery (every group of a digest), `type`, severities and insights. See docs/webhooks.md. */
export const WEBHOOK_PAYLOAD_VERSION = 2;

/**
 * One alert of the payload; fields are stable within a payload version (a new one may be added). `id` is the same
 * whenever the same alert is sent (a retry too): a key to drop duplicates by. `timestamp` is ISO 8601 UTC;
 * `direction` the value's side of what was expected (null when unknown); `extreme` an anomaly that alerted at once
 * on its own score; `severity` its level of `alert_severity`; `explanation` the LLM's words (llm alerts) and
 * `insight` the pipeline's LLM stage's (both untrusted); `evidence` the alert as the other channels word it.
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
  severity: string | null;
  direction: Direction | null;
  expected: ExpectedRange | null;
  detail: string | null;
  explanation: string | null;
  insight: string | null;
  evidence: string;
  tags: Record<string, string | number | boolean>;
}

/** One metric's alerts of one kind in the payload, titled as the other channels title them; `alert_ids` in `alerts` order. */
export interface WebhookGroup {
  metric: string;
  kind: AlertKind;
  title: string;
  /** The batch's body template for the metric, rendered (`alert_templates`); null without one. */
  text: string | null;
  severity: string | null;
  alert_ids: string[];
}

/** The alerts of one delivery: every alert (by group, each group's oldest first) and the groups they make. */
export interface WebhookPayload {
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  type: 'alerts';
  source: 'anomstack';
  batch: string;
  /** The message title: one group's title, or the digest's ("🔥 5 alerts in shop: a, b, c and 2 more (...)"). */
  title: string;
  /** The highest severity among the alerts. */
  severity: string | null;
  groups: WebhookGroup[];
  alerts: WebhookAlert[];
}

/** The summary job's digest of a batch over a period (`type: "summary"`). */
export interface WebhookSummaryPayload {
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  type: 'summary';
  source: 'anomstack';
  batch: string;
  title: string;
  from: string;
  to: string;
  period: string;
  totals: BatchSummary['totals'];
  top: {
    metric: string;
    points: number;
    scored: number;
    latest_at: string | null;
    latest_value: number | null;
    latest_score: number | null;
    max_score: number | null;
    alerts: number;
    changes: number;
    tholdalerts: number;
    llmalerts: number;
  }[];
  silent: string[];
  events: { metric: string; kind: AlertKind; timestamp: string; detail: string }[];
  jobs: { job: string; runs: number; failed: number; last_status: 'ok' | 'failed'; last_message: string }[];
  feedback: { confirmed: number; false_positives: number; precision: number | null };
  /** The whole summary as plain text, as the email's text part says it. */
  text: string;
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

/** The same for the same alert, whenever it is sent. */
export function webhookAlertId(alert: Pick<Alert, 'batch' | 'metric' | 'kind' | 'timestamp'>): string {
  return createHash('sha256').update(JSON.stringify([alert.batch, alert.metric, alert.kind, alert.timestamp.toISOString()])).digest('hex').slice(0, 32);
}

export function webhookAlert(a: Alert): WebhookAlert {
  return {
    id: webhookAlertId(a),
    kind: a.kind,
    metric: a.metric,
    timestamp: a.timestamp.toISOString(),
    value: a.value,
    score: a.score,
    smoothed_score: a.smoothedScore,
    threshold: a.threshold,
    extreme: a.extreme === true,
    severity: a.severity?.level ?? null,
    direction: a.direction ?? directionOf(a.value, a.expected ?? null),
    expected: a.expected ? { baseline: a.expected.baseline, low: a.expected.low, high: a.expected.high } : null,
    detail: a.detail ?? null,
    explanation: a.explanation ?? null,
    insight: a.insight ?? null,
    evidence: evidence(a),
    tags: a.tags,
  };
}

export function webhookPayload(digest: AlertDigest): WebhookPayload {
  const all = digest.groups.flatMap((g) => g.alerts);
  return {
    version: WEBHOOK_PAYLOAD_VERSION,
    type: 'alerts',
    source: 'anomstack',
    batch: digest.groups[0]?.newest.batch ?? '',
    title: digest.title,
    severity: highestSeverity(all)?.level ?? null,
    groups: digest.groups.map((g) => ({
      metric: g.newest.metric,
      kind: g.newest.kind,
      title: g.title,
      text: g.body ?? null,
      severity: highestSeverity(g.alerts)?.level ?? null,
      alert_ids: g.alerts.map(webhookAlertId),
    })),
    alerts: all.map(webhookAlert),
  };
}

export function webhookSummaryPayload(summary: BatchSummary): WebhookSummaryPayload {
  const { feedback } = summary;
  return {
    version: WEBHOOK_PAYLOAD_VERSION,
    type: 'summary',
    source: 'anomstack',
    batch: summary.batch,
    title: summaryTitle(summary),
    from: summary.from.toISOString(),
    to: summary.to.toISOString(),
    period: describePeriod(summary),
    totals: { ...summary.totals },
    top: summary.top.map((m) => ({
      metric: m.metric,
      points: m.points,
      scored: m.scored,
      latest_at: m.latestAt?.toISOString() ?? null,
      latest_value: m.latestValue,
      latest_score: m.latestScore,
      max_score: m.maxScore,
      alerts: m.alerts,
      changes: m.changes,
      tholdalerts: m.tholdalerts,
      llmalerts: m.llmalerts,
    })),
    silent: [...summary.silent],
    events: summary.events.map((e) => ({ metric: e.metric, kind: e.kind, timestamp: e.timestamp.toISOString(), detail: e.detail })),
    jobs: summary.jobs.map((j) => ({ job: j.job, runs: j.runs, failed: j.failed, last_status: j.lastStatus, last_message: j.lastMessage })),
    feedback: { confirmed: feedback.confirmed, false_positives: feedback.falsePositives, precision: feedback.precision },
    text: summaryText(summary),
  };
}

/** `sha256=<hex>`: the HMAC-SHA256 of exactly these bytes under the secret. */
export function webhookSignature(secret: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookChannel implements AlertChannel, SummaryChannel {
  readonly name = 'webhook';
  private readonly secret: string | undefined;
  private readonly poster: WebhookPoster;
  private readonly wording: Wording;

  constructor(settings: WebhookSettings, options: { timeoutMs?: number; wording?: Wording }) {
    this.secret = settings.secret;
    this.poster = new WebhookPoster('webhook', settings.url, options.timeoutMs);
    this.wording = options.wording ?? {};
  }

  /** One request for the alerts (the deliver stage groups them, see `alert_group_by`): every group in one payload. */
  async send(alerts: readonly Alert[]): Promise<void> {
    const digest = digestOf(alerts, this.wording);
    if (digest.groups.length === 0) return;
    await this.post(digest.title, webhookPayload(digest));
  }

  async sendSummary(summary: BatchSummary): Promise<void> {
    await this.post(summaryTitle(summary), webhookSummaryPayload(summary));
  }

  private async post(what: string, payload: WebhookPayload | WebhookSummaryPayload): Promise<void> {
    const body = Buffer.from(JSON.stringify(payload), 'utf8');
    const signature: Record<string, string> = this.secret ? { [SIGNATURE_HEADER]: webhookSignature(this.secret, body) } : {};
    await this.poster.post(what, body, { 'Content-Type': 'application/json', ...signature });
  }
}
