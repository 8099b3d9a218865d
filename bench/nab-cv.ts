/**
 * Leave-one-category-out cross-validation of configurations on the shared NAB series: each configuration is
 * backtested once on all 41 series; then, for each category with labelled windows, the configuration that scores
 * best on the other categories (artificialNoAnomaly's false alerts included) is chosen and scored on the held-out
 * one. Prints every configuration's score per category and in all (in-sample), then the held-out scores of the
 * chosen ones, their mean and their worst: the figure that says whether a choice generalises.
 *
 *   node bench/nab-cv.ts [--config '{}' --config '{"alert_snooze_n": 100}' ...] [--raw]
 *
 * Binary alerts are scored at the fixed threshold 0.5; `--raw` scores the raw `score` with NAB's optimised threshold
 * instead (optimised on the categories being scored: in-sample for that set, as NAB does).
 * Needs ../shared (not part of a user's clone): without it the benchmark says so and exits 0.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable } from '../src/cli/table.ts';
import { backtestAll, NAB_CATEGORIES_WITH_WINDOWS, standard } from './nab-lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The configurations tried when none are given: the defaults and one change of each alerting knob. */
const DEFAULT_GRID = [
  '{}',
  '{"alert_snooze_n": 100}',
  '{"alert_snooze_n": 10}',
  '{"alert_smooth_n": 1}',
  '{"alert_threshold": 0.9}',
  '{"train_holdout_n": 25}',
];
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: path.join(ROOT, '../shared/data/nab') },
    config: { type: 'string', multiple: true },
    raw: { type: 'boolean', default: false },
  },
});
const nabRoot = path.resolve(values.root);
if (!existsSync(path.join(nabRoot, 'data')) || !existsSync(path.join(nabRoot, '../../tools/nab_score.py'))) {
  process.stdout.write(`NAB data not found at ${nabRoot}: skipping the NAB cross-validation\n`);
  process.exit(0);
}

const configs = values.config ?? DEFAULT_GRID;
const categories = (await readdir(path.join(nabRoot, 'data'))).sort();
const detector = values.raw ? 'projectScore' : 'projectAlert';
const fixed = values.raw ? [] : ['--fixed-threshold', '0.5'];
const root = await mkdtemp(path.join(tmpdir(), 'anomstack-nab-cv-'));
const score = (work: string, cats?: readonly string[]): number => Number(standard(nabRoot, work, detector, fixed, cats));

interface Row {
  config: string;
  all: number;
  /** Score on each labelled category alone. */
  alone: Record<string, number>;
  /** Score on every category but this one. */
  without: Record<string, number>;
  /** False alert rows on artificialNoAnomaly (it has no windows, so no score). */
  falseAlerts: string;
}

const rows: Row[] = [];
try {
  for (const [i, config] of configs.entries()) {
    const work = path.join(root, `config-${i}`);
    const { seconds } = await backtestAll(nabRoot, JSON.parse(config) as Record<string, unknown>, work);
    const alone: Record<string, number> = {};
    const without: Record<string, number> = {};
    for (const held of NAB_CATEGORIES_WITH_WINDOWS) {
      alone[held] = score(work, [held]);
      without[held] = score(work, categories.filter((c) => c !== held));
    }
    const counts = standard(nabRoot, work, detector, fixed, ['artificialNoAnomaly'], true).split(' ');
    rows.push({ config, all: score(work), alone, without, falseAlerts: counts[counts.length - 1] ?? '?' });
    process.stderr.write(`nab-cv: ${config} backtested in ${seconds.toFixed(1)} s\n`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

const short = (c: string): string => c.replace(/^(artificial|real)/, '');
process.stdout.write(`NAB leave-one-category-out (${values.raw ? 'raw score, optimised threshold' : 'binary alerts, threshold 0.5'}), standard profile\n\n`);
process.stdout.write(`${formatTable(
  ['config', 'all 41 (in-sample)', ...NAB_CATEGORIES_WITH_WINDOWS.map(short), 'NoAnomaly false alerts'],
  rows.map((r) => [r.config, r.all.toFixed(1), ...NAB_CATEGORIES_WITH_WINDOWS.map((c) => (r.alone[c] ?? NaN).toFixed(1)), r.falseAlerts]),
)}\n\n`);
const held = NAB_CATEGORIES_WITH_WINDOWS.map((category) => {
  const chosen = rows.reduce((best, r) => ((r.without[category] ?? -Infinity) > (best.without[category] ?? -Infinity) ? r : best));
  return { category, chosen: chosen.config, onOthers: chosen.without[category] ?? NaN, heldOut: chosen.alone[category] ?? NaN };
});
process.stdout.write(`${formatTable(
  ['held out', 'chosen on the others', 'score on the others', 'held-out score'],
  held.map((h) => [h.category, h.chosen, h.onOthers.toFixed(1), h.heldOut.toFixed(1)]),
)}\n`);
const heldScores = held.map((h) => h.heldOut);
process.stdout.write(`held-out mean ${(heldScores.reduce((a, b) => a + b, 0) / heldScores.length).toFixed(1)}, worst ${Math.min(...heldScores).toFixed(1)}\n`);
