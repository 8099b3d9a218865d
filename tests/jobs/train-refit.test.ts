import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchConfigSchema, type BatchConfig } from '../../src/config/schema.ts';
import { decidingPoints, newTrainablePoints, refitReason } from '../../src/jobs/refit.ts';
import { score } from '../../src/jobs/score.ts';
import { train, trainingPoints } from '../../src/jobs/train.ts';
import { modelFingerprint } from '../../src/models/model-fingerprint.ts';
import { MODEL_FILE_VERSION, readModelHeader, type ModelFile } from '../../src/models/model-file.ts';
import {
  disposeAfterEach,
  insertSeries,
  jobContext,
  loadBatch,
  tempMetrics,
  type RecordingReporter,
  type TestContext,
} from '../helpers/metrics-dir.ts';

const track = disposeAfterEach();
const HOUR = 3_600_000;
const END = new Date('2026-01-09T23:00:00Z');

async function setup(config = '{}\n'): Promise<TestContext> {
  const ws = track(await tempMetrics({ 'b/config.yaml': config, 'b/query.sql': 'SELECT 1' }));
  return track(await jobContext(await loadBatch(ws.metricsDir, 'b'), ws.root));
}

/** `n` hourly points of `metric` ending at `end`, each with its score, as a tick that ran score leaves them. */
async function addScoredPoints(c: TestContext, metric: string, n: number, end: Date): Promise<void> {
  const stamps = await insertSeries(c.store, 'b', metric, n, end);
  await c.store.insert(stamps.map((t) => ({ metric_timestamp: t, metric_batch: 'b', metric_name: metric, metric_type: 'score' as const, metric_value: 0 })));
}

/** The context at a later clock, with some keys of the batch's config changed. */
function later(c: TestContext, hours: number, changes: Partial<BatchConfig> = {}): TestContext {
  return { ...c, now: new Date(c.now.getTime() + hours * HOUR), batch: { ...c.batch, config: { ...c.batch.config, ...changes } } };
}

async function modelFile(c: TestContext, metric: string): Promise<ModelFile> {
  return JSON.parse(await readFile(path.join(c.modelsDir, 'b', `${metric}.json`), 'utf8')) as ModelFile;
}

