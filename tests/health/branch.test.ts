import { describe, expect, it } from 'vitest';
import { defaultBranchCommit } from '../../src/health/branch.ts';
import { inactiveBranchCheck } from '../../src/health/checks.ts';
import { localGitHub } from '../alerts/github-fixtures.ts';

const server = localGitHub();

describe('defaultBranchCommit', () => {
  it("reads the default branch and its newest commit's date from the REST API", async () => {
    const s = server();
    s.defaultBranch = 'trunk';
    s.branchCommits.set('trunk', '2026-01-01T08:00:00Z');
    const found = await defaultBranchCommit({ token: 'action-token', owner: s.owner, repo: s.repo, baseUrl: s.url, retryBaseMs: 1 });
    expect(found).toEqual({ name: 'trunk', lastCommitAt: new Date('2026-01-01T08:00:00Z') });
    expect(s.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/acme/metrics', 'GET /repos/acme/metrics/commits/trunk']);

    // Fed to the check 53 days on, it warns.
    const check = inactiveBranchCheck({ branch: found.name, lastCommitAt: found.lastCommitAt, now: new Date('2026-02-23T09:00:00Z') });
    expect(check.status === 'warn' && check.warning.message).toBe('the default branch (trunk) has had no commit for 53 days: GitHub disables scheduled workflows after 60');
  });

  it('asks only for the commit when the branch is known, and answers an unknown date for a branch without commits', async () => {
    const s = server();
    const found = await defaultBranchCommit({ token: 'action-token', owner: s.owner, repo: s.repo, baseUrl: s.url, retryBaseMs: 1, branch: 'main' });
    expect(found).toEqual({ name: 'main', lastCommitAt: null });
    expect(s.requests.map((r) => r.path)).toEqual(['/repos/acme/metrics/commits/main']);
  });

  it('fails on a bad token without the token in the error', async () => {
    const s = server();
    const error = await defaultBranchCommit({ token: 'wrong-secret-token', owner: s.owner, repo: s.repo, baseUrl: s.url, retryBaseMs: 1 }).catch((e: unknown) => e);
    expect(String(error)).toContain('Bad credentials');
    expect(String(error)).not.toContain('wrong-secret-token');
  });
});
