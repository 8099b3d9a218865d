-- {{ metric_batch }}: four synthetic hourly metrics for the last 30 days, ending at the current hour (UTC).
-- getvariable('now') is the run's clock (UTC): now() unless the run is pinned with `anomstack run --now`.
--
-- Every value is a pure function of its timestamp: the daily cycle comes from the hour of day and the
-- noise from DuckDB's hash() of the timestamp's epoch, mapped to [0, 1). Re-running the query gives the
-- same value for every hour already stored, so ingesting again only adds the new hours.
-- The injected anomalies are keyed on age_h (hours before the current hour), so they are always the
-- newest points whenever the batch runs:
--   requests    a traffic spike: 3000 extra requests an hour (about 2x the daily peak) over the newest 4 hours
--               (age_h 0..3); a flat excess rather than a multiple, so a spike at the quiet morning hours is as
--               clear as one in the afternoon
--   latency_ms  a level shift: +150 ms over the newest 4 hours (age_h 0..3)
--   error_rate, queue_depth: no anomaly
-- Why 4 hours and not a single point: an alert needs the mean of the last alert_smooth_n (3) scores to
-- reach alert_threshold, so on a fresh first run a one-hour spike is averaged with two normal scores and
-- stays under the threshold. Set alert_smooth_n: 1 to alert on one-point spikes (at the cost of noisier alerts).
WITH now_h AS (
  SELECT date_trunc('hour', getvariable('now')) AS t
),
hours AS (
  SELECT
    g.ts,
    epoch(g.ts)::BIGINT AS ep,
    hour(g.ts) AS h,
    ((epoch(now_h.t) - epoch(g.ts)) // 3600)::INTEGER AS age_h
  FROM now_h, generate_series(now_h.t - INTERVAL 30 DAY, now_h.t, INTERVAL 1 HOUR) AS g(ts)
),
noisy AS (
  SELECT
    *,
    -- one independent uniform draw in [0, 1) per (timestamp, metric)
    (hash(ep, 'requests') % 1000000) / 1000000.0 AS u_requests,
    (hash(ep, 'latency_ms') % 1000000) / 1000000.0 AS u_latency,
    (hash(ep, 'error_rate') % 1000000) / 1000000.0 AS u_errors,
    (hash(ep, 'queue_depth') % 1000000) / 1000000.0 AS u_queue,
    -- daily cycle peaking in the early afternoon (UTC)
    sin(2 * pi() * (h - 8) / 24) AS daily
  FROM hours
)
SELECT
  ts AS metric_timestamp,
  'requests' AS metric_name,
  round(
    (1000 + 500 * daily) * (0.92 + 0.16 * u_requests)
    + CASE WHEN age_h < 4 THEN 3000 ELSE 0 END
  )::DOUBLE AS metric_value
FROM noisy
UNION ALL
SELECT
  ts,
  'latency_ms',
  round(
    120 + 20 * daily + 12 * (u_latency - 0.5)
    + CASE WHEN age_h < 4 THEN 150 ELSE 0 END,
    1
  )::DOUBLE
FROM noisy
UNION ALL
SELECT
  ts,
  'error_rate',
  round(0.010 + 0.003 * daily + 0.002 * (u_errors - 0.5), 5)::DOUBLE
FROM noisy
UNION ALL
SELECT
  ts,
  'queue_depth',
  round(40 + 12 * daily + 8 * (u_queue - 0.5))::DOUBLE
FROM noisy
ORDER BY metric_name, metric_timestamp
