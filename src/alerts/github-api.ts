import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

/** An issue as the channel sees it: only the fields it reads. */
export interface RemoteIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  /** Login of whoever opened it; the channel only ever touches its own. */
  author: string;
  url: string;
  createdAt: Date;
  closedAt: Date | null;
}

export interface RemoteComment {
  id: number;
  body: string;
  author: string;
}

/** When a label was put on an issue (the newest time it was), from the issue's events. */
export interface LabelEvent {
  label: string;
  at: Date;
}

export interface IssueChanges {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened';
  labels?: string[];
}

/** The GitHub calls the channel makes: issues, comments and labels of one repository. */
export interface GitHubApi {
  /** Every issue (open and closed) carrying `label` and opened by `creator`, through the list API with pagination. */
  listIssues(label: string, creator: string): Promise<RemoteIssue[]>;
  /** One attempt: a failure after the request left may or may not have created the issue (see createOnce). */
  createIssue(title: string, body: string, labels: string[]): Promise<RemoteIssue>;
  updateIssue(number: number, changes: IssueChanges): Promise<RemoteIssue>;
  listComments(number: number): Promise<RemoteComment[]>;
  /** One attempt, like createIssue. */
  createComment(number: number, body: string): Promise<RemoteComment>;
  labelExists(name: string): Promise<boolean>;
  /** Creates a repository label; one that exists already (someone was quicker) is left as its owners made it. */
  createLabel(name: string, color: string, description: string): Promise<void>;
  labelEvents(number: number): Promise<LabelEvent[]>;
}

/** How the action talks to GitHub's REST API, whatever it asks of it (issues, the Actions cache's entries). */
export interface OctokitOptions {
  token: string;
  /** REST API root: the runner's `GITHUB_API_URL` (GHES); default `https://api.github.com`. */
  baseUrl?: string | undefined;
  /** Multiplies every wait the retry and throttling plugins compute (ms per second of Retry-After); tests use 1. */
  retryBaseMs?: number;
  /**
   * GitHub asks integrations to leave a second between writes (three for ones that notify people); the throttling
   * plugin does that by default. Tests turn it off so a lifecycle does not take a minute.
   */
  paceWrites?: boolean;
  /** At most this many retries of a failed request (5xx, secondary rate limit). */
  retries?: number;
  warn?: (message: string) => void;
}

export type Octokit = ReturnType<typeof getOctokit>;

/** GitHub's own client with @octokit/plugin-retry (5xx) and @octokit/plugin-throttling (rate limits): the action's one REST client. */
export function createOctokit(options: OctokitOptions): Octokit {
  const base = options.retryBaseMs ?? 1000;
  const retries = options.retries ?? 3;
  const warn = options.warn ?? (() => undefined);
  const retryWithin = (what: string, longestWait: number) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const retrying = retryCount < retries && retryAfter <= longestWait;
    warn(`GitHub ${what} on ${request.method} ${request.url}; ${retrying ? `retry ${retryCount + 1} of ${retries} in ${retryAfter}s` : `giving up (reset in ${retryAfter}s)`}`);
    return retrying;
  };
  const throttle: ThrottlingOptions = {
    retryAfterBaseValue: base,
    // The hourly limit can be an hour from resetting: better to fail the run (the next one retries) than to idle.
    onRateLimit: retryWithin('rate limit', 60),
    onSecondaryRateLimit: retryWithin('secondary rate limit', 300),
    ...(options.paceWrites === false ? { write: UNPACED, notifications: UNPACED } : {}),
  };
  return getOctokit(options.token, { baseUrl: options.baseUrl ?? 'https://api.github.com', retry: { retries, retryAfterBaseValue: base }, throttle }, retry, throttling);
}

export interface GitHubApiOptions extends OctokitOptions {
  owner: string;
  repo: string;
}

/** The issues side of GitHub's REST API, as the github channel uses it. */
export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const octokit = createOctokit(options);
  const repo = { owner: options.owner, repo: options.repo };
  // Creates are not idempotent: a 502 after GitHub stored the issue would make plugin-retry open a second one.
  // The caller retries them itself after checking whether the first attempt landed (createOnce).
  const once = { request: { retries: 0 } };
  return {
    async listIssues(label, creator) {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: label, creator, state: 'all', per_page: 100 });
      return issues.filter((issue) => !issue.pull_request).map(toIssue);
    },
    async createIssue(title, body, labels) {
      return toIssue((await octokit.rest.issues.create({ ...repo, title, body, labels, ...once })).data);
    },
    async updateIssue(number, changes) {
      const { stateReason, ...rest } = changes;
      const data = (await octokit.rest.issues.update({ ...repo, issue_number: number, ...rest, ...(stateReason ? { state_reason: stateReason } : {}) })).data;
      return toIssue(data);
    },
    async listComments(number) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
      return comments.map((c) => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }));
    },
    async createComment(number, body) {
      const c = (await octokit.rest.issues.createComment({ ...repo, issue_number: number, body, ...once })).data;
      return { id: c.id, body: c.body ?? '', author: c.user?.login ?? '' };
    },
    async labelExists(name) {
      try {
        await octokit.rest.issues.getLabel({ ...repo, name });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async createLabel(name, color, description) {
      try {
        await octokit.rest.issues.createLabel({ ...repo, name, color, description });
      } catch (error) {
        // 422 already_exists: keep the repository's label as its owners made it.
        if (statusOf(error) !== 422) throw error;
      }
    },
    async labelEvents(number) {
      const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...repo, issue_number: number, per_page: 100 });
      return events.flatMap((e) => (e.event === 'labeled' && 'label' in e && e.label ? [{ label: e.label.name, at: new Date(e.created_at) }] : []));
    },
  };
}

/** The HTTP status of an Octokit RequestError, or null for anything else (a network error, a bug). */
export function statusOf(error: unknown): number | null {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : null;
}

/**
 * Whether a failed create may have happened anyway: a 5xx or no response at all (timeout, reset). A 4xx means
 * GitHub refused it, so retrying would fail the same way.
 */
export function mayHaveLanded(error: unknown): boolean {
  const status = statusOf(error);
  return status === null || status >= 500;
}

interface ListedIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  state_reason?: string | null;
  labels: (string | { name?: string })[];
  user: { login: string } | null;
  html_url: string;
  created_at: string;
  closed_at: string | null;
}

function toIssue(issue: ListedIssue): RemoteIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'closed' ? 'closed' : 'open',
    stateReason: issue.state_reason ?? null,
    labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((l) => l !== ''),
    author: issue.user?.login ?? '',
    url: issue.html_url,
    createdAt: new Date(issue.created_at),
    closedAt: issue.closed_at ? new Date(issue.closed_at) : null,
  };
}

type Group = NonNullable<ThrottlingOptions['write']>;

/**
 * A stand-in for the throttling plugin's write and notification groups that runs each job at once. The plugin
 * only calls `key(id).schedule(options, task)` on them; its own groups space writes a second apart.
 */
const UNPACED = {
  key: () => ({ schedule: (_options: unknown, task: () => Promise<unknown>) => task() }),
} as unknown as Group;
