/**
 * CAD OSE's online learner (the reference's `ContextualAnomalyDetectorOSE`): each value is encoded as a few
 * sensor facts, compared with what the memory predicted after the previous step, and then learned.
 *
 * - Encoding: the value's level floor((v - min) / step) with step = (max - min) / (2^bits - 1), written in
 *   binary with at least `bits` digits; digit i with bit b is the fact SENSOR_BASE + 2 i + b. The reference
 *   takes min and max over the whole file, so a value never leaves the range; here they come from the
 *   training window, so a value above it simply gets more digits (as the reference's code would give it) and
 *   a value below it is written as its distance below plus the BELOW fact: either way facts no training step
 *   had, hence not predicted.
 * - A step: the previous step's facts (sensor facts plus "neuron" facts, the ids of up to `maxActive`
 *   contexts that fired completely) and the current sensor facts form a zero-level context; contexts whose
 *   left half was wholly in the previous facts are "selected", and "active" when their right half is wholly in
 *   the current sensor facts; partial overlaps of zero-level contexts propose new contexts.
 * - Anomaly: 0 when every current sensor fact was predicted, else (1 - active/selected + new/proposed) / 2.
 *   (The reference then returns 0 for a rest period after a score >= 0.75: see cad-ose.ts.)
 *
 * Tie-break: among active contexts with the same activation count, the reference keeps those with the largest
 * Python tuple hashes of their halves (effectively arbitrary); here the newest contexts (largest ids).
 */
import { type ContextMemory, type Crossing, factsHash, LEFT, RIGHT, sameFacts } from './cad-memory.ts';

export const SENSOR_BASE = 65_536;
/** Marks a value below the training range (between the sensor and the neuron facts, so lists stay sorted). */
export const BELOW_FACT = SENSOR_BASE - 1;
export const NEURON_BASE = 2 ** 31;
/** Levels beyond 2^52 steps outside the range all encode alike (and stay exact integers). */
const MAX_LEVEL = 2 ** 52;

export interface CadOptions {
  /** Encoding range and resolution. */
  min: number;
  max: number;
  bits: number;
  /** Longest left half a proposed context may have. */
  maxLeft: number;
  /** Most contexts that become neuron facts at a step. */
  maxActive: number;
}

export interface Encoding {
  min: number;
  step: number;
  bits: number;
}

export function encoding(options: Pick<CadOptions, 'min' | 'max' | 'bits'>): Encoding {
  const top = 2 ** options.bits - 1;
  // A constant training window: the reference then uses a range of `top`, one unit a level.
  const range = options.max - options.min === 0 ? top : options.max - options.min;
  return { min: options.min, step: range / top, bits: options.bits };
}

/** The encoding level of a value (its sensor facts' number). */
export function encodingLevel(value: number, e: Encoding): number {
  return Math.trunc((value - e.min) / e.step);
}

/** The sorted sensor facts of a value. */
export function sensorFacts(value: number, e: Encoding): number[] {
  const level = encodingLevel(value, e);
  let rest = Math.min(Math.abs(level), MAX_LEVEL);
  const facts = level < 0 ? [BELOW_FACT] : [];
  for (let digit = 0; digit < e.bits || rest > 0; digit++) {
    facts.push(SENSOR_BASE + 2 * digit + (rest % 2));
    rest = Math.floor(rest / 2);
  }
  return facts;
}

/** What the learner carries from one step to the next. */
export interface Activation {
  /** The previous step's sensor and neuron facts, sorted. */
  facts: number[];
  /** Left semi-contexts crossed by those facts. */
  crossing: Crossing;
  /** Sensor facts the memory predicted for this step. */
  predicted: Set<number>;
}

export function coldActivation(): Activation {
  return { facts: [], crossing: { ids: new Int32Array(0), counts: new Int32Array(0) }, predicted: new Set() };
}

/**
 * The activation after a step that ended with these facts, rebuilt from the memory as it is now (its crossing
 * and predictions follow from the facts; the counters are the memory's latest).
 */
