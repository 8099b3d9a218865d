import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';

/**
 * A local HTTP server speaking the slice of Slack's Web API the slack channel uses, as Slack does: form-encoded
 * (or JSON) method calls under `/api/` with a bearer token, `{ok: false, error}` for refused calls, HTTP 429 with
 * Retry-After when rate limited, and the external upload flow (files.getUploadURLExternal hands out an upload URL
 * on this server, the bytes are posted there, files.completeUploadExternal shares them). It checks what Slack
 * checks here (token, channel, declared length, block text limits) and records every request.
 */

export interface SlackRequest {
  /** The API method, or `upload` for the upload URL. */
  method: string;
  authorization: string | undefined;
  contentType: string;
  fields: Record<string, string>;
  /** Files of a multipart body (the upload URL's). */
  files: { field: string; name: string; bytes: Buffer }[];
  status: number;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** Legacy attachments (the severity's colour bar): each one's colour and blocks. */
  attachments: { color?: string; blocks?: unknown[] }[];
  threadTs: string | null;
  files: { id: string; title: string; filename: string; bytes: Buffer; altText: string }[];
}

type Fault = { method: string; remaining: number } & ({ kind: 'error'; error: string } | { kind: 'rate-limit'; retryAfter: number });

interface PendingUpload {
  filename: string;
  length: number;
  altText: string;
  bytes: Buffer | null;
}

export class SlackServer {
  readonly requests: SlackRequest[] = [];
  /** Messages in the order they were posted; an uploaded file shared into a thread is a message with files. */
  readonly messages: SlackMessage[] = [];
  private readonly server: Server;
  private readonly token: string;
  /** Channel names (without `#`) to IDs; IDs are accepted as they are. */
  private readonly channels: Map<string, string>;
  private readonly faults: Fault[] = [];
  private readonly uploads = new Map<string, PendingUpload>();
  private nextTs = 1_700_000_000;
  private nextFile = 1;

