/**
 * The `slack` channel, configured as Anomstack's: a bot token (`ANOMSTACK_SLACK_BOT_TOKEN`, scopes `chat:write`
 * and `files:write`) and a channel (`ANOMSTACK_SLACK_CHANNEL`, a name such as `#alerts` or an ID). Each
 * metric's new alerts are one message; its plot is uploaded into that message's thread with Slack's current
 * upload flow (files.getUploadURLExternal, the upload, files.completeUploadExternal).
 */
import type * as SlackWebApi from '@slack/web-api';
import type { Logger, RetryOptions, WebClient } from '@slack/web-api';
import { redact, redactedError } from '../runtime/redact.ts';
import { alertIdentity, type Alert, type AlertChannel, type AlertIdentity } from './channel.ts';
import { optional, readSettings } from './channel-config.ts';
import { DIGEST_PLOTS, digestOf, plotFileName, type AlertGroup, type AlertPlotter, type Wording } from './message.ts';
import { alertBlocks, digestBlocks, severityAttachment, summaryBlocks, type SlackAttachment, type SlackBlock } from './slack-blocks.ts';
import { summaryTitle, type BatchSummary, type SummaryChannel } from './summary-message.ts';

export const SLACK_ENV = { token: 'ANOMSTACK_SLACK_BOT_TOKEN', channel: 'ANOMSTACK_SLACK_CHANNEL', apiUrl: 'ANOMSTACK_SLACK_API_URL' } as const;

export interface SlackSettings {
  token: string;
  /** A channel name (with or without `#`) or ID: chat.postMessage takes either. */
  channel: string;
  /** Slack's Web API root; another for GovSlack (`https://slack-gov.com/api/`) or a proxy. */
  apiUrl?: string;
}

/** The Slack settings from the environment; `routedChannel` (a route's `slack_channel`) replaces ANOMSTACK_SLACK_CHANNEL. */
export function slackSettings(env: NodeJS.ProcessEnv, routedChannel?: string): SlackSettings {
  const values = readSettings(env, 'slack', routedChannel ? [SLACK_ENV.token] : [SLACK_ENV.token, SLACK_ENV.channel]);
  const apiUrl = optional(env, SLACK_ENV.apiUrl);
  return { token: values[SLACK_ENV.token], channel: routedChannel ?? values[SLACK_ENV.channel] ?? '', ...(apiUrl ? { apiUrl } : {}) };
}

export interface SlackChannelOptions {
  plot: AlertPlotter;
  info: (message: string) => void;
  warn: (message: string) => void;
  /** How failed requests are retried (429s wait for Retry-After first); two retries within a few seconds by default. */
  retry?: RetryOptions;
  /** Time limit of each request, connecting and answering (the batch's `alert_timeout_s`). */
  timeoutMs?: number;
  /** The batch's templates for Slack (`alert_templates`). */
  wording?: Wording;
}

/**
 * Enough retries for a blip or a rate limit, few and short enough that a Slack that does not answer costs about
 * three time limits (not the client's default of half an hour).
 */
const DEFAULT_RETRY: RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 };
const DEFAULT_TIMEOUT_MS = 10_000;

/** The client library and a client, loaded on the first message: runs that post nothing do not load it. */
interface Slack {
  api: typeof SlackWebApi;
  client: WebClient;
}

export class SlackChannel implements AlertChannel, SummaryChannel {
  /** `slack`, or a route's receiver (`slack:#oncall`) when a route names the channel. */
  readonly name: string;
  private readonly settings: SlackSettings;
  private readonly channel: string;
  private readonly options: SlackChannelOptions;
  private slack: Promise<Slack> | undefined;
  /**
   * Why Slack could not be reached (no answer in time, no connection), once a post found it so. Later sends
   * (the batch's other jobs) then fail at once: a dead Slack costs one post's tries per run, not one per job.
   */
  private unreachable: string | null = null;
  /** The message (`channel/ts`) each alert went out in this run. */
  private readonly receipts = new Map<string, string>();

