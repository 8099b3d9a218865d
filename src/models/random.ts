/**
 * A small seeded PRNG, so that randomised detectors fit deterministically: the same data and
 * seed give the same model on every machine and run (Math.random cannot be seeded).
 */

/** mulberry32: 32-bit state, passes the usual statistical batteries, fast in JS integer maths. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}
