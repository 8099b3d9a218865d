import { describe, expect, it } from 'vitest';
import { fingerprint, parseEpisodeMarker } from '../../src/alerts/github-markers.ts';
import { anomaly, at, CHART_URL, labelAs, localGitHub, mutationsSince, newRun, openIssueAs, REPORT_URL, RUN_URL, runOnce, status } from './github-fixtures.ts';

const github = localGitHub({ 'action-token': 'github-actions[bot]', 'alice-token': 'alice', 'pat-token': 'anomstack-bot' });

describe('github channel lifecycle', () => {
  it('opens one issue per episode, found later by label and creator without search or GET /user', async () => {
    const server = github();
    server.now = at(5);
    const { issues } = await runOnce(server, [anomaly('requests', 5)]);
    expect(server.issues).toHaveLength(1);
    const issue = server.issue(1);
    expect(issue.title).toBe('🔥 [requests] looks anomalous (2026-01-10 05:00 UTC)');
    expect(issue.labels).toEqual(['anomstack']);
    expect(issue.user).toBe('github-actions[bot]');
    expect(parseEpisodeMarker(issue.body)).toMatchObject({ fingerprint: fingerprint('shop', 'requests', 'anomaly'), alerts: 1, first: at(5).toISOString() });
    // Recent values and scores as a table, newest first, tags, the chart from the report, links to run and report.
    expect(issue.body).toContain('| 2026-01-10 05:00 UTC ⬅ | 105 | 0.95 |');
    expect(issue.body).toContain('`team=growth`');
    expect(issue.body).toContain(`![requests chart](${CHART_URL('shop', 'requests')})`);
    expect(issue.body).toContain(`[workflow run](${RUN_URL}) · [report](${REPORT_URL})`);
    expect(server.repoLabels.get('anomstack')?.description).toMatch(/anomstack/);
    expect(issues.result.opened).toEqual([{ number: 1, url: 'https://github.com/acme/metrics/issues/1', title: issue.title, batch: 'shop', metric: 'requests', kind: 'anomaly' }]);
    const paths = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).not.toContain('GET /user');
    expect(paths.some((p) => p.includes('/search/'))).toBe(false);
    expect(server.requests[0]?.query).toMatchObject({ labels: 'anomstack', creator: 'github-actions[bot]', state: 'all' });
  });

  it('a persisting anomaly updates the status and comments once per new alert, never a second issue', async () => {
    const server = github();
    server.now = at(5);
    await runOnce(server, [anomaly('requests', 5)]);
    server.now = at(6);
    const before = server.requests.length;
    const { issues } = await runOnce(server, [anomaly('requests', 6, { value: 180 })]);
    expect(server.issues).toHaveLength(1);
    expect(mutationsSince(server, before)).toEqual(['POST /issues/1/comments 201', 'PATCH /issues/1 200']);
    expect(server.issue(1).comments.map((c) => c.body)).toEqual([expect.stringContaining('- 2026-01-10 06:00 UTC: value 180 · score 0.90 ≥ 0.8')]);
    expect(server.issue(1).body).toContain('2 alerts since 2026-01-10 05:00 UTC · latest 2026-01-10 06:00 UTC');
    // The title keeps the episode's start.
    expect(server.issue(1).title).toContain('(2026-01-10 05:00 UTC)');
    expect(issues.result.updated.map((r) => r.number)).toEqual([1]);
    // The same alerts again (a re-run after the database write failed): nothing to do.
    const again = server.requests.length;
    await runOnce(server, [anomaly('requests', 5), anomaly('requests', 6)]);
    expect(mutationsSince(server, again)).toEqual([]);
  });

  it('labels the episode with its severity, which rises with a more severe alert and never falls', async () => {
    const server = github();
    const levels = ['warning', 'critical'];
    const rated = (hour: number, level: string) => anomaly('requests', hour, { severity: { level, rank: levels.indexOf(level), levels: 2 } });
    const send = async (hour: number, level: string): Promise<void> => {
      server.now = at(hour);
      const run = newRun(server, {}, { severityLevels: levels });
      await run.channel.send([rated(hour, level)]);
      await run.issues.finish();
    };
    await send(5, 'warning');
    expect(server.issue(1)).toMatchObject({ title: '🔥 WARNING [requests] looks anomalous (2026-01-10 05:00 UTC)', labels: ['anomstack', 'severity:warning'] });
    await labelAs(server, 'alice-token', 1, 'confirmed');
    await send(6, 'critical');
    expect(server.issue(1).labels).toEqual(['anomstack', 'confirmed', 'severity:critical']);
    const before = server.requests.length;
    await send(7, 'warning');
    expect(server.issue(1).labels).toEqual(['anomstack', 'confirmed', 'severity:critical']);
    expect(mutationsSince(server, before)).toEqual(['POST /issues/1/comments 201', 'PATCH /issues/1 200']);
  });

  it('closes with a comment after issue_close_after_n normal points, not before', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    const before = server.requests.length;
    await runOnce(server, [], [status('requests', 2)]);
    expect(mutationsSince(server, before)).toEqual([]);
    const { issues } = await runOnce(server, [], [status('requests', 3)]);
    expect(server.issue(1)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(server.issue(1).comments.at(-1)?.body).toContain('Back to normal: no alert in the last 3 points');
    expect(issues.result.closed.map((r) => r.number)).toEqual([1]);
    // Closed stays closed: a later recovered status does nothing.
    const after = server.requests.length;
    await runOnce(server, [], [status('requests', 9)]);
    expect(mutationsSince(server, after)).toEqual([]);
  });

  it('an episode that comes back within the cooldown reopens its issue; after the cooldown it gets a new one', async () => {
    const server = github();
    server.now = at(5);
    await runOnce(server, [anomaly('requests', 5)], [status('requests', 0)]);
    server.now = at(9);
    await runOnce(server, [], [status('requests', 3)]);
    server.now = at(30);
    const { issues } = await runOnce(server, [anomaly('requests', 30)]);
    expect(server.issues).toHaveLength(1);
    expect(server.issue(1)).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(server.issue(1).comments.at(-1)?.body).toContain('Reopened: looks anomalous again.');
    expect(issues.result.reopened.map((r) => r.number)).toEqual([1]);
    server.now = at(34);
    await runOnce(server, [], [status('requests', 3)]);
    server.now = at(34 + 8 * 24);
    const late = await runOnce(server, [anomaly('requests', 34 + 8 * 24)]);
    expect(server.issues.map((i) => [i.number, i.state])).toEqual([[1, 'closed'], [2, 'open']]);
    expect(late.issues.result.opened.map((r) => r.number)).toEqual([2]);
  });

  it('snooze silences the metric until the label is removed', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    await labelAs(server, 'alice-token', 1, 'snooze');
    const before = server.requests.length;
    const snoozed = await runOnce(server, [anomaly('requests', 6)], [status('requests', 5)]);
    expect(mutationsSince(server, before)).toEqual([]);
    expect(snoozed.issues.result.snoozed.map((r) => r.number)).toEqual([1]);
    await labelAs(server, 'alice-token', 1, 'snooze', true);
    await runOnce(server, [anomaly('requests', 7)]);
    expect(server.issue(1).comments).toHaveLength(1);
    expect(server.issue(1).comments[0]?.body).toContain('2026-01-10 07:00 UTC');
  });

  it('snooze:2h silences the metric for two hours after the label went on', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    server.now = at(6);
    await labelAs(server, 'alice-token', 1, 'snooze:2h');
    server.now = at(7);
    const before = server.requests.length;
    await runOnce(server, [anomaly('requests', 7)]);
    expect(mutationsSince(server, before)).toEqual([]);
    server.now = at(8);
    await runOnce(server, [anomaly('requests', 8)]);
    expect(mutationsSince(server, before)).toEqual(['POST /issues/1/comments 201', 'PATCH /issues/1 200']);
  });

  it('false-positive closes the issue as not planned and returns thumbsdown; the next alert opens a new issue', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    await labelAs(server, 'alice-token', 1, 'false-positive');
    const { feedback, issues } = await runOnce(server, [], [status('requests', 0)]);
    expect(server.issue(1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    expect(server.issue(1).comments.at(-1)?.body).toContain('false positive');
    expect(feedback).toEqual([{ batch: 'shop', metric: 'requests', kind: 'anomaly', timestamp: at(5), verdict: 'thumbsdown', source: 'https://github.com/acme/metrics/issues/1' }]);
    expect(issues.result.closed.map((r) => r.number)).toEqual([1]);
    server.now = at(7);
    await runOnce(server, [anomaly('requests', 7)]);
    expect(server.issues.map((i) => [i.number, i.state])).toEqual([[1, 'closed'], [2, 'open']]);
  });

  it('an alert arriving while a false-positive issue is still open starts a new issue instead of commenting on it', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    await labelAs(server, 'alice-token', 1, 'false-positive');
    server.now = at(6);
    await runOnce(server, [anomaly('requests', 6)], [status('requests', 0)]);
    expect(server.issues.map((i) => [i.number, i.state, i.comments.length])).toEqual([[1, 'closed', 1], [2, 'open', 0]]);
    expect(server.issue(1).comments[0]?.body).toContain('false positive');
  });

  it('confirmed returns thumbsup and leaves the issue as it is', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    await labelAs(server, 'alice-token', 1, 'confirmed');
    const before = server.requests.length;
    const { feedback } = await runOnce(server, [], [status('requests', 1)]);
    expect(feedback.map((f) => [f.metric, f.verdict, f.timestamp])).toEqual([['requests', 'thumbsup', at(5)]]);
    expect(mutationsSince(server, before)).toEqual([]);
    expect(server.issue(1).state).toBe('open');
  });

  it("leaves alone an issue someone else opened with the same label, even with a copied marker", async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5)]);
    const copy = server.issue(await openIssueAs(server, 'alice-token', 'my own notes', server.issue(1).body, ['anomstack', 'false-positive']));
    server.issue(1).state = 'closed';
    server.issue(1).closed_at = at(0).toISOString();
    server.issue(1).labels.push('false-positive');
    server.now = at(6);
    const { feedback } = await runOnce(server, [anomaly('requests', 6)], [status('requests', 0)]);
    expect(server.requests.filter((r) => r.path.includes(`/issues/${copy.number}`))).toEqual([]);
    expect(copy).toMatchObject({ state: 'open', comments: [] });
    expect(server.issues.filter((i) => i.user === 'github-actions[bot]')).toHaveLength(2);
    // Feedback comes from the action's own issue only.
    expect(feedback.map((f) => f.source)).toEqual(['https://github.com/acme/metrics/issues/1']);
  });

  it('keeps episodes of other metrics and kinds apart', async () => {
    const server = github();
    await runOnce(server, [anomaly('requests', 5), anomaly('errors', 5), anomaly('requests', 5, { kind: 'threshold', detail: 'crossed its upper threshold 100' })]);
    expect(server.issues.map((i) => i.title).sort()).toEqual([
      '🔥 [errors] looks anomalous (2026-01-10 05:00 UTC)',
      '🔥 [requests] looks anomalous (2026-01-10 05:00 UTC)',
      '🚨 [requests] crossed its upper threshold 100 (2026-01-10 05:00 UTC)',
    ]);
    // Only the threshold episode recovered: only its issue closes.
    await runOnce(server, [], [status('requests', 3, 'threshold'), status('requests', 0), status('errors', 1)]);
    expect(server.issues.filter((i) => i.state === 'closed').map((i) => i.title)).toEqual(['🚨 [requests] crossed its upper threshold 100 (2026-01-10 05:00 UTC)']);
  });

  it('learns its login from the first issue it opens when the configured one is wrong, and says so', async () => {
    const server = github();
    const first = await runOnce(server, [anomaly('requests', 5)], [], { token: 'pat-token' });
    expect(server.issue(1).user).toBe('anomstack-bot');
    expect(first.warnings.join('\n')).toContain('issues are opened as anomstack-bot, not github-actions[bot]');
    // With the login configured, the next run finds the issue instead of opening another.
    await runOnce(server, [anomaly('requests', 6)], [], { token: 'pat-token', creator: 'anomstack-bot' });
    expect(server.issues).toHaveLength(1);
    expect(server.issue(1).comments).toHaveLength(1);
  });
});
