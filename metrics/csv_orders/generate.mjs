// Generates data.csv for the csv_orders example batch: 400 days of a small shop's daily orders,
// revenue and refunds, ending 2026-11-20. Deterministic (seeded PRNG), so re-running it rewrites
// the same file byte for byte.
//
// Re-run from the repository root:  node metrics/csv_orders/generate.mjs
//
// Shape: a slow upward trend, weekly seasonality (busier Friday to Sunday) and a few percent of noise.
// Injected anomalies, all within the last 10 rows:
//   2026-11-11 .. 2026-11-14  refunds spike to about 6x their usual level (a bad batch of products)
//   2026-11-17 .. 2026-11-20  orders drop to about 35% of normal (checkout outage); revenue follows
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const END = Date.UTC(2026, 10, 20); // 2026-11-20
const DAYS = 400;
const DAY_MS = 86_400_000;

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

const rand = mulberry32(20261120);
/** Standard normal draw (Box-Muller) from the seeded PRNG. */
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

// Multipliers by day of week, Sunday first (Date#getUTCDay order).
const WEEKLY = [1.18, 0.94, 0.92, 0.95, 1.0, 1.12, 1.24];

const lines = ['date,orders,revenue,refunds'];
for (let i = 0; i < DAYS; i++) {
  const t = END - (DAYS - 1 - i) * DAY_MS;
  const day = new Date(t);
  const date = day.toISOString().slice(0, 10);
  const level = 180 + 0.12 * i; // trend: about +50% over the 400 days
  let orders = level * WEEKLY[day.getUTCDay()] * (1 + 0.05 * gauss());
  if (date >= '2026-11-17') orders *= 0.35; // orders drop
  orders = Math.max(0, Math.round(orders));
  const avgOrderValue = 47.5 + 1.5 * gauss();
  const revenue = Math.round(orders * avgOrderValue * 100) / 100;
  // Refunds trail purchases by days to weeks, so they follow the trend, not the day's orders.
  let refunds = level * 0.035 * (1 + 0.12 * gauss());
  if (date >= '2026-11-11' && date <= '2026-11-14') refunds *= 6; // refunds spike
  refunds = Math.max(0, Math.round(refunds));
  lines.push(`${date},${orders},${revenue.toFixed(2)},${refunds}`);
}

const out = join(dirname(fileURLToPath(import.meta.url)), 'data.csv');
writeFileSync(out, lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 1} rows to ${out}`);
