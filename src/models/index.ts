/**
 * The detector registry: maps `model_configs[].model_name` to a detector, validates its
 * `model_params` the way PyOD's constructors would (but strictly, so a typo is an error rather
 * than a silently ignored parameter), and restores saved models.
 */
import { z } from 'zod';
import type { Detector, DetectorState } from './detector.ts';
import { IFOREST_STATE_VERSION, IForestDetector, iforestFittedSchema, type IForestParams } from './iforest.ts';
import { KNN_STATE_VERSION, KnnDetector, knnFittedSchema, knnMethods, type KnnParams } from './knn.ts';
import { AR_STATE_VERSION, ArDetector, arFittedSchema, type ArParams } from './ar.ts';
import { MAD_STATE_VERSION, MadDetector, madFittedSchema, type MadParams } from './mad.ts';
import { PCA_STATE_VERSION, PcaDetector, pcaFittedSchema, type PcaParams } from './pca.ts';
import { EXTREME_STATE_VERSION, ExtremeDetector, extremeFittedSchema, type ExtremeParams } from './extreme.ts';
import { KNNCAD_STATE_VERSION, KnncadDetector, knncadFittedSchema, knncadMetrics, type KnncadParams } from './knncad.ts';
import {
  RELATIVE_ENTROPY_STATE_VERSION,
  RelativeEntropyDetector,
  relativeEntropyFittedSchema,
  type RelativeEntropyParams,
} from './relative-entropy.ts';
import { CADOSE_STATE_VERSION, CadOseDetector, cadOseFittedSchema, type CadOseParams } from './cad-ose.ts';

export type { Detector, DetectorState, Matrix } from './detector.ts';
export { IForestDetector } from './iforest.ts';
export { KnnDetector } from './knn.ts';
export { MadDetector } from './mad.ts';
export { PcaDetector } from './pca.ts';
export { ExtremeDetector } from './extreme.ts';
export { KnncadDetector } from './knncad.ts';
export { RelativeEntropyDetector } from './relative-entropy.ts';
export { CadOseDetector } from './cad-ose.ts';

export const detectorNames = ['PCA', 'KNN', 'IForest', 'MAD', 'AR', 'Extreme', 'KNNCAD', 'RelativeEntropy', 'CADOSE'] as const;
export type DetectorName = (typeof detectorNames)[number];

/** PyOD's `BaseDetector` accepts contamination in (0, 0.5]. */
const contamination = z
  .number()
  .gt(0, 'contamination must be greater than 0')
  .lte(0.5, 'contamination must be at most 0.5')
  .default(0.1);

const positiveIntOrNull = z.number().int().positive().nullable().default(null);

/**
 * sklearn takes an int (a count) or a float (a fraction) for max_samples / max_features; JSON and
 * YAML numbers cannot tell 1 from 1.0, so <= 1 is a fraction and a whole number > 1 a count.
 */
function fractionOrCount(name: string, what: string, alternatives = '') {
  return z
    .number()
    .gt(0, `${name} must be greater than 0`)
    .refine((v) => v <= 1 || Number.isInteger(v), `${name} must be ${alternatives}a fraction in (0, 1] or a whole number of ${what}`);
}

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

const iforestParamsSchema = strictParams('IForest', {
  n_estimators: z.number().int().positive().default(100),
  max_samples: z
    .union([z.literal('auto'), fractionOrCount('max_samples', 'rows', '"auto", ')], {
      error: 'max_samples must be "auto", a fraction in (0, 1] or a whole number of rows',
    })
    .default('auto'),
  contamination,
  max_features: fractionOrCount('max_features', 'features').default(1),
  bootstrap: z.boolean().default(false),
  // sklearn's range for a seed; null means our fixed default seed (see iforest.ts).
  random_state: z.number().int().min(0).max(2 ** 32 - 1).nullable().default(null),
});

const madParamsSchema = strictParams('MAD', { contamination });

const arParamsSchema = strictParams('AR', {
  contamination,
  ridge: z.number().min(0).default(1e-6),
});

const extremeParamsSchema = strictParams('Extreme', {
  contamination,
  full_scale: z.number().gt(0, 'full_scale must be greater than 0').default(0.5),
});

const knncadParamsSchema = strictParams('KNNCAD', {
  n_neighbors: z.number().int().positive().default(27),
  metric: z.enum(knncadMetrics).default('mahalanobis'),
  alpha: z.number().gt(0, 'alpha must be greater than 0').lt(1, 'alpha must be less than 1').default(0.001),
  contamination,
});

