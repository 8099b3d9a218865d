import { readFile } from 'node:fs/promises';
import { LineCounter, parse as parseYaml, parseDocument, type Document } from 'yaml';
import { ConfigError } from './issues.ts';

export type ConfigMap = Record<string, unknown>;

/** One source of configuration values; later layers override earlier ones. */
export interface Layer {
  /** A file path or an environment variable name, for error messages. */
  source: string;
  data: ConfigMap;
  /** Kept for YAML files so an error can point at the line of the key. */
  document?: Document.Parsed;
  lines?: LineCounter;
  /** Environment layers: which variable set which top-level key. */
  variables?: Record<string, string>;
}

export function isMap(value: unknown): value is ConfigMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export async function readYamlLayer(file: string, displayName = file): Promise<Layer> {
  const text = await readFile(file, 'utf8');
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => ({
        source: displayName,
        line: error.linePos?.[0].line,
        path: '',
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
        severity: 'error' as const,
      })),
    );
  }
  const data: unknown = document.toJS() ?? {};
  if (!isMap(data)) {
    throw new ConfigError([
      { source: displayName, line: 1, path: '', message: 'expected a map of keys to values', value: data, severity: 'error' },
    ]);
  }
  return { source: displayName, data, document, lines };
}

/** Deep merge: nested maps merge key by key; anything else (lists included) is replaced. */
export function deepMerge(base: ConfigMap, override: ConfigMap): ConfigMap {
  const out: ConfigMap = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const previous = out[key];
    out[key] = isMap(previous) && isMap(value) ? deepMerge(previous, value) : value;
  }
  return out;
}

/** The layer that last set `path`, i.e. the one an error about that value should point at. */
export function ownerOf(layers: readonly Layer[], path: readonly PropertyKey[]): Layer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer && hasPath(layer.data, path)) return layer;
  }
  return undefined;
}

function hasPath(data: unknown, path: readonly PropertyKey[]): boolean {
  let current: unknown = data;
  for (const part of path) {
    if (Array.isArray(current) && typeof part === 'number') current = current[part];
    else if (isMap(current) && typeof part === 'string' && part in current) current = current[part];
    else return false;
  }
  return true;
}

/** 1-based line of the deepest part of `path` present in a YAML layer. */
export function lineOf(layer: Layer, path: readonly PropertyKey[]): number | undefined {
  const { document, lines } = layer;
  if (!document || !lines) return undefined;
  for (let depth = path.length; depth >= 1; depth--) {
    const parentPath = path.slice(0, depth - 1);
    const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath as unknown[], true);
    const key = path[depth - 1];
    const node = findKeyNode(parent, key);
    if (node !== undefined) return lines.linePos(node).line;
  }
  return undefined;
}

function findKeyNode(parent: unknown, key: PropertyKey | undefined): number | undefined {
  if (typeof parent !== 'object' || parent === null || !('items' in parent)) return undefined;
  const items = (parent as { items: unknown[] }).items;
  if (typeof key === 'number') return rangeStart(items[key]);
  for (const item of items) {
    if (typeof item === 'object' && item !== null && 'key' in item) {
      const keyNode = (item as { key: unknown }).key;
      const keyValue = typeof keyNode === 'object' && keyNode !== null && 'value' in keyNode ? keyNode.value : keyNode;
      if (keyValue === key) return rangeStart(keyNode);
    }
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: [number, number, number] }).range;
  return range?.[0];
}

const GLOBAL_PREFIX = 'ANOMSTACK_';

/**
 * Environment overrides: `ANOMSTACK_<KEY>` for every batch (only for keys the schema knows, since
 * Anomstack also keeps secrets such as ANOMSTACK_SLACK_BOT_TOKEN under that prefix) and
 * `ANOMSTACK__<BATCH>__<KEY>` for one batch. Values are parsed as YAML, so `0.9` is a number.
 */
export function environmentLayers(batch: string, env: NodeJS.ProcessEnv, known: readonly string[]): Layer[] {
  const globalLayer: Layer = { source: 'environment', data: {}, variables: {} };
  const batchLayer: Layer = { source: 'environment', data: {}, variables: {} };
  // Shells cannot name variables with "." or "-", so those characters become "_" (batch my-app: ANOMSTACK__MY_APP__KEY).
  const batchPrefix = `ANOMSTACK__${batch.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}__`;
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    if (name.startsWith(batchPrefix)) {
      setFromEnv(batchLayer, name, name.slice(batchPrefix.length).toLowerCase(), raw);
    } else if (name.startsWith(GLOBAL_PREFIX) && !name.startsWith('ANOMSTACK__')) {
      const key = name.slice(GLOBAL_PREFIX.length).toLowerCase();
      if (known.includes(key)) setFromEnv(globalLayer, name, key, raw);
    }
  }
  return [globalLayer, batchLayer].filter((layer) => Object.keys(layer.data).length > 0);
}

function setFromEnv(layer: Layer, variable: string, key: string, raw: string): void {
  let value: unknown;
  try {
    value = parseYaml(raw);
  } catch {
    value = raw;
  }
  layer.data[key] = value ?? raw;
  layer.variables = { ...layer.variables, [key]: variable };
}
