/** The job summary (`$GITHUB_STEP_SUMMARY`): what ran for each batch, where the state came from, what went wrong. */
import * as core from '@actions/core';
import type { GitHubIssuesResult, IssueRef } from '../alerts/github-issues.ts';
import { eventLine, jobsLine, silentLine, summaryTitle, topRow, totalsLine, TOP_HEADER, type BatchSummary } from '../alerts/summary-message.ts';
import type { RunReport } from '../jobs/run.ts';
import { ago, esc } from '../report/html.ts';
import type { Feedback } from '../store/feedback.ts';
import type { StoreSaved } from '../artifacts/state-sync.ts';
import type { Restored, Saved } from './state.ts';

export interface SummaryInput {
  report: RunReport;
  restored: Restored;
  saved: Saved | StoreSaved | null;
  /** Why saving the state to its store failed, when it did. */
  saveFailure?: string | null;
  /** What the run did to GitHub issues; null when the github channel was off (no token). */
  issues: GitHubIssuesResult | null;
  /** The report written this run. */
  site: { pages: number; bytes: number; dir: string; url: string | null } | null;
  trigger: string;
  now: Date;
  runUrl: string | null;
  dryRun: boolean;
}

const COUNTS = ['metrics', 'ingested', 'scored', 'alerts', 'changes', 'tholdalerts', 'llmalerts'] as const;

/** One line on where this run's state came from. */
export function describeRestore(restored: Restored, now: Date, serverRepoUrl: string | null): string {
  if (restored.kind === 'local') return `State: the folder \`${restored.dir}\`.`;
  if (restored.kind === 'cold-start') return `⚠️ Cold start: ${restored.reason}.`;
  if (restored.kind === 'store') {
    const { save } = restored;
    const merged = restored.merged.length > 0
      ? `; merged ${restored.merged.length} overlapping save(s) (${restored.merged.map((m) => `${m.rows} row(s) from ${m.run}`).join(', ')})`
      : '';
    return `State: restored from \`${restored.location}\`, saved ${ago(Date.parse(save.saved_at), now)} by ${save.run} (save \`${save.id}\`, ${megabytes(save.bytes)})${merged}.`;
  }
  const run = restored.fromRun ? (serverRepoUrl ? `[run ${restored.fromRun}](${serverRepoUrl}/actions/runs/${restored.fromRun})` : `run ${restored.fromRun}`) : 'an earlier run';
  const age = restored.savedAt ? `, saved ${ago(restored.savedAt.getTime(), now)}` : '';
  return `State: restored from ${run}${age} (cache key \`${restored.key}\`).`;
}

