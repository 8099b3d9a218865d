import type { IndexedValues } from './changepoint-baseline.ts';

/**
 * The values a detector still needs, by absolute index: older ones are dropped as the reference window moves on,
 * so a detector that has seen a million points holds about a window and a season of them.
 */
export class TrimmedSeries implements IndexedValues {
  /** Absolute index of data[0]. */
  offset = 0;
  data: number[] = [];

  get length(): number {
    return this.offset + this.data.length;
  }

  get(index: number): number | undefined {
    return index >= this.offset ? this.data[index - this.offset] : undefined;
  }

  push(value: number): void {
    this.data.push(value);
  }

  /** Forgets everything before `index`. */
  dropBefore(index: number): void {
    if (index <= this.offset) return;
    this.data.splice(0, Math.min(this.data.length, index - this.offset));
    this.offset = index;
  }
}
