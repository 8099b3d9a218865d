import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/config/issues.ts';
import { loadBatches } from '../../src/config/load.ts';
import { GitHubIssueChannel } from '../../src/alerts/github-channel.ts';
import { GitHubIssues } from '../../src/alerts/github-issues.ts';
import { disposeAfterEach, loadBatch, tempMetrics } from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();

describe('github channel settings', () => {
  it('defaults: close after 3 normal points, reopen within 7 days, the run\'s label', async () => {
    const ws = track(await tempMetrics({ 'shop/config.yaml': 'alert_methods: [github]\n', 'shop/query.sql': 'SELECT 1' }));
    const { config } = await loadBatch(ws.metricsDir, 'shop');
    expect([config.issue_close_after_n, config.issue_reopen_cooldown, config.issue_label]).toEqual([3, '7d', undefined]);
  });

  it('bad values are reported with file, key and value', async () => {
    const ws = track(await tempMetrics({
      'shop/config.yaml': 'issue_label: "a,b"\nissue_close_after_n: 0\nissue_reopen_cooldown: 7 days\n',
      'shop/query.sql': 'SELECT 1',
    }));
    const { failures } = await loadBatches(ws.metricsDir, { env: {} });
    const messages = failures.flatMap((f) => f.error.issues.map((i) => formatIssue(i)));
    expect(messages).toEqual([
      expect.stringMatching(/shop\/config\.yaml:1: issue_label: expected a label name \(no commas\) \(got "a,b"\)$/),
      expect.stringMatching(/shop\/config\.yaml:2: issue_close_after_n: .*>=1 \(got 0\)$/),
      expect.stringMatching(/shop\/config\.yaml:3: issue_reopen_cooldown: expected a duration such as "7d", "12h" or "30m" \(got "7 days"\)$/),
    ]);
  });

  it('the channel and the run refuse settings they cannot work with, naming them', () => {
    const issues = (extra: object): GitHubIssues => new GitHubIssues({ token: 't', owner: 'o', repo: 'r', ...extra });
    expect(() => issues({ maxOperations: 0 })).toThrow('max-issue-operations must be a whole number of at least 1 (got 0)');
    expect(() => issues({ label: 'a,b' })).toThrow('issue label must be a label name without commas (got "a,b")');
    expect(() => new GitHubIssueChannel(issues({}), { batch: 'shop', reopenCooldown: 'soon', plotted: true })).toThrow('issue_reopen_cooldown: expected a duration such as "7d", "12h" or "30m" (got "soon")');
  });
});
