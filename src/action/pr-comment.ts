/**
 * `command: pr-check`, the reviewer's side: per changed batch and metric, alerts before -> after and when, as one
 * Markdown body; and the sticky comment that carries it, found again by a hidden marker and edited in place on
 * every push so a pull request never collects a comment per push.
 */
import type { Octokit } from '../alerts/github-api.ts';
import type { BacktestResult } from '../jobs/backtest.ts';
import { isoMinute } from '../report/html.ts';

/** Starts the body of the comment, so the next run finds it (HTML comments are not rendered). */
export const STICKY_MARKER = '<!-- anomstack-pr-check -->';

/** GitHub refuses comment bodies over 65,536 characters. */
const MAX_BODY = 65_000;
const MAX_TIMES = 6;
const MAX_METRICS = 40;
const SPARK_WIDTH = 32;
const BLOCKS = '▁▂▃▄▅▆▇█';

export interface BatchOutcome {
  batch: string;
  /** compared: both configs ran; new: only the head has it; removed: only the base; invalid: the head's config has errors. */
  status: 'compared' | 'new' | 'removed' | 'invalid' | 'failed' | 'skipped';
  /** Why a batch was not compared (config errors, a failed or skipped backtest). */
  note?: string;
  before: BacktestResult[] | null;
  after: BacktestResult[] | null;
  /** The PNG of the head config's alerts, relative to the `pr-check` folder (the artifact). */
  chart?: string;
}

export interface CheckBody {
  baseSha: string;
  headSha: string;
  outcomes: BatchOutcome[];
  /** What the run did not do and why (fork runs, missing permissions); shown first. */
  skipped: string[];
  /** Where the full CSVs and charts are (the run's page), when known. */
  runUrl: string | null;
  /** Where the history came from (the restored state, or a cold start). */
  state: string | null;
}

/** The Markdown of the comment (and of the job summary): a section per changed batch. */
export function renderCheckBody(input: CheckBody): string {
  const lines = [
    STICKY_MARKER,
    '## Anomstack: alerts before → after this pull request',
    '',
    `Each changed batch replayed walk-forward over the same history (the stored state plus one ingest) with the base branch's config (\`${short(input.baseSha)}\`, before) and this pull request's (\`${short(input.headSha)}\`, after).`,
  ];
  if (input.state) lines.push('', input.state);
  if (input.skipped.length > 0) lines.push('', '**Skipped:**', ...input.skipped.map((s) => `- ${s}`));
  if (input.outcomes.length === 0) lines.push('', 'No batch under the metrics folder changed.');
  for (const outcome of input.outcomes) lines.push('', ...batchSection(outcome, input.runUrl));
  const run = input.runUrl ? `[this run's](${input.runUrl}#artifacts)` : "this run's";
  lines.push('', `Charts and per-point CSVs (before and after): ${run} \`pr-check\` artifact.`);
  const body = lines.join('\n');
  return body.length <= MAX_BODY ? body : `${body.slice(0, MAX_BODY)}\n\n… (cut at ${MAX_BODY} characters: GitHub's limit for a comment)`;
}

