/**
 * What the NAB benchmarks share: backtesting every shared NAB series with a config through the CLI's own
 * backtestBatch (one process, one core), writing NAB result files, and scoring them with NAB's scorer.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { loadBatches } from '../src/config/load.ts';
import { backtestBatch } from '../src/jobs/backtest.ts';

export const NAB_CATEGORIES_WITH_WINDOWS = ['artificialWithAnomaly', 'realAWSCloudwatch', 'realAdExchange', 'realTraffic'] as const;

const silent = { info: () => undefined, warn: () => undefined, progress: () => undefined };

/** Backtests every series with `extra` merged into its config; writes NAB result files under `work`. */
export async function backtestAll(
  nabRoot: string,
  extra: Record<string, unknown>,
  work: string,
  only?: string,
): Promise<{ points: number; seconds: number; cpuSeconds: number }> {
  let points = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  const categories = (await readdir(path.join(nabRoot, 'data'))).sort();
  for (const category of categories) {
    for (const file of (await readdir(path.join(nabRoot, 'data', category))).filter((f) => f.endsWith('.csv')).sort()) {
      if (only && !file.includes(only)) continue;
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

/**
 * NAB's standard-profile score of a detector's results (`projectAlert` at the fixed threshold 0.5, `projectScore` with
 * the optimised threshold), over `categories` when given; with `counts`, the scorer's windows detected / windows / FP
 * rows follow the score.
 */
export function standard(nabRoot: string, work: string, detector: string, fixed: string[], categories?: readonly string[], counts = false): string {
  const scorer = path.join(nabRoot, '../../tools/nab_score.py');
  const args = [scorer, '--root', nabRoot, '--results', path.join(work, 'results'), '--detector', detector, ...fixed,
    ...(categories ? ['--categories', categories.join(',')] : []), ...(counts ? ['--counts'] : [])];
  const result = spawnSync('python3', args, { encoding: 'utf8' });
  const line = result.stdout.split('\n').find((l) => l.trim().startsWith('standard'));
  if (!line) return `? (${result.stderr.trim().split('\n').pop() ?? ''})`;
  // profile raw threshold normalized [detected windows FP]
  const fields = line.trim().split(/\s+/);
  return counts ? fields.slice(3).join(' ') : (fields[3] ?? '?');
}

