import { describe, expect, it } from 'vitest';
import { issuesOutput } from '../../src/alerts/github-issues.ts';
import { DIGEST_MARKER } from '../../src/alerts/github-markers.ts';
import { anomaly, at, localGitHub, mutationsSince, runOnce, status } from './github-fixtures.ts';

const github = localGitHub();

describe('github channel under failures and limits', () => {
  it('a create that landed but answered 502 is found by its marker, not created twice', async () => {
    const server = github();
    server.applyThenFailNextCreate();
    const { issues, warnings } = await runOnce(server, [anomaly('requests', 5)]);
    expect(server.issues).toHaveLength(1);
    expect(mutationsSince(server, 0)).toEqual(['POST /labels 201', 'POST /issues 502']);
    // After the 502 the channel listed the issues again and found the one that landed.
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/repos/acme/metrics/issues', status: 200 });
    expect(issues.result.opened.map((r) => r.number)).toEqual([1]);
    expect(warnings.join('\n')).toContain('checking whether it landed');
  });

  it('a create that failed without landing is retried once the re-list shows nothing', async () => {
    const server = github();
    server.failNext(1, 503, true);
    await runOnce(server, [anomaly('requests', 5)]);
    expect(server.issues).toHaveLength(1);
    expect(mutationsSince(server, 0).filter((m) => m.startsWith('POST /issues'))).toEqual(['POST /issues 503', 'POST /issues 201']);
  });

  it('a comment that landed but answered 502 is not posted twice', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    server.applyThenFailNextCreate();
    await runOnce(server, [anomaly('requests', 6)]);
    expect(server.issue(1).comments).toHaveLength(1);
    expect(server.issue(1).body).toContain('latest 2026-01-10 06:00 UTC');
  });

  it('retries 5xx answers and secondary rate limits (403 with Retry-After)', async () => {
    const server = github();
    server.failNext(2, 502);
    await runOnce(server, [anomaly('requests', 5)]);
    expect(server.requests.slice(0, 3).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 502', 'GET 502', 'GET 200']);
    server.secondaryRateLimitNext(1, 1);
    const { warnings } = await runOnce(server, [], [status('requests', 3)]);
    expect(server.issue(1).state).toBe('closed');
    expect(server.requests.filter((r) => r.status === 403)).toHaveLength(1);
    expect(warnings.join('\n')).toContain('secondary rate limit');
    expect(server.issue(1).comments).toHaveLength(1);
  });

  it('a create refused by the secondary rate limit is retried after Retry-After and lands once', async () => {
    const server = github();
    server.secondaryRateLimitNext(2, 1, true);
    await runOnce(server, [anomaly('requests', 5)]);
    expect(mutationsSince(server, 0)).toEqual(['POST /labels 201', 'POST /issues 403', 'POST /issues 403', 'POST /issues 201']);
    expect(server.issues).toHaveLength(1);
  });

  it('gives up with the error after its retries', async () => {
    const server = github();
    server.failNext(10, 500);
    await expect(runOnce(server, [anomaly('requests', 5)])).rejects.toThrow(/Server Error/);
    expect(server.issues).toHaveLength(0);
  });

  it('pages through the issue list (Link headers) to find an episode beyond the first page', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    for (let i = 0; i < 130; i++) server.seedIssue('github-actions[bot]', `older ${i}`, 'no marker', ['anomstack']);
    server.now = at(6);
    await runOnce(server, [anomaly('requests', 6)]);
    const lists = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/issues'));
    expect(lists.slice(-2).map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([['100', '1'], ['100', '2']]);
    expect(server.issues).toHaveLength(131);
    expect(server.issue(1).comments).toHaveLength(1);
  });

  it('makes at most max-issue-operations mutations and lists the rest in one digest issue', async () => {
    const server = github();
    const metrics = ['a', 'b', 'c', 'd', 'e'];
    const { issues } = await runOnce(server, metrics.map((m) => anomaly(m, 5)), [], { maxOperations: 4 });
    // Label check + two issues, then one operation kept for the digest.
    expect(server.mutations()).toHaveLength(4);
    expect(issues.result.opened.map((r) => r.metric)).toEqual(['a', 'b']);
    expect(issues.result.overflow).toHaveLength(3);
    const digest = server.issues.find((i) => i.body.startsWith(DIGEST_MARKER));
    expect(digest?.body).toContain('🔥 [c] looks anomalous (2026-01-10 05:00 UTC): new issue');
    expect(digest?.body).toContain('🔥 [e] looks anomalous');
    expect(issues.result.digest).toEqual({ number: digest?.number, url: `https://github.com/acme/metrics/issues/${digest?.number}` });
    expect(JSON.parse(JSON.stringify(issuesOutput(issues.result)))).toMatchObject({
      dryRun: false, opened: [{ number: 1, metric: 'a' }, { number: 2, metric: 'b' }], updated: [], closed: [], reopened: [], digest: { number: 3 },
    });
    // The next run over the limit reuses the digest.
    server.now = at(6);
    const before = server.requests.length;
    await runOnce(server, metrics.map((m) => anomaly(m, 6)), [], { maxOperations: 3 });
    expect(mutationsSince(server, before)).toEqual(['POST /issues/1/comments 201', 'PATCH /issues/1 200', `PATCH /issues/${digest?.number} 200`]);
    expect(server.issues.filter((i) => i.body.startsWith(DIGEST_MARKER))).toHaveLength(1);
  });

  it('a dry run plans every mutation and changes nothing', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    const snapshot = JSON.stringify(server.issues);
    const before = server.requests.length;
    server.now = at(6);
    const { issues, infos } = await runOnce(server, [anomaly('requests', 6), anomaly('errors', 6)], [status('requests', 0)], { dryRun: true });
    expect(server.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(JSON.stringify(server.issues)).toBe(snapshot);
    // The label exists since the first run: only a read checked it.
    expect(issues.result.plan.map((p) => `${p.method} ${p.target}`)).toEqual(['POST issue #1 comments', 'PATCH issue #1', 'POST new issue']);
    expect(issues.result).toMatchObject({ dryRun: true, operations: 3 });
    expect(issues.result.opened).toEqual([expect.objectContaining({ number: null, metric: 'errors' })]);
    expect(infos.at(-1)).toBe('dry run: 3 GitHub mutation(s) planned, none made');
  });

  it('two runs back to back with the same alerts: the second changes nothing', async () => {
    const server = github();
    const alerts = [anomaly('requests', 5), anomaly('errors', 5)];
    await runOnce(server, alerts, [status('requests', 0), status('errors', 0)]);
    const before = server.requests.length;
    const second = await runOnce(server, alerts, [status('requests', 0), status('errors', 0)]);
    expect(mutationsSince(server, before)).toEqual([]);
    expect(second.issues.result).toMatchObject({ opened: [], updated: [], closed: [], reopened: [], operations: 0 });
    expect(server.issues).toHaveLength(2);
  });
});