function batchSection(outcome: BatchOutcome, runUrl: string | null): string[] {
  const heading = `### \`${outcome.batch}\`${STATUS_WORDS[outcome.status]}`;
  const note = [
    ...(outcome.note ? [`> ${outcome.note.replace(/\n/g, '\n> ')}`] : []),
    ...(outcome.chart ? [`Chart of this pull request's alerts: \`${outcome.chart}\` in the ${runUrl ? `[run's artifact](${runUrl}#artifacts)` : "run's artifact"}.`] : []),
  ];
  const after = new Map((outcome.after ?? []).map((r) => [r.metric, r]));
  const before = new Map((outcome.before ?? []).map((r) => [r.metric, r]));
  const metrics = [...new Set([...before.keys(), ...after.keys()])].sort();
  if (metrics.length === 0) return [heading, ...note];
  const rows = metrics.slice(0, MAX_METRICS).map((metric) => metricRow(metric, before.get(metric), after.get(metric), outcome));
  const more = metrics.length > MAX_METRICS ? [`… and ${metrics.length - MAX_METRICS} more metric(s) in the CSVs.`] : [];
  return [heading, ...note, '', '| metric | alerts before → after | alert times after (UTC) | no longer alerting | after: values and ▲ alerts |', '|---|---|---|---|---|', ...rows, ...more];
}

const STATUS_WORDS: Record<BatchOutcome['status'], string> = {
  compared: '',
  new: ' (new batch)',
  removed: ' (removed)',
  invalid: ' ❌ invalid config',
  failed: ' ⚠️ backtest failed',
  skipped: ' (backtest skipped)',
};

function metricRow(metric: string, before: BacktestResult | undefined, after: BacktestResult | undefined, outcome: BatchOutcome): string {
  const beforeTimes = alertTimes(before);
  const afterTimes = alertTimes(after);
  const count = (times: number[] | null, side: BacktestResult[] | null): string => (times ? String(times.length) : side ? '0' : '–');
  const dropped = beforeTimes && afterTimes ? beforeTimes.filter((t) => !afterTimes.includes(t)) : [];
  const cells = [
    `\`${metric.replace(/`/g, "'")}\``,
    `${count(beforeTimes, outcome.before)} → ${count(afterTimes, outcome.after)}`,
    timeList(afterTimes ?? [], beforeTimes),
    timeList(dropped, null),
    after ? sparkline(after) : '',
  ];
  return `| ${cells.join(' | ')} |`;
}

function alertTimes(result: BacktestResult | undefined): number[] | null {
  return result ? result.points.filter((p) => p.alert).map((p) => p.timestamp.getTime()) : null;
}

/** Up to MAX_TIMES times; an alert the base config did not raise is marked new. */
function timeList(times: readonly number[], before: readonly number[] | null): string {
  if (times.length === 0) return '–';
  const shown = times.slice(-MAX_TIMES).map((t) => `${isoMinute(t)}${before && !before.includes(t) ? ' (new)' : ''}`);
  return `${times.length > MAX_TIMES ? `… ${times.length - MAX_TIMES} earlier, ` : ''}${shown.join(', ')}`;
}

/**
 * A text chart where no image can be hosted: the values in Unicode blocks (the newest SPARK_WIDTH buckets) over a
 * line marking the buckets with an alert.
 */
export function sparkline(result: BacktestResult): string {
  const points = result.points;
  if (points.length === 0) return '';
  const buckets = Math.min(SPARK_WIDTH, points.length);
  const size = points.length / buckets;
  const values: number[] = [];
  const alerts: boolean[] = [];
  for (let b = 0; b < buckets; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    values.push(slice.reduce((sum, p) => sum + p.value, 0) / Math.max(slice.length, 1));
    alerts.push(slice.some((p) => p.alert));
  }
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  const blocks = values.map((v) => BLOCKS[span > 0 ? Math.round(((v - min) / span) * (BLOCKS.length - 1)) : 0] ?? BLOCKS[0]).join('');
  return `<code>${blocks}</code><br><code>${alerts.map((a) => (a ? '▲' : '·')).join('')}</code>`;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

export interface CommentTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The pull request's number: its conversation comments are issue comments in the REST API. */
  number: number;
  /** Only a comment by this login is taken for ours (anyone may quote the marker). */
  author: string;
}

/** Creates the sticky comment, or edits the one an earlier run made; never makes a second. */
export async function upsertStickyComment(target: CommentTarget, body: string): Promise<{ action: 'created' | 'updated'; url: string }> {
  const { octokit, owner, repo, number } = target;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
  const ours = comments.find((c) => (c.body ?? '').startsWith(STICKY_MARKER) && c.user?.login === target.author);
  if (ours) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
    return { action: 'updated', url: data.html_url };
  }
  // Not retried: a create that timed out may have landed, and the next push finds and edits it.
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body, request: { retries: 0 } });
  return { action: 'created', url: data.html_url };
}