  constructor(settings: SlackSettings, options: SlackChannelOptions, name = 'slack') {
    this.settings = settings;
    this.channel = settings.channel;
    this.options = options;
    this.name = name;
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private get retry(): RetryOptions {
    return this.options.retry ?? DEFAULT_RETRY;
  }

  private load(): Promise<Slack> {
    this.slack ??= import('@slack/web-api').then((api) => ({
      api,
      client: new api.WebClient(this.settings.token, {
        ...(this.settings.apiUrl ? { slackApiUrl: this.settings.apiUrl } : {}),
        retryConfig: this.retry,
        timeout: this.timeoutMs,
        logger: clientLogger(api, this.options),
      }),
    }));
    return this.slack;
  }

  /**
   * One message for the alerts (the deliver stage groups them, see `alert_group_by`): one metric's with its recent
   * values, or a digest of several metrics; the plots go into its thread (a digest's first DIGEST_PLOTS).
   */
  async send(alerts: readonly Alert[]): Promise<void> {
    const digest = digestOf(alerts, this.options.wording);
    const [only] = digest.groups;
    if (!only) return;
    const blocks = digest.groups.length === 1 ? alertBlocks(only) : digestBlocks(digest);
    const posted = await this.post(digest.title, blocks, severityAttachment(alerts));
    for (const alert of alerts) this.receipts.set(alertIdentity(alert), `${posted.channel}/${posted.ts}`);
    for (const group of digest.groups.slice(0, DIGEST_PLOTS)) await this.attachPlot(group, posted);
  }

  async sendSummary(summary: BatchSummary): Promise<void> {
    await this.post(summaryTitle(summary), summaryBlocks(summary));
  }

  receipt(alert: AlertIdentity): string | null {
    return this.receipts.get(alertIdentity(alert)) ?? null;
  }

  /** Posts a message; its text is the notification and the fallback for clients that do not show blocks. */
  private async post(title: string, blocks: SlackBlock[], attachment: SlackAttachment | null = null): Promise<{ channel: string; ts: string }> {
    if (this.unreachable) throw new Error(`slack: "${title}" not posted to ${this.channel}: Slack was unreachable earlier in this run (${this.unreachable})`);
    const { api, client } = await this.load();
    try {
      const result = await client.chat.postMessage({
        channel: this.channel, text: title, blocks, ...(attachment ? { attachments: [attachment] } : {}), unfurl_links: false, unfurl_media: false,
      });
      if (!result.channel || !result.ts) throw new Error('the response has no channel or ts');
      return { channel: result.channel, ts: result.ts };
    } catch (error) {
      const why = this.describe(api, error);
      if (error instanceof api.WebAPIRequestError) this.unreachable = why;
      throw redactedError(`slack: posting "${title}" to ${this.channel} failed: ${why}`, error);
    }
  }

  /**
   * The plot goes into the message's thread. The alert itself is delivered by then, so a failed upload is a
   * warning: failing the channel would post the whole message again on the next run.
   */
  private async attachPlot(group: AlertGroup, posted: { channel: string; ts: string }): Promise<void> {
    const { api, client } = await this.load();
    try {
      const image = await this.options.plot(group);
      if (!image) return;
      await client.filesUploadV2({
        channel_id: posted.channel,
        thread_ts: posted.ts,
        file: image.png,
        filename: plotFileName(group),
        title: group.title,
        alt_text: `${group.newest.metric}: recent values and anomaly scores`,
      });
    } catch (error) {
      this.options.warn(`slack: the plot of "${group.title}" could not be uploaded (${this.describe(api, error)}); the alert itself was posted`);
    }
  }

  /**
   * Slack's error code with what usually fixes it, or why there was no answer, redacted: fetch quotes the URL it
   * refuses, and ANOMSTACK_SLACK_API_URL may hold credentials.
   */
  private describe(api: typeof SlackWebApi, error: unknown): string {
    if (error instanceof api.WebAPIRequestError) {
      const tries = `${1 + (this.retry.retries ?? 0)} tries`;
      if (error.original.name === 'TimeoutError') return `no answer within ${this.timeoutMs / 1000} s (alert_timeout_s), ${tries}`;
      // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, ...) is its cause.
      const cause = error.original.cause instanceof Error ? ` (${error.original.cause.message})` : '';
      return redact(`could not reach Slack: ${error.original.message}${cause}, ${tries}`);
    }
    return redact(describe(api, error));
  }
}

/** Slack's error code with what usually fixes it. */
function describe(api: typeof SlackWebApi, error: unknown): string {
  if (error instanceof api.WebAPIPlatformError) {
    const code = error.data.error;
    const data: Record<string, unknown> = { ...error.data };
    const needed = typeof data['needed'] === 'string' ? ` (needs ${data['needed']})` : '';
    const hints: Record<string, string> = {
      channel_not_found: `check ${SLACK_ENV.channel}; a private channel needs the app invited`,
      not_in_channel: 'invite the app to the channel (/invite @your-app)',
      invalid_auth: `check ${SLACK_ENV.token}`,
      not_authed: `check ${SLACK_ENV.token}`,
      token_revoked: `${SLACK_ENV.token} was revoked`,
      missing_scope: 'add the scope to the app and reinstall it',
    };
    return `${code}${needed}${hints[code] ? `: ${hints[code]}` : ''}`;
  }
  if (error instanceof api.WebAPIRateLimitedError) return `rate limited, retry after ${error.retryAfter} s`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The client logs through the run's reporter: its warnings (a failed request it will retry) and rate-limit
 * notices, never its debug output (which would show request bodies).
 */
function clientLogger(api: typeof SlackWebApi, options: SlackChannelOptions): Logger {
  // A failed request's warning quotes fetch's error, which may quote the URL and its credentials.
  const text = (parts: unknown[]): string => redact(`slack: ${parts.map(String).join(' ')}`);
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => options.info(text(parts)),
    warn: (...parts: unknown[]) => options.warn(text(parts)),
    error: (...parts: unknown[]) => options.warn(text(parts)),
    setLevel: () => undefined,
    getLevel: () => api.LogLevel.INFO,
    setName: () => undefined,
  };
}
