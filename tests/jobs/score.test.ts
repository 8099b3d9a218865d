import { describe, expect, it } from 'vitest';
import { score, scoreNewPoints, scoreWindow } from '../../src/jobs/score.ts';
import { loadModels, readModelHeader } from '../../src/models/model-file.ts';
import { seriesOf } from '../../src/store/series-group.ts';
import { train } from '../../src/jobs/train.ts';
import type { DuckDb } from '../../src/store/duckdb.ts';
import { ANOMSTACK_DETECTORS_YAML } from '../helpers/anomstack-detectors.ts';
import { allRows, insertSeries, jobContext, loadBatch, tempMetrics, wiggle, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

let ws: TempWorkspace | undefined;
let ctx: TestContext | undefined;
const track = disposeAfterEach();

const HOUR = 3_600_000;
const END = new Date('2026-01-09T23:00:00Z');

async function setup(config = '{}\n'): Promise<TestContext> {
  ws = track(await tempMetrics({ 'b/config.yaml': config, 'b/query.sql': 'SELECT 1' }));
  ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
  return ctx;
}

interface ScoreRow {
  metric_name: string;
  metric_timestamp: Date;
  metric_value: number;
  metadata: string | null;
}

async function scoreRows(db: DuckDb, metric?: string): Promise<ScoreRow[]> {
  const rows = await db.all(
    `SELECT metric_name, metric_timestamp, metric_value, metadata FROM metrics
     WHERE metric_type = 'score' AND ($m::VARCHAR IS NULL OR metric_name = $m) ORDER BY metric_name, metric_timestamp`,
    { m: metric ?? null },
  );
  return rows as unknown as ScoreRow[];
}

async function addPoints(c: TestContext, metric: string, stamps: Date[], value: (t: Date) => number = (t) => wiggle(t.getTime() / HOUR, metric)): Promise<void> {
  await c.store.insert(stamps.map((t) => ({ metric_timestamp: t, metric_batch: 'b', metric_name: metric, metric_type: 'metric' as const, metric_value: value(t) })));
}

/** Two detectors, so there is something to combine. */
const TWO_MODELS_YAML = `model_configs:
  - { model_name: RelativeEntropy, model_tag: entropy, model_params: { n_bins: 10 } }
  - { model_name: KNN, model_tag: knn, model_params: { contamination: 0.01 } }
`;

describe('score', () => {
  it('scores the newest score_max_n points of each trained metric, in 0..1, with per-model scores', async () => {
    const c = await setup(TWO_MODELS_YAML);
    const stamps = await insertSeries(c.store, 'b', 'm', 60, END);
    await train(c);
    const result = await score(c);
    expect(result.counts).toEqual({ scored: 25 });
    const rows = await scoreRows(c.db);
    expect(rows.map((r) => r.metric_timestamp)).toEqual(stamps.slice(-25));
    const points: number[] = [];
    for (const [k, row] of rows.entries()) {
      expect(row.metric_value).toBeGreaterThanOrEqual(0);
      expect(row.metric_value).toBeLessThanOrEqual(1);
      const { models, point, extreme } = JSON.parse(row.metadata ?? '{}') as { models: Record<string, number>; point: number; extreme?: boolean };
      expect(Object.keys(models)).toEqual(['entropy', 'knn']);
      // The default model_combination_method max: the point's own score is the larger of the two models' (rounded in metadata).
      expect(point).toBeCloseTo(Math.max(models['entropy'] ?? NaN, models['knn'] ?? NaN), 5);
      points.push(point);
      // The stored score is the mean of the point's own and the two before it (alert_smooth_n 3; no extreme point here).
      expect(extreme).toBeUndefined();
      if (k >= 2) expect(row.metric_value).toBeCloseTo(((points[k - 2] ?? NaN) + (points[k - 1] ?? NaN) + point) / 3, 5);
    }
  });

  it('a single model (the default) writes no per-model metadata, only the expected range once there are 10 earlier values and its own score', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 60, END);
    await train(c);
    expect((await score(c)).counts).toEqual({ scored: 25 });
    const rows = await scoreRows(c.db);
    expect(rows).toHaveLength(25);
    // 60 points: the 25 scored have 35 to 59 earlier values, so each has a range, and no `models`.
    for (const row of rows) expect(Object.keys(JSON.parse(String(row.metadata)) as object)).toEqual(['expected', 'point']);
  });

  it('scores an obvious spike higher than normal points: above every training score, so n / (n + 1)', async () => {
    // Anomstack's PCA + KNN, pinned: their raw scores are graded, so the normal points' calibrated scores spread out.
    const c = await setup(`score_max_n: 10\n${ANOMSTACK_DETECTORS_YAML}`);
    await insertSeries(c.store, 'b', 'm', 80, END);
    await train(c);
    await addPoints(c, 'm', [new Date(END.getTime() + HOUR)], () => 1000);
    await score(c);
    const rows = await scoreRows(c.db);
    const spike = rows.find((r) => r.metric_timestamp.getTime() === END.getTime() + HOUR);
    const trainN = (await readModelHeader(c.models, 'b', 'm'))?.train_n ?? 0;
    expect(trainN).toBeGreaterThan(40);
    const own = (row: ScoreRow | undefined): number => (JSON.parse(row?.metadata ?? '{}') as { point: number }).point;
    // Its own score (kept in metadata, to 6 decimals); the stored score is the mean over it and the two before it.
    expect(own(spike)).toBeCloseTo(trainN / (trainN + 1), 6);
    expect(Math.max(...rows.filter((r) => r !== spike).map(own))).toBeLessThan(own(spike));
    expect(Math.max(...rows.filter((r) => r !== spike).map((r) => r.metric_value))).toBeLessThan(spike?.metric_value ?? 0);
  });

  it('a second run writes nothing (watermark)', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 60, END);
    await train(c);
    await score(c);
    const before = await allRows(c.db);
    const again = await score(c);
    expect(again.counts).toEqual({ scored: 0 });
    expect(await allRows(c.db)).toEqual(before);
  });

  it('points that arrive after a run (e.g. after skipped runs) are scored by the next run, and only they', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 60, END);
    await train(c);
    await score(c);
    const before = await scoreRows(c.db);
    const late = [1, 2, 3].map((k) => new Date(END.getTime() + k * HOUR));
    await addPoints(c, 'm', late);
    expect((await score(c)).counts.scored).toBe(3);
    const after = await scoreRows(c.db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => r.metric_timestamp)).toEqual(late);
  });

  // A watermark at the newest score would skip a backfilled gap forever; scoring every unscored point in the window does not.
  it('a point filled into a gap before the newest score is scored by the next run', async () => {
    const c = await setup();
    const stamps = await insertSeries(c.store, 'b', 'm', 60, END);
    const gap = stamps[55] as Date;
    await c.db.run('DELETE FROM metrics WHERE metric_timestamp = $t', { t: gap.toISOString() });
    await train(c);
    await score(c);
    expect((await scoreRows(c.db)).some((r) => r.metric_timestamp.getTime() === gap.getTime())).toBe(false);
    await addPoints(c, 'm', [gap]);
    await score(c);
    expect((await scoreRows(c.db)).some((r) => r.metric_timestamp.getTime() === gap.getTime())).toBe(true);
  });

  it('a metric without a model is not scored, and says so', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'trained', 60, END);
    await train(c);
    await insertSeries(c.store, 'b', 'untrained', 60, END);
    const result = await score(c);
    expect(result.counts.scored).toBe(25);
    expect((await scoreRows(c.db, 'untrained')).length).toBe(0);
    expect(c.reporter.infos.join('\n')).toMatch(/no model yet for untrained/);
  });

  it('leaves out score_exclude_metrics', async () => {
    const c = await setup('score_exclude_metrics: [skip_*]\n');
    await insertSeries(c.store, 'b', 'keep', 40, END);
    await insertSeries(c.store, 'b', 'skip_me', 40, END);
    await train(c);
    await score(c);
    expect(new Set((await scoreRows(c.db)).map((r) => r.metric_name))).toEqual(new Set(['keep']));
  });

  it('combines with mean when model_combination_method is mean', async () => {
    const c = await setup(`model_combination_method: mean\nscore_max_n: 5\n${TWO_MODELS_YAML}`);
    await insertSeries(c.store, 'b', 'm', 40, END);
    await train(c);
    await score(c);
    const rows = await scoreRows(c.db);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const { models, point } = JSON.parse(row.metadata ?? '{}') as { models: Record<string, number>; point: number };
      const scores = Object.values(models);
      expect(scores).toHaveLength(2);
      expect(point).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 5);
    }
  });

  it('a batch larger than one read group: every metric scored once; a broken model fails only its metric', async () => {
    const c = await setup();
    const names = Array.from({ length: 70 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    for (const name of names) await insertSeries(c.store, 'b', name, 40, END);
    await train(c);
    // The last metric sorts into the second group of 64.
    const good = await c.models.read('b/m69.json');
    await c.models.write('b/m69.json', '{');
    expect((await score(c)).message).toBe('1725 new scores for 69 metrics; 1 failed (m69: see the warnings)');
    expect(c.reporter.warnings).toEqual([expect.stringMatching(/^score b\/m69: failed, the batch's other metrics carry on: .*b\/m69\.json: not valid JSON; delete it and run train again$/)]);
    const beforeFailure = await scoreRows(c.db);
    expect(new Set(beforeFailure.map((r) => r.metric_name))).toEqual(new Set(names.slice(0, 69)));
    expect(beforeFailure).toHaveLength(69 * 25);
    await c.models.write('b/m69.json', good ?? '');
    expect((await score(c)).counts).toEqual({ scored: 25 });
    const all = await scoreRows(c.db);
    expect(all).toHaveLength(70 * 25);
    expect(all.filter((r) => r.metric_name !== 'm69')).toEqual(beforeFailure);
    expect((await score(c)).counts).toEqual({ scored: 0 });
  });

  it('a run writing more than a row group writes each score once, the metric split across two writes included', async () => {
    // 50 metrics x 2,498 scores (the default features need two points before the first): one write of
    // ROW_GROUP_ROWS (122,880) rows mid-run, whose end falls inside the 50th metric (122,402 rows before it),
    // and the remaining 2,020 at the end.
    const c = await setup('score_max_n: 2500\ntrain_max_n: 2500\n');
    const names = Array.from({ length: 50 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    for (const name of names) await insertSeries(c.store, 'b', name, 2500, END);
    await train(c);
    await c.db.run(`DELETE FROM metrics WHERE metric_type = 'score'`);
    expect((await score(c)).counts).toEqual({ scored: 50 * 2498 });
    const keys = await c.db.all(`SELECT count(*)::INTEGER AS n, count(DISTINCT (metric_name, metric_timestamp))::INTEGER AS keys FROM metrics WHERE metric_type = 'score'`);
    expect(keys).toEqual([{ n: 124_900, keys: 124_900 }]);
    // The split metric's scores, read back, are what scoring its window gives.
    const stored = await scoreRows(c.db, 'm49');
    const models = await loadModels(c.models, 'b', 'm49');
    if (!models) throw new Error('m49 has no model');
    const window = seriesOf(await c.store.latest('b', 'm49', 'metric', scoreWindow(c.batch.config)));
    const expected = scoreNewPoints(window, { millis: [], values: [] }, models, c.batch.config);
    expect(stored.map((r) => r.metric_timestamp.getTime())).toEqual(expected.millis);
    expect(stored.map((r) => r.metric_value)).toEqual(expected.scores);
  });

  it('a model an older build wrote (file layout or detector state) is skipped with a warning until train replaces it', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 40, END);
    await insertSeries(c.store, 'b', 'n', 40, END);
    await train(c);
    const file = JSON.parse((await c.models.read('b/m.json')) ?? '{}') as Record<string, unknown>;
    await c.models.write('b/m.json', JSON.stringify({ ...file, version: 1 }));
    const other = JSON.parse((await c.models.read('b/n.json')) ?? '{}') as { models: { state: { version: number } }[] };
    for (const model of other.models) model.state.version -= 1;
    await c.models.write('b/n.json', JSON.stringify(other));

    expect((await score(c)).counts).toEqual({ scored: 0 });
    expect(c.reporter.warnings).toEqual([
      expect.stringMatching(/^score: .*b\/m\.json: a model file of version 1, this build reads version 3; run train again; m is scored again once train has run$/),
      expect.stringMatching(/^score: .*b\/n\.json: model "\w+": Saved \w+ model has state version \d+, but this build reads version \d+; retrain the model; n is scored/),
    ]);
    await train(c);
    expect((await score(c)).counts['scored']).toBeGreaterThan(0);
  });

  it('a corrupt model file is a warning naming the file, and nothing is written for its metric', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 40, END);
    await c.models.write('b/m.json', '{"format": "pickle"');
    const before = await allRows(c.db);
    expect((await score(c)).counts).toEqual({ scored: 0 });
    expect(c.reporter.warnings.join('\n')).toMatch(/b\/m\.json: not valid JSON; delete it and run train again/);
    expect(await allRows(c.db)).toEqual(before);
  });
});
