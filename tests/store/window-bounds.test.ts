import { describe, expect, it } from 'vitest';
import { SeriesGroup } from '../../src/store/series-group.ts';
import { WindowBounds } from '../../src/store/window-bounds.ts';

/** A group whose series i holds the times `series[i]` (values 0). */
function groupOf(series: number[][]): SeriesGroup {
  const group = new SeriesGroup(series.length);
  series.forEach((times, i) => times.forEach((t) => group.add(i, t, 0)));
  return group;
}

describe('WindowBounds', () => {
  it('bounds nothing before it has learned', () => {
    expect(new WindowBounds().boundFor('k')).toBeNull();
  });

  it('reaches back twice the widest span of a full window from the newest point seen', () => {
    const bounds = new WindowBounds();
    // Full windows of 3: spans 20 and 40, newest 1,000; the short series does not count.
    bounds.learn('k', groupOf([[980, 990, 1000], [900, 920, 940], [995]]), 3);
    expect(bounds.boundFor('k')).toBe(1000 - 2 * 40);
    expect(bounds.boundFor('other kind')).toBeNull();
  });

  it('goes unbounded for a kind where most series come back short (each would be read twice)', () => {
    const bounds = new WindowBounds();
    bounds.learn('k', groupOf([[1, 2, 3], [5], [], [7]]), 3);
    expect(bounds.boundFor('k')).toBeNull();
    // None full: every point of the next group is all its windows would hold.
    bounds.learn('k', groupOf([[1, 2], [5], []]), 3);
    expect(bounds.boundFor('k')).toBe(-Infinity);
    // Half full is enough.
    bounds.learn('k', groupOf([[1, 2, 3], [5]]), 3);
    expect(bounds.boundFor('k')).toBe(3 - 2 * 2);
  });
});
