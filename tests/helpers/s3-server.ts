/**
 * s3rver (a fake S3 in Node that speaks the real REST protocol) on loopback, behind a small proxy.
 *
 * Why the proxy: s3rver 3.7.1 falls short of S3 in two ways the ArtifactStore contract depends on. It ignores
 * `If-None-Match: *` on PUT (S3 has honoured it since 2024 with 412 PreconditionFailed), so a create-only write would
 * always win; and it writes an object in place (truncate, then stream), so a reader racing a rewrite can get half an
 * object, where S3 replaces objects atomically. The proxy adds exactly these: it serialises requests per object key
 * (reads share, writes exclude), answers a conditional PUT of an existing key with S3's own 412 error, and forwards
 * every request byte for byte otherwise. It also notes the access key id each request was signed with (the
 * `Credential=` part of the Authorization header; the signature and secret never leave the client). s3rver itself
 * runs in a child process (see CHILD).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The access key s3rver knows out of the box (it checks the key id, not the v4 signature). */
export const S3RVER_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface S3Server {
  /** The proxy's URL, for `AWS_ENDPOINT_URL`. */
  endpoint: string;
  /** An `env` for the store: the endpoint, a region and s3rver's own key, plus `extra`. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Access key ids that signed requests so far, in order of first use. */
  readonly accessKeyIds: string[];
  close(): Promise<void>;
}

/**
 * s3rver in a child process of its own: it signs ListObjectsV2 continuation tokens with DES, which Node 17+ has only
 * in OpenSSL's legacy provider (without it, every listing past one page fails with InternalError). The child also
 * keeps s3rver's global key registry out of the test process.
 */
const CHILD = `
const S3rver = require(process.argv[1]);
const accounts = require(process.argv[2]);
const options = JSON.parse(process.argv[3]);
for (const [id, secret] of Object.entries(options.accessKeys)) accounts.DUMMY_ACCOUNT.createKeyPair(id, secret);
const server = new S3rver({
  address: '127.0.0.1', port: 0, silent: true, directory: options.directory,
  configureBuckets: options.buckets.map((name) => ({ name })),
});
server.run().then(({ port }) => process.send({ port }), (error) => { console.error(error); process.exit(1); });
process.on('disconnect', () => server.close().finally(() => process.exit(0)));
`;

async function startS3rver(directory: string, buckets: string[], accessKeys: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const require = createRequire(import.meta.url);
  const modules = [require.resolve('s3rver'), require.resolve('s3rver/lib/models/account')];
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', CHILD, ...modules, JSON.stringify({ directory, buckets, accessKeys })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${String(code)} before it listened`)));
    child.once('error', reject);
  });
  return { port, child };
}

/**
 * Starts s3rver with `buckets` on a temporary folder and the proxy in front of it. `accessKeys` (id to secret) are
 * accepted as well as S3RVER_KEY; any other key id gets S3's InvalidAccessKeyId. Keys in `readOnlyKeys` may only
 * read (GET, HEAD): their writes get AccessDenied, as under an IAM policy granting only reads.
 */
export async function startS3Server(
  options: { buckets?: string[]; accessKeys?: Record<string, string>; readOnlyKeys?: string[] } = {},
): Promise<S3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'anomstack-s3rver-'));
  const upstream = await startS3rver(directory, options.buckets ?? [], options.accessKeys ?? {});
  const locks = new KeyLocks();
  const accessKeyIds: string[] = [];

  const proxy = createServer((req, res) => {
    const credential = /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? '')?.[1];
    if (credential && !accessKeyIds.includes(credential)) accessKeyIds.push(credential);
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const signer = /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
    // A key an IAM policy lets read but not write: S3 answers its writes with AccessDenied.
    if (options.readOnlyKeys?.includes(signer) && req.method !== 'GET' && req.method !== 'HEAD') return accessDenied(req, res);
    const [bucket = '', ...keyParts] = url.pathname.slice(1).split('/').map(decodeURIComponent);
    const key = keyParts.join('/');
    const mode = key === '' ? null : lockMode(req.method ?? 'GET', url.searchParams);
    const release = mode ? await locks.acquire(`${bucket}/${key}`, mode) : () => undefined;
    if (res.destroyed) return release();
    res.once('close', release);
    const conditional = req.method === 'PUT' && req.headers['if-none-match'] === '*' && !url.searchParams.has('uploadId');
    if (conditional && (await objectExists(upstream.port, url.pathname))) return preconditionFailed(req, res, `/${bucket}/${key}`);
    forward(req, res, upstream.port);
  }

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: (extra = {}) => ({
      AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_KEY.secretAccessKey, ...extra,
    }),
    accessKeyIds,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      const exited = new Promise((resolve) => upstream.child.once('exit', resolve));
      upstream.child.disconnect();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * How a request on an object key must wait for others on that key: a read shares, a write (a PUT, a multi-part
 * completion, a DELETE) excludes. Parts of a multi-part upload are invisible until it completes, so they need none.
 */
