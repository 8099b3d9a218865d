/**
 * What the Teams and Discord channels add to message.ts's digests: the mark of the pipeline's insight, and the "and N
 * more metrics" of a message that could not show every metric.
 */

/** The mark an insight's line starts with. */
export const INSIGHT_MARK = '💡';

/** "and 3 more metrics": what a digest that shows only its first metrics says of the rest. */
export function moreMetrics(count: number): string {
  return `and ${count} more ${count === 1 ? 'metric' : 'metrics'}`;
}
