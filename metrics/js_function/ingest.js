// Simulated metrics of a checkout service, one point every 10 minutes for the last 3 days.
//
// The pipeline imports this file and calls its default export with { batch, config, now } and stores
// the rows it returns. Everything here is computed, nothing is fetched, so it runs offline.
//
// Each value is a pure function of its timestamp: the noise comes from a small PRNG seeded with a hash
// of (metric name, timestamp), so a point returned again on a later run has the same value as before.
// The anomaly is keyed on the distance from `now`, so it is always at the newest points:
//   checkouts           drops to zero over the newest 4 points (40 minutes): a checkout outage
//   payment_latency_ms, cart_abandon_rate: normal
// (Why 4 points: an alert needs the mean of the last alert_smooth_n (3) scores over the threshold.)

const STEP_MS = 10 * 60 * 1000;
const POINTS = (3 * 24 * 60) / 10 + 1; // 3 days of 10-minute steps, both ends included
const OUTAGE_POINTS = 4;

/**
 * @typedef {object} MetricRow
 * @property {Date} metric_timestamp  UTC time of the point
 * @property {string} metric_name
 * @property {number} metric_value
 */

/** FNV-1a 32-bit hash of a string: turns (metric, timestamp) into a PRNG seed. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Noise in (-1, 1) that depends only on (metric, timestamp): the mean of two uniform draws (a triangular
 * distribution). Bounded on purpose: Gaussian tails would now and then put a lone outlier among the newest
 * points of a "normal" metric and make it alert.
 */
function noise(metric, ms) {
  const rand = mulberry32(fnv1a(`${metric}@${ms}`));
  return rand() + rand() - 1;
}

/**
 * @param {{ batch: string, config: Record<string, unknown>, now: Date }} ctx
 * @returns {Promise<MetricRow[]>}
 */
export default async function ingest(ctx) {
  const nowMs = new Date(ctx?.now ?? Date.now()).getTime();
  const end = Math.floor(nowMs / STEP_MS) * STEP_MS; // now, rounded down to 10 minutes
  /** @type {MetricRow[]} */
  const rows = [];
  for (let i = POINTS - 1; i >= 0; i--) {
    const ms = end - i * STEP_MS;
    const metric_timestamp = new Date(ms);
    const hourOfDay = metric_timestamp.getUTCHours() + metric_timestamp.getUTCMinutes() / 60;
    const daily = Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24); // busiest mid-afternoon UTC

    const outage = i < OUTAGE_POINTS;
    const checkouts = outage ? 0 : Math.max(0, Math.round((70 + 30 * daily) * (1 + 0.12 * noise('checkouts', ms))));
    const latency = 180 + 25 * daily + 15 * noise('payment_latency_ms', ms);
    const abandon = 0.68 - 0.04 * daily + 0.02 * noise('cart_abandon_rate', ms);

    rows.push(
      { metric_timestamp, metric_name: 'checkouts', metric_value: checkouts },
      { metric_timestamp, metric_name: 'payment_latency_ms', metric_value: Math.round(latency * 10) / 10 },
      { metric_timestamp, metric_name: 'cart_abandon_rate', metric_value: Math.round(abandon * 10000) / 10000 },
    );
  }
  return rows;
}
