import { z } from 'zod';
import { fileSafe } from '../artifacts/file-names.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { BatchConfig, ModelConfig } from '../config/schema.ts';
import type { Detector } from './detector.ts';
import { createDetector, OutdatedModelError, restoreDetector } from './index.ts';
import { packState, stringifyPacked, unpackState } from './packed-state.ts';
import { flatten, rememberFlat } from './scaling.ts';
import { seasonalCheckSchema, type SeasonalCheck } from './seasonal-check.ts';

/**
 * Layout version of the saved file; a file of another version is refused and the metric is retrained.
 * 2: long number arrays in detector states are packed (packed-state.ts).
 * 3: every detector keeps its training scores' quantiles for the calibrated score; the file keeps the seasonal check.
 */
export const MODEL_FILE_VERSION = 3 as const;

const modelFileSchema = z.object({
  format: z.literal('anomstack-model'),
  version: z.literal(MODEL_FILE_VERSION),
  metric_batch: z.string(),
  metric_name: z.string(),
  trained_at: z.string(),
  train_n: z.number(),
  train_to: z.string(),
  /** modelFingerprint of the config that trained it; absent in files written before fingerprints (stale). */
  fingerprint: z.string().optional(),
  preprocess_params: z.record(z.string(), z.unknown()),
  /** The daily or weekly cycle the newest points are also checked against (see seasonal-check.ts); null: none. */
  seasonal: seasonalCheckSchema.nullable(),
  models: z.array(
    z.object({
      model_tag: z.string(),
      state: z.object({ name: z.string(), version: z.number(), params: z.record(z.string(), z.unknown()), fitted: z.record(z.string(), z.unknown()) }),
    }),
  ),
});

export type ModelFile = z.infer<typeof modelFileSchema>;

const headerSchema = modelFileSchema.omit({ models: true });

/** What a model file says about its training, without its detectors. */
export type ModelHeader = z.infer<typeof headerSchema>;

/** A metric's fitted detectors, one per entry of `model_configs`, and its seasonal check. */
export interface TrainedModels {
  file: ModelFile;
  detectors: { tag: string; detector: Detector }[];
  seasonal: SeasonalCheck | null;
}

export function modelTag(config: ModelConfig, index: number): string {
  return config.model_tag ?? `${config.model_name.toLowerCase()}_${index}`;
}

/** `<batch>/<metric>.json`, each name made a bounded, unique file name (see fileSafe). */
export function modelKey(batch: string, metric: string): string {
  return `${modelFolder(batch)}/${fileSafe(metric)}.json`;
}

/** The folder of a batch's model files (and, under it, its change streams). */
export function modelFolder(batch: string): string {
  return fileSafe(batch);
}

/**
 * Fits the batch's detectors on `rows`, which become the detectors' own: the caller never changes them afterwards.
 * Marked so (their flat form remembered), they are kept as they are rather than copied by every detector.
 */
export function fitModels(
  config: BatchConfig,
  rows: number[][],
): { tag: string; detector: Detector }[] {
  const width = rows[0]?.length ?? 0;
  if (rows.every((row) => row.length === width)) rememberFlat(rows, flatten(rows, width));
  return config.model_configs.map((modelConfig, index) => {
    const detector = createDetector(modelConfig.model_name, modelConfig.model_params);
    detector.fit(rows);
    return { tag: modelTag(modelConfig, index), detector };
  });
}

export async function saveModels(
  store: ArtifactStore,
  meta: Omit<ModelFile, 'format' | 'version' | 'models'>,
  detectors: { tag: string; detector: Detector }[],
): Promise<void> {
  // `models` is written last, after the small fields, so readModelHeader can read those alone.
  const file: ModelFile = {
    format: 'anomstack-model',
    version: MODEL_FILE_VERSION,
    ...meta,
    models: detectors.map(({ tag, detector }) => {
      const state = detector.toJSON();
      return { model_tag: tag, state: { ...state, fitted: packState(state.fitted) as Record<string, unknown> } };
    }),
  };
  await store.write(modelKey(meta.metric_batch, meta.metric_name), stringifyPacked(file) ?? '');
}

/** Loads a metric's models, or null when it has none yet. A corrupt or foreign file is an error naming it. */
export async function loadModels(store: ArtifactStore, batch: string, metric: string): Promise<TrainedModels | null> {
  const key = modelKey(batch, metric);
  const text = await store.read(key);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${store.location}/${key}: not valid JSON; delete it and run train again`);
  }
  const parsed = modelFileSchema.safeParse(json);
  const version = (json as { format?: unknown; version?: unknown } | null)?.version;
  if (!parsed.success && typeof version === 'number' && version !== MODEL_FILE_VERSION) {
    throw new OutdatedModelError(`${store.location}/${key}: a model file of version ${version}, this build reads version ${MODEL_FILE_VERSION}; run train again`);
  }
  if (!parsed.success) {
    throw new Error(`${store.location}/${key}: not a model file of version ${MODEL_FILE_VERSION} (${parsed.error.issues[0]?.message ?? 'invalid'}); run train again`);
  }
  // One unpacking of arrays the models hold alike (see unpackState).
  const seen = new Map<string, number[] | number[][]>();
  const detectors = parsed.data.models.map((m) => {
    try {
      return { tag: m.model_tag, detector: restoreDetector({ ...m.state, fitted: unpackState(m.state.fitted, seen) as Record<string, unknown> }) };
    } catch (error) {
      const message = `${store.location}/${key}: model "${m.model_tag}": ${error instanceof Error ? error.message : String(error)}`;
      if (error instanceof OutdatedModelError) throw new OutdatedModelError(message, { cause: error });
      throw new Error(message, { cause: error });
    }
  });
  return { file: parsed.data, detectors, seasonal: parsed.data.seasonal };
}

/**
 * A metric's model file's header (when and how it was trained), or null when there is no usable file: none, not
 * a model file, or of another layout version. The train job reads one a metric to decide whether to refit it, so
 * this parses the text before `"models"` (what saveModels writes first) rather than the whole file and its
 * detectors; a file laid out otherwise is parsed whole.
 */
export async function readModelHeader(store: ArtifactStore, batch: string, metric: string): Promise<ModelHeader | null> {
  const text = await store.read(modelKey(batch, metric));
  if (text === null) return null;
  // Inside a JSON string every '"' is escaped, so the first `,"models":` is the key itself.
  const end = text.indexOf(',"models":');
  return (end > 0 ? parseHeader(`${text.slice(0, end)}}`) : null) ?? parseHeader(text);
}

function parseHeader(text: string): ModelHeader | null {
  try {
    const parsed = headerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Combines per-model scores the way `model_combination_method` says. Folded model by model, which gives what
 * Math.max / Math.min over all of them and a left-to-right sum give (NaN and -0 included), without an array a point.
 */
export function combineScores(perModel: readonly number[][], method: BatchConfig['model_combination_method']): number[] {
  const n = perModel[0]?.length ?? 0;
  const combined: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let folded = method === 'max' ? -Infinity : method === 'min' ? Infinity : 0;
    for (const scores of perModel) {
      const s = scores[i] ?? 0;
      if (method === 'max') folded = Math.max(folded, s);
      else if (method === 'min') folded = Math.min(folded, s);
      else folded += s;
    }
    combined[i] = method === 'max' || method === 'min' ? folded : folded / perModel.length;
  }
  return combined;
}
