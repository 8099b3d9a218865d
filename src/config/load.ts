import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { discover, findDefaultsFile, isFile, type BatchFile } from './discover.ts';
import { ConfigError, formatPath, suggestKey, type ConfigIssue } from './issues.ts';
import { deepMerge, environmentLayers, isMap, lineOf, ownerOf, readYamlLayer, type ConfigMap, type Layer } from './layers.ts';
import { batchConfigSchema, knownKeys, SECRET_KEYS, unwrap, type BatchConfig } from './schema.ts';
import { loadAlertTemplates, type BatchTemplates } from './alert-templates.ts';
import { statePathIssues } from './state-paths.ts';
import { renderTemplate, templateErrorMessage } from './template.ts';
import { thresholdAdvice } from './threshold-advice.ts';
import { unknownKeys } from './unknown-keys.ts';

export type IngestSpec =
  | { kind: 'sql'; sql: string; origin: string }
  | { kind: 'function'; file: string }
  /** Anomstack's `ingest_fn` (Python source defining `ingest()`), inline or as `ingest.py` beside config.yaml. */
  | { kind: 'python'; source: string; origin: string };

/** A validated metric batch, ready for the jobs. */
export interface Batch {
  name: string;
  /** The batch's YAML file, relative to the working directory for messages. */
  file: string;
  dir: string;
  metricsDir: string;
  config: BatchConfig;
  ingest: IngestSpec;
  /** `preprocess.js` / `.mjs` / `.ts` beside config.yaml: a per-batch transform of each series. */
  preprocess?: string;
  /** Each channel's `alert_templates`, loaded and checked (none when the batch words nothing itself). */
  templates?: BatchTemplates;
}

export interface BatchFailure {
  name: string;
  file: string;
  error: ConfigError;
}

export interface LoadResult {
  batches: Batch[];
  failures: BatchFailure[];
  warnings: ConfigIssue[];
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** Only these batch names (all when empty). */
  only?: readonly string[];
  /**
   * Defaults set by the caller, below `defaults.yaml` and every batch file: the action points the state
   * paths (`duckdb_path`, `model_path`) at its state folder this way, and a batch that sets its own wins.
   */
  defaults?: Layer;
  /** The run's clock: a SQL's default `{{ from }}` / `{{ to }}` (the last backfill_slice) end at it. */
  now?: Date;
}

const INGEST_FUNCTION_FILES = ['ingest.js', 'ingest.mjs', 'ingest.ts'];
const PREPROCESS_FILES = ['preprocess.js', 'preprocess.mjs', 'preprocess.ts'];

export async function loadBatches(metricsDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const env = options.env ?? process.env;
  const root = path.resolve(metricsDir);
  const result: LoadResult = { batches: [], failures: [], warnings: [] };
  const defaultsFile = await findDefaultsFile(root);
  let defaults: Layer | undefined;
  if (defaultsFile) {
    try {
      defaults = await readYamlLayer(defaultsFile, display(defaultsFile));
    } catch (error) {
      // Every batch inherits defaults.yaml, so a broken one fails them all, each with the same clear message.
      for (const batch of (await discover(root)).batches) {
        result.failures.push({ name: batch.defaultName, file: display(batch.file), error: asConfigError(error, defaultsFile) });
      }
      return result;
    }
  }
  const found = await discover(root);
  if (!options.only?.length) {
    for (const file of found.ignored) {
      result.warnings.push({ source: display(file), path: '', message: 'not a batch (no config.yaml name, and no metric_batch, ingest_sql or ingest_fn key): ignored', severity: 'warning' });
    }
  }
  const read: { batchFile: BatchFile; layer: Layer; name: string }[] = [];
  for (const batchFile of found.batches) {
    try {
      const layer = await readYamlLayer(batchFile.file, display(batchFile.file));
      const name = typeof layer.data['metric_batch'] === 'string' ? layer.data['metric_batch'] : batchFile.defaultName;
      read.push({ batchFile, layer, name });
    } catch (error) {
      if (!options.only?.length || options.only.includes(batchFile.defaultName)) {
        result.failures.push({ name: batchFile.defaultName, file: display(batchFile.file), error: asConfigError(error, batchFile.file) });
      }
    }
  }
  const filesOf = new Map<string, string[]>();
  for (const { batchFile, name } of read) filesOf.set(name, [...(filesOf.get(name) ?? []), display(batchFile.file)]);
  for (const { batchFile, layer, name } of read) {
    if (options.only?.length && !options.only.includes(name)) continue;
    const others = (filesOf.get(name) ?? []).filter((f) => f !== display(batchFile.file));
    if (others.length > 0) {
      // Neither runs: the first in folder order would write into the other's rows and models.
      const issue: ConfigIssue = {
        ...locate([layer], ['metric_batch'], display(batchFile.file)),
        path: 'metric_batch',
        value: name,
        message: `batch name also used by ${others.join(', ')}; batch names must be unique (neither runs until one is renamed)`,
        severity: 'error',
      };
      result.failures.push({ name, file: display(batchFile.file), error: new ConfigError([issue]) });
      continue;
    }
    try {
      const { batch, warnings } = await buildBatch(root, batchFile, name, [options.defaults, defaults, layer].filter(isLayer), env, options.now);
      result.batches.push(batch);
      result.warnings.push(...warnings);
    } catch (error) {
      result.failures.push({ name, file: display(batchFile.file), error: asConfigError(error, batchFile.file) });
    }
  }
  return result;
}

