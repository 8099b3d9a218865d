/**
 * Finds the index of a row equal (feature by feature, ===) to a query row among fixed rows of
 * `width` numbers: a hash table with open addressing over the rows' bits. KNN uses it to recognise
 * a scored row that is one of its training rows, whose neighbour distances fit already computed.
 */
/** Indexes by the rows they index: detectors holding the same rows (see unpackState) build one. */
const built = new WeakMap<Float64Array, RowIndex>();

export class RowIndex {
  private readonly rows: Float64Array;
  private readonly width: number;
  /** Row index + 1 per slot; 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(rows: Float64Array, n: number, width: number) {
    this.rows = rows;
    this.width = width;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < n; i++) {
      // The first of several equal rows is kept; any of them has the same neighbour distances.
      if (this.find(rows, i * width) < 0) this.slots[this.probe(rows, i * width)] = i + 1;
    }
  }

  /** The index of `n` rows of `width` values in `rows` (which must never change): made once per rows array. */
  static of(rows: Float64Array, n: number, width: number): RowIndex {
    let index = built.get(rows);
    if (!index || index.width !== width || index.rows.length !== n * width) {
      index = new RowIndex(rows, n, width);
      built.set(rows, index);
    }
    return index;
  }

  /** The index of the first stored row equal to `q[qo..qo+width)`, or -1. */
  find(q: Float64Array, qo: number): number {
    const stored = this.slots[this.probe(q, qo)] ?? 0;
    return stored - 1;
  }

  /** The slot holding a row equal to the query, or the empty slot where it would go. */
  private probe(q: Float64Array, qo: number): number {
    let slot = hashRow(q, qo, this.width) & this.mask;
    for (;;) {
      const stored = this.slots[slot] ?? 0;
      if (stored === 0 || this.equal(stored - 1, q, qo)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private equal(row: number, q: Float64Array, qo: number): boolean {
    const ro = row * this.width;
    for (let f = 0; f < this.width; f++) if (this.rows[ro + f] !== q[qo + f]) return false;
    return true;
  }
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** FNV-style mix of the rows' bit patterns; `+ 0` maps -0 to 0 so rows equal under === hash alike. */
function hashRow(q: Float64Array, qo: number, width: number): number {
  let h = 0x811c9dc5;
  for (let f = 0; f < width; f++) {
    bits[0] = (q[qo + f] ?? 0) + 0;
    h = Math.imul(h ^ (words[0] ?? 0), 0x01000193);
    h = Math.imul(h ^ (words[1] ?? 0), 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}
