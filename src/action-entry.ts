/**
 * The action's entry point, built into dist/index.js. The committed bundle carries DuckDB's JavaScript but
 * not its ~70 MB native library: that is fetched for the runner's platform (pinned and integrity-checked,
 * cached across runs) before the rest of the action, and with it @duckdb/node-api, is loaded.
 */
import path from 'node:path';
import * as core from '@actions/core';
import { bindingSettingsFromEnv, prepareDuckDbBinding } from './runtime/duckdb-binding.ts';

async function prepare(): Promise<boolean> {
  const started = performance.now();
  try {
    // A checkout with node_modules (development, tests) uses its installed copy of the pinned version.
    const installedFrom = process.argv[1] ? path.dirname(process.argv[1]) : undefined;
    const binding = await prepareDuckDbBinding({ ...bindingSettingsFromEnv(), ...(installedFrom ? { installedFrom } : {}) });
    const from = binding.source === 'download' ? `downloaded from ${binding.url ?? ''} in ${Math.round(performance.now() - started)} ms` : binding.source;
    core.info(`DuckDB native binding ${binding.pin.name}@${binding.pin.version}: ${from} (${binding.dir})`);
    return true;
  } catch (error) {
    core.setFailed(`DuckDB native binding: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

// Eager: kept in index.js (one file, one license list) but evaluated only here, after the binding is in place.
if (await prepare()) await import(/* webpackMode: "eager" */ './action.ts');