function lockMode(method: string, query: URLSearchParams): 'shared' | 'exclusive' | null {
  if (method === 'GET' || method === 'HEAD') return 'shared';
  if (query.has('partNumber') || query.has('uploads')) return null;
  return method === 'PUT' || method === 'POST' || method === 'DELETE' ? 'exclusive' : null;
}

/** Whether s3rver has an object at `resource` (`/bucket/key`, as the request named it): an anonymous HEAD, which it allows. */
async function objectExists(port: number, resource: string): Promise<boolean> {
  const status = await new Promise<number>((resolve, reject) => {
    const head = request({ host: '127.0.0.1', port, method: 'HEAD', path: resource }, (answer) => {
      answer.resume();
      resolve(answer.statusCode ?? 0);
    });
    head.on('error', reject);
    head.end();
  });
  if (status !== 200 && status !== 404) throw new Error(`s3rver answered HEAD ${resource} with ${status}`);
  return status === 200;
}

function forward(req: IncomingMessage, res: ServerResponse, port: number): void {
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(error.message);
  });
  req.pipe(upstream);
}

/** S3's answer to a request the caller's policy does not allow, once the request body has been read. */
function accessDenied(req: IncomingMessage, res: ServerResponse): void {
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message>'
    + `<RequestId>${randomBytes(8).toString('hex').toUpperCase()}</RequestId></Error>`;
  req.resume();
  req.once('end', () => {
    res.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}

/** S3's answer to `If-None-Match: *` on a key that has an object, once the request body has been read. */
function preconditionFailed(req: IncomingMessage, res: ServerResponse, resource: string): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code>'
    + '<Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition>'
    + `<Resource>${resource.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Resource><RequestId>${requestId}</RequestId></Error>`;
  req.resume();
  req.once('end', () => {
    res.writeHead(412, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-amz-request-id': requestId });
    res.end(body);
  });
}

/** Readers-writer locks by name, granted in arrival order (a waiting writer is not starved by later readers). */
class KeyLocks {
  private readonly states = new Map<string, { readers: number; writer: boolean; queue: { exclusive: boolean; grant: () => void }[] }>();

  acquire(name: string, mode: 'shared' | 'exclusive'): Promise<() => void> {
    let state = this.states.get(name);
    if (!state) this.states.set(name, (state = { readers: 0, writer: false, queue: [] }));
    const held = state;
    return new Promise((resolve) => {
      held.queue.push({
        exclusive: mode === 'exclusive',
        grant: () => {
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            if (mode === 'exclusive') held.writer = false;
            else held.readers--;
            this.pump(name);
          });
        },
      });
      this.pump(name);
    });
  }

  private pump(name: string): void {
    const state = this.states.get(name);
    if (!state) return;
    for (let next = state.queue[0]; next && !state.writer; next = state.queue[0]) {
      if (next.exclusive && state.readers > 0) break;
      state.queue.shift();
      if (next.exclusive) state.writer = true;
      else state.readers++;
      next.grant();
    }
    if (state.queue.length === 0 && state.readers === 0 && !state.writer) this.states.delete(name);
  }
}
