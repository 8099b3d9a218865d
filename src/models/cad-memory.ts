/**
 * The context memory of CAD OSE (Contextual Anomaly Detector, Open Source Edition; Mikhail Smirnov 2016, the
 * `ContextOperator` of NAB's `context_ose` detector), written afresh from its description and reference behaviour.
 *
 * A context is a pair (left facts, right facts): "after a step whose facts included all of these, the next
 * step's sensor facts included all of those". Left and right halves are stored once as semi-contexts and shared
 * between contexts. Each context counts how many facts it predicted (`predicted`), how many of them came true
 * (`hits`) and how often it fired completely (`activations`); `zeroLevel` marks contexts that were once a whole
 * observed transition rather than an intersection of two.
 *
 * Ids are creation order, as in the reference, so iteration orders (and hence which new contexts get which id)
 * match it. Halves are looked up by their sorted facts (the reference keys them by Python's tuple hash alone, the
 * same unless two hashes collide).
 */
import { z } from 'zod';

export type Side = 0 | 1;
export const LEFT: Side = 0;
export const RIGHT: Side = 1;

/** The semi-contexts of one side sharing facts with a list of facts: ids ascending, and how many facts each shares. */
export interface Crossing {
  ids: Int32Array;
  counts: Int32Array;
}

export const cadMemorySchema = z.object({
  /** Left and right semi-contexts, each a sorted list of facts, in creation order. */
  left: z.array(z.array(z.number())),
  right: z.array(z.array(z.number())),
  /** Per context, in creation order: its halves and counters. */
  contextLeft: z.array(z.number().int().min(0)),
  contextRight: z.array(z.number().int().min(0)),
  predicted: z.array(z.number().min(0)),
  hits: z.array(z.number().min(0)),
  activations: z.array(z.number().int().min(0)),
  zeroLevel: z.array(z.union([z.literal(0), z.literal(1)])),
});
export type CadMemoryState = z.infer<typeof cadMemorySchema>;

