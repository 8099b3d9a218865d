/**
 * The chi-squared distribution's CDF and quantile, for Relative Entropy's test threshold (scipy's
 * `chi2.cdf` / `chi2.isf`). CDF(x; k) = P(k/2, x/2), the regularized lower incomplete gamma function,
 * by its power series below a + 1 and its continued fraction above (Numerical Recipes' gser/gcf),
 * both accurate to about 1e-14; the quantile is found by bisection, which cannot fail to converge.
 */

const MAX_ITERATIONS = 500;
const TINY = 1e-300;

/** ln Gamma(a) by the Lanczos approximation (g = 7, 9 terms), accurate to ~1e-15 for a > 0. */
export function logGamma(a: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const x = a - 1;
  let sum = c[0] ?? 0;
  for (let i = 1; i < c.length; i++) sum += (c[i] ?? 0) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularized lower incomplete gamma P(a, x). */
export function lowerGammaRegularized(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return front * sum;
  }
  // Lentz's continued fraction for Q(a, x) = 1 - P(a, x).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - front * h;
}

export function chiSquaredCdf(x: number, degreesOfFreedom: number): number {
  return lowerGammaRegularized(degreesOfFreedom / 2, x / 2);
}

/** Quantiles already found, by `p k`: every Relative Entropy fit asks for the same one, and a bisection takes 0.2 ms. */
const quantiles = new Map<string, number>();

/** The x with CDF(x) = p (scipy's `chi2.ppf(p, k)`, i.e. `chi2.isf(1 - p, k)`), for 0 < p < 1. */
export function chiSquaredQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`chi-squared quantile needs 0 < p < 1, got ${p}`);
  const key = `${p} ${degreesOfFreedom}`;
  let x = quantiles.get(key);
  if (x === undefined) quantiles.set(key, (x = bisectQuantile(p, degreesOfFreedom)));
  return x;
}

function bisectQuantile(p: number, degreesOfFreedom: number): number {
  let lo = 0;
  let hi = Math.max(1, degreesOfFreedom);
  while (chiSquaredCdf(hi, degreesOfFreedom) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquaredCdf(mid, degreesOfFreedom) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
