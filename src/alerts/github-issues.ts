import type { AlertKind } from './channel.ts';
import { createGitHubApi, mayHaveLanded, type GitHubApi, type IssueChanges, type RemoteIssue } from './github-api.ts';
import { DIGEST_TITLE, digestBody, type RunLinks } from './github-body.ts';
import { DIGEST_MARKER, isAlertComment, parseEpisodeMarker, type EpisodeMarker } from './github-markers.ts';

export interface GitHubIssuesOptions extends RunLinks {
  token: string;
  owner: string;
  repo: string;
  /** REST API root; the runner's `GITHUB_API_URL`. Default `https://api.github.com`. */
  apiUrl?: string;
  /** Label on every issue the channel opens (and on its digest), unless a batch sets `issue_label`. Default `anomstack`. */
  label?: string;
  /**
   * Login the token acts as. An Actions `GITHUB_TOKEN` cannot call `GET /user`, so it is given, not asked for:
   * `github-actions[bot]` by default; the login of the PAT's or App's user otherwise. Issues are listed by this
   * creator, so issues opened by anyone else are never touched.
   */
  creator?: string;
  /** Plan every mutation, report the plan, change nothing. */
  dryRun?: boolean;
  /** Mutations allowed in the run; beyond it, what is left goes into one digest issue. Default 50. */
  maxOperations?: number;
  /** The run's clock, for cooldowns and timed snoozes. */
  now?: Date;
  info?: (message: string) => void;
  warn?: (message: string) => void;
  /** Transport tuning, for tests against a local server: see GitHubApiOptions. */
  retryBaseMs?: number;
  paceWrites?: boolean;
}

/** An issue the channel opened, with the episode its marker describes. */
export interface TrackedIssue {
  issue: RemoteIssue;
  marker: EpisodeMarker;
}

export interface IssueRef {
  /** Null in a dry run, for an issue that would have been opened. */
  number: number | null;
  url: string | null;
  title: string;
  batch: string;
  metric: string;
  kind: AlertKind;
}

/** One mutation, made (or, in a dry run, planned). */
export interface PlannedMutation {
  method: 'POST' | 'PATCH' | 'DELETE';
  target: string;
  summary: string;
}

/** What the run did to issues: the action's `issues` output. */
export interface GitHubIssuesResult {
  dryRun: boolean;
  opened: IssueRef[];
  updated: IssueRef[];
  reopened: IssueRef[];
  closed: IssueRef[];
  /** Alerts not delivered because a `snooze` label silences their metric. */
  snoozed: IssueRef[];
  /** What did not fit in max-issue-operations, listed in the digest issue. */
  overflow: string[];
  digest: { number: number | null; url: string | null } | null;
  /** Mutations made (planned, in a dry run). */
  operations: number;
  plan: PlannedMutation[];
}

/**
 * One run's connection to a repository's issues, shared by every batch's channel: the issues listed once per
 * label, the budget of mutations, the plan, and the result. `finish()` writes the digest and returns the result.
 */
export class GitHubIssues {
  readonly label: string;
  readonly dryRun: boolean;
  readonly maxOperations: number;
  readonly now: Date;
  readonly links: RunLinks;
  readonly info: (message: string) => void;
  readonly warn: (message: string) => void;
  readonly result: GitHubIssuesResult;
  private creator: string;
  private readonly api: GitHubApi;
  private readonly listed = new Map<string, RemoteIssue[]>();
  private readonly trackedByLabel = new Map<string, TrackedIssue[]>();
  private readonly labelsEnsured = new Set<string>();
  private readonly labelTimesByIssue = new Map<number, Map<string, Date>>();
  /** Numbers for issues a dry run pretends to open, negative so they never collide with real ones. */
  private simulatedNumber = 0;

  constructor(options: GitHubIssuesOptions) {
    this.label = options.label ?? 'anomstack';
    if (!/^[^,]+$/.test(this.label)) throw new Error(`issue label must be a label name without commas (got "${this.label}")`);
    this.creator = options.creator ?? 'github-actions[bot]';
    this.dryRun = options.dryRun ?? false;
    this.maxOperations = options.maxOperations ?? 50;
    if (!Number.isInteger(this.maxOperations) || this.maxOperations < 1) {
      throw new Error(`max-issue-operations must be a whole number of at least 1 (got ${String(options.maxOperations)})`);
    }
    this.now = options.now ?? new Date();
    this.links = { runUrl: options.runUrl, reportUrl: options.reportUrl, chartUrl: options.chartUrl };
    this.info = options.info ?? (() => undefined);
    this.warn = options.warn ?? (() => undefined);
    this.api = createGitHubApi({
      token: options.token, owner: options.owner, repo: options.repo, baseUrl: options.apiUrl,
      retryBaseMs: options.retryBaseMs, paceWrites: options.paceWrites, warn: this.warn,
    });
    this.result = { dryRun: this.dryRun, opened: [], updated: [], reopened: [], closed: [], snoozed: [], overflow: [], digest: null, operations: 0, plan: [] };
  }

