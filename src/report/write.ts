import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { downsample, seriesStats, type MetricSeries } from '../plots/series.ts';
import { RunLog } from '../store/run-log.ts';
import { batchPage, type PageFile } from './batch-page.ts';
import { anomaliesPage, anomalyItems, batchCard, homePage, sortCards, type AnomalyItem, type BatchCard } from './home-page.ts';
import { configPage, runsPage, type BatchRuns } from './meta-pages.ts';
import { alertsPerDay } from './runs-query.ts';
import { readBatchSeries } from './series-query.ts';
import { privateBatchPage } from './private-batch-page.ts';
import { fileSafe } from '../artifacts/file-names.ts';
import { openSources, type SourceOptions } from './sources.ts';
import { batchHealthOrSkip } from '../health/batch-health.ts';
import { healthReport, type CheckResult, type HealthReport } from '../health/checks.ts';
import { healthPage } from './health-page.ts';

export interface ReportOptions extends SourceOptions {
  outDir: string;
  /** The report's clock (ages, staleness); now by default. */
  now?: Date;
  /** Points per chart at most: longer histories are thinned for display, keeping every event. */
  maxPoints?: number;
  /** Rows on the anomaly list. */
  anomalyLimit?: number;
  /** Batches with at most this many metrics also get a static SVG per chart (for readers without JavaScript). */
  staticSvgMaxMetrics?: number;
  /** Runs listed per batch on the runs page. */
  runLimit?: number;
  /**
   * The health checks, when the caller ran them already (the action: with its state restore, default branch and
   * cadence), shown as they are; without them the report checks each batch's database itself.
   */
  health?: HealthReport;
}

export interface ReportResult {
  /** HTML pages written. */
  pages: number;
  /** Bytes of every file written, assets included. */
  bytes: number;
  /** The home page, to tell the user what to open. */
  index: string;
  /** Batches whose pages could not be written (the rest of the report was). */
  warnings: string[];
}

/**
 * The site's files, each named with `new URL(literal, import.meta.url)`: the form ncc recognises, so the
 * bundled CLI and action carry them as assets too. Vega's browser build is not in its package exports,
 * hence the path into node_modules.
 */
const ASSETS: [URL, string][] = [
  [new URL('../../node_modules/vega/build/vega.min.js', import.meta.url), 'vega.min.js'],
  [new URL('../../node_modules/vega/LICENSE', import.meta.url), 'vega-LICENSE.txt'],
  [new URL('../../node_modules/vega-interpreter/build/vega-interpreter.js', import.meta.url), 'vega-interpreter.js'],
  [new URL('../../node_modules/vega-interpreter/LICENSE', import.meta.url), 'vega-interpreter-LICENSE.txt'],
  [new URL('./assets/site.js', import.meta.url), 'site.js'],
  [new URL('./assets/site.css', import.meta.url), 'site.css'],
];

/**
 * Writes the static report site into `outDir`: `index.html` (one card per batch), `batch/<batch>.html`
 * (charts), `batch/<batch>.config.html`, `anomalies.html`, `runs.html` and `assets/` (Vega, script, CSS).
 * Everything is relative and local, so the folder works from GitHub Pages, any static server or offline.
 * Re-running replaces what an earlier run wrote.
 */
