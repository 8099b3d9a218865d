import type { SeriesGroup } from './series-group.ts';

/** A bounded read reaches back this many times the widest span a full window covered last time. */
const SPANS_BACK = 2;

/**
 * Lower time bounds for reads of each series' newest `limit` points (`latestMany`). Rows appended run by run are
 * stored time by time, all series mixed, so a read filtered by series alone scans the whole table; a time bound lets
 * DuckDB skip every row group older than it. The bound is learned from the previous read of the same kind (batch,
 * type, limit): how far back a full window reached from the newest point seen, twice over. A bounded read is exact
 * whenever a series gets all `limit` points (anything older is older than all of them); a series that comes back
 * short is read again without the bound. When no series of the previous read was full (a first run, new metrics),
 * the next read takes every point (-Infinity): all a window holds if its series are as short, without a per-series
 * window (a series bringing far more makes `MetricsTable.latestMany` read that group by window instead). Kinds where
 * fewer than half the series come back full go unbounded, so the second read is rare.
 */
export class WindowBounds {
  private readonly learned = new Map<string, { newestMs: number; spanMs: number } | 'every point' | null>();

  /** The bound for the next read of `kind` (epoch ms; -Infinity: every point), or null to read each series' window. */
  boundFor(kind: string): number | null {
    const learned = this.learned.get(kind);
    if (learned === 'every point') return -Infinity;
    return learned ? Math.floor(learned.newestMs - SPANS_BACK * learned.spanMs) : null;
  }

  /** Learns from an exact read of `kind`: the series that had all `limit` points say how far back windows reach. */
  learn(kind: string, group: SeriesGroup, limit: number): void {
    let newestMs = -Infinity;
    let spanMs = 0;
    let full = 0;
    for (let i = 0; i < group.size; i++) {
      const times = group.times(i);
      const first = times[0];
      const last = times[times.length - 1];
      if (times.length < limit || first === undefined || last === undefined) continue;
      full++;
      newestMs = Math.max(newestMs, last);
      spanMs = Math.max(spanMs, last - first);
    }
    this.learned.set(kind, full === 0 ? 'every point' : full * 2 >= group.size ? { newestMs, spanMs } : null);
  }
}