  /** The episode issues this run's token opened under `label`, newest first; listed once per run, then kept current. */
  async tracked(label: string): Promise<TrackedIssue[]> {
    const issues = await this.ours(label);
    const known = this.trackedByLabel.get(label);
    if (known) return known;
    // Parsed once per change of the list, not once per alert: a repository may hold hundreds of them.
    const tracked = issues.flatMap((issue) => {
      const marker = parseEpisodeMarker(issue.body);
      return marker ? [{ issue, marker }] : [];
    });
    this.trackedByLabel.set(label, tracked);
    return tracked;
  }

  /** Whether one more change of `cost` mutations fits, keeping the last one for the digest. */
  fits(cost: number): boolean {
    return this.result.operations + cost <= this.maxOperations - 1;
  }

  overflow(line: string): void {
    this.result.overflow.push(line);
  }

  /** Makes one mutation, or in a dry run records it and returns what `simulated` says it would have returned. */
  async mutate<T>(entry: PlannedMutation, run: () => Promise<T>, simulated: () => T): Promise<T> {
    this.result.plan.push(entry);
    this.result.operations++;
    if (this.dryRun) {
      this.info(`dry run: would ${entry.method} ${entry.target}: ${entry.summary}`);
      return simulated();
    }
    return run();
  }

  /** Opens an issue once: a create that may have landed before failing is looked up by its marker before a retry. */
  /**
   * Opens an issue under `label` (created first unless `ensureLabel` is false), with `extraLabels` too (GitHub creates
   * a label that does not exist yet, in its default colour).
   */
  async createIssue(
    label: string,
    title: string,
    body: string,
    isSame: (issue: RemoteIssue) => boolean,
    { ensureLabel = true, extraLabels = [] }: { ensureLabel?: boolean; extraLabels?: readonly string[] } = {},
  ): Promise<RemoteIssue> {
    if (ensureLabel) await this.ensureLabel(label);
    const labels = [label, ...extraLabels];
    const issue = await this.mutate(
      { method: 'POST', target: 'new issue', summary: title },
      () => this.attempt(() => this.api.createIssue(title, body, labels), async () => (await this.relist(label)).find(isSame)),
      () => ({ ...simulatedIssue(--this.simulatedNumber, title, body, label, this.creator, this.now), labels }),
    );
    if (issue.author !== this.creator && !this.dryRun) {
      // The configured login was wrong (a PAT or an App token): use the real one for the rest of the run and say so.
      this.warn(`issues are opened as ${issue.author}, not ${this.creator}: set the creator login to ${issue.author} or later runs will not find them`);
      this.creator = issue.author;
    }
    this.remember(label, issue);
    return issue;
  }

  async updateIssue(label: string, issue: RemoteIssue, changes: IssueChanges, summary: string): Promise<RemoteIssue> {
    const updated = await this.mutate(
      { method: 'PATCH', target: `issue #${issue.number}`, summary },
      () => this.api.updateIssue(issue.number, changes),
      () => applyChanges(issue, changes, this.now),
    );
    this.remember(label, updated);
    return updated;
  }

  /** Comments once, like createIssue: a failed attempt is looked for among the issue's comments before a retry. */
  async comment(issue: RemoteIssue, body: string, marker: { fingerprint: string; at: string }, summary: string): Promise<void> {
    await this.mutate(
      { method: 'POST', target: issue.number > 0 ? `issue #${issue.number} comments` : 'comments of the new issue', summary },
      () => this.attempt(
        () => this.api.createComment(issue.number, body),
        async () => (await this.api.listComments(issue.number)).find((c) => isAlertComment(c.body, marker.fingerprint, marker.at)),
      ),
      () => undefined,
    );
  }

  /** When each `snooze:<duration>` label on the issue was put on (the newest time), from its events. */
  async labelTimes(number: number): Promise<Map<string, Date>> {
    const known = this.labelTimesByIssue.get(number);
    if (known) return known;
    const times = new Map<string, Date>();
    if (number > 0) for (const event of await this.api.labelEvents(number)) times.set(event.label.toLowerCase(), event.at);
    this.labelTimesByIssue.set(number, times);
    return times;
  }