export async function writeReport(options: ReportOptions): Promise<ReportResult> {
  const now = options.now ?? new Date();
  const env = options.env ?? process.env;
  const sources = await openSources({ ...options, env });
  const files: PageFile[] = [];
  const cards: BatchCard[] = [];
  const anomalies: AnomalyItem[] = [];
  const runs: BatchRuns[] = [];
  const warnings: string[] = [];
  const health: CheckResult[] = [];
  try {
    for (const { batch, db } of sources.batches) {
      try {
        const full: MetricSeries[] = db ? await readBatchSeries(db, batch.config.table_key, batch.name) : [];
        const stats = new Map(full.map((s) => [s.metric, seriesStats(s)]));
        const shown = full.map((s) => downsample(s, options.maxPoints ?? 500));
        const staticSvg = shown.length <= (options.staticSvgMaxMetrics ?? 50);
        const pages = batch.config.publish_values ? await batchPage({ batch, series: shown, stats, now, staticSvg }) : [privateBatchPage(batch, full, stats, now)];
        const batchRuns = db
          ? { batch: batch.name, runs: await new RunLog(db).recent(batch.name, options.runLimit ?? 100), alertsPerDay: await alertsPerDay(db, batch.config.table_key, batch.name, 30) }
          : null;
        const card = batchCard(batch.name, full, now);
        cards.push(batch.config.disable_batch && full.length === 0 ? { ...card, state: 'disabled' } : card);
        // A private batch's anomalies are listed without their lead-up (its values) or the LLM's words (which quote them).
        const items = anomalyItems(full, options.anomalyLimit ?? 500);
        anomalies.push(...(batch.config.publish_values ? items : items.map(withoutValues)));
        files.push(...pages, { path: `batch/${fileSafe(batch.name)}.config.html`, content: configPage(batch, env, now) });
        if (batchRuns) runs.push(batchRuns);
        if (db && !options.health) health.push(...(await batchHealthOrSkip(batch, db, { now, cadenceMs: null })));
      } catch (error) {
        // One batch that cannot be shown costs its own pages, not the report of the others.
        warnings.push(`report: the pages of ${batch.name} could not be written: ${error instanceof Error ? error.message : String(error)}`);
        cards.push({ ...emptyCard(batch.name), state: 'report failed' });
      }
    }
  } finally {
    sources.close();
  }
  for (const failure of sources.failures) {
    cards.push({ ...emptyCard(failure.name), state: 'invalid config' });
  }
  anomalies.sort((a, b) => b.event.t - a.event.t);
  files.push({ path: 'index.html', content: homePage(sortCards(cards), now) });
  files.push({ path: 'anomalies.html', content: anomaliesPage(anomalies.slice(0, options.anomalyLimit ?? 500), now) });
  files.push({ path: 'runs.html', content: runsPage(runs, now) });
  files.push({ path: 'health.html', content: healthPage(options.health ?? healthReport(health), now) });

  // Pages of batches that no longer exist must not linger from an earlier report.
  await rm(path.join(options.outDir, 'batch'), { recursive: true, force: true });
  let bytes = await writeAssets(options.outDir);
  for (const file of files) {
    const target = path.join(options.outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    bytes += Buffer.byteLength(file.content);
  }
  return { pages: files.filter((f) => f.path.endsWith('.html')).length, bytes, index: path.join(options.outDir, 'index.html'), warnings };
}

function emptyCard(batch: string): BatchCard {
  return { batch, metrics: 0, latestAt: null, meanScore: null, alerts: 0, changes: 0, llmAlerts: 0, feedbackPrecision: null, stale: false, state: 'no data' };
}

/** The site's own copies of Vega (with its licence), the script and the stylesheet: no CDN. */
async function writeAssets(outDir: string): Promise<number> {
  const target = path.join(outDir, 'assets');
  await mkdir(target, { recursive: true });
  let bytes = 0;
  for (const [from, name] of ASSETS) {
    if (name === 'vega-interpreter.js') {
      const script = classicInterpreter(await readFile(from, 'utf8'));
      await writeFile(path.join(target, name), script);
      bytes += Buffer.byteLength(script);
      continue;
    }
    await copyFile(from, path.join(target, name));
    bytes += (await stat(from)).size;
  }
  return bytes;
}

/**
 * vega-interpreter ships only as an ES module importing `vega-util`; the page loads Vega's UMD build, which
 * carries the same functions. Turned into a classic script that takes them from the `vega` global and adds
 * `vega.expressionInterpreter`, it needs neither an import map (inline script) nor eval.
 */
export function classicInterpreter(source: string): string {
  const imports = /^import \{([^}]*)\} from 'vega-util';$/m;
  const exported = /^export \{ expression as expressionInterpreter \};$/m;
  if (!imports.test(source) || !exported.test(source)) throw new Error('vega-interpreter: unexpected module layout; update classicInterpreter');
  const body = source.replace(imports, (_, names: string) => `const {${names}} = vega;`).replace(exported, 'vega.expressionInterpreter = expression;');
  return `(function (vega) {\n${body}\n})(self.vega);\n`;
}

const VALUE_KEYS = new Set(['explanation', 'llm_explanation', 'insight', 'expected', 'value']);

/** An anomaly of a private batch: no lead-up values, no value-bearing metadata (LLM words, expected range, value). */
function withoutValues(item: AnomalyItem): AnomalyItem {
  const metadata = Object.fromEntries(Object.entries(item.event.metadata ?? {}).filter(([key]) => !VALUE_KEYS.has(key)));
  return { ...item, context: [], event: { ...item.event, metadata } };
}
