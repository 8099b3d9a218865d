import { afterEach, describe, expect, it } from 'vitest';
import { downsample, hasBand, lastPoints, type MetricSeries } from '../../src/plots/series.ts';
import { BAND_LABEL, metricChart, metricSpec, POINTS_DATA } from '../../src/plots/spec.ts';
import { renderSvg } from '../../src/plots/render.ts';
import { packSeries } from '../../src/report/batch-page.ts';
import { readBatchSeries } from '../../src/report/series-query.ts';
import { DuckDb } from '../../src/store/duckdb.ts';
import { MetricsTable, type MetricRow } from '../../src/store/metrics-table.ts';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 1, 1);
const N = 40;
/** Points 30..31 are scored without a range (a malformed and a models-only metadata): a gap in the band. */
const GAP = [30, 31];

let db: DuckDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

/**
 * `cpu`: 40 hourly points; 0..4 unscored, 5..9 scored by an older version (no metadata), 10..39 with an expected
 * range (low 90+i, high 110+i) except the gap. `disk`: scored, never with a range.
 */
async function store(): Promise<MetricsTable> {
  db = await DuckDb.open(':memory:');
  const table = new MetricsTable(db, 'metrics');
  const row = (metric: string, i: number, type: 'metric' | 'score', value: number, metadata?: Record<string, unknown>): MetricRow => ({
    metric_timestamp: new Date(START + i * HOUR), metric_batch: 'b', metric_name: metric, metric_type: type, metric_value: value, ...(metadata ? { metadata } : {}),
  });
  const rows: MetricRow[] = [];
  for (let i = 0; i < N; i++) {
    rows.push(row('cpu', i, 'metric', 100 + (i % 7)), row('disk', i, 'metric', 50 + (i % 3)), row('disk', i, 'score', 0.2));
    if (i < 5 || i === GAP[0]) continue;
    if (i < 10) rows.push(row('cpu', i, 'score', 0.1));
    else if (i === GAP[1]) rows.push(row('cpu', i, 'score', 0.3, { models: { pca: 0.3, iforest: 0.2 } }));
    else rows.push(row('cpu', i, 'score', 0.1 + i / 100, { models: { pca: 0.1 }, expected: { baseline: 100 + i, low: 90 + i, high: 110 + i } }));
  }
  await table.insert(rows);
  // A score row whose metadata is not JSON at all (hand-edited, another tool's): no band, not a failed read.
  await db.run(`INSERT INTO metrics VALUES ($t::TIMESTAMP, 'b', 'cpu', 'score', 0.5, '{"expected": {"low": 1,')`, {
    t: new Date(START + (GAP[0] ?? 0) * HOUR).toISOString(),
  });
  return table;
}

function expectedLow(i: number): number | null {
  return i < 10 || GAP.includes(i) ? null : 90 + i;
}

/** The named unit layers of a spec, in drawing order. */
function layers(spec: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['name'] === 'string' && 'mark' in record) found.push(record);
    for (const child of Object.values(record)) walk(child);
  };
  walk(spec);
  return found;
}

function layerNames(spec: unknown): string[] {
  return layers(spec).map((l) => String(l['name']));
}