const relativeEntropyParamsSchema = strictParams('RelativeEntropy', {
  n_bins: z.number().int().min(2, 'n_bins must be at least 2').max(1000).default(5),
  confidence: z.number().gt(0, 'confidence must be greater than 0').lt(1, 'confidence must be less than 1').default(0.99),
  min_count: z.number().int().positive().default(1),
  contamination,
});

const cadOseParamsSchema = strictParams('CADOSE', {
  value_bits: z.number().int().min(1, 'value_bits must be at least 1').max(16, 'value_bits must be at most 16').default(3),
  max_left_semi_context_length: z.number().int().positive().default(7),
  max_active_neurons: z.number().int().positive().default(15),
  contamination,
});

// Compile-time check that the schemas produce exactly what the detector constructors take.
const pcaCheck: z.ZodType<PcaParams, unknown> = pcaParamsSchema;
const knnCheck: z.ZodType<KnnParams, unknown> = knnParamsSchema;
const iforestCheck: z.ZodType<IForestParams, unknown> = iforestParamsSchema;
const madCheck: z.ZodType<MadParams, unknown> = madParamsSchema;
const arCheck: z.ZodType<ArParams, unknown> = arParamsSchema;
const extremeCheck: z.ZodType<ExtremeParams, unknown> = extremeParamsSchema;
const knncadCheck: z.ZodType<KnncadParams, unknown> = knncadParamsSchema;
const relativeEntropyCheck: z.ZodType<RelativeEntropyParams, unknown> = relativeEntropyParamsSchema;
const cadOseCheck: z.ZodType<CadOseParams, unknown> = cadOseParamsSchema;

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
  IForest: {
    params: iforestCheck,
    version: IFOREST_STATE_VERSION,
    create: (p) => new IForestDetector(iforestCheck.parse(p)),
    restore: (p, fitted) => IForestDetector.fromState(iforestCheck.parse(p), iforestFittedSchema.parse(fitted)),
  },
  MAD: {
    params: madCheck,
    version: MAD_STATE_VERSION,
    create: (p) => new MadDetector(madCheck.parse(p)),
    restore: (p, fitted) => MadDetector.fromState(madCheck.parse(p), madFittedSchema.parse(fitted)),
  },
  AR: {
    params: arCheck,
    version: AR_STATE_VERSION,
    create: (p) => new ArDetector(arCheck.parse(p)),
    restore: (p, fitted) => ArDetector.fromState(arCheck.parse(p), arFittedSchema.parse(fitted)),
  },
  Extreme: {
    params: extremeCheck,
    version: EXTREME_STATE_VERSION,
    create: (p) => new ExtremeDetector(extremeCheck.parse(p)),
    restore: (p, fitted) => ExtremeDetector.fromState(extremeCheck.parse(p), extremeFittedSchema.parse(fitted)),
  },
  KNNCAD: {
    params: knncadCheck,
    version: KNNCAD_STATE_VERSION,
    create: (p) => new KnncadDetector(knncadCheck.parse(p)),
    restore: (p, fitted) => KnncadDetector.fromState(knncadCheck.parse(p), knncadFittedSchema.parse(fitted)),
  },
  RelativeEntropy: {
    params: relativeEntropyCheck,
    version: RELATIVE_ENTROPY_STATE_VERSION,
    create: (p) => new RelativeEntropyDetector(relativeEntropyCheck.parse(p)),
    restore: (p, fitted) =>
      RelativeEntropyDetector.fromState(relativeEntropyCheck.parse(p), relativeEntropyFittedSchema.parse(fitted)),
  },
  CADOSE: {
    params: cadOseCheck,
    version: CADOSE_STATE_VERSION,
    create: (p) => new CadOseDetector(cadOseCheck.parse(p)),
    restore: (p, fitted) => CadOseDetector.fromState(cadOseCheck.parse(p), cadOseFittedSchema.parse(fitted)),
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

/** A saved model written by an older build: not an error in the file, just something the next train replaces. */
export class OutdatedModelError extends Error {
  override name = 'OutdatedModelError';
}

/** Rebuilds a fitted detector from `toJSON()` output (after a JSON round trip). */
export function restoreDetector(state: DetectorState): Detector {
  const parsed = stateSchema.safeParse(state);
  if (!parsed.success) throw new Error(`Invalid saved model state:\n${z.prettifyError(parsed.error)}`);
  const [canonical, entry] = lookup(parsed.data.name);
  if (parsed.data.version !== entry.version) {
    throw new OutdatedModelError(
      `Saved ${canonical} model has state version ${parsed.data.version}, but this build reads version ${entry.version}; retrain the model`,
    );
  }
  return describe(`Invalid saved ${canonical} model state`, () => entry.restore(parsed.data.params, parsed.data.fitted));
}
