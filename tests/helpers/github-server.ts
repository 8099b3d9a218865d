import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

/**
 * A local HTTP server speaking the slice of GitHub's REST API the issue channel uses: issues (list with label,
 * creator and state filters and Link-header pagination, create, update, get), comments, issue labels, repository
 * labels and issue events, with rate-limit headers. Tokens map to logins, so a test can act as a person too.
 * Faults can be injected, and every request is recorded so tests assert on the traffic itself.
 */

export interface ServerIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  comments: ServerComment[];
  events: { event: 'labeled' | 'unlabeled'; label: string; created_at: string; actor: string }[];
}

export interface ServerComment {
  id: number;
  body: string;
  user: string;
  created_at: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  login: string | null;
}

type Fault = ({ kind: 'status'; status: number } | { kind: 'secondary'; retryAfter: number } | { kind: 'apply-then-502' }) & {
  remaining: number;
  /** Only creates (POST of an issue or a comment) trigger it. */
  createsOnly: boolean;
};

export class GitHubServer {
  readonly issues: ServerIssue[] = [];
  readonly repoLabels = new Map<string, { name: string; color: string; description: string }>();
  readonly requests: RecordedRequest[] = [];
  /** The server's clock for created_at, closed_at and label events; tests move it. */
  now = new Date('2026-01-10T00:00:00Z');
  /** `GET /repos/:o/:r`'s default_branch. */
  defaultBranch = 'main';
  /** Each branch's newest commit date (ISO), for `GET /repos/:o/:r/commits/:ref`; a branch not here is a 404. */
  readonly branchCommits = new Map<string, string>();
  private readonly server: Server;
  private readonly tokens: Map<string, string>;
  private readonly faults: Fault[] = [];
  private nextCommentId = 1000;
  readonly owner: string;
  readonly repo: string;