describe('the expected range behind the value line', () => {
  it('reads both bounds with the points, null where a score row has no expected range', async () => {
    const table = await store();
    const [cpu, disk] = await readBatchSeries(table.db, table.table, 'b');
    expect(cpu?.metric).toBe('cpu');
    expect(cpu?.t).toHaveLength(N);
    expect(cpu?.low).toEqual(Array.from({ length: N }, (_, i) => expectedLow(i)));
    expect(cpu?.high).toEqual(Array.from({ length: N }, (_, i) => (expectedLow(i) === null ? null : 110 + i)));
    expect(cpu?.score[GAP[0] ?? 0]).toBe(0.5);
    expect(disk?.low.every((l) => l === null)).toBe(true);
    expect(disk?.high).toHaveLength(N);
    expect(cpu && hasBand(cpu)).toBe(true);
    expect(disk && hasBand(disk)).toBe(false);
    // One metric, as the alert plot reads it.
    const [only] = await readBatchSeries(table.db, table.table, 'b', { metric: 'cpu', since: new Date(START + 35 * HOUR) });
    expect(only?.low).toEqual([125, 126, 127, 128, 129]);
  });

  it('keeps the band aligned with its points when thinned or windowed', async () => {
    const table = await store();
    const [cpu] = await readBatchSeries(table.db, table.table, 'b');
    if (!cpu) throw new Error('no cpu series');
    const lowAt = new Map(cpu.t.map((t, i) => [t, cpu.low[i]]));
    const highAt = new Map(cpu.t.map((t, i) => [t, cpu.high[i]]));
    for (const shown of [downsample(cpu, 12), lastPoints(cpu, 15)]) {
      expect(shown.t.length).toBeLessThan(N);
      expect(shown.low).toHaveLength(shown.t.length);
      expect(shown.high).toHaveLength(shown.t.length);
      expect(shown.low).toEqual(shown.t.map((t) => lowAt.get(t)));
      expect(shown.high).toEqual(shown.t.map((t) => highAt.get(t)));
    }
  });

  it('draws the band as an area from low to high behind the value line, with a gap where there is none', async () => {
    const table = await store();
    const [cpu, disk] = await readBatchSeries(table.db, table.table, 'b');
    if (!cpu || !disk) throw new Error('no series');
    const spec = metricSpec(cpu, { threshold: 0.8 });
    const band = layers(spec).find((l) => l['name'] === 'expected_band');
    expect(band).toMatchObject({
      mark: { type: 'area' },
      encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
    });
    const rows = (band?.['data'] as { values: { t: number; low: number | null; high: number | null }[] }).values;
    expect(rows.map((r) => r.low)).toEqual(cpu.low);
    expect(rows.map((r) => r.high)).toEqual(cpu.high);
    // Layers draw in order: the band first, under the value line; and the legend names it.
    const names = layerNames(spec);
    expect(names.indexOf('expected_band')).toBe(0);
    expect(names).toContain('expected_legend');
    const svg = await renderSvg(metricChart(cpu, { threshold: 0.8 }));
    const area = /<g class="mark-area role-mark expected_band_marks"[^>]*><path [^>]*d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(area.match(/M/g)).toHaveLength(2); // two stretches: points 10..29 and 32..39
    expect(svg).toContain(`>${BAND_LABEL}</text>`);
    expect(svg.indexOf('expected_band_marks')).toBeLessThan(svg.indexOf('class="mark-line role-mark'));

    // A metric without any range draws no band and lists none.
    expect(layerNames(metricSpec(disk, { threshold: 0.8 }))).not.toContain('expected_band');
    // The site's template reads the band from its named points, for whichever metric it draws.
    const template = JSON.stringify(metricSpec(null, { threshold: 0.8 }));
    expect(template).toContain(`"name":"expected_band","data":{"name":"${POINTS_DATA}"}`);
  });

  it("packs the band into the site's data only for a metric that has one, rounded", async () => {
    const table = await store();
    const [cpu, disk] = await readBatchSeries(table.db, table.table, 'b');
    if (!cpu || !disk) throw new Error('no series');
    const packed = packSeries({ ...cpu, low: cpu.low.map((l) => (l === null ? null : l + 0.123456)) } satisfies MetricSeries);
    const lo = packed['lo'] as (number | null)[];
    expect(lo).toHaveLength(N);
    expect(lo.slice(8, 12)).toEqual([null, null, 100, 101]); // values 100..149: three digits resolve a 250th of the span
    expect(packed['hi']).toEqual(cpu.high);
    expect(packSeries(disk)).not.toHaveProperty('lo');
    expect(packSeries(disk)).not.toHaveProperty('hi');
  });
});
