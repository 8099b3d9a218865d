/**
 * CAD OSE run as NAB runs it, not through our fit/score contract: one online learner per series over the whole
 * file (encoding range = the file's min and max, rest period = probation / 5), scored with NAB's scorer. This
 * is the reference point for the CADOSE detector: how much the walk-forward contract (training windows,
 * rows scored alone) costs against the online original on the same series.
 *
 *   node bench/nab-cad-online.ts [--root ../shared/data/nab] [--no-rest] [--range file|probation] [--pad 1] [--keep DIR]
 *
 * `--range file` (the default) encodes with the whole file's min and max, as NAB hands every detector; that is
 * knowledge of the future no scheduled run has. `--range probation` takes them from the probation points only (the
 * first 15%, at most 750: what a first run would have stored), widened by `--pad` times their span on each side.
 *
 * Needs ../shared (not part of a user's clone): without it the benchmark says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContextMemory } from '../src/models/cad-memory.ts';
import { coldActivation, encoding, sensorFacts, step } from '../src/models/cad-learner.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: path.join(ROOT, '../shared/data/nab') },
    'no-rest': { type: 'boolean', default: false },
    range: { type: 'string', default: 'file' },
    pad: { type: 'string', default: '0' },
    keep: { type: 'string' },
  },
});
if (values.range !== 'file' && values.range !== 'probation') throw new Error(`--range must be file or probation, got "${values.range}"`);
if (!Number.isFinite(Number(values.pad)) || Number(values.pad) < 0) throw new Error(`--pad must be a number >= 0, got "${values.pad}"`);
const nabRoot = path.resolve(values.root);
const scorer = path.join(nabRoot, '../../tools/nab_score.py');
if (!existsSync(path.join(nabRoot, 'data')) || !existsSync(scorer)) {
  process.stdout.write(`NAB data not found at ${nabRoot}: skipping\n`);
  process.exit(0);
}

/** NAB's CAD OSE defaults; the rest period is NAB's probation (15% of the file, at most 750 points) / 5. */
function cadScores(series: readonly number[]): number[] {
  const probation = Math.min(Math.floor(0.15 * series.length), 750);
  const known = values.range === 'probation' ? series.slice(0, probation) : series;
  const [low, high] = [Math.min(...known), Math.max(...known)];
  const pad = Number(values.pad) * (high - low);
  const opts = { min: low - pad, max: high + pad, bits: 3, maxLeft: 7, maxActive: 15 };
  const e = encoding(opts);
  const memory = new ContextMemory();
  const activation = coldActivation();
  const rest = Math.trunc(probation / 5);
  // The reference's score history starts with a 1, so its first `rest` points return 0.
  const history = [1];
  return series.map((v) => {
    const raw = step(memory, activation, sensorFacts(v, e), opts, true);
    const quiet = !values['no-rest'] && history.slice(-rest).some((s) => s >= 0.75);
    history.push(raw);
    return quiet ? 0 : raw;
  });
}

const work = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(tmpdir(), 'anomstack-cad-online-'));
const started = process.cpuUsage();
let points = 0;
for (const category of (await readdir(path.join(nabRoot, 'data'))).sort()) {
  const dir = path.join(work, 'cadOnline', category);
  await mkdir(dir, { recursive: true });
  for (const file of (await readdir(path.join(nabRoot, 'data', category))).filter((f) => f.endsWith('.csv')).sort()) {
    const lines = (await readFile(path.join(nabRoot, 'data', category, file), 'utf8')).trim().split(/\r?\n/).slice(1);
    const rows = lines.map((l) => l.split(','));
    const scores = cadScores(rows.map((r) => Number(r[1])));
    points += rows.length;
    const out = rows.map((r, i) => `${r[0]},${r[1]},${scores[i] ?? 0}`);
    await writeFile(path.join(dir, `cadOnline_${file}`), `timestamp,value,anomaly_score\n${out.join('\n')}\n`);
  }
}
const cpu = process.cpuUsage(started);
const result = spawnSync('python3', [scorer, '--root', nabRoot, '--results', work, '--detector', 'cadOnline'], { encoding: 'utf8' });
const standard = result.stdout.split('\n').find((l) => l.trim().startsWith('standard'))?.trim().split(/\s+/).pop() ?? `? ${result.stderr}`;
const range = values.range === 'probation' ? `probation range, pad ${values.pad}` : "the file's range";
process.stdout.write(`CAD OSE online (NAB's way, ${range}${values['no-rest'] ? ', no rest period' : ''}): ${points} points, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, NAB standard ${standard}\n`);
if (!values.keep) await rm(work, { recursive: true, force: true });
