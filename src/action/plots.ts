/**
 * The plot job's files in the action. They are drawn into the state folder, which the Actions cache keeps
 * between runs, and copied into the report folder on every run that writes it: a tick on which the plot job
 * is not due still publishes the latest plots, so the chart images anomaly issues show never go missing.
 */
import { cp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChartUrl } from '../alerts/github-body.ts';
import { metricPlotPath } from '../jobs/plot.ts';
import { chartPath } from '../report/batch-page.ts';
import { fileSafe } from '../artifacts/file-names.ts';

/** The plots folder inside the published report: `<report-dir>/plots/<batch>/...`. */
export const PUBLISHED_PLOTS_DIR = 'plots';

export function statePlotsDir(stateDir: string): string {
  return path.join(stateDir, 'plots');
}

/**
 * Copies each named batch's plots from `plotsDir` into `<reportDir>/plots`, replacing what an earlier copy
 * left there; batches never plotted are skipped, and plots of batches not named are not published.
 */
export async function publishPlots(plotsDir: string, reportDir: string, batches: readonly string[]): Promise<number> {
  let published = 0;
  for (const batch of batches) {
    const from = path.join(plotsDir, fileSafe(batch));
    const isDir = await stat(from).then((s) => s.isDirectory(), () => false);
    if (!isDir) continue;
    const to = path.join(reportDir, PUBLISHED_PLOTS_DIR, fileSafe(batch));
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true });
    published++;
  }
  return published;
}

/**
 * The image an anomaly issue shows: the plot job's PNG of the metric when the batch runs the plot job,
 * else the static SVG the report keeps for recently alerted metrics.
 */
export function issueChartUrl(reportUrl: string): ChartUrl {
  const base = reportUrl.replace(/\/+$/, '');
  return (batch, metric, plotted) => (plotted ? `${base}/${PUBLISHED_PLOTS_DIR}/${metricPlotPath(batch, metric, 'png')}` : `${base}/${chartPath(batch, metric)}`);
}
