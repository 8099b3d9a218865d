/** The report's Health page: the health checks' warnings with their fixes, or "All healthy". */
import type { HealthReport } from '../health/checks.ts';
import { esc, page } from './html.ts';

export function healthPage(report: HealthReport, now: Date): string {
  const warnings = report.warnings.length === 0
    ? '<p class="healthy">All healthy: every check passed.</p>'
    : `<ul class="health-warnings">\n${report.warnings
      .map((w) => `<li data-check="${esc(w.check)}"><strong>${esc(w.message)}</strong><br>Fix: ${esc(w.fix)}</li>`)
      .join('\n')}\n</ul>`;
  const skipped = report.skipped.length === 0
    ? ''
    : `<h2>Not checked</h2>\n<ul>\n${report.skipped.map((s) => `<li>${esc(s)}</li>`).join('\n')}\n</ul>`;
  const about = '<p>Checks of the deployment itself: batches whose newest point is late for their ingest schedule, batches whose runs keep failing (health_failures_n), and, in the action, a cold start and a default branch near GitHub\'s 60 days of inactivity.</p>';
  return page({ title: 'Health', root: '', current: 'health', now, body: `${warnings}\n${skipped}\n${about}` });
}
