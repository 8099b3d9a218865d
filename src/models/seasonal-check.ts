/**
 * The seasonal check: how far a metric's newest points are from what its daily or weekly cycle says they should be.
 * The detectors see the values themselves (they learn the cycle's shapes, so a normal peak is normal to them), but a
 * day that stays flat at the cycle's average, or a peak that never comes, is made of values and shapes they have seen:
 * only the time of day says it is wrong. So train fits the season (seasonality.ts), and each scored point also gets
 * this check's score; the stored score is the larger of the two.
 *
 * The statistic is the distance of the mean residual over the detectors' window (lags_n + 1 points) from 0. Its score
 * ranks it among the training data's whole periods by their most unusual window: 0.9 means more unusual than anything
 * in nine of ten normal days (or weeks). Ranked against each period's worst rather than against every window, a
 * score is not high merely because a day has many points to be unusual in, and residuals that are not normal (a square
 * wave whose edges wander by a point leaves spikes a normal model would take for anomalies) are judged by what the
 * metric's own days look like.
 */
import { z } from 'zod';
import type { Series } from '../store/series-group.ts';
import { deseason, fitSeason, seasonSchema, type Season, type SeasonalitySetting } from './seasonality.ts';
import { tailScores } from './scaling.ts';

export interface SeasonalCheck {
  season: Season;
  /** Points a window: the residuals' mean is taken over the point and the window - 1 before it. */
  window: number;
  /** The largest |window mean residual| of each whole period of the training data, ascending. */
  periodMaxima: number[];
}

export const seasonalCheckSchema: z.ZodType<SeasonalCheck> = z.object({
  season: seasonSchema,
  window: z.number().int().positive(),
  periodMaxima: z.array(z.number().min(0)).min(1),
});

/** The check for a training series (after the batch's transform and resample), or null when it has no season. */
export function fitSeasonalCheck(series: Series, setting: SeasonalitySetting, window: number, minStrength?: number): SeasonalCheck | null {
  const season = fitSeason(series, setting, minStrength);
  if (!season) return null;
  const means = windowMeans(deseason(series, season).values, window);
  const maxima = new Map<number, number>();
  means.forEach((m, i) => {
    const period = Math.floor((series.millis[i + window - 1] ?? 0) / season.period_ms);
    maxima.set(period, Math.max(maxima.get(period) ?? 0, Math.abs(m)));
  });
  // The first and last periods are partial: their maxima would understate a whole period's.
  const whole = [...maxima.entries()].sort((a, b) => a[0] - b[0]).slice(1, -1).map(([, m]) => m);
  if (whole.length === 0) return null;
  return { season, window, periodMaxima: whole.sort((a, b) => a - b) };
}

/**
 * The check's score for the points at `positions` of `series` (each with window - 1 points before it; else 0): the
 * share of the training periods whose most unusual window was less unusual than this one (ties counted half), times
 * n / (n + 1) (see tailScores).
 */
export function seasonalScores(series: Series, positions: readonly number[], check: SeasonalCheck): number[] {
  const residuals = deseason(series, check.season).values;
  const ranked = { trainQuantiles: check.periodMaxima, trainScoresN: check.periodMaxima.length };
  const statistics = positions.map((k) => {
    if (k + 1 < check.window) return 0;
    let sum = 0;
    for (let j = k - check.window + 1; j <= k; j++) sum += residuals[j] ?? 0;
    return Math.abs(sum / check.window);
  });
  return tailScores(statistics, ranked);
}

/** The mean of each run of `window` consecutive values (from the window-th value on). */
function windowMeans(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] ?? 0;
    if (i >= window) sum -= values[i - window] ?? 0;
    if (i >= window - 1) out.push(sum / window);
  }
  return out;
}