  private constructor(owner: string, repo: string, tokens: Record<string, string>) {
    this.owner = owner;
    this.repo = repo;
    this.tokens = new Map(Object.entries(tokens));
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Starts on a free port. `tokens` maps each accepted token to the login it acts as. */
  static async start(tokens: Record<string, string> = { 'action-token': 'github-actions[bot]' }, owner = 'acme', repo = 'metrics'): Promise<GitHubServer> {
    const server = new GitHubServer(owner, repo, tokens);
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** The next `count` requests (or only creates of issues and comments) fail with `status` without doing anything. */
  failNext(count: number, status = 502, createsOnly = false): void {
    this.faults.push({ kind: 'status', status, remaining: count, createsOnly });
  }

  /** Back to a healthy server: faults not yet triggered are dropped. */
  clearFaults(): void {
    this.faults.splice(0);
  }

  /** The next `count` requests (or creates) get GitHub's secondary rate limit answer: 403 with Retry-After. */
  secondaryRateLimitNext(count: number, retryAfter = 1, createsOnly = false): void {
    this.faults.push({ kind: 'secondary', retryAfter, remaining: count, createsOnly });
  }

  /** The next `count` creates (issue or comment) are stored, but the client gets a 502, as after a proxy timeout. */
  applyThenFailNextCreate(count = 1): void {
    this.faults.push({ kind: 'apply-then-502', remaining: count, createsOnly: true });
  }

  /** Requests that change something (what max-issue-operations counts). */
  mutations(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.status < 300);
  }

  issue(number: number): ServerIssue {
    const found = this.issues.find((i) => i.number === number);
    if (found) return found;
    throw new Error(`no issue #${number}`);
  }

  private setLabel(login: string, issue: ServerIssue, label: string, on: boolean): void {
    issue.labels = on ? [...new Set([...issue.labels, label])] : issue.labels.filter((l) => l !== label);
    issue.events.push({ event: on ? 'labeled' : 'unlabeled', label, created_at: this.now.toISOString(), actor: login });
  }

  /** Stores an issue as `login` opened it now (tests seed many this way; people act through the API). */
  seedIssue(login: string, title: string, body: string, labels: string[]): ServerIssue {
    const stamp = this.now.toISOString();
    const issue: ServerIssue = {
      number: this.issues.length + 1, title, body, state: 'open', state_reason: null, labels: [...new Set(labels)], user: login,
      created_at: stamp, updated_at: stamp, closed_at: null, comments: [], events: [],
    };
    for (const label of issue.labels) issue.events.push({ event: 'labeled', label, created_at: stamp, actor: login });
    this.issues.push(issue);
    return issue;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await text(req);
    const record: RecordedRequest = {
      method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body: raw ? JSON.parse(raw) : null, status: 0, login: null,
    };
    this.requests.push(record);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...this.rateHeaders(), ...headers });
      res.end(data === null ? '' : JSON.stringify(data));
    };
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '');
    const login = auth?.[1] ? this.tokens.get(auth[1]) : undefined;
    if (!login) return send(401, { message: 'Bad credentials' });
    record.login = login;
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.createsOnly || isCreate(record)));
    if (fault) {
      fault.remaining--;
      if (fault.kind === 'status') return send(fault.status, { message: 'Server Error' });
      if (fault.kind === 'secondary') {
        return send(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': String(fault.retryAfter) });
      }
      this.route(record, login, url);
      return send(502, { message: 'Bad Gateway' });
    }
    const [status, data, headers] = this.route(record, login, url);
    send(status, data, headers);
  }

  /** Does what the request asks; returns status, JSON body and extra headers. */
  private route(req: RecordedRequest, login: string, url: URL): [number, unknown, Record<string, string>?] {
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (req.path === '/user') return [403, { message: 'Resource not accessible by integration' }];
    if (req.path === prefix && req.method === 'GET') return [200, { name: this.repo, full_name: `${this.owner}/${this.repo}`, default_branch: this.defaultBranch }];
    if (!req.path.startsWith(`${prefix}/`)) return [404, { message: 'Not Found' }];
    const parts = req.path.slice(prefix.length + 1).split('/').map(decodeURIComponent);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const key = `${req.method} ${parts.map((p, i) => (i > 0 && i % 2 === 1 ? ':' : p)).join('/')}`;
    const issue = (): ServerIssue | undefined => this.issues.find((i) => i.number === Number(parts[1]));
    // Comments are edited by id alone: PATCH /issues/comments/{id}.
    if (req.method === 'PATCH' && parts[0] === 'issues' && parts[1] === 'comments') {
      const comment = this.issues.flatMap((i) => i.comments).find((c) => c.id === Number(parts[2]));
      if (!comment) return [404, { message: 'Not Found' }];
      if (typeof body['body'] === 'string') comment.body = body['body'];
      return [200, commentJson(comment)];
    }
    switch (key) {
      case 'GET issues': return this.listIssues(url);
      case 'POST issues': {
        if (typeof body['title'] !== 'string' || body['title'] === '') return [422, { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] }];
        const created = this.seedIssue(login, body['title'], String(body['body'] ?? ''), asStrings(body['labels']));
        return [201, this.issueJson(created)];
      }
      case 'GET issues/:': {
        const found = issue();
        return found ? [200, this.issueJson(found)] : [404, { message: 'Not Found' }];
      }
      case 'PATCH issues/:': {
        const found = issue();
        if (!found) return [404, { message: 'Not Found' }];
        if (typeof body['title'] === 'string') found.title = body['title'];
        if (typeof body['body'] === 'string') found.body = body['body'];
        if (Array.isArray(body['labels'])) found.labels = asStrings(body['labels']);
        if (body['state'] === 'closed' && found.state === 'open') {
          Object.assign(found, { state: 'closed', closed_at: this.now.toISOString(), state_reason: body['state_reason'] ?? 'completed' });
        } else if (body['state'] === 'open' && found.state === 'closed') {
          Object.assign(found, { state: 'open', closed_at: null, state_reason: 'reopened' });
        }
        found.updated_at = this.now.toISOString();
        return [200, this.issueJson(found)];
      }
      case 'GET issues/:/comments': {
        const found = issue();
        return found ? this.page(url, `${prefix}/issues/${found.number}/comments`, found.comments.map((c) => commentJson(c))) : [404, { message: 'Not Found' }];
      }
      case 'POST issues/:/comments': {
        const found = issue();
        if (!found) return [404, { message: 'Not Found' }];
        const comment = { id: this.nextCommentId++, body: String(body['body'] ?? ''), user: login, created_at: this.now.toISOString() };
        found.comments.push(comment);
        return [201, commentJson(comment)];
      }
      case 'POST issues/:/labels': {
        const found = issue();
        if (!found) return [404, { message: 'Not Found' }];
        for (const label of asStrings(body['labels'])) this.setLabel(login, found, label, true);
        return [200, found.labels.map((name) => ({ name }))];
      }
      case 'DELETE issues/:/labels/:': {
        const found = issue();
        const label = parts[3] ?? '';
        if (!found || !found.labels.includes(label)) return [404, { message: 'Label does not exist' }];
        this.setLabel(login, found, label, false);
        return [200, found.labels.map((name) => ({ name }))];
      }
      case 'GET issues/:/events': {
        const found = issue();
        if (!found) return [404, { message: 'Not Found' }];
        const events = found.events.map((e, i) => ({ id: i + 1, event: e.event, label: { name: e.label, color: 'ededed' }, actor: { login: e.actor }, created_at: e.created_at }));
        return this.page(url, `${prefix}/issues/${found.number}/events`, events);
      }
      case 'GET commits/:': {
        const date = this.branchCommits.get(parts[1] ?? '');
        const person = { name: 'someone', email: 'someone@example.com', date };
        return date ? [200, { sha: 'f'.repeat(40), commit: { author: person, committer: person, message: 'a commit' } }] : [404, { message: 'No commit found for SHA' }];
      }
      case 'GET labels/:': {
        const label = this.repoLabels.get((parts[1] ?? '').toLowerCase());
        return label ? [200, label] : [404, { message: 'Not Found' }];
      }
      case 'POST labels': {
        const name = String(body['name'] ?? '');
        if (this.repoLabels.has(name.toLowerCase())) return [422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] }];
        const label = { name, color: String(body['color'] ?? 'ededed'), description: String(body['description'] ?? '') };
        this.repoLabels.set(name.toLowerCase(), label);
        return [201, label];
      }
      default: return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }];
    }
  }

  private listIssues(url: URL): [number, unknown, Record<string, string>?] {
    const q = url.searchParams;
    const state = q.get('state') ?? 'open';
    const labels = (q.get('labels') ?? '').split(',').filter((l) => l !== '');
    const creator = q.get('creator');
    const matching = this.issues
      .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)) && (!creator || i.user === creator))
      // GitHub's default order: newest first.
      .sort((a, b) => b.number - a.number)
      .map((i) => this.issueJson(i));
    return this.page(url, `/repos/${this.owner}/${this.repo}/issues`, matching);
  }

  /** One page of `items` by `per_page` (default 30, at most 100) and `page`, with GitHub's Link header. */
  private page(url: URL, path: string, items: unknown[]): [number, unknown, Record<string, string>] {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const params = new URLSearchParams(url.searchParams);
      params.set('page', String(n));
      return `<${this.url}${path}?${params.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    return [200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {}];
  }

  private issueJson(issue: ServerIssue): Record<string, unknown> {
    return {
      id: issue.number * 10, number: issue.number, title: issue.title, body: issue.body, state: issue.state, state_reason: issue.state_reason,
      labels: issue.labels.map((name) => ({ name, color: 'ededed' })), user: { login: issue.user, type: issue.user.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}`, comments: issue.comments.length,
      created_at: issue.created_at, updated_at: issue.updated_at, closed_at: issue.closed_at,
    };
  }

  private rateHeaders(): Record<string, string> {
    const used = this.requests.length;
    return {
      'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(Math.max(0, 5000 - used)), 'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), 'x-ratelimit-resource': 'core',
    };
  }
}

function commentJson(comment: ServerComment): Record<string, unknown> {
  return { id: comment.id, body: comment.body, user: { login: comment.user }, created_at: comment.created_at };
}

function isCreate(req: RecordedRequest): boolean {
  return req.method === 'POST' && /\/issues(\/\d+\/comments)?$/.test(req.path);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : String((v as { name?: unknown }).name ?? ''))) : [];
}
