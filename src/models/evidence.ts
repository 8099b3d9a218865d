/**
 * The stored score of each scored point: the mean of its own score and the `smoothN - 1` point scores before it (a
 * run of unusual points is evidence where one noisy point is not). `extreme` marks a point whose own score is larger
 * and whose value lies far outside its expected range (`farAt`): the alert rule judges such a point by its own score,
 * so it alerts in the run that ingested it instead of once the smoothing window has filled (see alertEvidence).
 * `pointScores` holds the scores of the points in time order; `at` the positions in it of the points to judge.
 */
export function smoothedScores(
  pointScores: readonly number[],
  at: readonly number[],
  smoothN: number,
  farAt: (k: number) => boolean,
): { scores: number[]; extreme: boolean[] } {
  const scores = new Array<number>(at.length);
  const extreme = new Array<boolean>(at.length);
  for (let k = 0; k < at.length; k++) {
    const i = at[k] ?? 0;
    const from = Math.max(0, i - smoothN + 1);
    let sum = 0;
    for (let j = from; j <= i; j++) sum += pointScores[j] ?? 0;
    scores[k] = sum / (i - from + 1);
    // Only a larger own score can matter, so the range test (which needs the values) runs only then.
    extreme[k] = (pointScores[i] ?? 0) > (scores[k] ?? 0) && farAt(k);
  }
  return { scores, extreme };
}

/** What the alert rule compares with `alert_threshold`: an extreme point's own score, else the stored (smoothed) score. */
export function alertEvidence(score: number, pointScore: number, extreme: boolean): number {
  return extreme ? pointScore : score;
}