describe('train refits only when needed', () => {
  it('trains a metric without a model, and records the fingerprint of its config', async () => {
    const c = await setup();
    await addScoredPoints(c, 'm', 200, END);
    const result = await train(c);
    expect(result.counts).toMatchObject({ trained: 1 });
    expect(result.message).not.toMatch(/kept/);
    const file = await modelFile(c, 'm');
    expect(file.fingerprint).toBe(modelFingerprint(c.batch.config));
    // Every point scored: the newest train_holdout_n (50) are left out.
    expect(file.train_to).toBe(new Date(END.getTime() - 50 * HOUR).toISOString());
  });

  it('keeps a model with fewer than train_refit_n new trainable points, untouched, and refits at train_refit_n', async () => {
    const c = await setup();
    await addScoredPoints(c, 'm', 200, END);
    await train(c);
    const first = await readFile(path.join(c.modelsDir, 'b', 'm.json'), 'utf8');

    // 24 new points (all scored): 24 new trainable points once the hold-out moves on. Kept, the file as it was.
    await addScoredPoints(c, 'm', 24, new Date(END.getTime() + 24 * HOUR));
    const kept = await train(later(c, 24));
    expect(kept.counts).toMatchObject({ trained: 0 });
    expect(kept.message).toMatch(/^0 of 1 metrics trained into local:\/\/\S+, 1 kept \(fewer than 25 new points\)$/);
    expect(await readFile(path.join(c.modelsDir, 'b', 'm.json'), 'utf8')).toBe(first);
    expect((await modelFile(c, 'm')).trained_at).toBe(c.now.toISOString());

    // The 25th: refitted, on the points up to 25 hours later than before.
    await addScoredPoints(c, 'm', 1, new Date(END.getTime() + 25 * HOUR));
    const refit = await train(later(c, 25));
    expect(refit.counts).toMatchObject({ trained: 1 });
    const file = await modelFile(c, 'm');
    expect(file.trained_at).toBe(later(c, 25).now.toISOString());
    expect(file.train_to).toBe(new Date(END.getTime() + (25 - 50) * HOUR).toISOString());
    // Decided on the newest points, fitted on the whole window: 225 points less 50 held out, less the 2 lags need.
    expect(file.train_n).toBe(173);
  });

  it('train_refit_n sets how many new points refit a model', async () => {
    const c = await setup('train_refit_n: 3\n');
    await addScoredPoints(c, 'm', 200, END);
    await train(c);
    await addScoredPoints(c, 'm', 2, new Date(END.getTime() + 2 * HOUR));
    expect((await train(later(c, 2))).message).toMatch(/1 kept \(fewer than 3 new points\)/);
    await addScoredPoints(c, 'm', 1, new Date(END.getTime() + 3 * HOUR));
    expect((await train(later(c, 3))).counts).toMatchObject({ trained: 1 });
  });

  it('with freq, counts new buckets (reading whole windows)', async () => {
    const c = await setup('train_refit_n: 3\npreprocess_params:\n  freq: 30min\n');
    await addScoredPoints(c, 'm', 200, END);
    await train(c);
    await addScoredPoints(c, 'm', 2, new Date(END.getTime() + 2 * HOUR));
    expect((await train(later(c, 2))).message).toMatch(/1 kept \(fewer than 3 new points\)/);
    await addScoredPoints(c, 'm', 1, new Date(END.getTime() + 3 * HOUR));
    expect((await train(later(c, 3))).counts).toMatchObject({ trained: 1 });
  });

  it('retrains a model trained under another config, and keeps it when only keys that do not change the fit changed', async () => {
    const c = await setup();
    await addScoredPoints(c, 'm', 200, END);
    await addScoredPoints(c, 'n', 200, END);
    await train(c);

    // How scores are combined, and how many are scored, do not change what is fitted.
    const same = await train(later(c, 1, { model_combination_method: 'mean', score_max_n: 10 }));
    expect(same.counts).toMatchObject({ trained: 0 });

    const changed = later(c, 1, { train_holdout_n: 40 });
    const result = await train(changed);
    expect(result.counts).toMatchObject({ trained: 2 });
    expect((changed.reporter as RecordingReporter).infos).toContain('b: retrained 2 model(s) trained under another config: m, n');
    expect((await modelFile(c, 'm')).fingerprint).toBe(modelFingerprint(changed.batch.config));
    expect((await modelFile(c, 'm')).train_to).toBe(new Date(END.getTime() - 40 * HOUR).toISOString());
  });

  it('retrains a model file written before fingerprints, and one that cannot be read', async () => {
    const c = await setup();
    await addScoredPoints(c, 'old', 200, END);
    await addScoredPoints(c, 'broken', 200, END);
    await addScoredPoints(c, 'fresh', 200, END);
    await train(c);
    const { fingerprint, ...withoutFingerprint } = await modelFile(c, 'old');
    expect(fingerprint).toBeDefined();
    await writeFile(path.join(c.modelsDir, 'b', 'old.json'), JSON.stringify(withoutFingerprint));
    await writeFile(path.join(c.modelsDir, 'b', 'broken.json'), '{"format":"anomstack-model","vers');

    const result = await train(later(c, 1));
    expect(result.counts).toMatchObject({ trained: 2 });
    expect(result.message).toMatch(/2 of 3 metrics trained .*, 1 kept/);
    expect((await modelFile(c, 'old')).fingerprint).toBe(fingerprint);
    expect((await modelFile(c, 'broken')).trained_at).toBe(later(c, 1).now.toISOString());
    expect((await modelFile(c, 'fresh')).trained_at).toBe(c.now.toISOString());
  });

  it('score skips a metric whose model was trained under another config, and says so', async () => {
    const c = await setup();
    await insertSeries(c.store, 'b', 'm', 200, END);
    await insertSeries(c.store, 'b', 'other', 200, END);
    await train(c);
    // A new model config for the batch, and no train since: the saved models are stale.
    const changed = later(c, 0, { model_configs: [{ model_name: 'MAD', model_params: {} }] });
    const result = await score(changed);
    expect(result.counts).toEqual({ scored: 0 });
    expect((changed.reporter as RecordingReporter).warnings).toEqual([
      'b: not scored, the model is stale (trained under another config; train retrains it): m, other',
    ]);
    expect(await c.store.latest('b', 'm', 'score', 1)).toEqual([]);

    // Once train has run under the new config, the metrics are scored.
    expect((await train(changed)).counts).toMatchObject({ trained: 2 });
    expect((await score(changed)).counts.scored).toBeGreaterThan(0);
  });
});

