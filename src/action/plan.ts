/**
 * The `plan` command: the batches of the metrics folder as a job matrix, for workflows that fan out one
 * job per batch. GitHub allows 256 jobs per matrix, so larger sets are grouped into at most 256 legs.
 */
export const MAX_MATRIX_JOBS = 256;

export interface Matrix {
  include: { batches: string; name: string }[];
}

export function planMatrix(batchNames: readonly string[], maxJobs = MAX_MATRIX_JOBS): Matrix {
  const names = [...batchNames].sort();
  const perLeg = Math.max(1, Math.ceil(names.length / maxJobs));
  const include: Matrix['include'] = [];
  for (let i = 0; i < names.length; i += perLeg) {
    const leg = names.slice(i, i + perLeg);
    include.push({ batches: leg.join(' '), name: leg.length === 1 ? (leg[0] ?? '') : `${leg[0] ?? ''} … ${leg[leg.length - 1] ?? ''}` });
  }
  return { include };
}
