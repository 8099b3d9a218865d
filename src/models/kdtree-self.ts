/**
 * KNN's fit asks for every training row's k nearest other training rows: a search from each of the tree's own rows.
 * Knowing where each row sits makes that cheaper than `kdNearest` from the root: a row first scans its own leaf
 * (a close first k-th distance), then climbs towards the root, searching each sibling subtree whose box comes within
 * the k-th distance and skipping the rest with one box test. The result is the same, bit for bit: kdtree.ts's header
 * explains why any visiting order with the same conservative box bound and `insertTopK`'s rule gives the same k
 * smallest squared distances; distances and bounds here are summed in the same feature order as there.
 *
 * As in `kdNearest`, once the buffer is full a node is skipped when its bound is >= the k-th distance (not only >):
 * with many identical rows (flat or stepped series) the k-th distance is soon 0, and every box that merely touches
 * the row is skipped instead of searched.
 *
 * Written out for rows of three features (the default two lags), where it takes about 30% less time than a search
 * per row; other widths take `kdNearest` per row (a generic version of this loop was no faster than that).
 */
import { kdNearest, type KdTree } from './kdtree.ts';

/**
 * For each of the tree's n rows, the k smallest squared distances (ascending) to the other rows, written to
 * out[i * k .. i * k + k) for the row of original index i. Needs n > k and finite values.
 */