export function restore(memory: ContextMemory, facts: readonly number[]): Activation {
  const crossing = memory.cross(LEFT, facts);
  return { facts: [...facts], crossing, predicted: predictions(memory, crossing) };
}

interface Proposal {
  left: number[];
  right: number[];
  hashes: [number, number];
}

/** The facts two sorted lists share, in order. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return out;
}

/** Proposed contexts, each once, in first-proposed order (the order the reference stores them in). */
function distinctProposals(memory: ContextMemory, candidates: readonly [number, number][], previous: readonly number[], current: readonly number[]): Proposal[] {
  const halves: [Map<number, [number[], number]>, Map<number, [number[], number]>] = [new Map(), new Map()];
  const among = [previous, current] as const;
  const half = (side: 0 | 1, id: number): [number[], number] => {
    let h = halves[side].get(id);
    if (!h) {
      const all = memory.semi[side][id] ?? [];
      const facts = intersect(all, among[side]);
      h = [facts, facts.length === all.length ? memory.hash(side, id) : factsHash(facts)];
      halves[side].set(id, h);
    }
    return h;
  };
  const out: Proposal[] = [];
  const byLeft = new Map<number, Proposal[]>();
  for (const [l, r] of candidates) {
    const [left, leftHash] = half(LEFT, l);
    const [right, rightHash] = half(RIGHT, r);
    const same = byLeft.get(leftHash) ?? [];
    if (same.some((p) => p.hashes[1] === rightHash && sameFacts(p.left, left) && sameFacts(p.right, right))) continue;
    const proposal: Proposal = { left, right, hashes: [leftHash, rightHash] };
    same.push(proposal);
    byLeft.set(leftHash, same);
    out.push(proposal);
  }
  return out;
}

/**
 * One step on sorted sensor facts: returns the raw anomaly score and moves `activation` on. With `learn` the
 * memory stores the new contexts and updates the counters; without it the memory is only read (new contexts
 * are counted as the learning step would count them), so scoring never changes a fitted model.
 */
