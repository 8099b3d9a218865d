/**
 * NAB benchmark: backtests every series of the shared NAB subset in one process (one core), through the same
 * backtestBatch the CLI runs, then scores the results with NAB's scorer. Prints the wall time, points per
 * second, peak memory and both NAB standard scores (raw score with NAB's optimised threshold; binary alerts).
 *
 *   npm run bench:nab [-- --root ../shared/data/nab] [--config '{"alert_snooze_n": 100}'] [--keep DIR]
 *
 * Several `--config` options run one after the other in the same process, each printing its own lines
 * (a table of configurations in one go).
 *
 * Needs ../shared (not part of a user's clone): without it the benchmark says so and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { loadBatches } from '../src/config/load.ts';
import { backtestBatch } from '../src/jobs/backtest.ts';

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
const silent = { info: () => undefined, warn: () => undefined, progress: () => undefined };

/** Backtests every series with `extra` merged into its config; writes NAB result files under `work`. */
async function backtestAll(extra: Record<string, unknown>, work: string): Promise<{ points: number; seconds: number; cpuSeconds: number }> {
  let points = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  const categories = (await readdir(path.join(nabRoot, 'data'))).sort();
  for (const category of categories) {
    for (const file of (await readdir(path.join(nabRoot, 'data', category))).filter((f) => f.endsWith('.csv')).sort()) {
      if (values.only && !file.includes(values.only)) continue;
      const name = `nab_${file.replace(/\.csv$/, '').replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}`;
      const metricsDir = path.join(work, 'metrics', name);
      await mkdir(path.join(metricsDir, name), { recursive: true });
      const csv = path.join(nabRoot, 'data', category, file);
      const sql = `select strptime(timestamp, '%Y-%m-%d %H:%M:%S') as metric_timestamp, 'value' as metric_name, value::double as metric_value
        from read_csv('${csv.replaceAll("'", "''")}', header = true, columns = {'timestamp': 'VARCHAR', 'value': 'DOUBLE'})`;
      await writeFile(path.join(metricsDir, name, 'config.yaml'), stringify({ metric_batch: name, ingest_sql: sql, ...extra }));
      const loaded = await loadBatches(metricsDir, { env: {} });
      const batch = loaded.batches[0];
      if (!batch) throw new Error(`${file}: ${loaded.failures[0]?.error.message ?? 'no batch'}`);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const { results } = await backtestBatch(batch, { now: new Date(), reporter: silent });
      seconds += (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
      cpuSeconds += (used.user + used.system) / 1e6;
      const series = results[0]?.points ?? [];
      points += series.length;
      for (const [detector, column] of [['projectScore', 'score'], ['projectAlert', 'alert']] as const) {
        const dir = path.join(work, 'results', detector, category);
        await mkdir(dir, { recursive: true });
        const lines = series.map((p) => {
          const value = column === 'score' ? (p.score ?? 0) : p.alert ? 1 : 0;
          return `${p.timestamp.toISOString().replace('T', ' ').slice(0, 19)},${p.value},${value}`;
        });
        await writeFile(path.join(dir, `${detector}_${file}`), `timestamp,value,anomaly_score\n${lines.join('\n')}\n`);
      }
    }
  }
  return { points, seconds, cpuSeconds };
}

function standard(work: string, detector: string, fixed: string[]): string {
  const args = [scorer, '--root', nabRoot, '--results', path.join(work, 'results'), '--detector', detector, ...fixed];
  const result = spawnSync('python3', args, { encoding: 'utf8' });
  const line = result.stdout.split('\n').find((l) => l.trim().startsWith('standard'));
  return line ? (line.trim().split(/\s+/).pop() ?? '?') : `? (${result.stderr.trim().split('\n').pop() ?? ''})`;
}

const root = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(tmpdir(), 'anomstack-nab-'));
for (const [i, text] of values.config.entries()) {
  const extra = JSON.parse(text) as Record<string, unknown>;
  const work = values.config.length > 1 ? path.join(root, `config-${i}`) : root;
  const { points, seconds, cpuSeconds } = await backtestAll(extra, work);
  const alerts = values.only ? 'n/a' : standard(work, 'projectAlert', ['--fixed-threshold', '0.5']);
  const raw = values.only ? 'n/a' : standard(work, 'projectScore', []);
  process.stdout.write(
    [
      `NAB subset: ${points} points backtested in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU, ${Math.round(points / seconds)} points/s), ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, config ${JSON.stringify(extra)}`,
      `NAB standard score: alerts ${alerts}, raw score ${raw}`,
    ].join('\n') + '\n',
  );
}
if (!values.keep) await rm(root, { recursive: true, force: true });
