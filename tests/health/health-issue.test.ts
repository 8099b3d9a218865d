import { describe, expect, it } from 'vitest';
import { GitHubIssues, type GitHubIssuesOptions } from '../../src/alerts/github-issues.ts';
import { coldStartCheck, failingRunsCheck, inactiveBranchCheck, type CheckResult, type HealthWarning } from '../../src/health/checks.ts';
import { HEALTH_LABEL, HEALTH_TITLE, syncHealthIssue, type HealthIssueHost } from '../../src/health/health-issue.ts';
import { localGitHub, mutationsSince, RUN_URL } from '../alerts/github-fixtures.ts';
import type { GitHubServer } from '../helpers/github-server.ts';

const DAY = 86_400_000;
const server = localGitHub();

function warningOf(result: CheckResult): HealthWarning[] {
  return result.status === 'warn' ? [result.warning] : [];
}

/** The default branch `days` days after its last commit, as the check sees it on the server's clock. */
function branch(s: GitHubServer, days: number): HealthWarning[] {
  return warningOf(inactiveBranchCheck({ branch: 'main', lastCommitAt: new Date(s.now.getTime() - days * DAY), now: s.now }));
}

/** One run: a fresh GitHubIssues (nothing cached), the health issue synced, the run finished. */
async function run(s: GitHubServer, warnings: HealthWarning[], options: Partial<GitHubIssuesOptions> = {}) {
  const issues = new GitHubIssues({
    token: 'action-token', owner: s.owner, repo: s.repo, apiUrl: s.url, runUrl: RUN_URL, now: new Date(s.now), retryBaseMs: 1, paceWrites: false, ...options,
  });
  // GitHubIssues lists the issues its login opened with `ours`, which the health issue needs (see HealthIssueHost).
  const outcome = await syncHealthIssue(issues as unknown as HealthIssueHost, warnings);
  const result = await issues.finish();
  return { outcome, result };
}

describe('the health issue', () => {
  it('opens at the threshold, is updated when the warnings change, closes when they clear, and reopens', async () => {
    const s = server();
    expect((await run(s, branch(s, 49))).outcome.action).toBe('none');
    expect(s.issues).toHaveLength(0);

    const opened = await run(s, branch(s, 50));
    expect(opened.outcome).toMatchObject({ action: 'opened', number: 1 });
    const issue = s.issue(1);
    expect(issue).toMatchObject({ title: HEALTH_TITLE, labels: [HEALTH_LABEL], state: 'open', user: 'github-actions[bot]' });
    expect(issue.body).toContain('**the default branch (main) has had no commit for 50 days: GitHub disables scheduled workflows after 60**');
    expect(issue.body).toContain('Fix: push a commit to the default branch, or re-enable the workflow in the Actions tab');
    expect(issue.body).toContain(`[this run](${RUN_URL})`);

    // A day later: the same warning (its day count moved on), so nothing changes.
    s.now = new Date(s.now.getTime() + DAY);
    let from = s.requests.length;
    expect((await run(s, branch(s, 51))).outcome.action).toBe('unchanged');
    expect(mutationsSince(s, from)).toEqual([]);

    // A second warning comes: the body is rewritten, still one issue.
    const failing = warningOf(failingRunsCheck({ batch: 'shop', streak: { failed: 3, lastMessage: 'ingest: connection refused' }, failuresN: 3 }));
    from = s.requests.length;
    expect((await run(s, [...branch(s, 51), ...failing])).outcome).toMatchObject({ action: 'updated', number: 1 });
    expect(mutationsSince(s, from)).toEqual(['PATCH /issues/1 200']);
    expect(s.issue(1).body).toContain('batch shop: the last 3 runs failed');
    expect(s.issue(1).body).toContain('found 2 problems');

    // Everything passes: one comment, then closed.
    from = s.requests.length;
    expect((await run(s, [])).outcome).toMatchObject({ action: 'closed', number: 1 });
    expect(mutationsSince(s, from)).toEqual(['POST /issues/1/comments 201', 'PATCH /issues/1 200']);
    expect(s.issue(1)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(s.issue(1).comments.at(-1)?.body).toContain('Every health check passes again');

    // Still healthy: nothing to do. Then a cold start: the same issue is reopened with the new list.
    from = s.requests.length;
    expect((await run(s, [])).outcome.action).toBe('none');
    expect(mutationsSince(s, from)).toEqual([]);
    const cold = warningOf(coldStartCheck({ kind: 'cold-start', reason: 'the last entry was evicted' }));
    expect((await run(s, cold)).outcome).toMatchObject({ action: 'reopened', number: 1 });
    expect(s.issues).toHaveLength(1);
    expect(s.issue(1)).toMatchObject({ state: 'open' });
    expect(s.issue(1).body).toContain('cold start: no saved state was restored (the last entry was evicted)');
  });

  it('opens one issue when the create landed but its answer was lost, and comments once when closing fails the same way', async () => {
    const s = server();
    s.applyThenFailNextCreate();
    expect((await run(s, branch(s, 55))).outcome).toMatchObject({ action: 'opened', number: 1 });
    expect(s.issues).toHaveLength(1);
    s.applyThenFailNextCreate();
    expect((await run(s, [])).outcome.action).toBe('closed');
    expect(s.issue(1).comments).toHaveLength(1);
    expect(s.issue(1).state).toBe('closed');
  });

  it("leaves others' issues with the same label alone", async () => {
    const s = server();
    s.seedIssue('someone', HEALTH_TITLE, 'a person wrote this', [HEALTH_LABEL]);
    expect((await run(s, branch(s, 55))).outcome).toMatchObject({ action: 'opened', number: 2 });
    expect(s.issue(1).body).toBe('a person wrote this');
  });

  it('changes nothing in a dry run, and goes to the digest when the run has no operations left', async () => {
    const s = server();
    const dry = await run(s, branch(s, 55), { dryRun: true });
    expect(dry.outcome).toMatchObject({ action: 'opened', number: null });
    expect(dry.result.plan).toEqual([{ method: 'POST', target: 'new issue', summary: HEALTH_TITLE }]);
    expect(s.mutations()).toEqual([]);

    // One operation allowed: it is kept for the digest, which lists the health issue's change.
    const full = await run(s, branch(s, 55), { maxOperations: 1 });
    expect(full.outcome.action).toBe('over budget');
    expect(full.result.overflow).toEqual(['health: open "anomstack health" (1 warning(s))']);
  });
});