export function step(memory: ContextMemory, activation: Activation, sensors: readonly number[], options: CadOptions, learn: boolean): number {
  const unpredicted = sensors.some((f) => !activation.predicted.has(f));
  let newZeroLevel = false;
  // The reference's "no new context" marker is Python's False, which equals id 0: context 0 is skipped then.
  let skipped = 0;
  if (activation.facts.length > 0 && sensors.length > 0) {
    if (learn) {
      const { id, added } = memory.addContext(activation.facts, sensors, 1);
      newZeroLevel = added;
      if (added) skipped = id;
    } else {
      newZeroLevel = memory.find(activation.facts, sensors) === undefined;
    }
  }

  const rightHits = memory.overlaps(RIGHT, sensors);
  const active: { id: number; count: number }[] = [];
  const candidates: [number, number][] = [];
  let selected = 0;
  const { ids, counts } = activation.crossing;
  for (let k = 0; k < ids.length; k++) {
    const leftId = ids[k] ?? 0;
    const matched = counts[k] ?? 0;
    const whole = matched === memory.semi[LEFT][leftId]?.length;
    // Only zero-level contexts of a step that made a new one propose; left halves beyond maxLeft never do.
    const mayPropose = newZeroLevel && matched <= options.maxLeft;
    if (!whole && !mayPropose) continue;
    const rights = memory.leftRights[leftId] ?? [];
    const contexts = memory.leftContexts[leftId] ?? [];
    for (let j = 0; j < contexts.length; j++) {
      const context = contexts[j] ?? 0;
      if (context === skipped) continue;
      const rightId = rights[j] ?? 0;
      const rightLength = memory.semi[RIGHT][rightId]?.length ?? 0;
      const hit = rightHits[rightId] ?? 0;
      const proposes = mayPropose && memory.zeroLevel[context] === 1;
      if (whole) {
        selected++;
        if (learn) memory.predicted[context] = (memory.predicted[context] ?? 0) + rightLength;
        if (hit === 0) continue;
        if (learn) memory.hits[context] = (memory.hits[context] ?? 0) + hit;
        if (hit === rightLength) {
          if (learn) memory.activations[context] = (memory.activations[context] ?? 0) + 1;
          active.push({ id: context, count: (memory.activations[context] ?? 0) + (learn ? 0 : 1) });
        } else if (proposes) {
          candidates.push([leftId, rightId]);
        }
      } else if (proposes && hit > 0) {
        candidates.push([leftId, rightId]);
      }
    }
  }
  const activeShare = selected > 0 ? active.length / selected : 0;

  // A proposed context is the part of a zero-level context's halves that the last two steps share; several
  // contexts can propose the same one, so each half is worked out once per semi-context and proposals once each.
  const proposals = distinctProposals(memory, candidates, activation.facts, sensors);
  const hasZeroLevel = activation.facts.length > 0 && sensors.length > 0;
  const isZeroLevel = (p: Proposal): boolean => hasZeroLevel && sameFacts(p.left, activation.facts) && sameFacts(p.right, sensors);
  const zeroProposed = proposals.some(isZeroLevel);
  const proposedCount = proposals.length + (hasZeroLevel && !zeroProposed ? 1 : 0);

  const neurons = strongest(active, options.maxActive).map((a) => NEURON_BASE + a.id).sort((a, b) => a - b);
  const facts = [...sensors, ...neurons];

  let added = newZeroLevel ? 1 : 0;
  for (const p of proposals) {
    // Without learning the new zero-level context was not stored: a proposal equal to it is not new twice.
    if (!learn && isZeroLevel(p)) continue;
    if (learn ? memory.addContext(p.left, p.right, 0, p.hashes).added : memory.find(p.left, p.right, p.hashes) === undefined) added++;
  }
  const addedShare = newZeroLevel && proposedCount > 0 ? added / proposedCount : 0;

  const crossing = memory.cross(LEFT, facts);
  activation.facts = facts;
  activation.crossing = crossing;
  activation.predicted = predictions(memory, crossing);
  return unpredicted ? (1 - activeShare + addedShare) / 2 : 0;
}

/** The `k` active contexts with the most activations (ties: the newest), as the reference's sort then slice. */
function strongest(active: readonly { id: number; count: number }[], k: number): { id: number; count: number }[] {
  if (active.length <= k) return [...active];
  const weaker = (a: { id: number; count: number }, b: { id: number; count: number }): boolean => a.count < b.count || (a.count === b.count && a.id < b.id);
  // A small sorted buffer of the best k so far, weakest first: hundreds of active contexts are not sorted.
  const best: { id: number; count: number }[] = [];
  for (const a of active) {
    const weakest = best[0];
    if (best.length === k && weakest && !weaker(weakest, a)) continue;
    if (best.length === k) best.shift();
    let i = best.length;
    while (i > 0 && weaker(a, best[i - 1] as { id: number; count: number })) i--;
    best.splice(i, 0, a);
  }
  return best;
}

/** The right halves of the best-predicting contexts whose left half is wholly in the current facts. */
function predictions(memory: ContextMemory, crossing: Crossing): Set<number> {
  let best = 0;
  let winners: number[] = [];
  for (let k = 0; k < crossing.ids.length; k++) {
    const id = crossing.ids[k] ?? 0;
    if (crossing.counts[k] !== memory.semi[LEFT][id]?.length) continue;
    for (const context of memory.leftContexts[id] ?? []) {
      const predicted = memory.predicted[context] ?? 0;
      const weight = predicted > 0 ? (memory.hits[context] ?? 0) / predicted : 0;
      if (weight > best) {
        best = weight;
        winners = [context];
      } else if (weight === best) {
        winners.push(context);
      }
    }
  }
  const out = new Set<number>();
  for (const context of winners) for (const f of memory.semi[RIGHT][memory.contextRight[context] ?? -1] ?? []) out.add(f);
  return out;
}
