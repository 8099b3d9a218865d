/**
 * A local stand-in for GitHub's Actions cache, speaking the protocol `@actions/cache` uses on github.com:
 * the cache service v2 (Twirp JSON at ACTIONS_RESULTS_URL), signed blob URLs for the archive (uploaded by
 * the Azure SDK's single-shot PUT, downloaded by a plain GET), and the REST endpoints that list and
 * delete cache entries (`/repos/{owner}/{repo}/actions/caches`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  createdAt: Date;
  archive: Buffer | null;
  finalized: boolean;
}

export interface CacheServer {
  url: string;
  entries: CacheEntry[];
  /** Every request as "METHOD path". */
  requests: string[];
  /** Answers the REST cache endpoints with 403, as a token without `actions: write` gets. */
  denyRestWrites: boolean;
  env(): Record<string, string>;
  close(): Promise<void>;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

export async function startCacheServer(): Promise<CacheServer> {
  let nextId = 1;
  let clock = Date.now();
  const state = { entries: [] as CacheEntry[], requests: [] as string[], denyRestWrites: false };
  // Entries get strictly increasing creation times even when tests save twice in one millisecond.
  const created = (): Date => new Date((clock = Math.max(clock + 1, Date.now())));

  const twirp = (method: string, input: Record<string, unknown>, base: string): unknown => {
    const key = String(input['key'] ?? '');
    const version = String(input['version'] ?? '');
    const ready = state.entries.filter((e) => e.finalized && e.version === version);
    if (method === 'GetCacheEntryDownloadURL') {
      const newest = (match: (e: CacheEntry) => boolean) => ready.filter(match).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      const restoreKeys = Array.isArray(input['restore_keys']) ? input['restore_keys'].map(String) : [];
      // As documented: an exact key match first, then the newest entry whose key starts with each key in turn.
      const hit = newest((e) => e.key === key) ?? [key, ...restoreKeys].map((prefix) => newest((e) => e.key.startsWith(prefix))).find(Boolean);
      return hit ? { ok: true, signed_download_url: `${base}/blob/${hit.id}?sig=download`, matched_key: hit.key } : { ok: false };
    }
    if (method === 'CreateCacheEntry') {
      if (state.entries.some((e) => e.key === key && e.version === version)) return { ok: false, message: `cache entry ${key} already exists` };
      const entry: CacheEntry = { id: nextId++, key, version, createdAt: created(), archive: null, finalized: false };
      state.entries.push(entry);
      return { ok: true, signed_upload_url: `${base}/blob/${entry.id}?sig=upload` };
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = state.entries.find((e) => e.key === key && e.version === version && !e.finalized && e.archive);
      if (!entry) return { ok: false, message: `no uploaded entry ${key}` };
      entry.finalized = true;
      return { ok: true, entry_id: String(entry.id) };
    }
    throw new Error(`unknown twirp method ${method}`);
  };

  const rest = (req: IncomingMessage, url: URL, res: ServerResponse): void => {
    const key = url.searchParams.get('key');
    const listed = state.entries
      .filter((e) => e.finalized && (key === null || e.key.startsWith(key)))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const view = (e: CacheEntry) => ({
      id: e.id, key: e.key, version: e.version, ref: 'refs/heads/main', created_at: e.createdAt.toISOString(),
      last_accessed_at: e.createdAt.toISOString(), size_in_bytes: e.archive?.length ?? 0,
    });
    if (req.method === 'GET') return json(res, 200, { total_count: listed.length, actions_caches: listed.map(view) });
    if (state.denyRestWrites) return json(res, 403, { message: 'Resource not accessible by integration' });
    const id = /\/caches\/(\d+)$/.exec(url.pathname)?.[1];
    // DELETE ?key= removes the entries with exactly that key; DELETE /caches/{id} removes one.
    const doomed = id ? state.entries.filter((e) => e.id === Number(id)) : state.entries.filter((e) => e.key === key);
    if (doomed.length === 0) return json(res, 404, { message: 'Not Found' });
    state.entries = state.entries.filter((e) => !doomed.includes(e));
    if (id) {
      res.writeHead(204).end();
      return;
    }
    json(res, 200, { total_count: doomed.length, actions_caches: doomed.map(view) });
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      state.requests.push(`${req.method ?? ''} ${url.pathname}`);
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const payload = await body(req);
      if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
        return json(res, 200, twirp(url.pathname.slice(TWIRP.length), JSON.parse(payload.toString('utf8') || '{}') as Record<string, unknown>, base));
      }
      const blob = /^\/blob\/(\d+)$/.exec(url.pathname);
      const entry = blob ? state.entries.find((e) => e.id === Number(blob[1])) : undefined;
      if (blob && req.method === 'PUT' && entry) {
        entry.archive = payload;
        res.writeHead(201, { etag: `"${entry.id}"`, 'last-modified': new Date().toUTCString(), 'x-ms-request-id': String(entry.id) });
        return res.end();
      }
      if (blob && req.method === 'GET' && entry?.archive) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': entry.archive.length });
        return res.end(entry.archive);
      }
      if (/^\/repos\/[^/]+\/[^/]+\/actions\/caches/.test(url.pathname)) return rest(req, url, res);
      json(res, 404, { message: `no route for ${req.method ?? ''} ${url.pathname}` });
    })().catch((error: unknown) => json(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get entries() {
      return state.entries;
    },
    requests: state.requests,
    get denyRestWrites() {
      return state.denyRestWrites;
    },
    set denyRestWrites(value: boolean) {
      state.denyRestWrites = value;
    },
    env: () => ({
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `${url}/`,
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      GITHUB_API_URL: url,
      GITHUB_SERVER_URL: 'https://github.com',
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
