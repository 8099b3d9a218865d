/**
 * Compute benchmark: the modelling part of train and score for M metrics x N points, without DuckDB. Each metric's
 * series (the pipeline bench's seasonal series with hash noise) is built in memory, trained (trainMetric), saved to
 * and loaded from an in-memory model store (saveModels / loadModels: pack, JSON, zod, unpack, restore), then every
 * point is scored with the loaded models (scoreNewPoints), one metric at a time as the jobs stream them. Prints the
 * CPU time per phase, points per second, peak heap and a digest of every score's bits, so a faster build can be
 * checked to give the same scores to the bit.
 *
 *   node bench/compute.ts [--metrics 200] [--points 2500] [--repeat 3]
 *
 * With --repeat the whole run is repeated and each phase's smallest time printed: on a shared machine that is the
 * steadiest figure. Run with `--cpu-prof` to see where the time goes.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ArtifactStore } from '../src/artifacts/store.ts';
import { formatTable } from '../src/cli/table.ts';
import { batchConfigSchema } from '../src/config/schema.ts';
import { scoreNewPoints } from '../src/jobs/score.ts';
import { trainMetric } from '../src/jobs/train.ts';
import { loadModels, saveModels } from '../src/models/model-file.ts';
import type { Series } from '../src/store/series-group.ts';

const { values } = parseArgs({
  options: { metrics: { type: 'string', default: '200' }, points: { type: 'string', default: '2500' }, repeat: { type: 'string', default: '1' } },
});
const metrics = Number(values.metrics);
const points = Number(values.points);
const repeats = Number(values.repeat);
const config = batchConfigSchema.parse({ metric_batch: 'bench', train_max_n: points, score_max_n: points });

/** An artifact store in memory that keeps one file: metrics are handled one after the other. */
class OneFileStore implements ArtifactStore {
  readonly location = 'memory://';
  key: string | null = null;
  text: string | null = null;
  bytes = 0;
  async read(key: string): Promise<string | null> {
    return key === this.key ? this.text : null;
  }
  async write(key: string, content: string): Promise<void> {
    this.key = key;
    this.text = content;
    this.bytes += content.length;
  }
  async create(key: string, content: string): Promise<boolean> {
    if (key === this.key) return false;
    await this.write(key, content);
    return true;
  }
  async list(prefix: string): Promise<string[]> {
    return this.key !== null && this.key.startsWith(prefix) ? [this.key] : [];
  }
  async delete(key: string): Promise<void> {
    if (key !== this.key) return;
    this.key = null;
    this.text = null;
  }
  async upload(key: string, file: string): Promise<void> {
    await this.write(key, await readFile(file, 'utf8'));
  }
  async download(key: string, file: string): Promise<boolean> {
    if (key !== this.key || this.text === null) return false;
    await writeFile(`${file}.part`, this.text);
    await rename(`${file}.part`, file);
    return true;
  }
}

/** A 32-bit integer hash standing in for DuckDB's `hash(m, i)` in the pipeline bench. */
function noise(m: number, i: number): number {
  let h = Math.imul(m ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 0x165667b1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) % 1000;
}

function series(m: number): Series {
  const start = Date.UTC(2026, 0, 1);
  return {
    millis: Array.from({ length: points }, (_, i) => start + i * 300_000),
    values: Array.from({ length: points }, (_, i) => 100 + 10 * Math.sin(i / 48) + noise(m, i) / 100),
  };
}

const phases = ['series', 'train', 'save', 'load', 'score'] as const;
type Phase = (typeof phases)[number];
let cpu: Record<Phase, number> = { series: 0, train: 0, save: 0, load: 0, score: 0 };
function timed<T>(phase: Phase, run: () => T): T {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  cpu[phase] += (used.user + used.system) / 1e6;
  return result;
}
async function timedAsync<T>(phase: Phase, run: () => Promise<T>): Promise<T> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  cpu[phase] += (used.user + used.system) / 1e6;
  return result;
}

const best: Record<Phase, number> = { series: Infinity, train: Infinity, save: Infinity, load: Infinity, score: Infinity };
const digests = new Set<string>();
const store = new OneFileStore();
let heapPeak = 0;
let scored = 0;
for (let run = 0; run < repeats; run++) {
  cpu = { series: 0, train: 0, save: 0, load: 0, score: 0 };
  const digest = createHash('sha256');
  scored = 0;
  for (let m = 0; m < metrics; m++) {
    const window = timed('series', () => series(m));
    const trained = timed('train', () => trainMetric(window, config));
    if ('skipped' in trained) throw new Error(`metric ${m} not trained: ${trained.skipped}`);
    const meta = { metric_batch: 'bench', metric_name: `m${m}`, trained_at: '', train_n: trained.trainN, train_to: '', preprocess_params: {}, seasonal: trained.seasonal };
    await timedAsync('save', () => saveModels(store, meta, trained.detectors));
    const loaded = await timedAsync('load', () => loadModels(store, 'bench', `m${m}`));
    if (!loaded) throw new Error('model not saved');
    const fresh = timed('score', () => scoreNewPoints(window, { millis: [], values: [] }, loaded, config));
    scored += fresh.millis.length;
    const stride = 1 + loaded.detectors.length;
    const bits = new Float64Array(fresh.millis.length * stride);
    fresh.scores.forEach((score, k) => {
      bits[k * stride] = score;
      fresh.perModel.forEach((scores, d) => (bits[k * stride + 1 + d] = scores[k] ?? NaN));
    });
    digest.update(new Uint8Array(bits.buffer));
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  digests.add(digest.digest('hex').slice(0, 16));
  for (const p of phases) best[p] = Math.min(best[p], cpu[p]);
}

const total = metrics * points;
const rows = phases.map((p) => [p, `${best[p].toFixed(2)} s`, Math.round(total / best[p])]);
const modelling = best.train + best.save + best.load + best.score;
rows.push(['train+save+load+score', `${modelling.toFixed(2)} s`, Math.round(total / modelling)]);
process.stdout.write(`compute: ${metrics} metrics x ${points} points, ${scored} scored, node ${process.version}; CPU time, best of ${repeats}\n`);
process.stdout.write(`${formatTable(['phase', 'cpu', 'points/s'], rows)}\n`);
process.stdout.write(`model files ${(store.bytes / metrics / repeats / 1024).toFixed(0)} KB each, peak heap ${Math.round(heapPeak / 2 ** 20)} MB\n`);
process.stdout.write(`scores digest ${[...digests].join(' ')}\n`);
