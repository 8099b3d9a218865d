import path from 'node:path';
import { stringify } from 'yaml';
import type { Batch } from '../config/load.ts';
import { redact } from '../runtime/redact.ts';
import type { JobRun } from '../store/run-log.ts';
import { esc, isoMinute, page, table } from './html.ts';
import { fileSafe } from '../artifacts/file-names.ts';

/** Where the batch's YAML lives in the repository, when running in GitHub Actions. */
export function repositoryLink(batch: Batch, env: NodeJS.ProcessEnv): string | null {
  const server = env['GITHUB_SERVER_URL'];
  const repo = env['GITHUB_REPOSITORY'];
  const ref = env['GITHUB_SHA'] ?? env['GITHUB_REF_NAME'];
  if (!server || !repo || !ref || !/^https:\/\//.test(server)) return null;
  // The checkout's root (GITHUB_WORKSPACE) is the repository's root; batch.file is relative to the cwd.
  const root = env['GITHUB_WORKSPACE'] ?? process.cwd();
  const file = path.relative(root, path.resolve(batch.file)).split(path.sep).join('/');
  if (file.startsWith('../') || file.startsWith('/')) return null;
  return `${server}/${repo}/blob/${encodeURIComponent(ref)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** The batch's effective config: every layer merged, as the jobs saw it. */
export function configPage(batch: Batch, env: NodeJS.ProcessEnv, now: Date): string {
  const link = repositoryLink(batch, env);
  const source = link ? `<a href="${esc(link)}">${esc(batch.file)}</a>` : `<code>${esc(batch.file)}</code>`;
  const body = `<p><a href="${esc(fileSafe(batch.name))}.html">Back to the charts</a></p>
<p>Defaults, <code>defaults.yaml</code>, ${source} and <code>ANOMSTACK_*</code> variables merged.</p>
<pre>${esc(stringify(batch.config))}</pre>`;
  return page({ title: `Config of ${batch.name}`, root: '../', now, body });
}

export interface BatchRuns {
  batch: string;
  runs: JobRun[];
  alertsPerDay: { day: string; alerts: number }[];
}

/** Job runs from the run log (durations, points ingested, status) and alerts per day. */
export function runsPage(batches: readonly BatchRuns[], now: Date): string {
  const sections = batches.map((b) => {
    const runs = table(
      `${b.batch}: the newest ${b.runs.length} job runs`,
      ['started (UTC)', 'job', 'status', 'duration', 'ingested', 'scored', 'alerts', 'message'],
      b.runs.map((r) => [
        esc(isoMinute(r.startedAt.getTime())),
        esc(r.job),
        r.status === 'ok' ? 'ok' : '<span class="bad">failed</span>',
        r.ms < 1000 ? `${Math.round(r.ms)} ms` : `${(r.ms / 1000).toFixed(1)} s`,
        String(r.counts['ingested'] ?? ''),
        String(r.counts['scored'] ?? ''),
        String((r.counts['alerts'] ?? 0) + (r.counts['tholdalerts'] ?? 0) + (r.counts['llmalerts'] ?? 0) || ''),
        // RunLog redacts already; a page built from runs read any other way must not publish a credential either.
        esc(redact(r.message)),
      ]),
    );
    const perDay = b.alertsPerDay.length === 0
      ? '<p>No alerts recorded.</p>'
      : table(`${b.batch}: alerts per day`, ['day', 'alerts'], b.alertsPerDay.map((d) => [esc(d.day), String(d.alerts)]));
    return `<section id="runs-${esc(fileSafe(b.batch))}"><h2>${esc(b.batch)}</h2>\n${b.runs.length === 0 ? '<p>No runs logged yet.</p>' : runs}\n${perDay}</section>`;
  });
  return page({ title: 'Runs', root: '', current: 'runs', now, body: sections.join('\n') || '<p>No batches.</p>' });
}
