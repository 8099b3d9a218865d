import { homedir } from 'node:os';
import path from 'node:path';
import { ensureBinding, type PreparedBinding } from './binding-cache.ts';
import { type DownloadOptions } from './binding-download.ts';
import { redirectDuckDbBindings } from './binding-hook.ts';
import { bindingPin, type BindingPin } from './binding-platform.ts';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

export interface BindingSettings {
  registry: string;
  cacheDir: string;
}

/**
 * Where the binding comes from and where it is kept, from the environment:
 * `ANOMSTACK_DUCKDB_REGISTRY` (an npm registry or mirror; default registry.npmjs.org) and
 * `ANOMSTACK_DUCKDB_CACHE` (default: the runner's tool cache, else ~/.cache/anomstack/duckdb).
 */
export function bindingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BindingSettings {
  const registry = env['ANOMSTACK_DUCKDB_REGISTRY'] || DEFAULT_REGISTRY;
  let protocol: string;
  try {
    protocol = new URL(registry).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`ANOMSTACK_DUCKDB_REGISTRY must be an http(s) URL (got "${registry}")`);
  const toolCache = env['RUNNER_TOOL_CACHE'];
  const userCache = env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache');
  const cacheDir = env['ANOMSTACK_DUCKDB_CACHE'] || (toolCache ? path.join(toolCache, 'anomstack-duckdb') : path.join(userCache, 'anomstack', 'duckdb'));
  return { registry, cacheDir: path.resolve(cacheDir) };
}

export interface PrepareOptions extends BindingSettings {
  /** Default: the pin for this runner's platform. */
  pin?: BindingPin;
  /** Use an installed `node_modules` copy of the pinned package found from this folder upwards. */
  installedFrom?: string;
  download?: DownloadOptions;
}

/**
 * Makes DuckDB's native library available to the bundled @duckdb/node-api: finds or fetches the pinned
 * package for this platform, then routes `require('@duckdb/node-bindings')` to it. Call it before anything
 * imports @duckdb/node-api (which loads the addon as soon as it is imported).
 */
export async function prepareDuckDbBinding(options: PrepareOptions): Promise<PreparedBinding & { pin: BindingPin }> {
  const pin = options.pin ?? bindingPin();
  const binding = await ensureBinding({ ...options, pin });
  redirectDuckDbBindings(binding.dir);
  return { ...binding, pin };
}
