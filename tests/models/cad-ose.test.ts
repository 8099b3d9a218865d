import { describe, it, expect } from 'vitest';
import { ContextMemory } from '../../src/models/cad-memory.ts';
import { BELOW_FACT, coldActivation, encoding, NEURON_BASE, SENSOR_BASE, sensorFacts, step } from '../../src/models/cad-learner.ts';
import { CadOseDetector, type CadOseFitted, type CadOseParams } from '../../src/models/cad-ose.ts';
import { createDetector, restoreDetector, type DetectorState } from '../../src/models/index.ts';

const PARAMS: CadOseParams = { value_bits: 3, max_left_semi_context_length: 7, max_active_neurons: 15, contamination: 0.1 };

/** The online learner over a series (encoding range min..max, NAB's default options): each point's raw score. */
function online(values: readonly number[], min = 0, max = 7): number[] {
  const opts = { min, max, bits: 3, maxLeft: 7, maxActive: 15 };
  const e = encoding(opts);
  const memory = new ContextMemory();
  const activation = coldActivation();
  return values.map((v) => step(memory, activation, sensorFacts(v, e), opts, true));
}

/** Rows [x_t, x_t-1, ...] of a series, as preprocessing with lags_n = lags makes them. */
function windows(series: readonly number[], lags: number): number[][] {
  return series.slice(lags).map((_, i) => Array.from({ length: lags + 1 }, (_, lag) => series[i + lags - lag] ?? NaN));
}

function fitted(series: readonly number[], lags = 1): CadOseDetector {
  const d = new CadOseDetector(PARAMS);
  d.fit(windows(series, lags));
  return d;
}

const alternating = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 ? 7 : 0));

describe('CAD OSE encoding', () => {
  const e = encoding({ min: 0, max: 7, bits: 3 });
  const fact = (digit: number, bit: number): number => SENSOR_BASE + 2 * digit + bit;

  it('writes the level floor((v - min) / step) in binary, one fact per digit', () => {
    // step = 7 / (2^3 - 1) = 1: 5 is 101, 0 is 000, 6.99 is level 6 (110).
    expect(sensorFacts(5, e)).toEqual([fact(0, 1), fact(1, 0), fact(2, 1)]);
    expect(sensorFacts(0, e)).toEqual([fact(0, 0), fact(1, 0), fact(2, 0)]);
    expect(sensorFacts(6.99, e)).toEqual([fact(0, 0), fact(1, 1), fact(2, 1)]);
    // A constant training window: the reference's range of 2^bits - 1, one unit a level.
    expect(encoding({ min: 4, max: 4, bits: 3 }).step).toBe(1);
  });

  it('gives values outside the training range facts no value inside it has', () => {
    // 9 is 1001: a fourth digit. -3 is 3 below: 011 and the BELOW fact. -0.5 truncates to level 0, as in Python.
    expect(sensorFacts(9, e)).toEqual([fact(0, 1), fact(1, 0), fact(2, 0), fact(3, 1)]);
    expect(sensorFacts(-3, e)).toEqual([BELOW_FACT, fact(0, 1), fact(1, 1), fact(2, 0)]);
    expect(sensorFacts(-0.5, e)).toEqual(sensorFacts(0, e));
  });
});

describe('CAD OSE learner', () => {
  it('scores a constant series 0.5, 1, then 0 (hand-traced)', () => {
    // 1st point: nothing predicted, no context selected, none proposed: (1 - 0 + 0) / 2.
    // 2nd: still unpredicted; the transition (A, A) is the one proposed context and it is new: (1 - 0 + 1) / 2.
    // 3rd on: the context (A -> A) predicts A.
    expect(online([4, 4, 4, 4, 4, 4])).toEqual([0.5, 1, 0, 0, 0, 0]);
  });

  it('learns an alternation, then scores a surprise as NAB\'s cad_ose.py does', () => {
    // 0, 7: 0 -> 7 is new (1), 7 -> 0 is new (1), then each is predicted by the context learned for it.
    expect(online(alternating(8))).toEqual([0.5, 1, 1, 0, 0, 0, 0, 0]);
    // A 3 instead of a 0, then the alternation again. Reference values: NAB's cad_ose.py / context_operator.py
    // (ported to Python 3, ties among active contexts broken by id) on the same series with min 0, max 7.
    expect(online([0, 7, 0, 7, 0, 7, 0, 7, 3, 7, 0, 7, 0, 7])).toEqual([0.5, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0.7, 0]);
  });

  it('turns fully matched contexts into neuron facts that later contexts build on', () => {
    const opts = { min: 0, max: 7, bits: 3, maxLeft: 7, maxActive: 15 };
    const e = encoding(opts);
    const memory = new ContextMemory();
    const activation = coldActivation();
    for (const v of alternating(5)) step(memory, activation, sensorFacts(v, e), opts, true);
    // At the 5th point (0) the context 7 -> 0 (id 1) fired: its neuron is among the facts the next step sees.
    expect(activation.facts).toEqual([...sensorFacts(0, e), NEURON_BASE + 1]);
  });
});

