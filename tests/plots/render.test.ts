import { describe, expect, it } from 'vitest';
import { batchChart, metricChart } from '../../src/plots/spec.ts';
import { renderPng, renderSvg } from '../../src/plots/render.ts';
import type { MetricSeries } from '../../src/plots/series.ts';
import { wiggle } from '../helpers/metrics-dir.ts';
import { decodePng, ink, svgSize } from './png.ts';

const START = Date.UTC(2026, 0, 1);
function series(metric: string, n: number): MetricSeries {
  const t = Array.from({ length: n }, (_, i) => START + i * 3_600_000);
  return {
    batch: 'b',
    metric,
    t,
    value: t.map((_, i) => wiggle(i, metric) + (i === n - 2 ? 50 : 0)),
    score: t.map((_, i) => (i < n - 20 ? null : i === n - 2 ? 0.95 : 0.2)),
    // An expected range once there is some history, as the score job stores it.
    low: t.map((_, i) => (i < 10 ? null : 92)),
    high: t.map((_, i) => (i < 10 ? null : 116)),
    events: [
      { kind: 'alert', t: t[n - 2] ?? 0, value: 0.95, metadata: null },
      { kind: 'change', t: t[n - 10] ?? 0, value: 1, metadata: null },
    ],
  };
}

describe('rendering a metric chart', () => {
  it('writes an SVG with the value and score lines, the threshold rule and the event markers, in the embedded font', async () => {
    const svg = await renderSvg(metricChart(series('requests', 120), { threshold: 0.8, width: 500, height: 150 }));
    expect(svg).toMatch(/^<svg[^>]+width="\d+" height="\d+"/);
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(2);
    expect(svg).toContain('class="mark-rule role-mark threshold_marks"');
    expect(svg.match(/class="mark-symbol role-mark/g)?.length).toBeGreaterThanOrEqual(1);
    // Alert points are shaded: one faint band per alert, behind the lines.
    const bands = /<g class="mark-rule role-mark alert_bands_marks"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
    expect(bands.match(/<line /g)).toHaveLength(series('requests', 120).events.filter((e) => e.kind === 'alert').length);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('anomaly score');
    // The expected range: one filled area behind the value line, named in the legend.
    expect(svg).toMatch(/<g class="mark-area role-mark expected_band_marks"[^>]*><path [^>]*d="M/);
    expect(svg.indexOf('expected_band_marks')).toBeLessThan(svg.indexOf('class="mark-line role-mark'));
    expect(svg).toContain('>expected range</text>');
  });

  it('rasterises to a PNG that decodes, has twice the SVG size and is not blank', async () => {
    const { png, svg, width, height } = await renderPng(metricChart(series('requests', 120), { threshold: 0.8, width: 500, height: 150 }), 2);
    const size = svgSize(svg);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect([decoded.width, decoded.height]).toEqual([size.width * 2, size.height * 2]);
    const { colours, inkedShare } = ink(decoded);
    expect(colours).toBeGreaterThan(20); // lines, markers and anti-aliased text, not one flat fill
    expect(inkedShare).toBeGreaterThan(0.01);
    expect(inkedShare).toBeLessThan(0.5);
  });

  it('renders the same bytes every time (no system fonts, no clock)', async () => {
    const spec = metricChart(series('latency', 60), { threshold: 0.8 });
    const [a, b] = [await renderPng(spec), await renderPng(spec)];
    expect(a.png.equals(b.png)).toBe(true);
  });

  it('stacks one panel per metric in the batch plot', async () => {
    const svg = await renderSvg(batchChart('web', [series('a', 50), series('b', 50), series('c', 50)], { threshold: 0.8, height: 100 }));
    expect(svg.match(/class="mark-rule role-mark threshold_marks/g)).toHaveLength(3);
    for (const name of ['a', 'b', 'c']) expect(svg).toContain(`>${name}</text>`);
  });
});
