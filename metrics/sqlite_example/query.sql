-- {{ metric_batch }}: hourly signups and logins for the 30 days up to the current hour (UTC), from app.sqlite.
-- :now is the run's clock as UTC text ('YYYY-MM-DD HH:MM:SS', the format of SQLite's datetime()): the current
-- time unless the run is pinned with `anomstack run --now`.
--
-- app.sqlite holds a typical week (typical_week: one value per hour of the week and metric). Every value is a
-- function of its timestamp's hour of the week, so running again later gives the same value for every hour
-- already stored and ingesting only adds the new hours.
-- The injected anomaly is keyed on age_h (hours before the current hour), so it is always the newest points:
--   signups  a spike of 400 extra signups an hour (about 5x the daily peak) over the newest 4 hours
--   logins   no anomaly
-- 4 hours rather than one point: an alert needs the mean of the last alert_smooth_n (3) scores to reach
-- alert_threshold (see synthetic_sql/query.sql).
WITH RECURSIVE hours(age_h) AS (
  SELECT 0
  UNION ALL
  SELECT age_h + 1 FROM hours WHERE age_h < 30 * 24
),
stamped AS (
  SELECT age_h, datetime(strftime('%Y-%m-%d %H:00:00', :now), '-' || age_h || ' hours') AS ts
  FROM hours
)
SELECT
  s.ts AS metric_timestamp,
  w.metric_name,
  w.metric_value + CASE WHEN w.metric_name = 'signups' AND s.age_h < 4 THEN 400 ELSE 0 END AS metric_value
FROM stamped AS s
JOIN typical_week AS w
  ON w.hour_of_week = CAST(strftime('%w', s.ts) AS INTEGER) * 24 + CAST(strftime('%H', s.ts) AS INTEGER)
ORDER BY w.metric_name, s.ts
