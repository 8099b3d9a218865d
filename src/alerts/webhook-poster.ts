/**
 * The poster the webhook, teams and discord channels share: one time limit per request, and errors that never quote
 * the URL (Discord's and Teams' webhook URLs carry their secret in the path, where redact does not look).
 */
import { redact } from '../runtime/redact.ts';
import { clip } from './alert-text.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
/** A 5xx or 429 answer is tried again this many times, after BACKOFF_MS doubling (or the answer's Retry-After). */
const RETRIES = 2;
const BACKOFF_MS = 500;
/** The longest Retry-After waited for within a run; a longer one fails the send, and the next run tries again. */
const MAX_RETRY_AFTER_S = 5;
/** Most of a refusal's body worth quoting in an error. */
const ERROR_TEXT_CHARS = 300;
/** Parts of the URL at least this long are hidden wherever an answer or an error quotes them. */
const SECRET_PART_CHARS = 8;

/**
 * POSTs to one webhook URL for a channel. A non-2xx answer, no answer within the time limit, or no connection
 * throws, naming the channel, the status and the answer's error, and never the URL (nor any long part of it).
 * A 5xx or 429 answer is tried again twice, half a second and a second later (a 429 after its Retry-After, when that
 * is at most 5 s). Once the URL was unreachable, later posts (the batch's other jobs) fail at once: a dead endpoint
 * costs one time limit per run, not one per job. Credentials written into the URL (which fetch refuses) go as Basic
 * authentication.
 */
export class WebhookPoster {
  private readonly channel: string;
  private readonly target: URL;
  private readonly timeoutMs: number;
  private readonly headers: Record<string, string> = { 'User-Agent': 'anomstack-action' };
  private readonly secrets: string[];
  private unreachable: string | null = null;

  constructor(channel: string, url: string, timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.channel = channel;
    this.timeoutMs = timeoutMs;
    const target = new URL(url);
    const parts = [url, target.href, `${target.pathname}${target.search}`, ...target.pathname.split('/'), ...target.searchParams.values(), target.username, target.password];
    this.secrets = [...new Set(parts.flatMap((p) => [p, safeDecode(p)]))].filter((p) => p.length >= SECRET_PART_CHARS).sort((a, b) => b.length - a.length);
    if (target.username || target.password) this.headers['Authorization'] = `Basic ${Buffer.from(`${safeDecode(target.username)}:${safeDecode(target.password)}`).toString('base64')}`;
    target.username = '';
    target.password = '';
    this.target = target;
  }

  /** Posts `value` as JSON. */
  postJson(what: string, value: unknown): Promise<void> {
    return this.post(what, Buffer.from(JSON.stringify(value), 'utf8'), { 'Content-Type': 'application/json' });
  }

  async post(what: string, body: Uint8Array | FormData, headers: Record<string, string> = {}): Promise<void> {
    if (this.unreachable) throw new Error(`${this.channel}: "${what}" not posted: the webhook was unreachable earlier in this run (${this.unreachable})`);
    const failed = `${this.channel}: posting "${what}" failed`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        // Redirects are not followed: one would turn the POST into a GET, or send the alert somewhere unexpected.
        response = await fetch(this.target, { method: 'POST', body, headers: { ...this.headers, ...headers }, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        this.unreachable = this.scrub(this.whyUnreachable(error));
        // eslint-disable-next-line preserve-caught-error -- fetch's error may quote the URL, whose path is a secret
        throw new Error(`${failed}: ${this.unreachable}`);
      }
      const text = await response.text().catch(() => '');
      if (response.ok) return;
      const wait = attempt < RETRIES ? retryWaitMs(response, text, attempt) : null;
      if (wait === null) throw new Error(`${failed}: ${refusal(response, text, (t) => this.scrub(t))}${attempt > 0 ? ` (${attempt + 1} tries)` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** "no answer within 1 s", or fetch's "fetch failed" with its cause (ECONNREFUSED, ENOTFOUND, ...). */
  private whyUnreachable(error: unknown): string {
    if (!(error instanceof Error)) return `could not reach the webhook: ${String(error)}`;
    if (error.name === 'TimeoutError') return `no answer within ${this.timeoutMs / 1000} s (alert_timeout_s)`;
    return `could not reach the webhook: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`;
  }

  /** The text without the URL or any long part of it, and redacted. */
  private scrub(text: string): string {
    return redact(this.secrets.reduce((out, secret) => out.replaceAll(secret, '***'), text));
  }
}

/** How long to wait before trying a refused post again, or null when it is not worth trying within this run. */
function retryWaitMs(response: Response, text: string, attempt: number): number | null {
  if (response.status === 429) {
    const said = Number(parseObject(text)?.['retry_after'] ?? response.headers.get('retry-after') ?? BACKOFF_MS / 1000);
    return Number.isFinite(said) && said >= 0 && said <= MAX_RETRY_AFTER_S ? said * 1000 : null;
  }
  return response.status >= 500 ? BACKOFF_MS * 2 ** attempt : null;
}

/**
 * "HTTP 404 Not Found: Unknown Webhook": the answer's own error (JSON `message`/`error`, or its text), scrubbed before
 * it is truncated (a cut must not leave part of a secret that scrubbing would no longer recognise).
 */
function refusal(response: Response, text: string, scrub: (text: string) => string): string {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const json = parseObject(text);
  const retryAfter = json?.['retry_after'] ?? response.headers.get('retry-after');
  const limited = response.status === 429 ? ` (rate limited${retryAfter !== null && retryAfter !== undefined ? `, retry after ${String(retryAfter)} s` : ''})` : '';
  const moved = response.status >= 300 && response.status < 400 ? ' (redirects are not followed: set the URL it redirects to)' : '';
  const said = json ? errorOf(json) : text.replace(/<[^>]*>/g, ' ');
  const line = scrub(said).replace(/\s+/g, ' ').trim();
  const clipped = clip(line, ERROR_TEXT_CHARS);
  return `${status}${limited}${moved}${clipped ? `: ${clipped}` : ''}`;
}

/** The error an API's JSON answer gives: `message` (Discord), `error.message` or `error` (Teams, most others), then `errors`. */
function errorOf(json: Record<string, unknown>): string {
  const error = json['error'];
  const nested = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['message'] : undefined;
  const main = [json['message'], nested, error, json['detail']].find((v) => typeof v === 'string') ?? '';
  const errors = json['errors'] === undefined ? '' : ` ${JSON.stringify(json['errors'])}`;
  return `${String(main)}${errors}`.trim() || JSON.stringify(json);
}

function parseObject(text: string): Record<string, unknown> | null {
  const parsed: unknown = attempt(() => JSON.parse(text), null);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

const safeDecode = (text: string): string => attempt(() => decodeURIComponent(text), text);

function attempt<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback;
  }
}
