import { afterEach, beforeEach } from 'vitest';
import type { Alert, AlertKind, MetricStatus } from '../../src/alerts/channel.ts';
import { GitHubIssueChannel, type GitHubChannelOptions } from '../../src/alerts/github-channel.ts';
import { GitHubIssues, type GitHubIssuesOptions } from '../../src/alerts/github-issues.ts';
import { GitHubServer } from '../helpers/github-server.ts';

export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-01-10T00:00:00Z');
export const at = (hour: number): Date => new Date(T0 + hour * HOUR);
export const RUN_URL = 'https://github.com/acme/metrics/actions/runs/1';
export const REPORT_URL = 'https://acme.github.io/metrics';
export const CHART_URL = (batch: string, metric: string): string => `${REPORT_URL}/plots/${batch}/metrics/${metric}.png`;

/** An anomaly alert of batch `shop` at `hour`, with six hours of history ending at it. */
export function anomaly(metric: string, hour: number, overrides: Partial<Alert> = {}): Alert {
  const recent = Array.from({ length: 6 }, (_, i) => ({ timestamp: at(hour - 5 + i), value: 100 + i, score: i === 5 ? 0.95 : 0.1 }));
  return {
    kind: 'anomaly', batch: 'shop', metric, timestamp: at(hour), value: 105, score: 0.95, smoothedScore: 0.9, threshold: 0.8,
    tags: { team: 'growth' }, recent, ...overrides,
  };
}

export function status(metric: string, normalStreak: number, kind: AlertKind = 'anomaly'): MetricStatus {
  return { batch: 'shop', metric, kind, normalStreak, recovered: normalStreak >= 3 };
}

export interface TestRun {
  issues: GitHubIssues;
  channel: GitHubIssueChannel;
  warnings: string[];
  infos: string[];
}

/** One run of the action: a fresh GitHubIssues on the server's clock (nothing cached), and batch `shop`'s channel. */
export function newRun(server: GitHubServer, options: Partial<GitHubIssuesOptions> = {}, channel: Partial<GitHubChannelOptions> = {}): TestRun {
  const warnings: string[] = [];
  const infos: string[] = [];
  const issues = new GitHubIssues({
    token: 'action-token', owner: server.owner, repo: server.repo, apiUrl: server.url, runUrl: RUN_URL, reportUrl: REPORT_URL, chartUrl: CHART_URL,
    now: new Date(server.now), retryBaseMs: 1, paceWrites: false, info: (m) => void infos.push(m), warn: (m) => void warnings.push(m), ...options,
  });
  return { issues, channel: new GitHubIssueChannel(issues, { batch: 'shop', reopenCooldown: '7d', plotted: true, ...channel }), warnings, infos };
}

/** Sends `alerts`, reconciles `statuses` and finishes, as the alert job and the action do in one run. */
export async function runOnce(server: GitHubServer, alerts: Alert[], statuses: MetricStatus[] = [], options: Partial<GitHubIssuesOptions> = {}): Promise<TestRun & { feedback: Awaited<ReturnType<GitHubIssueChannel['reconcile']>> }> {
  const run = newRun(server, options);
  await run.channel.send(alerts);
  const feedback = await run.channel.reconcile(statuses);
  await run.issues.finish();
  return { ...run, feedback };
}

/** A fresh local GitHub per test; the getter returns the current one. */
export function localGitHub(tokens?: Record<string, string>): () => GitHubServer {
  let server: GitHubServer | undefined;
  beforeEach(async () => {
    server = await GitHubServer.start(tokens);
    server.now = at(0);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error('the local GitHub server is not running');
    return server;
  };
}

/** Mutating requests since the `from`-th request, as "METHOD path" lines. */
export function mutationsSince(server: GitHubServer, from: number): string[] {
  return server.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(`/repos/${server.owner}/${server.repo}`, '')} ${r.status}`);
}

/** What a person does in the web UI, through the API with their own token: puts a label on an issue or takes it off. */
export async function labelAs(server: GitHubServer, token: string, number: number, label: string, remove = false): Promise<void> {
  const base = `${server.url}/repos/${server.owner}/${server.repo}/issues/${number}/labels`;
  const res = remove
    ? await fetch(`${base}/${encodeURIComponent(label)}`, { method: 'DELETE', headers: { authorization: `token ${token}` } })
    : await fetch(base, { method: 'POST', headers: { authorization: `token ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ labels: [label] }) });
  if (!res.ok) throw new Error(`${remove ? 'unlabel' : 'label'} #${number} ${label}: HTTP ${res.status}`);
}

/** A person opens an issue through the API with their own token; returns its number. */
export async function openIssueAs(server: GitHubServer, token: string, title: string, body: string, labels: string[]): Promise<number> {
  const res = await fetch(`${server.url}/repos/${server.owner}/${server.repo}/issues`, {
    method: 'POST', headers: { authorization: `token ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ title, body, labels }),
  });
  if (res.status !== 201) throw new Error(`open issue: HTTP ${res.status}`);
  return ((await res.json()) as { number: number }).number;
}