async function buildBatch(
  metricsDir: string,
  batchFile: BatchFile,
  name: string,
  fileLayers: Layer[],
  env: NodeJS.ProcessEnv,
  now?: Date,
): Promise<{ batch: Batch; warnings: ConfigIssue[] }> {
  const derived: Layer = { source: display(batchFile.file), data: { metric_batch: name } };
  const layers = [derived, ...fileLayers, ...environmentLayers(name, env, knownKeys())];
  const merged = layers.reduce<ConfigMap>((acc, layer) => deepMerge(acc, layer.data), {});
  const dir = path.dirname(batchFile.file);
  const ingestSource = await findIngest(batchFile, merged, layers);

  const templateText = ingestSource.kind === 'function' ? '' : ingestSource.template;
  const warnings = unknownKeys(batchConfigSchema, merged)
    .filter((keyPath) => !(keyPath.length === 1 && new RegExp(`\\b${String(keyPath[0])}\\b`).test(templateText)))
    .map((keyPath) => unknownKeyWarning(layers, keyPath));

  const secrets = secretKeyIssues(fileLayers);
  if (secrets.length > 0) throw new ConfigError([...secrets, ...warnings]);
  const parsed = batchConfigSchema.safeParse(merged);
  // Warnings travel with the errors: a misspelt key is often the reason for the error beside it.
  if (!parsed.success) throw new ConfigError([...parsed.error.issues.map((issue) => fromZodIssue(layers, merged, issue)), ...warnings]);
  const config = parsed.data;
  const advice = thresholdAdvice(config);
  if (advice) warnings.push({ ...locate(layers, ['alert_threshold'], 'built-in defaults'), path: 'alert_threshold', message: advice, severity: 'warning' });
  const pathIssues = await statePathIssues(config, (key) => locate(layers, [key], 'built-in defaults'));
  if (pathIssues.length > 0) throw new ConfigError([...pathIssues, ...warnings]);
  const { templates, issues: templateIssues } = await loadAlertTemplates(config, { batch: dir, metrics: metricsDir }, (keyPath) => locate(layers, keyPath, 'built-in defaults'), display);
  if (templateIssues.length > 0) throw new ConfigError([...templateIssues, ...warnings]);

  let ingest: IngestSpec;
  if (ingestSource.kind === 'function') {
    ingest = ingestSource;
  } else {
    const key = ingestSource.kind === 'sql' ? 'ingest_sql' : 'ingest_fn';
    try {
      // Custom keys are template variables in Anomstack, so the raw merged map is part of the context.
      const text = renderTemplate(ingestSource.template, { ...merged, ...config }, {
        searchPaths: [metricsDir, dir],
        ...(ingestSource.file ? { file: ingestSource.file } : {}),
        ...(now ? { now } : {}),
      });
      ingest = ingestSource.kind === 'sql' ? { kind: 'sql', sql: text, origin: ingestSource.origin } : { kind: 'python', source: text, origin: ingestSource.origin };
    } catch (error) {
      throw new ConfigError([
        { ...locate(layers, [key], ingestSource.origin), path: ingestSource.file ? '' : key, message: `template error: ${templateErrorMessage(error)}`, severity: 'error' },
      ]);
    }
  }
  const preprocess = await findPreprocess(batchFile);
  return { batch: { name, file: display(batchFile.file), dir, metricsDir, config, ingest, templates, ...(preprocess ? { preprocess } : {}) }, warnings };
}

async function findPreprocess(batchFile: BatchFile): Promise<string | undefined> {
  if (path.basename(batchFile.file).replace(/\.ya?ml$/, '') !== 'config') return undefined;
  const found: string[] = [];
  for (const name of PREPROCESS_FILES) {
    const file = path.join(path.dirname(batchFile.file), name);
    if (await isFile(file)) found.push(file);
  }
  if (found.length > 1) {
    throw new ConfigError([{ source: display(batchFile.file), path: '', message: `more than one preprocess file (${found.map(display).join(', ')}); keep one`, severity: 'error' }]);
  }
  return found[0];
}

type IngestSource = { kind: 'sql' | 'python'; template: string; origin: string; file?: string } | { kind: 'function'; file: string };

