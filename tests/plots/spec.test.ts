import { describe, expect, it } from 'vitest';
import { downsample, lastPoints, seriesStats, type MetricSeries } from '../../src/plots/series.ts';
import { EVENTS_DATA, eventRows, metricChart, pointRows, POINTS_DATA } from '../../src/plots/spec.ts';
import { renderSvg, toVega } from '../../src/plots/render.ts';

const HOUR = 3_600_000;
function series(n: number, alertsAt: number[]): MetricSeries {
  const t = Array.from({ length: n }, (_, i) => i * HOUR);
  return {
    batch: 'b',
    metric: 'm',
    t,
    value: t.map((_, i) => Math.sin(i / 5) * 10 + (alertsAt.includes(i) ? 100 : 0)),
    score: t.map(() => 0.1),
    low: t.map(() => null),
    high: t.map(() => null),
    events: alertsAt.map((i) => ({ kind: 'alert' as const, t: i * HOUR, value: 0.9, metadata: null })),
  };
}

describe('metric chart spec', () => {
  it('puts the threshold on the score axis and reads named datasets in the site template', () => {
    const spec = JSON.stringify(metricChart(null, { threshold: 0.7 }));
    expect(spec).toContain('"datum":0.7');
    expect(spec).toContain(`"name":"${POINTS_DATA}"`);
    expect(spec).toContain(`"name":"${EVENTS_DATA}"`);
    const vega = toVega(metricChart(null, { threshold: 0.7 }));
    expect(vega.data?.map((d) => d.name)).toEqual(expect.arrayContaining([POINTS_DATA, EVENTS_DATA]));
    expect(vega.scales?.find((s) => s.name === 'color')).toMatchObject({ domain: ['alert', 'change', 'tholdalert', 'llmalert', 'feedback'] });
  });

  it('lists only the event kinds a static chart shows, and drops the marker layer when there are none', () => {
    const withAlert = JSON.stringify(metricChart(series(50, [10]), { threshold: 0.8 }));
    expect(withAlert).toContain('"domain":["alert"]');
    const none = JSON.stringify(metricChart(series(50, []), { threshold: 0.8 }));
    expect(none).not.toContain('"field":"kind"');
  });

  it('adds a rolling mean of the value when asked to smooth', async () => {
    const plain = JSON.stringify(metricChart(series(50, []), { threshold: 0.8 }));
    expect(plain).not.toContain('smoothed');
    const smooth = metricChart(series(50, []), { threshold: 0.8, smoothN: 5 });
    expect(JSON.stringify(smooth)).toContain('"frame":[-4,0]');
    const svg = await renderSvg(smooth);
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(3); // raw value, smoothed value, score
  });

  it("carries each point's expected range into the chart's rows, and draws the band only for a series with one", () => {
    const s = series(20, []);
    const banded = { ...s, low: s.t.map((_, i) => (i < 10 ? null : i)), high: s.t.map((_, i) => (i < 10 ? null : i + 5)) };
    expect(pointRows(banded).slice(9, 11)).toEqual([
      { t: 9 * HOUR, value: s.value[9], score: 0.1, low: null, high: null },
      { t: 10 * HOUR, value: s.value[10], score: 0.1, low: 10, high: 15 },
    ]);
    expect(JSON.stringify(metricChart(banded, { threshold: 0.8 }))).toContain('"name":"expected_band"');
    expect(JSON.stringify(metricChart(s, { threshold: 0.8 }))).not.toContain('expected_band');
    // The site's template has it for every metric: its rows decide whether anything is drawn.
    expect(JSON.stringify(metricChart(null, { threshold: 0.8 }))).toContain('"name":"expected_band"');
  });

  it('places each event on the value line', () => {
    const s = series(20, [5]);
    expect(eventRows(s)).toEqual([{ t: 5 * HOUR, kind: 'alert', y: s.value[5] }]);
  });
});

describe('downsampling for display', () => {
  it('keeps at most about the budget, both ends, the extremes and every event point', () => {
    const s = series(10_000, [1234, 7777]);
    const thin = downsample(s, 500);
    expect(thin.t.length).toBeLessThanOrEqual(502);
    expect(thin.t[0]).toBe(0);
    expect(thin.t.at(-1)).toBe(9_999 * HOUR);
    expect(thin.t).toContain(1234 * HOUR);
    expect(thin.t).toContain(7777 * HOUR);
    expect(Math.max(...thin.value)).toBe(Math.max(...s.value));
    expect(Math.min(...thin.value)).toBe(Math.min(...s.value));
    expect(thin.events).toEqual(s.events);
    expect(thin.low).toHaveLength(thin.t.length);
    expect(thin.high).toHaveLength(thin.t.length);
  });

  it('keeps the expected range of the points it keeps', () => {
    const s = series(10_000, [1234]);
    const banded = { ...s, low: s.t.map((_, i) => (i % 3 === 0 ? null : i)), high: s.t.map((_, i) => (i % 3 === 0 ? null : i + 1)) };
    const thin = downsample(banded, 500);
    const index = thin.t.map((t) => t / HOUR);
    expect(thin.low).toEqual(index.map((i) => (i % 3 === 0 ? null : i)));
    expect(thin.high).toEqual(index.map((i) => (i % 3 === 0 ? null : i + 1)));
    const last = lastPoints(banded, 50);
    expect(last.low).toEqual(banded.low.slice(-50));
    expect(last.high).toEqual(banded.high.slice(-50));
  });

  it('leaves a short series untouched', () => {
    const s = series(100, [3]);
    expect(downsample(s, 500)).toBe(s);
  });

  it('counts anomalies per point and windows the newest points with their events', () => {
    const s = series(200, [10, 190]);
    const stats = seriesStats(s);
    expect(stats).toMatchObject({ points: 200, anomalies: 2, anomalyRate: 0.01 });
    expect(stats.meanScore).toBeCloseTo(0.1, 12);
    const last = lastPoints(s, 50);
    expect(last.t).toHaveLength(50);
    expect(last.events.map((e) => e.t)).toEqual([190 * HOUR]);
  });
});
