/**
 * The detector registry: maps `model_configs[].model_name` to a detector, validates its
 * `model_params` the way PyOD's constructors would (but strictly, so a typo is an error rather
 * than a silently ignored parameter), and restores saved models.
 */
import { z } from 'zod';
import type { Detector, DetectorState } from './detector.ts';
import { KNN_STATE_VERSION, KnnDetector, knnFittedSchema, knnMethods, type KnnParams } from './knn.ts';
import { PCA_STATE_VERSION, PcaDetector, pcaFittedSchema, type PcaParams } from './pca.ts';

export type { Detector, DetectorState, Matrix } from './detector.ts';
export { KnnDetector } from './knn.ts';
export { PcaDetector } from './pca.ts';

export const detectorNames = ['PCA', 'KNN'] as const;
export type DetectorName = (typeof detectorNames)[number];

/** PyOD's `BaseDetector` accepts contamination in (0, 0.5]. */
const contamination = z
  .number()
  .gt(0, 'contamination must be greater than 0')
  .lte(0.5, 'contamination must be at most 0.5')
  .default(0.1);

const positiveIntOrNull = z.number().int().positive().nullable().default(null);

/** A strict object whose unknown-key error names the parameters that are allowed. */
function strictParams<Shape extends z.ZodRawShape>(model: string, shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown ${model} parameter(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: ${allowed}`
        : undefined,
  });
}

const pcaParamsSchema = strictParams('PCA', {
  n_components: positiveIntOrNull,
  n_selected_components: positiveIntOrNull,
  contamination,
  whiten: z.literal(false, 'whiten=true is not supported; only false (the PyOD default)').default(false),
  weighted: z.boolean().default(true),
  standardization: z.boolean().default(true),
}).refine(
  (p) => p.n_components === null || p.n_selected_components === null || p.n_selected_components <= p.n_components,
  { message: 'n_selected_components must be <= n_components', path: ['n_selected_components'] },
);

const knnParamsSchema = strictParams('KNN', {
  n_neighbors: z.number().int().positive().default(5),
  method: z.enum(knnMethods).default('largest'),
  contamination,
});

// Compile-time check that the schemas produce exactly what the detector constructors take.
const pcaCheck: z.ZodType<PcaParams, unknown> = pcaParamsSchema;
const knnCheck: z.ZodType<KnnParams, unknown> = knnParamsSchema;

interface Entry {
  params: z.ZodType;
  version: number;
  create: (params: Record<string, unknown>) => Detector;
  restore: (params: Record<string, unknown>, fitted: unknown) => Detector;
}

const registry: Record<DetectorName, Entry> = {
  PCA: {
    params: pcaCheck,
    version: PCA_STATE_VERSION,
    create: (p) => new PcaDetector(pcaCheck.parse(p)),
    restore: (p, fitted) => PcaDetector.fromState(pcaCheck.parse(p), pcaFittedSchema.parse(fitted)),
  },
  KNN: {
    params: knnCheck,
    version: KNN_STATE_VERSION,
    create: (p) => new KnnDetector(knnCheck.parse(p)),
    restore: (p, fitted) => KnnDetector.fromState(knnCheck.parse(p), knnFittedSchema.parse(fitted)),
  },
};

function lookup(name: string): [DetectorName, Entry] {
  const canonical = detectorNames.find((n) => n.toLowerCase() === name.trim().toLowerCase());
  if (!canonical) {
    throw new Error(`Unknown model_name "${name}"; known models: ${detectorNames.join(', ')}`);
  }
  return [canonical, registry[canonical]];
}

/** Turns a zod failure into one readable Error, keeping `what` as the lead so users know where to look. */
function describe(what: string, run: () => Detector): Detector {
  try {
    return run();
  } catch (err) {
    if (err instanceof z.ZodError) throw new Error(`${what}:\n${z.prettifyError(err)}`, { cause: err });
    throw err;
  }
}

/** The zod schema for a detector's `model_params` (defaults applied on parse). */
export function modelParamsSchema(name: string): z.ZodType {
  return lookup(name)[1].params;
}

export function createDetector(name: string, params: Record<string, unknown>): Detector {
  const [canonical, entry] = lookup(name);
  return describe(`Invalid model_params for ${canonical}`, () => entry.create(params));
}

const stateSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  params: z.record(z.string(), z.unknown()),
  fitted: z.record(z.string(), z.unknown()),
});

/** Rebuilds a fitted detector from `toJSON()` output (after a JSON round trip). */
export function restoreDetector(state: DetectorState): Detector {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) throw new Error(`Invalid saved model state:\n${z.prettifyError(parsed.error)}`);
  const [canonical, entry] = lookup(parsed.data.name);
  if (parsed.data.version !== entry.version) {
    throw new Error(
      `Saved ${canonical} model has state version ${parsed.data.version}, but this build reads version ${entry.version}; retrain the model`,
    );
  }
  return describe(`Invalid saved ${canonical} model state`, () => entry.restore(parsed.data.params, parsed.data.fitted));
}
