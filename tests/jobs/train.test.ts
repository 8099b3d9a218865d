import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { train } from '../../src/jobs/train.ts';
import { loadModels, MODEL_FILE_VERSION, type ModelFile } from '../../src/models/model-file.ts';
import { insertSeries, jobContext, loadBatch, tempMetrics, type TempWorkspace, type TestContext, disposeAfterEach } from '../helpers/metrics-dir.ts';

let ws: TempWorkspace | undefined;
let ctx: TestContext | undefined;
const track = disposeAfterEach();

const END = new Date('2026-01-09T23:00:00Z');

async function setup(config = '{}\n'): Promise<TestContext> {
  ws = track(await tempMetrics({ 'b/config.yaml': config, 'b/query.sql': 'SELECT 1' }));
  ctx = track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
  return ctx;
}

function hoursBefore(end: Date, hours: number): Date {
  return new Date(end.getTime() - hours * 3_600_000);
}

/** Score rows (value 0) at `stamps`, as the score job would have written them. */
async function insertScores(c: TestContext, metric: string, stamps: readonly Date[]): Promise<void> {
  await c.store.insert(stamps.map((t) => ({ metric_timestamp: t, metric_batch: 'b', metric_name: metric, metric_type: 'score' as const, metric_value: 0 })));
}

async function modelFile(c: TestContext, metric: string): Promise<ModelFile> {
  return JSON.parse(await readFile(path.join(c.modelsDir, 'b', `${metric}.json`), 'utf8')) as ModelFile;
}

