/**
 * The action's `backtest` command: each selected batch replayed walk-forward (stored history plus one
 * ingest, nothing written), a CSV per batch in `<report-dir>/backtest/`, and alerts per metric in the job
 * summary: what a pull request changing a batch would have alerted on.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { backtestToCsv } from '../cli/backtest.ts';
import type { Layer } from '../config/layers.ts';
import { loadBatches } from '../config/load.ts';
import type { Reporter } from '../jobs/context.ts';

export interface BacktestInputs {
  metricsDir: string;
  batches: readonly string[];
  reportDir: string;
  defaults: Layer;
  now: Date;
  reporter: Reporter;
}

/** Returns the names of the batches whose backtest failed. */
export async function backtestBatches(inputs: BacktestInputs): Promise<string[]> {
  const loaded = await loadBatches(inputs.metricsDir, { only: inputs.batches, defaults: inputs.defaults });
  const failed = loaded.failures.map((f) => f.name);
  const outDir = path.join(inputs.reportDir, 'backtest');
  await mkdir(outDir, { recursive: true });
  const sections: string[] = [];
  for (const batch of loaded.batches.filter((b) => !b.config.disable_batch)) {
    const out = path.join(outDir, `${batch.name}.csv`);
    try {
      const text = await backtestToCsv(batch, { out, now: inputs.now, reporter: inputs.reporter });
      core.info(text);
      sections.push(`### ${batch.name}\n\n\`\`\`\n${text}\n\`\`\``);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      core.error(`backtest ${batch.name}: ${message}`);
      sections.push(`### ${batch.name}\n\nFailed: ${message}`);
      failed.push(batch.name);
    }
  }
  if (process.env['GITHUB_STEP_SUMMARY']) {
    await core.summary.addHeading('Anomstack backtest', 2).addRaw(sections.join('\n\n'), true).write();
  }
  return failed;
}
