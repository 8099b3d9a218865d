import { expect } from 'vitest';
import { inspect } from 'node:util';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import type { AlertChannel } from '../../src/alerts/channel.ts';
import { batchChannels } from '../../src/alerts/channels.ts';
import type { AlertPlotter } from '../../src/alerts/message.ts';
import type { Batch } from '../../src/config/load.ts';

/**
 * A local HTTP server standing in for a webhook (generic, Teams, Discord): it records every request as received
 * (headers and the raw body bytes) and answers each with the next scripted reply, or 204 when none is left.
 * `url(path)` is an address on it; the path plays the part of the secret a real webhook URL carries.
 */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface WebhookServer {
  readonly requests: ReceivedRequest[];
  url(path: string): string;
  /** Answers the next requests with these, in order. */
  reply(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function webhookServer(): Promise<WebhookServer> {
  const requests: ReceivedRequest[] = [];
  const replies: Reply[] = [];
  const server: Server = createServer((req, res) => {
    buffer(req).then(
      (body) => {
        requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        const reply = replies.shift() ?? { status: 204 };
        res.writeHead(reply.status, reply.headers ?? (reply.body ? { 'content-type': 'application/json' } : {})).end(reply.body);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    reply: (...more) => void replies.push(...more),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The batch's channel for `method` as a run builds it (batchChannels), from `env`, with `alert_timeout_s`. */
export function webhookChannel(batch: Batch, method: 'webhook' | 'teams' | 'discord', env: NodeJS.ProcessEnv, options: { timeoutS?: number; plot?: AlertPlotter } = {}): AlertChannel {
  const config = { ...batch.config, alert_methods: ['console' as const, method], alert_timeout_s: options.timeoutS ?? 10 };
  const { channels, misconfigured } = batchChannels({ ...batch, config }, { env, info: () => undefined, warn: () => undefined, plot: options.plot ?? (async () => null) });
  const found = channels.find((c) => c.name === method);
  if (!found) throw new Error(`no ${method} channel: ${misconfigured.get(method) ?? 'not built'}`);
  return found;
}

/** What a send threw (an Error, or a stand-in saying it was delivered) and how long it took. */
export async function failure(work: Promise<unknown>): Promise<{ error: Error; seconds: number }> {
  const started = performance.now();
  const error = await work.then(() => new Error('it was delivered'), (e: unknown) => e as Error);
  return { error, seconds: (performance.now() - started) / 1000 };
}

/** Neither the error's message, its stack nor its inspected form quotes any of `fragments` (a webhook URL's parts). */
export function expectNotQuoted(error: Error, fragments: readonly string[]): void {
  for (const text of [error.message, error.stack ?? '', inspect(error)]) {
    for (const fragment of fragments) expect(text).not.toContain(fragment);
  }
}
