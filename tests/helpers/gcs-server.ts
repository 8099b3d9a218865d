import { createHash, generateKeyPairSync, randomUUID, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Google Cloud Storage's JSON API, speaking it as the real `@google-cloud/storage` client calls
 * it (see its build/esm/src/file.js, bucket.js and resumable-upload.js), objects kept in memory:
 * - `POST /upload/storage/v1/b/{b}/o?uploadType=media|multipart&name=`: simple uploads (multipart/related: the
 *   metadata JSON, then the bytes); `uploadType=resumable` opens a session whose URI is answered in `Location`, then
 *   `PUT {session}` with `Content-Range: bytes S-E/T` chunks (308 with `Range: bytes=0-N` until the last),
 *   an empty PUT asks how much arrived. `ifGenerationMatch` is checked when the object is committed (412).
 * - `GET /storage/v1/b/{b}/o/{name}`: metadata, or the bytes with `alt=media` (with `x-goog-hash` crc32c and md5).
 * - `GET /storage/v1/b/{b}/o?prefix=&pageToken=&maxResults=`: at most 1,000 objects a page, `nextPageToken` for more.
 * - `DELETE /storage/v1/b/{b}/o/{name}`.
 * - `POST /token`: the JWT-bearer grant a service account key signs (RS256, checked against the key's public half),
 *   answered with a Bearer token; with `requireAuth`, storage requests without one get 401.
 * - Workload identity federation as google-github-actions/auth sets it up: `GET /oidc` stands in for GitHub's
 *   ID token URL (its request token in `Authorization`), `POST /sts/v1/token` for Google's STS token exchange.
 */
export interface GcsServer {
  /** For STORAGE_EMULATOR_HOST or ANOMSTACK_GCS_API_ENDPOINT. */
  endpoint: string;
  /** A service account key the token endpoint trusts, whose `token_uri` is this server's. */
  key: Record<string, string>;
  /** An external account credentials file as google-github-actions/auth writes it, pointing at this server. */
  workloadIdentity: Record<string, unknown>;
  createBucket(name: string): void;
  /** The object names in a bucket, sorted. */
  objectNames(bucket: string): string[];
  /** Storage requests must carry a token this server issued. */
  requireAuth: boolean;
  /** The next `n` resumable chunk PUTs keep only part of their bytes, then drop the connection unanswered. */
  dropUploadChunks: number;
  /** The next `n` simple uploads are stored, then their connection dropped unanswered (a lost response). */
  dropUploadResponses: number;
  /** Every storage request: method, path and query. */
  readonly requests: { method: string; path: string; query: URLSearchParams; authorization: string | undefined; contentRange: string | undefined }[];
  /** Access tokens the token endpoint issued. */
  readonly issuedTokens: string[];
  close(): Promise<void>;
}

interface Upload {
  bytes: Buffer;
  contentType: string;
  /** Custom metadata (`x-goog-meta-*`), as the upload's metadata JSON gave it. */
  metadata: Record<string, string>;
}

interface StoredObject extends Upload {
  generation: number;
  updated: string;
}

interface Session {
  bucket: string;
  name: string;
  /** The object's content type and metadata; its bytes arrive in `received`. */
  upload: Upload;
  ifGenerationMatch: string | null;
  received: Buffer[];
  size: number;
  done: StoredObject | null;
}

const POOL_AUDIENCE = '//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/github/providers/anomstack';
const GOOGLE_TOKEN_AUDIENCES = new Set(['https://www.googleapis.com/oauth2/v4/token', 'https://oauth2.googleapis.com/token']);
const MAX_PAGE = 1000;
/** GCS persists a resumable upload's bytes in multiples of 256 KiB. */
const PERSIST_UNIT = 256 * 1024;

export async function gcsServer(): Promise<GcsServer> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'anomstack-gcs-test@test-project.iam.gserviceaccount.com';
  const buckets = new Map<string, Map<string, StoredObject>>();
  const sessions = new Map<string, Session>();
  const tokens = new Set<string>();
  const oidcRequestToken = `ghs_${randomUUID()}`;
  const oidcToken = `eyJ.github-oidc-${randomUUID()}`;
  let generations = Date.now() * 1000;
  const state = { requireAuth: false, dropUploadChunks: 0, dropUploadResponses: 0, requests: [] as GcsServer['requests'], issuedTokens: [] as string[] };

  const server = createServer((req, res) => {
    void readBody(req).then((body) => handle(req, body, res)).catch((error: unknown) => {
      const failure = error instanceof GcsError ? error : new GcsError(500, 'backendError', String(error));
      send(res, failure.code, { error: { code: failure.code, message: failure.message, errors: [{ message: failure.message, domain: 'global', reason: failure.reason, ...failure.extra }] } });
    });
  });

  function issue(token: string): string {
    tokens.add(token);
    state.issuedTokens.push(token);
    return token;
  }

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = url.searchParams;
    const form = (): URLSearchParams => new URLSearchParams(body.toString('utf8'));
    if (req.method === 'POST' && url.pathname === '/token') {
      const token = grant(form(), publicKey, clientEmail);
      if (token === undefined) send(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      else send(res, 200, { access_token: issue(token), expires_in: 3599, token_type: 'Bearer' });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/oidc') {
      if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) send(res, 401, { message: 'Bad credentials' });
      else send(res, 200, { value: oidcToken });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/sts/v1/token') {
      const f = form();
      if (f.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange' || f.get('subject_token') !== oidcToken || f.get('audience') !== POOL_AUDIENCE || !(f.get('scope') ?? '').includes('devstorage')) {
        send(res, 400, { error: 'invalid_grant', error_description: 'The audience or the subject token is invalid.' });
        return;
      }
      const token = issue(`ya29.sts-test-${randomUUID()}`);
      send(res, 200, { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3599 });
      return;
    }
    state.requests.push({ method: req.method ?? '', path: url.pathname, query, authorization: req.headers.authorization, contentRange: req.headers['content-range'] });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (state.requireAuth && (bearer === undefined || !tokens.has(bearer))) throw new GcsError(401, 'required', 'Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object.');
    // Object names are one percent-encoded segment (slashes as %2F).
    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    const upload = segments[0] === 'upload';
    const [storage, v1, b, bucket = '', o, name, ...rest] = upload ? segments.slice(1) : segments;
    if (storage !== 'storage' || v1 !== 'v1' || b !== 'b' || o !== 'o' || rest.length > 0) throw new GcsError(404, 'notFound', `Not Found: ${url.pathname}`);
    const objects = bucketObjects(bucket);
    if (upload && req.method === 'PUT' && query.get('upload_id') !== null) resumeUpload(req, query.get('upload_id') ?? '', body, res);
    else if (upload && req.method === 'POST') startUpload(req, query, body, bucket, res);
    else if (name === undefined && req.method === 'GET') list(bucket, objects, query, res);
    else if (name !== undefined && !upload) objectRoute(req.method ?? '', query, bucket, name, objects, res);
    else throw new GcsError(405, 'methodNotAllowed', `${req.method ?? ''} is not allowed on ${url.pathname}`);
  }

  function bucketObjects(bucket: string): Map<string, StoredObject> {
    const objects = buckets.get(bucket);
    if (objects === undefined) throw new GcsError(404, 'notFound', 'The specified bucket does not exist.');
    return objects;
  }

  function objectRoute(method: string, query: URLSearchParams, bucket: string, name: string, objects: Map<string, StoredObject>, res: ServerResponse): void {
    const object = objects.get(name);
    if (object === undefined) throw new GcsError(404, 'notFound', `No such object: ${bucket}/${name}`);
    if (method === 'DELETE') {
      objects.delete(name);
      res.writeHead(204).end();
    } else if (method === 'GET' && query.get('alt') === 'media') {
      res.writeHead(200, {
        'content-type': object.contentType, 'content-length': object.bytes.length, 'x-goog-generation': String(object.generation),
        'x-goog-stored-content-encoding': 'identity', 'x-goog-hash': `crc32c=${crc32c(object.bytes)},md5=${md5(object.bytes)}`,
      });
      res.end(object.bytes);
    } else if (method === 'GET') {
      send(res, 200, resource(bucket, name, object));
    } else {
      throw new GcsError(405, 'methodNotAllowed', `${method} is not allowed on an object`);
    }
  }

  /** A simple upload (the bytes, or multipart/related: the metadata JSON then the bytes), or a resumable session opened. */
  function startUpload(req: IncomingMessage, query: URLSearchParams, body: Buffer, bucket: string, res: ServerResponse): void {
    const type = query.get('uploadType');
    let metadata: Record<string, unknown> = {};
    let bytes = body;
    if (type === 'multipart') {
      const [json, media, ...extra] = multipart(body, req.headers['content-type'] ?? '');
      if (json === undefined || media === undefined || extra.length > 0) throw new GcsError(400, 'invalid', 'Multipart upload must have exactly two parts.');
      metadata = JSON.parse(json.toString('utf8')) as Record<string, unknown>;
      bytes = media;
    } else if (type === 'resumable') {
      metadata = body.length === 0 ? {} : JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } else if (type !== 'media') {
      throw new GcsError(400, 'invalid', `Invalid uploadType: ${type ?? '(none)'}`);
    }
    const name = query.get('name') ?? (typeof metadata['name'] === 'string' ? metadata['name'] : '');
    if (name === '') throw new GcsError(400, 'required', 'Required parameter: name');
    const contentType = (req.headers['x-upload-content-type'] as string | undefined) ?? (typeof metadata['contentType'] === 'string' ? metadata['contentType'] : 'application/octet-stream');
    const upload = { bytes, contentType, metadata: customMetadata(metadata) };
    const ifGenerationMatch = query.get('ifGenerationMatch');
    if (type === 'resumable') {
      checkPrecondition(bucketObjects(bucket), name, ifGenerationMatch);
      const id = randomUUID();
      sessions.set(id, { bucket, name, upload, ifGenerationMatch, received: [], size: 0, done: null });
      res.writeHead(200, { location: `${endpoint}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`, 'content-length': 0 });
      res.end();
      return;
    }
    const stored = commit(bucket, name, upload, ifGenerationMatch);
    if (state.dropUploadResponses > 0) {
      state.dropUploadResponses--;
      req.socket.destroy();
      return;
    }
    send(res, 200, resource(bucket, name, stored));
  }

  /** One PUT of a resumable session: a chunk at the offset received so far, or an empty status query (`bytes *\/*`). */
  function resumeUpload(req: IncomingMessage, id: string, body: Buffer, res: ServerResponse): void {
    const session = sessions.get(id);
    if (session === undefined) throw new GcsError(404, 'notFound', 'No such upload session.');
    if (session.done !== null) {
      send(res, 200, resource(session.bucket, session.name, session.done));
      return;
    }
    const range = /^bytes (?:\*|(\d+)-(\d+|\*))\/(\d+|\*)$/.exec(String(req.headers['content-range'] ?? ''));
    if (range === null) throw new GcsError(400, 'invalid', `Failed to parse Content-Range header: ${String(req.headers['content-range'])}`);
    const [, start, , total] = range;
    if (start !== undefined) {
      if (Number(start) > session.size) throw new GcsError(400, 'invalid', `The upload continues at byte ${start}, but only ${session.size} bytes were received.`);
      // Bytes this session already has (a resend after a lost response) are skipped, as GCS does.
      const bytes = body.subarray(session.size - Number(start));
      const kept = state.dropUploadChunks > 0 ? Math.floor(bytes.length / 2 / PERSIST_UNIT) * PERSIST_UNIT : bytes.length;
      session.received.push(bytes.subarray(0, kept));
      session.size += kept;
      if (kept < bytes.length) {
        state.dropUploadChunks--;
        req.socket.destroy();
        return;
      }
    }
    if (total !== '*' && session.size === Number(total)) {
      session.done = commit(session.bucket, session.name, { ...session.upload, bytes: Buffer.concat(session.received) }, session.ifGenerationMatch);
      send(res, 200, resource(session.bucket, session.name, session.done));
      return;
    }
    res.writeHead(308, session.size === 0 ? { 'content-length': 0 } : { range: `bytes=0-${session.size - 1}`, 'content-length': 0 });
    res.end();
  }

  /** Stores the object if the precondition holds, checked and applied in one step (so of racing creators one wins). */
  function commit(bucket: string, name: string, upload: Upload, ifGenerationMatch: string | null): StoredObject {
    const objects = bucketObjects(bucket);
    checkPrecondition(objects, name, ifGenerationMatch);
    const stored: StoredObject = { ...upload, generation: ++generations, updated: new Date().toISOString() };
    objects.set(name, stored);
    return stored;
  }

  function list(bucket: string, objects: Map<string, StoredObject>, query: URLSearchParams, res: ServerResponse): void {
    const prefix = query.get('prefix') ?? '';
    const token = query.get('pageToken');
    const after = token === null ? null : Buffer.from(token, 'base64url');
    const size = Math.min(MAX_PAGE, Math.max(1, Number(query.get('maxResults') ?? MAX_PAGE) || MAX_PAGE));
    // GCS lists in the byte order of the names' UTF-8.
    const names = [...objects.keys()].filter((n) => n.startsWith(prefix) && (after === null || Buffer.compare(Buffer.from(n), after) > 0));
    names.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    const page = names.slice(0, size).flatMap((n) => {
      const object = objects.get(n);
      return object === undefined ? [] : [resource(bucket, n, object)];
    });
    const last = names.length > size ? names[size - 1] : undefined;
    send(res, 200, { kind: 'storage#objects', ...(page.length === 0 ? {} : { items: page }), ...(last === undefined ? {} : { nextPageToken: Buffer.from(last).toString('base64url') }) });
  }

  function resource(bucket: string, name: string, object: StoredObject): Record<string, unknown> {
    const self = `${endpoint}/storage/v1/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(name)}`;
    return {
      kind: 'storage#object', id: `${bucket}/${name}/${object.generation}`, selfLink: self, mediaLink: `${self}?generation=${object.generation}&alt=media`,
      name, bucket, generation: String(object.generation), metageneration: '1', contentType: object.contentType, storageClass: 'STANDARD',
      size: String(object.bytes.length), md5Hash: md5(object.bytes), crc32c: crc32c(object.bytes), etag: `C${object.generation}`,
      timeCreated: object.updated, updated: object.updated, ...(Object.keys(object.metadata).length === 0 ? {} : { metadata: object.metadata }),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    endpoint,
    key: {
      type: 'service_account', project_id: 'test-project', private_key_id: randomUUID().replaceAll('-', ''),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), client_email: clientEmail,
      client_id: '100000000000000000002', token_uri: `${endpoint}/token`,
    },
    workloadIdentity: {
      type: 'external_account', audience: POOL_AUDIENCE, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt', token_url: `${endpoint}/sts/v1/token`,
      credential_source: {
        url: `${endpoint}/oidc?audience=${encodeURIComponent(`https:${POOL_AUDIENCE.slice(1)}`)}`,
        headers: { Authorization: `Bearer ${oidcRequestToken}` },
        format: { type: 'json', subject_token_field_name: 'value' },
      },
    },
    createBucket: (name: string) => void buckets.set(name, buckets.get(name) ?? new Map()),
    objectNames: (bucket: string) => [...(buckets.get(bucket)?.keys() ?? [])].sort(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** An error GCS answers with its JSON body (`{error: {code, message, errors: [{message, domain, reason}]}}`). */
class GcsError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly extra: Record<string, string>;

  constructor(code: number, reason: string, message: string, extra: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.extra = extra;
  }
}

function customMetadata(metadata: Record<string, unknown>): Record<string, string> {
  const custom = metadata['metadata'];
  if (typeof custom !== 'object' || custom === null) return {};
  return Object.fromEntries(Object.entries(custom).map(([k, v]) => [k, String(v)]));
}

function checkPrecondition(objects: Map<string, StoredObject>, name: string, ifGenerationMatch: string | null): void {
  if (ifGenerationMatch === null || Number(ifGenerationMatch) === (objects.get(name)?.generation ?? 0)) return;
  throw new GcsError(412, 'conditionNotMet', 'At least one of the pre-conditions you specified did not hold.', { locationType: 'header', location: 'If-Match' });
}

/** A new access token for a valid JWT-bearer assertion from `email` signed by `key` for a storage scope, else undefined. */
function grant(form: URLSearchParams, key: KeyObject, email: string): string | undefined {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return undefined;
  const [header, payload, signature] = (form.get('assertion') ?? '').split('.');
  if (header === undefined || payload === undefined || signature === undefined) return undefined;
  if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; aud?: string; exp?: number; scope?: string };
  const fresh = typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
  if (claims.iss !== email || !GOOGLE_TOKEN_AUDIENCES.has(claims.aud ?? '') || !fresh || !(claims.scope ?? '').includes('devstorage')) return undefined;
  return `ya29.gcs-test-${randomUUID()}`;
}

/** The parts' bodies of a multipart/related body (each part: headers, a blank line, the body). */
function multipart(body: Buffer, contentType: string): Buffer[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (boundary === undefined) return [];
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter has no line break before it: prepending one makes every delimiter alike.
  const text = Buffer.concat([Buffer.from('\r\n'), body]);
  const parts: Buffer[] = [];
  let at = text.indexOf(delimiter);
  while (at !== -1) {
    const next = text.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = text.subarray(at + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) parts.push(part.subarray(headerEnd + 4));
    at = next;
  }
  return parts;
}

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('base64');
}

const CRC32C_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC32C (Castagnoli), big-endian and base64, as GCS reports it. */
function crc32c(bytes: Buffer): string {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC32C_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out.toString('base64');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
