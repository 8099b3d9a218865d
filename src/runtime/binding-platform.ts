import { DUCKDB_BINDING_INTEGRITY, DUCKDB_BINDINGS_VERSION } from './duckdb-pins.ts';

/** One platform's native DuckDB package, as pinned at build time. */
export interface BindingPin {
  /** `@duckdb/node-bindings-<platform>-<arch>[-musl]`. */
  name: string;
  version: string;
  /** Subresource-integrity string (`sha512-<base64>`) of the package tarball. */
  integrity: string;
}

/**
 * Whether this Linux process runs on musl rather than glibc. Node's diagnostic report names the glibc it
 * runs against; musl builds have none (the same primary check @duckdb/node-bindings makes via detect-libc).
 */
function isMusl(): boolean {
  // `excludeNetwork` (Node 22+) is missing from @types/node.
  const report = process.report as NodeJS.ProcessReport & { excludeNetwork: boolean };
  const excludeNetwork = report.excludeNetwork;
  // Without this the report resolves host names and takes ~200 ms instead of ~3 ms.
  report.excludeNetwork = true;
  try {
    const header = (report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
    return header?.glibcVersionRuntime === undefined;
  } finally {
    report.excludeNetwork = excludeNetwork;
  }
}

/** The platform key of this runner: `linux-x64`, `linux-arm64-musl`, `darwin-arm64`, ... */
export function runtimePlatformKey(): string {
  const key = `${process.platform}-${process.arch}`;
  return process.platform === 'linux' && isMusl() ? `${key}-musl` : key;
}

/** The pinned native package for `platformKey`, or a clear error when DuckDB publishes none for it. */
export function bindingPin(platformKey: string = runtimePlatformKey()): BindingPin {
  const integrity = DUCKDB_BINDING_INTEGRITY[platformKey];
  if (!integrity) {
    const known = Object.keys(DUCKDB_BINDING_INTEGRITY).join(', ');
    throw new Error(`DuckDB publishes no native binding for ${platformKey} (version ${DUCKDB_BINDINGS_VERSION}; available: ${known})`);
  }
  return { name: `@duckdb/node-bindings-${platformKey}`, version: DUCKDB_BINDINGS_VERSION, integrity };
}

/** The registry URL of a package tarball, the way npm lays it out (mirrors keep the same layout). */
export function tarballUrl(registry: string, pin: Pick<BindingPin, 'name' | 'version'>): string {
  const base = registry.endsWith('/') ? registry : `${registry}/`;
  const unscoped = pin.name.slice(pin.name.indexOf('/') + 1);
  return new URL(`${pin.name}/-/${unscoped}-${pin.version}.tgz`, base).href;
}
