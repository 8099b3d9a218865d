// Generates app.sqlite for the sqlite_example batch: a small app database holding a typical week of hourly
// signups and logins (168 rows per metric). Deterministic (seeded PRNG); it needs node:sqlite (Node 22.5+).
//
// Re-run from the repository root:  node metrics/sqlite_example/generate.mjs
//
// The data has no dates: query.sql lays the week over the 30 days before the run's clock (`:now`), so the batch
// always has fresh data, and adds the injected anomaly (a signups spike over the newest 4 hours) itself.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';

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

const file = join(dirname(fileURLToPath(import.meta.url)), 'app.sqlite');
rmSync(file, { force: true });
const db = new DatabaseSync(file);
db.exec(`CREATE TABLE typical_week (
  hour_of_week INTEGER NOT NULL, -- 0 = Sunday 00:00 UTC (SQLite's strftime('%w') * 24 + hour)
  metric_name TEXT NOT NULL,
  metric_value REAL NOT NULL,
  PRIMARY KEY (hour_of_week, metric_name)
)`);
const insert = db.prepare('INSERT INTO typical_week VALUES (?, ?, ?)');
const random = mulberry32(20261207);
db.exec('BEGIN');
for (let how = 0; how < 168; how++) {
  const day = Math.floor(how / 24);
  const hour = how % 24;
  // Busiest in the early afternoon UTC, quieter at weekends.
  const daily = Math.sin((2 * Math.PI * (hour - 8)) / 24);
  const weekend = day === 0 || day === 6 ? 0.7 : 1;
  const signups = Math.round((60 + 25 * daily) * weekend * (0.9 + 0.2 * random()));
  const logins = Math.round((900 + 400 * daily) * weekend * (0.92 + 0.16 * random()));
  insert.run(how, 'signups', signups);
  insert.run(how, 'logins', logins);
}
db.exec('COMMIT');
db.exec('VACUUM');
db.close();
console.log(`wrote ${file}`);
