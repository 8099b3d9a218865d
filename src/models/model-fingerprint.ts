import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Batch } from '../config/load.ts';
import type { BatchConfig } from '../config/schema.ts';
import { AR_STATE_VERSION } from './ar.ts';
import { CADOSE_STATE_VERSION } from './cad-ose.ts';
import { EXTREME_STATE_VERSION } from './extreme.ts';
import { IFOREST_STATE_VERSION } from './iforest.ts';
import type { DetectorName } from './index.ts';
import { KNN_STATE_VERSION } from './knn.ts';
import { KNNCAD_STATE_VERSION } from './knncad.ts';
import { MAD_STATE_VERSION } from './mad.ts';
import { PCA_STATE_VERSION } from './pca.ts';
import { RELATIVE_ENTROPY_STATE_VERSION } from './relative-entropy.ts';

/**
 * Each detector's saved-state version, part of the fingerprint: a build that reads another state layout sees a
 * stale model from the small header alone, so train replaces it without unpacking it (and score refuses it, as
 * restoring it would). Typed by DetectorName so a new detector cannot be left out.
 */
const STATE_VERSIONS: Record<DetectorName, number> = {
  PCA: PCA_STATE_VERSION,
  KNN: KNN_STATE_VERSION,
  IForest: IFOREST_STATE_VERSION,
  MAD: MAD_STATE_VERSION,
  AR: AR_STATE_VERSION,
  Extreme: EXTREME_STATE_VERSION,
  KNNCAD: KNNCAD_STATE_VERSION,
  RelativeEntropy: RELATIVE_ENTROPY_STATE_VERSION,
  CADOSE: CADOSE_STATE_VERSION,
};

function stateVersion(modelName: string): number | null {
  const wanted = modelName.trim().toLowerCase();
  const entry = Object.entries(STATE_VERSIONS).find(([name]) => name.toLowerCase() === wanted);
  return entry ? entry[1] : null;
}

/**
 * A short hash of everything that decides what a metric's fitted models are, given its points:
 * - `model_configs` (detectors, tags, params) and each detector's state version;
 * - `preprocess_params`, `seasonality` (and its `seasonality_min_strength`) and the batch's preprocess hook's source: they make the feature rows that are fitted;
 * - `train_max_n` (the window), `train_holdout_n` (the newest points left out) and `train_min_n` (the fewest points
 *   a model is fitted on, and the floor of what the hold-out leaves).
 * Left out, because a model fitted under one value is the same model under another: `model_combination_method`
 * (score combines the models' scores, the detectors never see it), `score_max_n` (it only caps how many of the
 * unscored points beyond `train_holdout_n` are held out, which depends on what is scored when train runs, not on
 * the model), `train_exclude_metrics` (which metrics train, not how) and `train_refit_n` (when to refit, not what).
 */
export function modelFingerprint(config: BatchConfig, preprocessSource: string | null = null): string {
  const identity = {
    models: config.model_configs.map((m) => ({ ...m, state_version: stateVersion(m.model_name) })),
    preprocess_params: config.preprocess_params,
    seasonality: config.seasonality,
    seasonality_min_strength: config.seasonality_min_strength,
    preprocess_source: preprocessSource,
    train_max_n: config.train_max_n,
    train_min_n: config.train_min_n,
    train_holdout_n: config.train_holdout_n,
  };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted at every level, so the order keys are written in a YAML file changes nothing. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of what trains the batch's models now, its preprocess hook's source included. */
export async function batchFingerprint(batch: Pick<Batch, 'config' | 'preprocess'>): Promise<string> {
  const source = batch.preprocess ? await readFile(batch.preprocess, 'utf8') : null;
  return modelFingerprint(batch.config, source);
}
