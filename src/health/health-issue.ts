/**
 * One "anomstack health" issue per repository: opened when any health check warns, its list rewritten when a
 * warning comes or goes, closed with a comment when none is left, reopened (never duplicated) when one comes back.
 * It goes through the run's GitHubIssues, so max-issue-operations and dry runs apply to it as to alert issues.
 * A re-run with the same warnings changes nothing: the body's hidden marker names the set of warnings it lists.
 */
import { createHash } from 'node:crypto';
import type { GitHubIssues } from '../alerts/github-issues.ts';
import type { RemoteIssue } from '../alerts/github-api.ts';
import { renderAlertCommentMarker } from '../alerts/github-markers.ts';
import { warningKey, type HealthWarning } from './checks.ts';

export const HEALTH_LABEL = 'anomstack-health';
export const HEALTH_TITLE = 'anomstack health';
const MARKER = /<!-- anomstack-health (\{.*?\}) -->/;
/** Marks the closing comment, so a comment whose create failed mid-flight is found again before a retry. */
const CLOSE_FINGERPRINT = 'anomstack-health';

/** What the health issue needs of the run's GitHubIssues (its `ours` lists the issues the run's login opened). */
export type HealthIssueHost = Pick<GitHubIssues, 'dryRun' | 'now' | 'links' | 'fits' | 'overflow' | 'createIssue' | 'updateIssue' | 'comment'> & {
  ours(label: string): Promise<RemoteIssue[]>;
};

export interface HealthIssueOutcome {
  action: 'opened' | 'updated' | 'reopened' | 'closed' | 'unchanged' | 'none' | 'over budget';
  /** Null when there is no issue, or in a dry run for one that would have been opened. */
  number: number | null;
  url: string | null;
}

/** Brings the health issue in line with `warnings`; `label` defaults to `anomstack-health`. */
export async function syncHealthIssue(github: HealthIssueHost, warnings: readonly HealthWarning[], label = HEALTH_LABEL): Promise<HealthIssueOutcome> {
  const ours = (await github.ours(label)).filter((i) => markerOf(i.body) !== null);
  // Newest first; an open one wins, so a hand-reopened old issue is the one kept current.
  const existing = ours.find((i) => i.state === 'open') ?? ours[0];
  const ref = (issue: RemoteIssue | undefined): Pick<HealthIssueOutcome, 'number' | 'url'> => ({
    number: issue && issue.number > 0 ? issue.number : null,
    url: issue?.url || null,
  });
  const signature = signatureOf(warnings);

  if (warnings.length === 0) {
    if (!existing || existing.state === 'closed') return { action: 'none', ...ref(existing) };
    if (!budget(github, 2, `health: close issue #${existing.number} (every check passes)`)) return { action: 'over budget', ...ref(existing) };
    const at = github.now.toISOString();
    const comment = `${renderAlertCommentMarker(CLOSE_FINGERPRINT, at)}\nEvery health check passes again (checked ${minute(github.now)} UTC${runLink(github)}). Closing.`;
    await github.comment(existing, comment, { fingerprint: CLOSE_FINGERPRINT, at }, 'health: every check passes');
    const closed = await github.updateIssue(label, existing, { state: 'closed', stateReason: 'completed' }, 'health: close');
    return { action: 'closed', ...ref(closed) };
  }

  const body = healthIssueBody(warnings, github);
  if (!existing) {
    if (!budget(github, 1, `health: open "${HEALTH_TITLE}" (${warnings.length} warning(s))`)) return { action: 'over budget', number: null, url: null };
    // GitHub creates the label with the issue when it is missing: no extra request for it.
    const opened = await github.createIssue(label, HEALTH_TITLE, body, (i) => markerOf(i.body) === signature, { ensureLabel: false });
    return { action: 'opened', ...ref(opened) };
  }
  if (existing.state === 'open' && markerOf(existing.body) === signature) return { action: 'unchanged', ...ref(existing) };
  const reopening = existing.state === 'closed';
  if (!budget(github, 1, `health: ${reopening ? 'reopen' : 'update'} issue #${existing.number}`)) return { action: 'over budget', ...ref(existing) };
  const changed = await github.updateIssue(label, existing, { body, ...(reopening ? { state: 'open' as const } : {}) }, `health: ${warnings.length} warning(s)`);
  return { action: reopening ? 'reopened' : 'updated', ...ref(changed) };
}

/** The issue's text: the marker, then each warning and its fix. */
export function healthIssueBody(warnings: readonly HealthWarning[], github: Pick<HealthIssueHost, 'now' | 'links'>): string {
  const items = warnings.map((w) => `- **${w.message}**\n  Fix: ${w.fix}`).join('\n');
  return `<!-- anomstack-health ${JSON.stringify({ warnings: signatureOf(warnings) })} -->
anomstack's checks of its own runs found ${warnings.length === 1 ? 'a problem' : `${warnings.length} problems`}:

${items}

Checked ${minute(github.now)} UTC${runLink(github)}. This list is rewritten when a warning comes or goes, and the issue closes itself once every check passes.`;
}

/** The set of warnings an issue lists, by key: the numbers inside a message (days, hours) change run to run. */
function signatureOf(warnings: readonly HealthWarning[]): string {
  const keys = [...new Set(warnings.map(warningKey))].sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}

function markerOf(body: string): string | null {
  const json = MARKER.exec(body)?.[1];
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && 'warnings' in value && typeof value.warnings === 'string' ? value.warnings : null;
  } catch {
    return null;
  }
}

/** Whether `cost` more mutations fit in the run's budget; if not, the change is listed in the overflow digest. */
function budget(github: HealthIssueHost, cost: number, line: string): boolean {
  if (github.fits(cost)) return true;
  github.overflow(line);
  return false;
}

function runLink(github: Pick<HealthIssueHost, 'links'>): string {
  return github.links.runUrl ? ` by [this run](${github.links.runUrl})` : '';
}

function minute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
