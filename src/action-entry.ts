/**
 * The entry point of the one bundle, dist/index.js: the action (`node dist/index.js`, as the runner starts it)
 * and the CLI (`bin/anomstack.js`, which imports this bundle, so the CLI ships no second copy of everything).
 * The bundle carries DuckDB's JavaScript but not its ~70 MB native library: that is fetched for the platform
 * (pinned and integrity-checked, cached across runs) before the rest, and with it @duckdb/node-api, is loaded.
 */
import path from 'node:path';
import * as core from '@actions/core';
import { bindingSettingsFromEnv, prepareDuckDbBinding } from './runtime/duckdb-binding.ts';

/** Started as the CLI: through the bin link (`anomstack`) or the bin script itself. */
const asCli = /^anomstack(\.js)?$/.test(path.basename(process.argv[1] ?? ''));

async function prepare(): Promise<boolean> {
  const started = performance.now();
  try {
    // A checkout with node_modules (development, tests, the CLI in a clone) uses its installed copy of the pinned version.
    const installedFrom = process.argv[1] ? path.dirname(process.argv[1]) : undefined;
    const binding = await prepareDuckDbBinding({ ...bindingSettingsFromEnv(), ...(installedFrom ? { installedFrom } : {}) });
    const from = binding.source === 'download' ? `downloaded from ${binding.url ?? ''} in ${Math.round(performance.now() - started)} ms` : binding.source;
    const line = `DuckDB native binding ${binding.pin.name}@${binding.pin.version}: ${from} (${binding.dir})`;
    // The CLI's output is its tables: it only says where the binding came from when it had to fetch it.
    if (!asCli) core.info(line);
    else if (binding.source === 'download') process.stderr.write(`${line}\n`);
    return true;
  } catch (error) {
    const message = `DuckDB native binding: ${error instanceof Error ? error.message : String(error)}`;
    if (asCli) {
      process.stderr.write(`anomstack: ${message}\n`);
      process.exitCode = 1;
    } else {
      core.setFailed(message);
    }
    return false;
  }
}

// Eager: kept in index.js (one file, one license list) but evaluated only here, after the binding is in place.
if (await prepare()) {
  if (asCli) {
    const { runCli } = await import(/* webpackMode: "eager" */ './cli.ts');
    await runCli(process.argv.slice(2));
  } else {
    await import(/* webpackMode: "eager" */ './action.ts');
  }
}
