// The report and plot modules load Vega, Vega-Lite and resvg: imported when used, so other commands start fast.

/** Where `run` writes the report unless told otherwise: beside the rest of the local state. */
export const DEFAULT_REPORT_DIR = '.anomstack/report';
export const DEFAULT_PLOT_DIR = '.anomstack/plots';

export async function reportCommand(options: { metricsDir: string; outDir: string; batches: readonly string[]; now: Date }): Promise<string> {
  const started = performance.now();
  const { writeReport } = await import('../report/write.ts');
  const result = await writeReport({ metricsDir: options.metricsDir, outDir: options.outDir, batches: options.batches, now: options.now });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `Report: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds} s. Open ${result.index} in a browser.`;
}

export async function plotCommand(options: { metricsDir: string; outDir: string; batches: readonly string[] }): Promise<string> {
  const { plotBatches } = await import('../jobs/plot.ts');
  const result = await plotBatches({ metricsDir: options.metricsDir, outDir: options.outDir, batches: options.batches });
  return `Plots: ${result.files.length} files (PNG and SVG per metric and batch), ${(result.bytes / 1e6).toFixed(1)} MB in ${options.outDir}`;
}
