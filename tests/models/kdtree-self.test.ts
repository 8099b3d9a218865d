import { describe, it, expect } from 'vitest';
import { buildKdTree } from '../../src/models/kdtree.ts';
import { kdSelfNearest } from '../../src/models/kdtree-self.ts';
import { mulberry32 } from '../../src/models/random.ts';

/** n rows of `width` features; `levels` > 0 draws integers in [0, levels) so rows and distances tie. */
function data(n: number, width: number, seed: number, levels = 0): Float64Array {
  const rng = mulberry32(seed);
  return Float64Array.from({ length: n * width }, () => (levels > 0 ? Math.floor(rng() * levels) : rng() * 10 - 5));
}

/** Row q's k smallest squared distances to the other rows, by sorting all of them: the definition. */
function definition(flat: Float64Array, n: number, width: number, q: number, k: number): number[] {
  const all: number[] = [];
  for (let r = 0; r < n; r++) {
    if (r === q) continue;
    let sq = 0;
    for (let f = 0; f < width; f++) {
      const d = (flat[q * width + f] ?? 0) - (flat[r * width + f] ?? 0);
      sq += d * d;
    }
    all.push(sq);
  }
  return all.sort((a, b) => a - b).slice(0, k);
}

describe('k nearest neighbours of every tree row among the others', () => {
  const cases = [
    { name: 'continuous, 3 features (the written-out search)', n: 400, width: 3, levels: 0 },
    { name: 'integer grid, 3 features, many ties and duplicate rows', n: 400, width: 3, levels: 3 },
    { name: 'continuous, 5 features (a search per row)', n: 300, width: 5, levels: 0 },
    { name: 'all rows identical', n: 120, width: 3, levels: 1 },
  ];
  it('equals the definition where identical rows fill whole leaves, with fewer and more copies than k', () => {
    // 3 copies of one row, 150 of another (a leaf the build cannot split), and 50 scattered rows.
    const rng = mulberry32(3);
    const rows = [
      ...Array.from({ length: 3 }, () => [1, 2, 3]),
      ...Array.from({ length: 150 }, () => [4, 4, 4]),
      ...Array.from({ length: 50 }, () => [rng() * 8, rng() * 8, rng() * 8]),
    ];
    const flat = Float64Array.from(rows.flat());
    for (const leafSize of [1, 12, 400]) {
      const tree = buildKdTree(flat, rows.length, 3, leafSize);
      for (const k of [2, 5, 9]) {
        const out = new Float64Array(rows.length * k);
        kdSelfNearest(tree, k, out);
        rows.forEach((_, q) => expect(Array.from(out.subarray(q * k, (q + 1) * k))).toEqual(definition(flat, rows.length, 3, q, k)));
      }
    }
  });

  for (const c of cases) {
    for (const leafSize of [1, 5, 12, 500]) {
      it(`equals the definition bit for bit: ${c.name}, leaf size ${leafSize}`, () => {
        const flat = data(c.n, c.width, 11, c.levels);
        const tree = buildKdTree(flat, c.n, c.width, leafSize);
        for (const k of [1, 4, 9]) {
          const out = new Float64Array(c.n * k);
          kdSelfNearest(tree, k, out);
          for (let q = 0; q < c.n; q++) expect(Array.from(out.subarray(q * k, (q + 1) * k))).toEqual(definition(flat, c.n, c.width, q, k));
        }
      });
    }
  }
});
