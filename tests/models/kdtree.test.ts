import { describe, it, expect } from 'vitest';
import { buildKdTree, kdNearest } from '../../src/models/kdtree.ts';
import { KnnDetector, knnScores, type KnnFitted } from '../../src/models/knn.ts';
import { mulberry32 } from '../../src/models/random.ts';

/** n rows of `width` features; `levels` > 0 draws integers in [0, levels) so rows and distances tie. */
function data(n: number, width: number, seed: number, levels = 0): Float64Array {
  const rng = mulberry32(seed);
  return Float64Array.from({ length: n * width }, () => (levels > 0 ? Math.floor(rng() * levels) : rng() * 10 - 5));
}

/** The k smallest squared distances by sorting all of them: the definition, not an algorithm. */
function sortedSquared(ref: Float64Array, n: number, q: Float64Array, qo: number, width: number, k: number, skip: number): number[] {
  const all: number[] = [];
  for (let r = 0; r < n; r++) {
    if (r === skip) continue;
    let sq = 0;
    for (let f = 0; f < width; f++) {
      const d = (q[qo + f] ?? 0) - (ref[r * width + f] ?? 0);
      sq += d * d;
    }
    all.push(sq);
  }
  return all.sort((a, b) => a - b).slice(0, k);
}

const methods = ['largest', 'mean', 'median'] as const;

describe('k-d tree nearest neighbours', () => {
  const cases = [
    { name: 'continuous, 6 features', n: 300, width: 6, levels: 0 },
    { name: 'continuous, 3 features (two lags: the unrolled leaf scan)', n: 300, width: 3, levels: 0 },
    { name: 'continuous, 1 feature', n: 200, width: 1, levels: 0 },
    { name: 'integer grid with many ties and duplicate rows', n: 400, width: 3, levels: 4 },
    { name: 'only two distinct values per feature', n: 150, width: 2, levels: 2 },
    { name: '16 features', n: 250, width: 16, levels: 0 },
  ];
  for (const c of cases) {
    for (const leafSize of [1, 3, 12]) {
      it(`returns exactly the brute-force distances: ${c.name}, leaf size ${leafSize}`, () => {
        const ref = data(c.n, c.width, 1, c.levels);
        const query = data(60, c.width, 2, c.levels);
        const tree = buildKdTree(ref, c.n, c.width, leafSize);
        for (const k of [1, 5, 17]) {
          const buf = new Float64Array(k);
          for (let q = 0; q < 60; q++) {
            kdNearest(tree, query, q * c.width, k, -1, buf);
            expect(Array.from(buf)).toEqual(sortedSquared(ref, c.n, query, q * c.width, c.width, k, -1));
          }
          // Training rows against their own set, each leaving itself out.
          for (let q = 0; q < c.n; q += 7) {
            kdNearest(tree, ref, q * c.width, k, q, buf);
            expect(Array.from(buf)).toEqual(sortedSquared(ref, c.n, ref, q * c.width, c.width, k, q));
          }
          for (const method of methods) {
            for (const skipSelf of [false, true]) {
              const [qs, nq] = skipSelf ? [ref, c.n] : [query, 60];
              const brute = knnScores(ref, c.n, qs, nq, c.width, k, method, skipSelf);
              expect(knnScores(ref, c.n, qs, nq, c.width, k, method, skipSelf, tree)).toEqual(brute);
            }
          }
        }
      });
    }
  }

  it('handles k larger than the number of distinct rows and all-identical rows', () => {
    // 100 rows but only 3 distinct points: the k nearest must include many duplicates at equal distance.
    const points = [[0, 0], [1, 0], [5, 5]];
    const ref = Float64Array.from({ length: 200 }, (_, i) => points[(i >> 1) % 3]?.[i % 2] ?? 0);
    const same = new Float64Array(200).fill(2.5);
    for (const flat of [ref, same]) {
      for (const leafSize of [1, 4, 12]) {
        const tree = buildKdTree(flat, 100, 2, leafSize);
        for (const k of [10, 40, 99]) {
          for (const method of methods) {
            expect(knnScores(flat, 100, flat, 100, 2, k, method, true, tree)).toEqual(knnScores(flat, 100, flat, 100, 2, k, method, true));
          }
        }
      }
    }
  });

  it('gives KnnDetector the same training and test scores through the tree as the definition', () => {
    // 500 rows: large enough that fit and a 100-row score both go through the tree.
    const width = 4;
    const train = data(500, width, 3, 6);
    const rows = Array.from({ length: 500 }, (_, i) => Array.from(train.subarray(i * width, (i + 1) * width)));
    const query = Array.from({ length: 100 }, (_, i) => rows[(i * 37) % 500]?.map((v, f) => v + (f === i % width ? 0.5 : 0)) ?? []);
    const d = new KnnDetector({ n_neighbors: 7, method: 'mean', contamination: 0.1 });
    d.fit(rows);
    const mean = (sq: number[]): number => sq.reduce((a, b) => a + Math.sqrt(b), 0) / sq.length;
    const trainScores = rows.map((_, i) => mean(sortedSquared(train, 500, train, i * width, width, 7, i)));
    const f = d.toJSON().fitted as KnnFitted;
    expect(f.trainMin).toBe(Math.min(...trainScores));
    expect(f.trainMax).toBe(Math.max(...trainScores));
    const flatQuery = Float64Array.from(query.flat());
    const expected = query.map((_, i) => mean(sortedSquared(train, 500, flatQuery, i * width, width, 7, -1)));
    d.decisionFunction(query).forEach((s, i) => expect(s).toBeCloseTo(expected[i] ?? NaN, 12));
  });
});