describe('readModelHeader', () => {
  it('reads what loadModels reads, without the detectors; null for a missing, corrupt or other-version file', async () => {
    const c = await setup();
    await addScoredPoints(c, 'm', 100, END);
    await train(c);
    const { models, ...header } = await modelFile(c, 'm');
    expect(models.length).toBe(1);
    expect(await readModelHeader(c.models, 'b', 'm')).toEqual(header);
    expect(await readModelHeader(c.models, 'b', 'none')).toBeNull();
    await c.models.write('b/corrupt.json', '{"format":"anomstack-model",');
    expect(await readModelHeader(c.models, 'b', 'corrupt')).toBeNull();
    await c.models.write('b/v1.json', JSON.stringify({ ...header, version: 1, models }));
    expect(await readModelHeader(c.models, 'b', 'v1')).toBeNull();
    // Keys in another order (a file not written by saveModels) are read whole.
    await c.models.write('b/reordered.json', JSON.stringify({ models, ...header }));
    expect(await readModelHeader(c.models, 'b', 'reordered')).toEqual(header);
  });
});

describe('modelFingerprint', () => {
  const base = batchConfigSchema.parse({ metric_batch: 'b' });
  const print = (changes: Record<string, unknown>, hook: string | null = null): string =>
    modelFingerprint(batchConfigSchema.parse({ metric_batch: 'b', ...changes }), hook);

  it('changes with what decides the fitted models', () => {
    const same = modelFingerprint(base);
    expect(same).toMatch(/^[0-9a-f]{16}$/);
    for (const changes of [
      { model_configs: [{ model_name: 'RelativeEntropy', model_tag: 'relative_entropy_default', model_params: { n_bins: 12 } }] },
      { preprocess_params: { lags_n: 3 } },
      { preprocess_params: { freq: '1h' } },
      { train_max_n: 4000 },
      { train_min_n: 20 },
      { train_holdout_n: 10 },
    ]) {
      expect(print(changes), JSON.stringify(changes)).not.toBe(same);
    }
    expect(print({}, 'export default (p) => p;')).not.toBe(same);
  });

  it('does not change with keys that leave the fitted models as they are, nor with the order keys are written in', () => {
    const same = modelFingerprint(base);
    for (const changes of [{ model_combination_method: 'mean' }, { score_max_n: 100 }, { train_refit_n: 5 }, { train_exclude_metrics: ['x'] }, { alert_threshold: 0.5 }]) {
      expect(print(changes), JSON.stringify(changes)).toBe(same);
    }
    const params = (p: Record<string, unknown>) => print({ model_configs: [{ model_name: 'KNN', model_params: p }] });
    expect(params({ n_neighbors: 3, method: 'mean' })).toBe(params({ method: 'mean', n_neighbors: 3 }));
  });
});