async function findIngest(batchFile: BatchFile, merged: ConfigMap, layers: Layer[]): Promise<IngestSource> {
  const dir = path.dirname(batchFile.file);
  const candidates: IngestSource[] = [];
  if (typeof merged['ingest_sql'] === 'string') {
    candidates.push({ kind: 'sql', template: merged['ingest_sql'], origin: locate(layers, ['ingest_sql'], '').source });
  }
  if (path.basename(batchFile.file).replace(/\.ya?ml$/, '') === 'config') {
    const query = path.join(dir, 'query.sql');
    if (await isFile(query)) candidates.push({ kind: 'sql', template: await readFile(query, 'utf8'), origin: display(query), file: query });
    for (const fileName of INGEST_FUNCTION_FILES) {
      const file = path.join(dir, fileName);
      if (await isFile(file)) candidates.push({ kind: 'function', file });
    }
    const python = path.join(dir, 'ingest.py');
    if (await isFile(python)) candidates.push({ kind: 'python', template: await readFile(python, 'utf8'), origin: display(python), file: python });
  }
  const where = display(batchFile.file);
  if (typeof merged['ingest_fn'] === 'string') {
    candidates.push({ kind: 'python', template: merged['ingest_fn'], origin: locate(layers, ['ingest_fn'], '').source });
  } else if ('ingest_fn' in merged) {
    throw new ConfigError([{ ...locate(layers, ['ingest_fn'], where), path: 'ingest_fn', message: 'expected Python source defining ingest()', value: merged['ingest_fn'], severity: 'error' }]);
  }
  if (candidates.length === 0) {
    throw new ConfigError([
      { source: where, path: 'ingest_sql', message: 'no ingest defined: set ingest_sql or ingest_fn, or put query.sql, ingest.js (.mjs, .ts) or ingest.py beside config.yaml', severity: 'error' },
    ]);
  }
  if (candidates.length > 1) {
    const names = candidates.map((c) => (c.kind === 'function' ? display(c.file) : c.origin)).join(', ');
    throw new ConfigError([{ source: where, path: '', message: `more than one ingest defined (${names}); keep one`, severity: 'error' }]);
  }
  return candidates[0] as IngestSource;
}

/** A secret written into a file kept in git is refused, whether or not the value is real: it belongs in the environment. */
function secretKeyIssues(fileLayers: readonly Layer[]): ConfigIssue[] {
  return fileLayers.flatMap((layer) =>
    Object.keys(layer.data)
      .filter((key) => key in SECRET_KEYS)
      .map((key) => {
        const line = lineOf(layer, [key]);
        return {
          source: layer.source,
          ...(line === undefined ? {} : { line }),
          path: key,
          message: `is a secret: set the environment variable ${SECRET_KEYS[key] ?? ''} instead (in the action, from a repository secret), and remove it from this file`,
          severity: 'error' as const,
        };
      }),
  );
}

function fromZodIssue(layers: Layer[], merged: ConfigMap, issue: z.core.$ZodIssue): ConfigIssue {
  const value = valueAt(merged, issue.path);
  const message = issue.code === 'invalid_type' && value === undefined ? `is required (${issue.message.toLowerCase()})` : issue.message;
  return { ...locate(layers, issue.path, 'built-in defaults'), path: formatPath(issue.path), message, value, severity: 'error' };
}

function unknownKeyWarning(layers: Layer[], keyPath: PropertyKey[]): ConfigIssue {
  const parentPath = keyPath.slice(0, -1);
  const key = String(keyPath[keyPath.length - 1]);
  const siblings = parentPath.length === 0 ? knownKeys() : knownKeys(schemaAt(parentPath));
  const hint = suggestKey(key, siblings);
  const message = hint ? `unknown key, ignored; did you mean ${hint}?` : 'unknown key, ignored';
  return { ...locate(layers, keyPath, 'built-in defaults'), path: formatPath(keyPath), message, severity: 'warning' };
}

function schemaAt(keyPath: PropertyKey[]): z.ZodType {
  let schema: z.ZodType = batchConfigSchema;
  for (const part of keyPath) {
    const inner = unwrap(schema);
    if (typeof part === 'number' && 'element' in inner) schema = inner.element as z.ZodType;
    else if ('shape' in inner) schema = (inner.shape as Record<string, z.ZodType>)[String(part)] ?? schema;
  }
  return schema;
}

function locate(layers: Layer[], keyPath: readonly PropertyKey[], fallback: string): { source: string; line?: number } {
  const owner = ownerOf(layers, keyPath);
  if (!owner) return { source: fallback };
  const variable = owner.variables?.[String(keyPath[0])];
  if (variable) return { source: `environment variable ${variable}` };
  const line = lineOf(owner, keyPath);
  return line === undefined ? { source: owner.source } : { source: owner.source, line };
}

function valueAt(data: unknown, keyPath: readonly PropertyKey[]): unknown {
  let current = data;
  for (const part of keyPath) {
    if (Array.isArray(current) && typeof part === 'number') current = current[part];
    else if (isMap(current)) current = current[String(part)];
    else return undefined;
  }
  return current;
}

function asConfigError(error: unknown, file: string): ConfigError {
  if (error instanceof ConfigError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConfigError([{ source: display(file), path: '', message, severity: 'error' }]);
}

function isLayer(layer: Layer | undefined): layer is Layer {
  return layer !== undefined;
}

/** Paths in messages are relative to the working directory, as users typed them. */
export function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}
