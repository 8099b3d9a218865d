/**
 * The page of a batch that keeps its values private (`publish_values: false`): no charts and no values, only what
 * each metric's scores and alerts say (the report may be public on GitHub Pages even when the repository is not).
 */
import { fileSafe } from '../artifacts/file-names.ts';
import type { Batch } from '../config/load.ts';
import type { MetricSeries, SeriesStats } from '../plots/series.ts';
import type { PageFile } from './batch-page.ts';
import { esc, isoMinute, num, page, table } from './html.ts';

const ALERT_KINDS = new Set(['alert', 'tholdalert', 'llmalert', 'change']);

export function privateBatchPage(batch: Batch, series: readonly MetricSeries[], stats: ReadonlyMap<string, SeriesStats>, now: Date): PageFile {
  const slug = fileSafe(batch.name);
  const rows = [...series]
    .sort((a, b) => (stats.get(b.metric)?.anomalyRate ?? 0) - (stats.get(a.metric)?.anomalyRate ?? 0) || a.metric.localeCompare(b.metric))
    .map((s) => {
      const alerts = s.events.filter((e) => ALERT_KINDS.has(e.kind));
      const newest = alerts.at(-1);
      const score = s.score.at(-1) ?? null;
      return [
        esc(s.metric),
        esc(stats.get(s.metric)?.points ?? s.t.length),
        esc(s.t.length > 0 ? isoMinute(s.t[s.t.length - 1] ?? 0) : '–'),
        esc(num(score, 2)),
        esc(alerts.length),
        esc(newest ? `${isoMinute(newest.t)} (${newest.kind})` : '–'),
      ];
    });
  const body = `<p>This batch keeps its values private (<code>publish_values: false</code>): the report shows its scores and
alert times, not its values or charts. <a href="${esc(slug)}.config.html">Effective config</a></p>
${series.length === 0 ? '<p>No data yet: run the batch first.</p>' : table(`${series.length} metrics`, ['metric', 'points', 'newest point (UTC)', 'newest score', 'alerts', 'newest alert (UTC)'], rows)}`;
  return { path: `batch/${slug}.html`, content: page({ title: `Batch ${batch.name}`, root: '../', now, body }) };
}
