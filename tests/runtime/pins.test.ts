import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDuckDbPins } from '../../scripts/duckdb-pins.ts';
import { bindingPin, tarballUrl } from '../../src/runtime/binding-platform.ts';
import { DUCKDB_BINDING_INTEGRITY, DUCKDB_BINDINGS_VERSION } from '../../src/runtime/duckdb-pins.ts';
import { bindingSettingsFromEnv, DEFAULT_REGISTRY } from '../../src/runtime/duckdb-binding.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(ROOT, file), 'utf8')) as T;
}

describe('the pinned DuckDB bindings', () => {
  it('are what package-lock.json records (run `npm run pins:duckdb` after a DuckDB bump)', async () => {
    const committed = await readFile(path.join(ROOT, 'src/runtime/duckdb-pins.ts'), 'utf8');
    expect(committed).toBe(renderDuckDbPins(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')));
  });

  it('are the version of the @duckdb/node-bindings JavaScript bundled with @duckdb/node-api', async () => {
    const bindings = await readJson<{ version: string }>('node_modules/@duckdb/node-bindings/package.json');
    const api = await readJson<{ dependencies: Record<string, string> }>('node_modules/@duckdb/node-api/package.json');
    expect(DUCKDB_BINDINGS_VERSION).toBe(bindings.version);
    expect(api.dependencies['@duckdb/node-bindings']).toBe(DUCKDB_BINDINGS_VERSION);
  });

  it('cover the runners the action supports', () => {
    expect(Object.keys(DUCKDB_BINDING_INTEGRITY)).toEqual(expect.arrayContaining(['linux-x64', 'linux-arm64', 'darwin-arm64']));
    expect(() => bindingPin('freebsd-x64')).toThrow(
      `DuckDB publishes no native binding for freebsd-x64 (version ${DUCKDB_BINDINGS_VERSION}; available: ${Object.keys(DUCKDB_BINDING_INTEGRITY).join(', ')})`,
    );
  });

  it("are fetched from npm's tarball URL, or the same layout under a mirror's path", () => {
    const pin = { name: '@duckdb/node-bindings-linux-x64', version: '1.5.5-r.5' };
    expect(tarballUrl('https://registry.npmjs.org', pin)).toBe('https://registry.npmjs.org/@duckdb/node-bindings-linux-x64/-/node-bindings-linux-x64-1.5.5-r.5.tgz');
    expect(tarballUrl('https://mirror.example/api/npm/npm-remote/', pin)).toBe(
      'https://mirror.example/api/npm/npm-remote/@duckdb/node-bindings-linux-x64/-/node-bindings-linux-x64-1.5.5-r.5.tgz',
    );
  });
});

describe('bindingSettingsFromEnv', () => {
  it("defaults to registry.npmjs.org and the runner's tool cache, else the user's cache folder", () => {
    expect(bindingSettingsFromEnv({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' })).toEqual({
      registry: DEFAULT_REGISTRY,
      cacheDir: path.resolve('/opt/hostedtoolcache/anomstack-duckdb'),
    });
    expect(bindingSettingsFromEnv({}).cacheDir).toBe(path.join(homedir(), '.cache', 'anomstack', 'duckdb'));
  });

  it('takes the registry and cache folder from ANOMSTACK_DUCKDB_REGISTRY and ANOMSTACK_DUCKDB_CACHE', () => {
    const env = { ANOMSTACK_DUCKDB_REGISTRY: 'http://127.0.0.1:4873/', ANOMSTACK_DUCKDB_CACHE: 'cache/duckdb', RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' };
    expect(bindingSettingsFromEnv(env)).toEqual({ registry: 'http://127.0.0.1:4873/', cacheDir: path.resolve('cache/duckdb') });
    expect(() => bindingSettingsFromEnv({ ANOMSTACK_DUCKDB_REGISTRY: 'registry.npmjs.org' })).toThrow(
      'ANOMSTACK_DUCKDB_REGISTRY must be an http(s) URL (got "registry.npmjs.org")',
    );
  });
});
