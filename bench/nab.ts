/**
 * NAB benchmark: backtests every series of the shared NAB subset in one process (one core), through the same
 * backtestBatch the CLI runs, then scores the results with NAB's scorer. Prints the wall time, points per
 * second, peak memory and the NAB standard scores (binary alerts; the stored score with NAB's optimised threshold).
 *
 *   npm run bench:nab [-- --root ../shared/data/nab] [--config '{"alert_snooze_n": 100}'] [--keep DIR]
 *
 * Several `--config` options run one after the other in the same process, each printing its own lines
 * (a table of configurations in one go).
 *
 * Needs ../shared (not part of a user's clone): without it the benchmark says so and exits 0.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backtestAll, standard } from './nab-lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: path.join(ROOT, '../shared/data/nab') },
    config: { type: 'string', multiple: true, default: ['{}'] },
    keep: { type: 'string' },
    only: { type: 'string' },
  },
});
const nabRoot = path.resolve(values.root);
const scorer = path.join(nabRoot, '../../tools/nab_score.py');
if (!existsSync(path.join(nabRoot, 'data')) || !existsSync(scorer)) {
  process.stdout.write(`NAB data not found at ${nabRoot}: skipping the NAB benchmark\n`);
  process.exit(0);
}

const root = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(tmpdir(), 'anomstack-nab-'));
for (const [i, text] of values.config.entries()) {
  const extra = JSON.parse(text) as Record<string, unknown>;
  const work = values.config.length > 1 ? path.join(root, `config-${i}`) : root;
  const { points, seconds, cpuSeconds } = await backtestAll(nabRoot, extra, work, values.only);
  const alerts = values.only ? 'n/a' : standard(nabRoot, work, 'projectAlert', ['--fixed-threshold', '0.5']);
  const raw = values.only ? 'n/a' : standard(nabRoot, work, 'projectScore', []);
  process.stdout.write(
    [
      `NAB subset: ${points} points backtested in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU, ${Math.round(points / seconds)} points/s), ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, config ${JSON.stringify(extra)}`,
      `NAB standard score: alerts ${alerts}, raw score ${raw} (the stored score, NAB's optimised threshold)`,
    ].join('\n') + '\n',
  );
}
if (!values.keep) await rm(root, { recursive: true, force: true });
