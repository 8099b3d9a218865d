/** The health checks' part of the action's run summary (`$GITHUB_STEP_SUMMARY`) and of the CLI's output. */
import type { HealthReport } from './checks.ts';

/** Markdown: a heading, then each warning with its fix, or one line saying every check passed. */
export function healthMarkdown(report: HealthReport): string {
  const skipped = report.skipped.length > 0 ? `\n\n<details><summary>Not checked (${report.skipped.length})</summary>\n\n${report.skipped.map((s) => `- ${s}`).join('\n')}\n</details>` : '';
  if (report.warnings.length === 0) return `### Health\n\n✅ All healthy.${skipped}`;
  const items = report.warnings.map((w) => `- ⚠️ ${w.message.replace(/[.!]$/, '')}.\n  Fix: ${w.fix}.`).join('\n');
  return `### Health\n\n${items}${skipped}`;
}

/** Plain lines for a terminal or the run's log (core.warning each). */
export function healthLines(report: HealthReport): string[] {
  return report.warnings.map((w) => `health: ${w.message}; fix: ${w.fix}`);
}