describe('refitReason', () => {
  const config = batchConfigSchema.parse({ metric_batch: 'b', train_refit_n: 3 });
  const fingerprint = modelFingerprint(config);
  const series = (hours: number[]) => ({ millis: hours.map((h) => h * HOUR), values: hours.map(() => 1) });
  const header = (trainedToHour: number, print = fingerprint) => ({
    format: 'anomstack-model' as const, version: MODEL_FILE_VERSION, metric_batch: 'b', metric_name: 'm', trained_at: '', train_n: 1,
    train_to: new Date(trainedToHour * HOUR).toISOString(), fingerprint: print, preprocess_params: {}, seasonal: null,
  });

  it('missing, stale, enough new points, or keep', () => {
    const points = series([1, 2, 3, 4, 5, 6]);
    expect(refitReason(null, fingerprint, points, config)).toBe('missing');
    expect(refitReason(header(6, 'other'), fingerprint, points, config)).toBe('stale');
    expect(refitReason(header(3), fingerprint, points, config)).toBe('new points');
    expect(refitReason(header(4), fingerprint, points, config)).toBeNull();
    expect(refitReason(header(6), fingerprint, points, config)).toBeNull();
  });

  it('with freq counts new buckets, not raw points', () => {
    // Points every 10 minutes from hour 0 to 5; trained up to 1:20: buckets 2, 3, 4 and 5 are new.
    const millis = Array.from({ length: 36 }, (_, i) => i * 600_000);
    const points = { millis, values: millis.map(() => 1) };
    expect(newTrainablePoints(points, 80 * 60_000, '1h', 100)).toBe(4);
    expect(newTrainablePoints(points, 80 * 60_000, undefined, 100)).toBe(27);
    expect(newTrainablePoints(points, 80 * 60_000, undefined, 5)).toBe(5);
  });
});

describe('decidingPoints', () => {
  it('the newest decidingPoints points decide as the whole window does', () => {
    let compared = 0;
    for (const score_max_n of [1, 25, 120]) {
      for (const train_holdout_n of [0, 50]) {
        for (const train_min_n of [14, 300]) {
          for (const train_refit_n of [1, 25, 60]) {
            const config = batchConfigSchema.parse({ metric_batch: 'b', score_max_n, train_holdout_n, train_min_n, train_refit_n, train_max_n: 900 });
            const deciding = decidingPoints(config);
            if (deciding === null) continue;
            const fingerprint = modelFingerprint(config);
            for (const n of [deciding, deciding + 7, 1200]) {
              const millis = Array.from({ length: n }, (_, i) => i * HOUR);
              const whole = { millis, values: millis.map(() => 1) };
              const newest = { millis: millis.slice(-deciding), values: millis.slice(-deciding).map(() => 1) };
              for (const unscored of [0, 5, 200]) {
                const isScored = (ms: number): boolean => ms <= (n - 1 - unscored) * HOUR;
                for (const back of [1, 24, 25, 26, 59, 60, 61, 80, 200, 400]) {
                  const header = {
                    format: 'anomstack-model' as const, version: MODEL_FILE_VERSION, metric_batch: 'b', metric_name: 'm', trained_at: '', train_n: 1,
                    train_to: new Date((n - 1 - back) * HOUR).toISOString(), fingerprint, preprocess_params: {}, seasonal: null,
                  };
                  const expected = refitReason(header, fingerprint, trainingPoints(whole, config, isScored), config);
                  expect(refitReason(header, fingerprint, trainingPoints(newest, config, isScored), config)).toBe(expected);
                  compared++;
                }
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // With freq, or a window no longer than the deciding points, the whole window is read.
    expect(decidingPoints(batchConfigSchema.parse({ metric_batch: 'b', preprocess_params: { freq: '1h' } }))).toBeNull();
    expect(decidingPoints(batchConfigSchema.parse({ metric_batch: 'b', train_max_n: 200 }))).toBeNull();
  });
});