describe('CAD OSE detector', () => {
  it('learns the training series online and keeps the newest windows\' online scores', () => {
    const series = [...alternating(40), 3];
    const d = fitted(series);
    const f = d.toJSON().fitted as CadOseFitted;
    expect([f.min, f.max]).toEqual([0, 7]);
    // The newest training window [3, 7] scores what the learner said when 3 arrived, before learning it.
    const scores = online(series);
    expect(d.score([[3, 7]])).toEqual([scores[40]]);
    expect(scores[40]).toBeGreaterThan(0.5);
  });

  it('scores a new row by one step from the state the training series was in after the row\'s older values', () => {
    const series = alternating(40);
    const d = fitted(series);
    // After a 7 (the last training point) the learner expects a 0: a 3 is what the online learner would score
    // next; a 0 was predicted.
    const [surprise, expected] = d.score([[3, 7], [0, 7]]);
    expect(surprise).toBe(online([...series, 3])[40]);
    expect(surprise).toBeGreaterThan(0.5);
    expect(expected).toBe(0);
    // The older value 5 never appeared: the row is stepped from a cold state, and nothing there predicts a 0.
    expect(d.score([[0, 5]])[0]).toBeGreaterThan(0);
    expect(d.decisionFunction([[3, 7]])).toEqual([surprise]);
  });

  it('scores each row alone and never changes the model', () => {
    const d = fitted([...alternating(30), 1, 6, 0, 7], 2);
    const rows = [[3, 7, 0], [0, 7, 0], [7, 5, 5], [0, 7, 3]];
    const before = JSON.stringify(d.toJSON());
    const together = d.score(rows);
    expect(rows.map((r) => d.score([r])[0])).toEqual(together);
    expect(d.score([...rows].reverse())).toEqual([...together].reverse());
    expect(JSON.stringify(d.toJSON())).toBe(before);
  });

  it('depends only on the training rows: later values change nothing fitted or scored before them', () => {
    const series = [...alternating(30), 1, 6, 0, 7];
    const a = fitted(series.slice(0, 25));
    const b = new CadOseDetector(PARAMS);
    b.fit(windows(series, 1).slice(0, 24));
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
  });

  it('round-trips through JSON and refuses inconsistent state', () => {
    const d = fitted([...alternating(30), 1, 6, 0, 7], 2);
    const rows = [[3, 7, 0], [0, 7, 0], [7, 5, 5], [0, 7, 3], [6, 1, 7]];
    const state = JSON.parse(JSON.stringify(d.toJSON())) as DetectorState;
    const restored = restoreDetector(state);
    expect(restored.score(rows)).toEqual(d.score(rows));
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(d.toJSON()));
    const f = state.fitted as CadOseFitted;
    const short = { ...state, fitted: { ...f, memory: { ...f.memory, hits: f.memory.hits.slice(1) } } };
    expect(() => restoreDetector(short)).toThrow(/columns of different lengths/);
    const dangling = { ...state, fitted: { ...f, memory: { ...f.memory, contextLeft: f.memory.contextLeft.map(() => 10_000) } } };
    expect(() => restoreDetector(dangling)).toThrow(/missing semi-context/);
    expect(() => restoreDetector({ ...state, version: 99 })).toThrow(/state version 99.*retrain/);
  });

  it('validates its parameters strictly and applies the reference\'s defaults', () => {
    const d = createDetector('cadose', {});
    d.fit(windows(alternating(20), 1));
    expect(d.toJSON().params).toEqual({ value_bits: 3, max_left_semi_context_length: 7, max_active_neurons: 15, contamination: 0.1 });
    expect(() => createDetector('CADOSE', { rest_period: 30 })).toThrow(/unknown CADOSE parameter\(s\) "rest_period"; allowed: value_bits/);
    expect(() => createDetector('CADOSE', { value_bits: 0 })).toThrow(/value_bits must be at least 1/);
    expect(() => createDetector('CADOSE', { max_active_neurons: 2.5 })).toThrow(/Invalid model_params for CADOSE/);
    expect(() => new CadOseDetector(PARAMS).score([[1, 2]])).toThrow(/call fit\(\) before scoring/);
    expect(() => fitted(alternating(10)).score([[1]])).toThrow(/row 0 has 1 features, expected 2/);
  });
});
