// The report module loads Vega and Vega-Lite: imported when used, so other commands start fast.
import type { HealthReport } from '../health/checks.ts';

/** Where `run` writes the report unless told otherwise: beside the rest of the local state. */
export const DEFAULT_REPORT_DIR = '.anomstack/report';

export async function reportCommand(options: { metricsDir: string; outDir: string; batches: readonly string[]; now: Date; health?: HealthReport }): Promise<string> {
  const started = performance.now();
  const { writeReport } = await import('../report/write.ts');
  const result = await writeReport({
    metricsDir: options.metricsDir, outDir: options.outDir, batches: options.batches, now: options.now, ...(options.health ? { health: options.health } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const warnings = result.warnings.map((w) => `warning: ${w}\n`).join('');
  return `${warnings}Report: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds} s. Open ${result.index} in a browser.`;
}
