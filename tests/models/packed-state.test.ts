import { describe, expect, it } from 'vitest';
import { packState, stringifyPacked, unpackState } from '../../src/models/packed-state.ts';
import { RowIndex } from '../../src/models/row-index.ts';
import { flatten } from '../../src/models/scaling.ts';

describe('packed detector state', () => {
  it('packs long number arrays and matrices, and unpacks them to the same values bit for bit', () => {
    const matrix = Array.from({ length: 40 }, (_, i) => [i / 3, -i * 1e-300, i === 5 ? -0 : Math.PI * i]);
    const vector = Array.from({ length: 50 }, (_, i) => Math.sqrt(i) * 1e10);
    const state = { nFeatures: 3, train: matrix, scores: vector, nested: { weights: vector }, short: [1, 2, 3], label: 'x' };
    const packed = packState(state) as Record<string, unknown>;
    expect(packed['train']).toMatchObject({ shape: [40, 3] });
    expect(packed['scores']).toMatchObject({ shape: [50] });
    expect(packed['nested']).toMatchObject({ weights: { shape: [50] } });
    // Short arrays and everything that is not a number array stay as they are.
    expect(packed['short']).toEqual([1, 2, 3]);
    expect(packed['label']).toBe('x');
    const back = unpackState(JSON.parse(JSON.stringify(packed))) as typeof state;
    expect(back).toEqual(state);
    expect(Object.is(back.train[5]?.[2], -0)).toBe(true);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(state).length);
  });

  it('leaves ragged and mixed arrays as JSON', () => {
    const ragged = Array.from({ length: 40 }, (_, i) => Array.from({ length: 1 + (i % 2) }, () => i));
    const mixed = Array.from({ length: 40 }, (_, i) => (i === 3 ? 'a' : i));
    expect(packState({ ragged, mixed })).toEqual({ ragged, mixed });
  });

  it('refuses a packed array whose bytes do not match its shape', () => {
    const packed = packState({ v: Array.from({ length: 40 }, (_, i) => i) }) as { v: { f64: string; shape: number[] } };
    expect(() => unpackState({ v: { ...packed.v, shape: [41] } })).toThrow(/shape \[41\] holds 320 bytes, expected 328/);
  });
});

describe('stringifyPacked', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const vector = Array.from({ length: 40 }, (_, i) => i / 7);
    const matrix = Array.from({ length: 40 }, (_, i) => [i, -i, i === 3 ? -0 : i / 3]);
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const states = [
      { train: matrix, scores: vector, nested: [{ w: vector }, undefined, 'x'], gone: undefined, text: 'a"b\u0000\\', n: NaN, sparse },
      { short: [1, 2], label: 'plain', deep: { deeper: { v: vector } } },
      [vector, [vector], null],
      'just text',
      undefined,
    ];
    for (const state of states) {
      const packed = packState(state);
      expect(stringifyPacked(packed)).toBe(JSON.stringify(packed));
      expect(stringifyPacked({ file: 1, models: [{ state: packed }] })).toBe(JSON.stringify({ file: 1, models: [{ state: packed }] }));
    }
  });

  it('escapes an object shaped like a packed array that packState did not make', () => {
    const lookalike = { f64: 'a"b', shape: [1] };
    expect(JSON.parse(stringifyPacked({ v: lookalike }) ?? '')).toEqual({ v: lookalike });
  });
});

describe('unpacking shared matrices', () => {
  it('gives identical packed matrices of one file one array, with its flat form remembered', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i, i / 3, -i]);
    const packed = JSON.parse(JSON.stringify([packState({ train: rows }), packState({ windows: rows.map((r) => [...r]) })])) as unknown[];
    const seen = new Map<string, number[] | number[][]>();
    const [a, b] = packed.map((state) => unpackState(state, seen)) as [{ train: number[][] }, { windows: number[][] }];
    expect(a.train).toEqual(rows);
    expect(b.windows).toBe(a.train);
    // The rows' flat form comes from the decoded bytes: flattening them again returns it, and one row index serves both.
    const flat = flatten(a.train, 3);
    expect(Array.from(flat)).toEqual(rows.flat());
    expect(flatten(b.windows, 3)).toBe(flat);
    expect(RowIndex.of(flat, 20, 3)).toBe(RowIndex.of(flatten(b.windows, 3), 20, 3));
    expect(RowIndex.of(flat, 20, 3).find(Float64Array.from([7, 7 / 3, -7]), 0)).toBe(7);
    // Without a shared map (another file), every matrix is its own.
    expect((unpackState(packed[0]) as { train: number[][] }).train).not.toBe(a.train);
  });
});