export function kdSelfNearest(t: KdTree, k: number, out: Float64Array): void {
  const buf = new Float64Array(k);
  if (t.width !== 3) {
    for (let row = 0; row < t.index.length; row++) {
      const original = t.index[row] ?? 0;
      kdNearest(t, t.points, row * t.width, k, original, buf);
      out.set(buf, original * k);
    }
    return;
  }
  const { points: p, index, start, end, right, parent, lo, hi, stackNode: stack } = t;
  const last = k - 1;
  const n = index.length;
  for (let row = 0; row < n; row++) {
    const q0 = p[row * 3] ?? 0;
    const q1 = p[row * 3 + 1] ?? 0;
    const q2 = p[row * 3 + 2] ?? 0;
    let filled = 0;
    let kth = Infinity;
    // The row's own leaf, leaving the row out.
    let leaf = 0;
    for (let r = right[0] ?? -1; r >= 0; r = right[leaf] ?? -1) leaf = row < (start[r] ?? 0) ? leaf + 1 : r;
    const from = start[leaf] ?? 0;
    const to = end[leaf] ?? 0;
    const box = leaf * 3;
    if (lo[box] === hi[box] && lo[box + 1] === hi[box + 1] && lo[box + 2] === hi[box + 2]) {
      // A leaf of identical rows (one the build could not split, e.g. a flat series): every distance within it is
      // +0 (x - x is +0 for finite x, and squares drop a zero's sign), so the scan's outcome is known.
      filled = Math.min(to - from - 1, k);
      buf.fill(0, 0, filled);
      if (filled === k) kth = 0;
    }
    for (let i = filled > 0 ? to : from; i < to; i++) {
      if (i === row) continue;
      const d0 = q0 - (p[i * 3] ?? 0);
      const d1 = q1 - (p[i * 3 + 1] ?? 0);
      const d2 = q2 - (p[i * 3 + 2] ?? 0);
      const sq = 0 + d0 * d0 + d1 * d1 + d2 * d2;
      if (sq < kth || filled < k) {
        let j = filled < k ? filled++ : last;
        for (; j > 0 && (buf[j - 1] ?? 0) > sq; j--) buf[j] = buf[j - 1] ?? 0;
        buf[j] = sq;
        if (filled === k) kth = buf[last] ?? 0;
      }
    }
    let child = leaf;
    let node = parent[leaf] ?? -1;
    while (node >= 0) {
      const r = right[node] ?? -1;
      const sibling = child === r ? node + 1 : r;
      child = node;
      node = parent[node] ?? -1;
      if (filled === k && boxBound3(lo, hi, sibling * 3, q0, q1, q2) >= kth) continue;
      // Depth first through the sibling's subtree, the nearer child first (pushed last).
      let sp = 0;
      stack[sp++] = sibling;
      while (sp > 0) {
        const at = stack[--sp] ?? 0;
        const atRight = right[at] ?? -1;
        if (atRight < 0) {
          for (let i = start[at] ?? 0, to = end[at] ?? 0; i < to; i++) {
            const d0 = q0 - (p[i * 3] ?? 0);
            const d1 = q1 - (p[i * 3 + 1] ?? 0);
            const d2 = q2 - (p[i * 3 + 2] ?? 0);
            const sq = 0 + d0 * d0 + d1 * d1 + d2 * d2;
            if (sq < kth || filled < k) {
              let j = filled < k ? filled++ : last;
              for (; j > 0 && (buf[j - 1] ?? 0) > sq; j--) buf[j] = buf[j - 1] ?? 0;
              buf[j] = sq;
              if (filled === k) kth = buf[last] ?? 0;
            }
          }
          continue;
        }
        const left = at + 1;
        // Both children's box bounds, written out (as boxBound3): one more call here went over V8's inlining
        // budget for this function and cost a fifth of the search.
        let dl: number;
        {
          const o = left * 3;
          const b0 = (lo[o] ?? 0) - q0;
          const a0 = q0 - (hi[o] ?? 0);
          const g0 = (b0 + Math.abs(b0)) * 0.5 + (a0 + Math.abs(a0)) * 0.5;
          const b1 = (lo[o + 1] ?? 0) - q1;
          const a1 = q1 - (hi[o + 1] ?? 0);
          const g1 = (b1 + Math.abs(b1)) * 0.5 + (a1 + Math.abs(a1)) * 0.5;
          const b2 = (lo[o + 2] ?? 0) - q2;
          const a2 = q2 - (hi[o + 2] ?? 0);
          const g2 = (b2 + Math.abs(b2)) * 0.5 + (a2 + Math.abs(a2)) * 0.5;
          dl = 0 + g0 * g0 + g1 * g1 + g2 * g2;
        }
        let dr: number;
        {
          const o = atRight * 3;
          const b0 = (lo[o] ?? 0) - q0;
          const a0 = q0 - (hi[o] ?? 0);
          const g0 = (b0 + Math.abs(b0)) * 0.5 + (a0 + Math.abs(a0)) * 0.5;
          const b1 = (lo[o + 1] ?? 0) - q1;
          const a1 = q1 - (hi[o + 1] ?? 0);
          const g1 = (b1 + Math.abs(b1)) * 0.5 + (a1 + Math.abs(a1)) * 0.5;
          const b2 = (lo[o + 2] ?? 0) - q2;
          const a2 = q2 - (hi[o + 2] ?? 0);
          const g2 = (b2 + Math.abs(b2)) * 0.5 + (a2 + Math.abs(a2)) * 0.5;
          dr = 0 + g0 * g0 + g1 * g1 + g2 * g2;
        }
        const full = filled === k;
        if (dl <= dr) {
          if (!(full && dr >= kth)) stack[sp++] = atRight;
          if (!(full && dl >= kth)) stack[sp++] = left;
        } else {
          if (!(full && dl >= kth)) stack[sp++] = left;
          if (!(full && dr >= kth)) stack[sp++] = atRight;
        }
      }
    }
    const at = (index[row] ?? 0) * k;
    for (let j = 0; j < k; j++) out[at + j] = buf[j] ?? 0;
  }
}

/**
 * kdtree.ts's box lower bound for three features: squared gaps to the box at lo/hi[o..o+3), summed in order, each
 * gap max(lo - v, v - hi, 0) computed branch-free as there.
 */
function boxBound3(lo: Float64Array, hi: Float64Array, o: number, q0: number, q1: number, q2: number): number {
  const b0 = (lo[o] ?? 0) - q0;
  const a0 = q0 - (hi[o] ?? 0);
  const g0 = (b0 + Math.abs(b0)) * 0.5 + (a0 + Math.abs(a0)) * 0.5;
  const b1 = (lo[o + 1] ?? 0) - q1;
  const a1 = q1 - (hi[o + 1] ?? 0);
  const g1 = (b1 + Math.abs(b1)) * 0.5 + (a1 + Math.abs(a1)) * 0.5;
  const b2 = (lo[o + 2] ?? 0) - q2;
  const a2 = q2 - (hi[o + 2] ?? 0);
  const g2 = (b2 + Math.abs(b2)) * 0.5 + (a2 + Math.abs(a2)) * 0.5;
  return 0 + g0 * g0 + g1 * g1 + g2 * g2;
}