  constructor(token: string, channels: Record<string, string>) {
    this.token = token;
    this.channels = new Map(Object.entries(channels));
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** The Web API root to give the client (`slackApiUrl`). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  private get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` calls of `method` answer `{ok: false, error}`. */
  failWith(method: string, error: string, times = 1): void {
    this.faults.push({ method, remaining: times, kind: 'error', error });
  }

  /** The next `times` calls of `method` answer HTTP 429 with `Retry-After: retryAfter`. */
  rateLimit(method: string, retryAfter: number, times = 1): void {
    this.faults.push({ method, remaining: times, kind: 'rate-limit', retryAfter });
  }

  calls(method: string): SlackRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const contentType = req.headers['content-type'] ?? '';
    const raw = await buffer(req);
    const { fields, files } = await parseBody(raw, contentType);
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice('/api/'.length) : url.pathname.startsWith('/upload/') ? 'upload' : url.pathname;
    const record: SlackRequest = { method, authorization: req.headers.authorization, contentType, fields, files, status: 200 };
    this.requests.push(record);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...headers }).end(text);
    };
    const fault = this.faults.find((f) => f.method === method && f.remaining > 0);
    if (fault) {
      fault.remaining--;
      if (fault.kind === 'rate-limit') return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      return reply(200, { ok: false, error: fault.error });
    }
    if (method === 'upload') return reply(...this.upload(url.pathname.slice('/upload/'.length), files[0]?.bytes ?? raw));
    if (req.headers.authorization !== `Bearer ${this.token}`) return reply(200, { ok: false, error: req.headers.authorization ? 'invalid_auth' : 'not_authed' });
    if (method === 'chat.postMessage') return reply(200, this.postMessage(fields));
    if (method === 'files.getUploadURLExternal') return reply(200, this.uploadUrl(fields));
    if (method === 'files.completeUploadExternal') return reply(200, this.complete(fields));
    return reply(200, { ok: false, error: 'unknown_method' });
  }

  private channelId(channel: string | undefined): string | null {
    if (!channel) return null;
    const name = channel.replace(/^#/, '');
    if (this.channels.has(name)) return this.channels.get(name) ?? null;
    return [...this.channels.values()].includes(channel) ? channel : null;
  }

  private postMessage(fields: Record<string, string>): unknown {
    const channel = this.channelId(fields['channel']);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (!fields['text'] && !fields['blocks']) return { ok: false, error: 'no_text' };
    const blocks = fields['blocks'] ? (JSON.parse(fields['blocks']) as unknown[]) : [];
    if (!blocksWithinLimits(blocks)) return { ok: false, error: 'invalid_blocks' };
    const attachments = fields['attachments'] ? (JSON.parse(fields['attachments']) as SlackMessage['attachments']) : [];
    if (!attachments.every((a) => blocksWithinLimits(a.blocks ?? []))) return { ok: false, error: 'invalid_attachments' };
    const ts = `${this.nextTs++}.000100`;
    this.messages.push({ channel, ts, text: fields['text'] ?? '', blocks, attachments, threadTs: fields['thread_ts'] ?? null, files: [] });
    return { ok: true, channel, ts, message: { text: fields['text'] ?? '', ts } };
  }

  private uploadUrl(fields: Record<string, string>): unknown {
    const length = Number(fields['length']);
    if (!fields['filename'] || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
    const id = `F${String(this.nextFile++).padStart(8, '0')}`;
    this.uploads.set(id, { filename: fields['filename'], length, altText: fields['alt_text'] ?? '', bytes: null });
    return { ok: true, upload_url: `${this.origin}/upload/${id}`, file_id: id };
  }

  private upload(id: string, bytes: Buffer): [number, string] {
    const pending = this.uploads.get(id);
    if (!pending) return [404, 'not found'];
    if (bytes.length !== pending.length) return [400, `length ${bytes.length} does not match the declared ${pending.length}`];
    pending.bytes = bytes;
    return [200, `OK - ${bytes.length}`];
  }

  private complete(fields: Record<string, string>): unknown {
    const files = JSON.parse(fields['files'] ?? '[]') as { id: string; title?: string }[];
    const channel = fields['channel_id'] ? this.channelId(fields['channel_id']) : null;
    if (fields['channel_id'] && !channel) return { ok: false, error: 'channel_not_found' };
    const shared: SlackMessage['files'] = [];
    for (const file of files) {
      const pending = this.uploads.get(file.id);
      if (!pending?.bytes) return { ok: false, error: 'file_not_found' };
      shared.push({ id: file.id, title: file.title ?? pending.filename, filename: pending.filename, bytes: pending.bytes, altText: pending.altText });
    }
    if (channel) {
      const threadTs = fields['thread_ts'] ?? null;
      this.messages.push({ channel, ts: `${this.nextTs++}.000100`, text: fields['initial_comment'] ?? '', blocks: [], attachments: [], threadTs, files: shared });
    }
    return { ok: true, files: shared.map((f) => ({ id: f.id, title: f.title })) };
  }
}

/** Slack refuses a header over 150 characters and a section text over 3,000. */
function blocksWithinLimits(blocks: unknown[]): boolean {
  return blocks.every((block) => {
    const b = block as { type?: string; text?: { text?: string } };
    const length = b.text?.text?.length ?? 0;
    return b.type === 'header' ? length <= 150 : length <= 3000;
  });
}

/** Form-encoded, JSON or multipart bodies, parsed with the platform's own parsers. */
async function parseBody(raw: Buffer, contentType: string): Promise<{ fields: Record<string, string>; files: SlackRequest['files'] }> {
  if (contentType.startsWith('application/x-www-form-urlencoded')) return { fields: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [] };
  if (contentType.startsWith('application/json')) {
    const json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), files: [] };
  }
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const fields: Record<string, string> = {};
    const files: SlackRequest['files'] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') fields[field] = value;
      else files.push({ field, name: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    return { fields, files };
  }
  return { fields: {}, files: [] };
}

export async function slackServer(token: string, channels: Record<string, string>): Promise<SlackServer> {
  return new SlackServer(token, channels).start();
}
