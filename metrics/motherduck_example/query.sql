-- {{ metric_batch }}: orders per day over the last 90 days, from an `orders` table on MotherDuck.
-- getvariable('now') is the run's clock (a UTC TIMESTAMP), as on db: duckdb. Today is left out: it is not over.
SELECT
  date_trunc('day', order_ts) AS metric_timestamp,
  'orders' AS metric_name,
  count(*)::DOUBLE AS metric_value
FROM orders
WHERE order_ts >= date_trunc('day', getvariable('now')) - INTERVAL 90 DAY
  AND order_ts < date_trunc('day', getvariable('now'))
GROUP BY ALL
ORDER BY 1