  /** Writes the digest of what did not fit (one issue, reused across runs) and returns the run's result. */
  async finish(): Promise<GitHubIssuesResult> {
    if (this.result.overflow.length > 0 && this.result.digest === null) {
      const body = digestBody(this.result.overflow, this.maxOperations, this.links);
      const existing = (await this.ours(this.label)).find((i) => i.body.startsWith(DIGEST_MARKER));
      const digest = existing
        ? await this.updateIssue(this.label, existing, { body, state: 'open' }, 'digest of alerts over the limit')
        // The one operation kept for the digest: no label check (GitHub creates a missing label with the issue).
        : await this.createIssue(this.label, DIGEST_TITLE, body, (i) => i.body.startsWith(DIGEST_MARKER), { ensureLabel: false });
      this.result.digest = { number: digest.number > 0 ? digest.number : null, url: digest.url || null };
    }
    if (this.dryRun) this.info(`dry run: ${this.result.plan.length} GitHub mutation(s) planned, none made`);
    return this.result;
  }

  /** Issues under `label` opened by this token's login, listed once per run. */
  async ours(label: string): Promise<RemoteIssue[]> {
    const known = this.listed.get(label);
    if (known) return known;
    return this.relist(label);
  }

  private async relist(label: string): Promise<RemoteIssue[]> {
    // The creator filter is GitHub's; checking the author again costs nothing and keeps others' issues out for sure.
    const issues = (await this.api.listIssues(label, this.creator)).filter((i) => i.author === this.creator);
    const simulated = (this.listed.get(label) ?? []).filter((i) => i.number < 0);
    this.listed.set(label, [...simulated, ...issues].sort((a, b) => b.number - a.number));
    this.trackedByLabel.delete(label);
    return this.listed.get(label) ?? [];
  }

  private remember(label: string, issue: RemoteIssue): void {
    const list = (this.listed.get(label) ?? []).filter((i) => i.number !== issue.number);
    this.listed.set(label, [issue, ...list].sort((a, b) => b.number - a.number));
    this.trackedByLabel.delete(label);
  }

  /** Mutations opening the first issue under `label` may cost beyond the create itself (creating the label). */
  labelCost(label: string): number {
    return this.labelsEnsured.has(label) ? 0 : 1;
  }

  /** A read first, so the mutation (and a slot of max-issue-operations) is spent only the one time the label is missing. */
  private async ensureLabel(label: string): Promise<void> {
    if (this.labelsEnsured.has(label)) return;
    this.labelsEnsured.add(label);
    if (await this.api.labelExists(label)) return;
    await this.mutate(
      { method: 'POST', target: 'labels', summary: `create label ${label}` },
      () => this.api.createLabel(label, 'd73a4a', 'Anomalies found by anomstack (one issue per episode)'),
      () => undefined,
    );
  }

  /** Up to three tries of a create; after a failure that may have landed, `landed()` looks for the result first. */
  private async attempt<T>(create: () => Promise<T>, landed: () => Promise<T | undefined>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await create();
      } catch (error) {
        if (!mayHaveLanded(error) || tries >= 3) throw error;
        this.warn(`GitHub create failed (${error instanceof Error ? error.message : String(error)}); checking whether it landed before retrying`);
        const found = await landed();
        if (found) return found;
      }
    }
  }
}

function simulatedIssue(number: number, title: string, body: string, label: string, author: string, now: Date): RemoteIssue {
  return { number, title, body, state: 'open', stateReason: null, labels: [label], author, url: '', createdAt: now, closedAt: null };
}

function applyChanges(issue: RemoteIssue, changes: IssueChanges, now: Date): RemoteIssue {
  const closing = changes.state === 'closed' && issue.state === 'open';
  const opening = changes.state === 'open' && issue.state === 'closed';
  return {
    ...issue,
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.body !== undefined ? { body: changes.body } : {}),
    ...(changes.labels !== undefined ? { labels: changes.labels } : {}),
    ...(closing ? { state: 'closed', closedAt: now, stateReason: changes.stateReason ?? 'completed' } : {}),
    ...(opening ? { state: 'open', closedAt: null, stateReason: 'reopened' } : {}),
  };
}

/** The action's `issues` output: what changed, without the plan (which the log shows). */
export function issuesOutput(result: GitHubIssuesResult): Pick<GitHubIssuesResult, 'dryRun' | 'opened' | 'updated' | 'reopened' | 'closed' | 'digest'> {
  const { dryRun, opened, updated, reopened, closed, digest } = result;
  return { dryRun, opened, updated, reopened, closed, digest };
}
