-- {{ metric_batch }}: orders per hour over the last 30 days, from an `orders` table on Turso.
-- :now is the run's clock as UTC text ('YYYY-MM-DD HH:MM:SS', as SQLite's datetime() writes it).
-- Whole hours only: from the hour 30 days back up to, not including, the current hour (still filling up).
SELECT
  strftime('%Y-%m-%d %H:00:00', created_at) AS metric_timestamp,
  'orders' AS metric_name,
  count(*) AS metric_value
FROM orders
WHERE created_at >= datetime(strftime('%Y-%m-%d %H:00:00', :now), '-30 days')
  AND created_at < strftime('%Y-%m-%d %H:00:00', :now)
GROUP BY 1
ORDER BY 1