describe('train', () => {
  it('writes one versioned JSON model file per metric', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'requests', 60, END);
    await insertSeries(c.store, 'b', 'latency', 40, END);
    const result = await train(c);
    expect(result.counts).toEqual({ trained: 2, kept: 0 });
    expect((await readdir(path.join(c.modelsDir, 'b'))).sort()).toEqual(['latency.json', 'requests.json']);

    const file = await modelFile(c, 'requests');
    expect(file).toMatchObject({
      format: 'anomstack-model',
      version: MODEL_FILE_VERSION,
      metric_batch: 'b',
      metric_name: 'requests',
      trained_at: c.now.toISOString(),
      // Nothing is scored yet: the newest points are left out for the score job to judge unseen, here a quarter of the
      // window (15; score_max_n would allow 25), and of the 45 left, the 2 that the default lags_n 2 needs give no row.
      train_to: hoursBefore(END, 15).toISOString(),
      train_n: 43,
      preprocess_params: { diff_n: 0, smooth_n: 0, lags_n: 2, freq_agg: 'mean' },
    });
    expect(file.models.map((m) => [m.model_tag, m.state.name])).toEqual([['relative_entropy_default', 'RelativeEntropy']]);
    expect(file.models[0]?.state.params['n_bins']).toBe(10);
    expect((await modelFile(c, 'latency')).train_n).toBe(28);
  });

  it('the saved models load back and score rows in 0..1', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 50, END);
    await train(c);
    const models = await loadModels(c.models, 'b', 'm');
    expect(models?.detectors.map((d) => d.tag)).toEqual(['relative_entropy_default']);
    for (const { detector } of models?.detectors ?? []) {
      // Rows are the default windows of 3 values (lags_n 2); the second is far outside the series' 90..115.
      const scores = detector.score([[100, 101, 102], [500, -500, 500]]);
      expect(scores).toHaveLength(2);
      for (const s of scores) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
      expect(scores[1]).toBe(1);
    }
  });

  it('skips a metric with fewer than train_min_n points and says why', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'enough', 14, END);
    await insertSeries(c.store, 'b', 'short', 13, END);
    const result = await train(c);
    expect(result.counts.trained).toBe(1);
    expect(result.message).toMatch(/^1 of 2 metrics trained/);
    expect(await readdir(path.join(c.modelsDir, 'b'))).toEqual(['enough.json']);
    expect(await loadModels(c.models, 'b', 'short')).toBeNull();
    expect(c.reporter.infos.join('\n')).toContain('short (13 points, needs 14)');
  });

  it('skips a metric whose points give no feature rows after preprocessing', async () => {
    // Anomstack's diff_n 1, smooth_n 3 and lags_n 5 take 8 points of history before the first feature row.
    const c = await setup('train_min_n: 3\npreprocess_params: {diff_n: 1, smooth_n: 3, lags_n: 5}\n');
    await insertSeries(c.store, 'b', 'tiny', 8, END);
    expect((await train(c)).counts.trained).toBe(0);
    expect(await loadModels(c.models, 'b', 'tiny')).toBeNull();
  });

  it('uses only the newest train_max_n points', async () => {
    const c = await setup('train_max_n: 30\ntrain_holdout_n: 0\npreprocess_params: {diff_n: 0, smooth_n: 0, lags_n: 2}\n');
    await insertScores(c, 'm', await insertSeries(c.store, 'b', 'm', 100, END));
    await train(c);
    const file = await modelFile(c, 'm');
    expect(file.train_n).toBe(28);
    expect(file.train_to).toBe(END.toISOString());
  });

  it('leaves the newest points without a score out, at most score_max_n of them and keeping train_min_n points', async () => {
    // (The quarter-of-the-window cap is not what binds here: 15 and 6 points.)
    const c = await setup('score_max_n: 8\ntrain_min_n: 20\ntrain_holdout_n: 0\n');
    // 10 unscored points at the end of 60: the newest 8 (score_max_n) are left out.
    await insertScores(c, 'scored', (await insertSeries(c.store, 'b', 'scored', 60, END)).slice(0, 50));
    // 24 points, none scored: only 4 can go, or fewer than train_min_n would be left.
    await insertSeries(c.store, 'b', 'young', 24, END);
    await train(c);
    expect(await modelFile(c, 'scored')).toMatchObject({ train_to: hoursBefore(END, 8).toISOString(), train_n: 50 });
    expect(await modelFile(c, 'young')).toMatchObject({ train_to: hoursBefore(END, 4).toISOString(), train_n: 18 });
  });

  it('leaves out the newest train_holdout_n points scored or not, then newer unscored ones up to score_max_n, at most a quarter', async () => {
    const c = await setup('train_holdout_n: 6\nscore_max_n: 8\ntrain_min_n: 5\n');
    // Every point scored: exactly the newest 6 go.
    await insertScores(c, 'scored', await insertSeries(c.store, 'b', 'scored', 60, END));
    // The newest 10 unscored: the newest 6, then unscored ones until max(score_max_n, train_holdout_n) = 8.
    await insertScores(c, 'partly', (await insertSeries(c.store, 'b', 'partly', 60, END)).slice(0, 50));
    // 20 points: a quarter of the window, 5, is all that goes.
    await insertScores(c, 'young', await insertSeries(c.store, 'b', 'young', 20, END));
    await train(c);
    // Rows = points kept - lags_n (2).
    expect(await modelFile(c, 'scored')).toMatchObject({ train_to: hoursBefore(END, 6).toISOString(), train_n: 52 });
    expect(await modelFile(c, 'partly')).toMatchObject({ train_to: hoursBefore(END, 8).toISOString(), train_n: 50 });
    expect(await modelFile(c, 'young')).toMatchObject({ train_to: hoursBefore(END, 5).toISOString(), train_n: 13 });
  });

  it('with freq, leaves out whole unscored buckets, counted in buckets as score counts them', async () => {
    // Hourly points in 4-hour buckets: 240 points are 60 buckets, the newest ending at END.
    const c = await setup('preprocess_params: {freq: 4h, lags_n: 2}\nscore_max_n: 10\ntrain_min_n: 22\ntrain_holdout_n: 0\n');
    await insertSeries(c.store, 'b', 'fresh', 240, END);
    // Scored up to the start of the 55th bucket: the newest 5 buckets are unscored.
    const scored = await insertSeries(c.store, 'b', 'scored', 240, END);
    await insertScores(c, 'scored', scored.filter((_, i) => i % 4 === 0).slice(0, 55));
    // 6 buckets: a quarter of them is 1 bucket, but its 4 points would leave 20, fewer than train_min_n.
    await insertSeries(c.store, 'b', 'young', 24, END);
    await train(c);
    // score_max_n buckets (10 of 60) go: 40 points; 50 buckets give 48 rows after the two lags.
    expect(await modelFile(c, 'fresh')).toMatchObject({ train_to: hoursBefore(END, 40).toISOString(), train_n: 48 });
    expect(await modelFile(c, 'scored')).toMatchObject({ train_to: hoursBefore(END, 20).toISOString(), train_n: 53 });
    expect(await modelFile(c, 'young')).toMatchObject({ train_to: END.toISOString(), train_n: 4 });
  });

  it('leaves out train_exclude_metrics (exact names and globs)', async () => {
    const c = await setup('train_exclude_metrics: "tmp_*, skip_me"\n');
    for (const name of ['keep', 'tmp_a', 'skip_me']) await insertSeries(c.store, 'b', name, 30, END);
    expect((await train(c)).counts.trained).toBe(1);
    expect(await readdir(path.join(c.modelsDir, 'b'))).toEqual(['keep.json']);
  });

  it('uses the configured model_configs and tags', async () => {
    const c = await setup('model_configs:\n  - model_name: knn\n    model_tag: near\n    model_params: {n_neighbors: 3, method: mean}\n');
    await insertSeries(c.store, 'b', 'm', 30, END);
    await train(c);
    const file = await modelFile(c, 'm');
    expect(file.models.map((m) => [m.model_tag, m.state.name, m.state.params['n_neighbors'], m.state.params['method']])).toEqual([
      ['near', 'KNN', 3, 'mean'],
    ]);
  });

  it('training again on the same data writes the same model', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 40, END);
    await train(c);
    const first = await readFile(path.join(c.modelsDir, 'b', 'm.json'), 'utf8');
    await train(c);
    expect(await readFile(path.join(c.modelsDir, 'b', 'm.json'), 'utf8')).toBe(first);
    expect(await readdir(path.join(c.modelsDir, 'b'))).toEqual(['m.json']);
  });

  it('does not write to the metrics table', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 40, END);
    const before = await c.db.all('SELECT count(*)::INTEGER AS n FROM metrics');
    await train(c);
    expect(await c.db.all('SELECT count(*)::INTEGER AS n FROM metrics')).toEqual(before);
  });

  it('metric names that are not safe file names are encoded', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', '../evil/name', 30, END);
    expect((await train(c)).counts.trained).toBe(1);
    expect(await readdir(path.join(c.modelsDir, 'b'))).toEqual([expect.stringMatching(/^__evil_name~[0-9a-f]{20}\.json$/)]);
    expect(await loadModels(c.models, 'b', '../evil/name')).not.toBeNull();
  });

  it('a name of any length gets a bounded file name, and a metric whose model cannot be saved fails alone', async () => {
    const c = await setup();
    const long = `requests ${'per region and route '.repeat(12)}`;
    await insertSeries(c.store, 'b', long, 30, END);
    await insertSeries(c.store, 'b', 'stuck', 30, END);
    // A folder where the model file should go: the rename onto it fails.
    await mkdir(path.join(c.modelsDir, 'b', 'stuck.json', 'in-the-way'), { recursive: true });
    const result = await train(c);
    expect(result.counts.trained).toBe(1);
    expect(result.message).toMatch(/^1 of 2 metrics trained into .*; 1 failed \(stuck: see the warnings\)$/);
    expect(c.reporter.warnings).toEqual([expect.stringMatching(/^train b\/stuck: failed, the batch's other metrics carry on: .*stuck\.json/)]);
    const files = (await readdir(path.join(c.modelsDir, 'b'))).filter((f) => f !== 'stuck.json');
    expect(files).toHaveLength(1);
    expect(files[0]?.length).toBeLessThanOrEqual(86);
    expect(await loadModels(c.models, 'b', long)).not.toBeNull();
  });
});
