/**
 * The `merge-states` input: states written elsewhere (the fan-out legs' `.anomstack` folders, downloaded as
 * artifacts) merged into this run's state, so one job can report on every batch; their plots come along.
 */
import { cp, glob, stat } from 'node:fs/promises';
import path from 'node:path';
import { mergeDatabases, type MergedState } from '../store/merge.ts';
import { statePlotsDir } from './plots.ts';

/**
 * DuckDB files named by the patterns (files themselves, or the `*.duckdb` files directly inside folders),
 * and the `plots/` folders inside those folders.
 */
async function stateParts(patterns: readonly string[]): Promise<{ files: string[]; plots: string[] }> {
  const files: string[] = [];
  const plots: string[] = [];
  for (const pattern of patterns) {
    const matches: string[] = [];
    for await (const match of glob(pattern)) matches.push(match);
    if (matches.length === 0) throw new Error(`merge-states: nothing matches "${pattern}"`);
    for (const match of matches.sort()) {
      if ((await stat(match)).isDirectory()) {
        for await (const file of glob('*.duckdb', { cwd: match })) files.push(path.join(match, file));
        if (await stat(statePlotsDir(match)).then((s) => s.isDirectory(), () => false)) plots.push(statePlotsDir(match));
      } else if (match.endsWith('.duckdb')) {
        files.push(match);
      }
    }
  }
  return { files, plots };
}

/**
 * Merges each database named by the patterns into the file of the same name in `stateDir`, and copies
 * the plots beside them into its plots folder (each fan-out leg plots its own batches).
 */
export async function mergeStates(patterns: readonly string[], stateDir: string): Promise<MergedState[]> {
  const { files, plots } = await stateParts(patterns);
  for (const dir of plots) await cp(dir, statePlotsDir(stateDir), { recursive: true, force: true });
  return mergeDatabases(files, stateDir);
}