/** A 53-bit hash of a fact list (two 32-bit FNV-style lanes): lookups compare the facts too, so collisions are harmless. */
export function factsHash(facts: readonly number[]): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const f of facts) {
    const lo = f >>> 0;
    a = Math.imul(a ^ lo, 16777619);
    b = Math.imul(b ^ lo, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2_097_152 + (b >>> 11);
}

export function sameFacts(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class ContextMemory {
  readonly semi: [number[][], number[][]] = [[], []];
  /** Per left semi-context, in creation order: the right halves and ids of its contexts. */
  readonly leftRights: number[][] = [];
  readonly leftContexts: number[][] = [];
  readonly contextLeft: number[] = [];
  readonly contextRight: number[] = [];
  readonly predicted: number[] = [];
  readonly hits: number[] = [];
  readonly activations: number[] = [];
  readonly zeroLevel: (0 | 1)[] = [];
  /** Hash of a semi-context's facts -> the ids with that hash. */
  private readonly ids: [Map<number, number[]>, Map<number, number[]>] = [new Map(), new Map()];
  private readonly hashes: [number[], number[]] = [[], []];
  /** Per left semi-context: right semi-context id -> context id. */
  private readonly byRight: Map<number, number>[] = [];
  /** Fact -> ids of the semi-contexts of that side containing it, ascending. */
  private readonly factIndex: [Map<number, number[]>, Map<number, number[]>] = [new Map(), new Map()];
  /** Scratch for crossings: a shared-fact count per semi-context, valid where its stamp is the current one. */
  private counts = new Int32Array(0);
  private stamps = new Int32Array(0);
  private stamp = 0;

  static fromState(state: CadMemoryState): ContextMemory {
    const n = state.contextLeft.length;
    const columns = [state.contextRight, state.predicted, state.hits, state.activations, state.zeroLevel];
    if (columns.some((c) => c.length !== n)) throw new Error('CADOSE: saved context memory has columns of different lengths');
    const memory = new ContextMemory();
    for (let c = 0; c < n; c++) {
      const left = state.left[state.contextLeft[c] ?? -1];
      const right = state.right[state.contextRight[c] ?? -1];
      if (!left || !right) throw new Error(`CADOSE: saved context ${c} refers to a missing semi-context`);
      const { id, added } = memory.addContext(left, right, state.zeroLevel[c] ?? 0);
      if (!added || id !== c) throw new Error(`CADOSE: saved context ${c} is a duplicate`);
      memory.predicted[c] = state.predicted[c] ?? 0;
      memory.hits[c] = state.hits[c] ?? 0;
      memory.activations[c] = state.activations[c] ?? 0;
    }
    if (memory.semi[0].length !== state.left.length || memory.semi[1].length !== state.right.length) {
      throw new Error('CADOSE: saved context memory has semi-contexts no context uses, or repeats one');
    }
    return memory;
  }

  get size(): number {
    return this.contextLeft.length;
  }

  toState(): CadMemoryState {
    return {
      left: this.semi[0],
      right: this.semi[1],
      contextLeft: this.contextLeft,
      contextRight: this.contextRight,
      predicted: this.predicted,
      hits: this.hits,
      activations: this.activations,
      zeroLevel: this.zeroLevel,
    };
  }

  private semiId(side: Side, facts: readonly number[], create: boolean, hash = factsHash(facts)): number | undefined {
    const bucket = this.ids[side].get(hash);
    let id = bucket?.find((candidate) => sameFacts(this.semi[side][candidate] ?? [], facts));
    if (id === undefined && create) {
      id = this.semi[side].push([...facts]) - 1;
      if (bucket) bucket.push(id);
      else this.ids[side].set(hash, [id]);
      this.hashes[side].push(hash);
      if (side === LEFT) {
        this.byRight.push(new Map());
        this.leftRights.push([]);
        this.leftContexts.push([]);
      }
      for (const fact of facts) {
        const list = this.factIndex[side].get(fact);
        if (list) list.push(id);
        else this.factIndex[side].set(fact, [id]);
      }
    }
    return id;
  }

  /** The hash of a semi-context's facts. */
  hash(side: Side, id: number): number {
    return this.hashes[side][id] ?? 0;
  }

  /** The id of the context (left, right), if the memory has it. */
  find(left: readonly number[], right: readonly number[], hashes?: [number, number]): number | undefined {
    const l = this.semiId(LEFT, left, false, hashes?.[0]);
    const r = this.semiId(RIGHT, right, false, hashes?.[1]);
    return l === undefined || r === undefined ? undefined : this.byRight[l]?.get(r);
  }

  /**
   * Stores the context (left, right) unless it exists; a zero-level sighting marks an existing context as
   * zero-level too (the reference's `getContextByFacts`).
   */
  addContext(left: readonly number[], right: readonly number[], zeroLevel: 0 | 1, hashes?: [number, number]): { id: number; added: boolean } {
    const l = this.semiId(LEFT, left, true, hashes?.[0]) ?? 0;
    const r = this.semiId(RIGHT, right, true, hashes?.[1]) ?? 0;
    const contexts = this.byRight[l] as Map<number, number>;
    const existing = contexts.get(r);
    if (existing !== undefined) {
      if (zeroLevel) this.zeroLevel[existing] = 1;
      return { id: existing, added: false };
    }
    const id = this.contextLeft.length;
    contexts.set(r, id);
    this.leftRights[l]?.push(r);
    this.leftContexts[l]?.push(id);
    this.contextLeft.push(l);
    this.contextRight.push(r);
    this.predicted.push(0);
    this.hits.push(0);
    this.activations.push(0);
    this.zeroLevel.push(zeroLevel);
    return { id, added: true };
  }

  /**
   * The semi-contexts of one side sharing at least one fact with `facts`, ascending by id, with how many they
   * share (the reference's crossing step, without its pass over every semi-context).
   */
  cross(side: Side, facts: readonly number[]): Crossing {
    const touched = this.tally(side, facts);
    const ids = Int32Array.from(touched).sort();
    const counts = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) counts[k] = this.counts[ids[k] ?? 0] ?? 0;
    return { ids, counts };
  }

  /** How many of `facts` each semi-context of one side has, indexed by id (0 for most). */
  overlaps(side: Side, facts: readonly number[]): Int32Array {
    const out = new Int32Array(this.semi[side].length);
    for (const id of this.tally(side, facts)) out[id] = this.counts[id] ?? 0;
    return out;
  }

  private tally(side: Side, facts: readonly number[]): number[] {
    const n = this.semi[side].length;
    if (this.counts.length < n) {
      this.counts = new Int32Array(Math.max(n, 2 * this.counts.length));
      this.stamps = new Int32Array(this.counts.length);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { counts, stamps } = this;
    const touched: number[] = [];
    for (const fact of facts) {
      for (const id of this.factIndex[side].get(fact) ?? []) {
        if (stamps[id] === stamp) {
          counts[id] = (counts[id] ?? 0) + 1;
        } else {
          stamps[id] = stamp;
          counts[id] = 1;
          touched.push(id);
        }
      }
    }
    return touched;
  }
}
