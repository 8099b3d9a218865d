import { describe, expect, it } from 'vitest';
import { backtestBatch } from '../../src/jobs/backtest.ts';
import { score } from '../../src/jobs/score.ts';
import { train } from '../../src/jobs/train.ts';
import { ANOMSTACK_DETECTORS_YAML } from '../helpers/anomstack-detectors.ts';
import { jobContext, loadBatch, seriesSql, tempMetrics, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

const END = '2026-01-10 00:00:00';
// 200 hourly points around 100..125 with the newest one 500 higher: an obvious spike.
const SQL = seriesSql({ metrics: ['m'], n: 200, end: END, spike: 500, spikeN: 1 });
// Anomstack's PCA + KNN, pinned: the hook is what is tested, with detectors that score a clipped point as normal.
const CONFIG = `train_min_n: 20\n${ANOMSTACK_DETECTORS_YAML}`;
// A spike filter: a value above 200 is replaced by the one before it.
const CLIP = 'export default function preprocess(points, { metric }) {\n  return points.map((p, i) => ({ ...p, value: p.value > 200 ? (points[i - 1]?.value ?? p.value) : p.value }));\n}\n';

let ws: TempWorkspace | undefined;
let ctx: TestContext | undefined;
const track = disposeAfterEach();

/** The newest point's own score. */
async function newestScore(files: Record<string, string>): Promise<number> {
  ws = track(await tempMetrics({ 'b/config.yaml': CONFIG, 'b/query.sql': SQL, ...files }));
  const batch = await loadBatch(ws.metricsDir, 'b');
  ctx = track(await jobContext(batch, ws.root));
  const { ingest } = await import('../../src/jobs/ingest.ts');
  await ingest(ctx);
  await train(ctx);
  await score(ctx);
  // The point's own score (the stored score is the mean over it and the two before it).
  const rows = await ctx.db.all("SELECT metadata->>'$.point' AS point FROM metrics WHERE metric_type = 'score' ORDER BY metric_timestamp DESC LIMIT 1");
  return Number(rows[0]?.['point']);
}

describe('a batch preprocess.js', () => {
  it('transforms each series before features are built, in train and score alike', async () => {
    expect(await newestScore({})).toBeGreaterThan(0.9);
    // Filtering removes the spike, so the same point is no longer anomalous.
    expect(await newestScore({ 'b/preprocess.js': CLIP })).toBeLessThan(0.8);
  });

  it('is used by the backtest too', async () => {
    ws = track(await tempMetrics({ 'b/config.yaml': CONFIG, 'b/query.sql': SQL, 'b/preprocess.mjs': CLIP }));
    const batch = await loadBatch(ws.metricsDir, 'b');
    const reporter = { info: () => undefined, warn: () => undefined, progress: () => undefined };
    const { results } = await backtestBatch({ ...batch, config: { ...batch.config, duckdb_path: `${ws.root}/none.duckdb` } }, { now: new Date(), reporter });
    expect(results[0]?.points.at(-1)?.score).toBeLessThan(0.8);
    expect(results[0]?.points.at(-1)?.alert).toBe(false);
  });

  it('a preprocess.js returning bad points fails the metric with a warning naming the file and metric', async () => {
    expect(await newestScore({ 'b/preprocess.js': 'export default (points) => points.map((p) => ({ ...p, value: NaN }));\n' })).toBeNaN();
    expect(ctx?.reporter.warnings).toEqual([
      expect.stringMatching(/^train b\/m: failed, the batch's other metrics carry on: .*preprocess\.js: point 0 of m is not \{ timestamp: Date, value: finite number \}$/),
    ]);
  });

  it('two preprocess files are a config error', async () => {
    ws = track(await tempMetrics({ 'b/config.yaml': '{}\n', 'b/query.sql': SQL, 'b/preprocess.js': CLIP, 'b/preprocess.ts': CLIP }));
    await expect(loadBatch(ws.metricsDir, 'b')).rejects.toThrow(/more than one preprocess file/);
  });
});