/** One line on where this run's state went. */
export function describeSave(saved: Saved | StoreSaved): string {
  const n = saved.pruned.length;
  const noun = 'location' in saved ? (n === 1 ? 'save' : 'saves') : n === 1 ? 'entry' : 'entries';
  const pruned = n > 0 ? `; ${n} superseded ${noun} deleted` : '';
  if ('location' in saved) return `State saved to \`${saved.location}\` as save \`${saved.id}\` (${megabytes(saved.bytes)})${pruned}.`;
  return saved.key ? `State saved as \`${saved.key}\`${pruned}.` : 'State was not saved.';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Precision from triage labels: confirmed / (confirmed + false positives), with the counts behind it. */
export function precisionCell(feedback: Feedback | undefined): string {
  if (!feedback || feedback.precision === null) return '–';
  return `${Math.round(feedback.precision * 100)}% (${feedback.confirmed} ✓ / ${feedback.falsePositives} ✗)`;
}

function jobsCell(jobs: RunReport['batches'][number]['jobs']): string {
  const ran = jobs.filter((j) => j.status !== 'skipped').map((j) => `${j.job}${j.status === 'failed' ? ' ✗' : ''} ${(j.ms / 1000).toFixed(1)}s`);
  const skipped = jobs.filter((j) => j.status === 'skipped');
  // Most skips are schedules; another reason (llmalert without a key) is named.
  const notDue = skipped.filter((j) => j.message.startsWith('not due')).map((j) => j.job);
  const other = skipped.filter((j) => !j.message.startsWith('not due')).map((j) => `${j.job} skipped (${j.message})`);
  return [...ran, ...(notDue.length > 0 ? [`not due: ${notDue.join(', ')}`] : []), ...other].join(', ') || '–';
}

export async function writeSummary(input: SummaryInput): Promise<void> {
  const { report } = input;
  const repoUrl = input.runUrl ? input.runUrl.replace(/\/actions\/runs\/.*$/, '') : null;
  const issueCounts = (batch: string): string[] => {
    if (!input.issues) return [];
    const count = (list: readonly IssueRef[]) => String(list.filter((i) => i.batch === batch).length);
    return [count([...input.issues.opened, ...input.issues.reopened]), count(input.issues.closed)];
  };
  const issueHeaders = input.issues ? ['issues opened', 'issues closed'] : [];
  const header = ['batch', 'status', ...COUNTS, ...issueHeaders, 'precision', 'jobs'].map((data) => ({ data, header: true }));
  const rows = report.batches.map((b) => [
    b.batch, b.status, ...COUNTS.map((k) => String(b.counts[k] ?? 0)), ...issueCounts(b.batch), precisionCell(b.feedback), jobsCell(b.jobs),
  ]);
  const summary = core.summary.addHeading('Anomstack', 2);
  summary.addRaw(`Triggered by \`${input.trigger || 'a manual run'}\`${input.dryRun ? ' · **dry run**: nothing on GitHub was changed and the state was not saved' : ''}.`, true);
  summary.addRaw(describeRestore(input.restored, input.now, repoUrl), true);
  summary.addTable([header, ...rows]);
  if (input.issues) issueSection(input.issues);
  for (const b of report.batches) if (b.summary) digestSection(b.summary);
  const errors = report.batches.filter((b) => b.error).map((b) => `${b.batch}: ${b.error ?? ''}`);
  if (errors.length > 0) summary.addHeading('Errors', 3).addList(errors);
  const warnings = [...('warnings' in input.restored ? input.restored.warnings : []), ...(input.saved?.warnings ?? []), ...(input.saveFailure ? [input.saveFailure] : [])];
  if (warnings.length > 0) summary.addHeading('State', 3).addList(warnings.map(esc));
  if (input.saved && ('location' in input.saved || input.saved.key)) summary.addRaw(describeSave(input.saved), true);
  if (input.site) {
    const where = input.site.url ? `<a href="${input.site.url}">${input.site.url}</a>` : `\`${input.site.dir}\``;
    summary.addRaw(`Report: ${input.site.pages} pages (${(input.site.bytes / 1e6).toFixed(1)} MB) in ${where}.`, true);
  }
  if (input.runUrl) summary.addLink('This run', input.runUrl);
  await summary.write();
}

/** The summary job's digest of a batch, as the Slack and email channels send it. */
function digestSection(digest: BatchSummary): void {
  const section = core.summary.addHeading(esc(summaryTitle(digest)), 3);
  section.addRaw(`${esc(totalsLine(digest))}. Jobs: ${esc(jobsLine(digest))}.`, true);
  if (digest.events.length > 0) section.addList(digest.events.map((e) => esc(eventLine(e))));
  if (digest.top.length > 0) {
    section.addTable([TOP_HEADER.map((data) => ({ data, header: true })), ...digest.top.map((m) => topRow(m).map(esc))]);
  }
  if (digest.silent.length > 0) section.addRaw(esc(silentLine(digest)), true);
}

/** Links to every issue the run touched (or, in a dry run, would have). */
function issueSection(issues: GitHubIssuesResult): void {
  const groups: [string, readonly IssueRef[]][] = [
    ['opened', issues.opened], ['reopened', issues.reopened], ['updated', issues.updated], ['closed', issues.closed], ['snoozed', issues.snoozed],
  ];
  const items = groups.flatMap(([verb, list]) =>
    list.map((i) => `${issues.dryRun ? `would be ${verb}` : verb}: ${i.url ? `<a href="${esc(i.url)}">${esc(i.title)}</a>` : esc(i.title)}`),
  );
  if (issues.digest?.url) items.push(`digest of what did not fit in max-issue-operations: <a href="${issues.digest.url}">#${issues.digest.number ?? ''}</a>`);
  if (items.length === 0) return;
  core.summary.addHeading(issues.dryRun ? `Issues (dry run: ${issues.plan.length} mutation(s) planned, none made)` : 'Issues', 3).addList(items);
}
