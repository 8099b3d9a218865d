-- The last 7 days of complete hours before the run's clock (@now, a TIMESTAMP query parameter: `--now` pins it).
-- TIMESTAMP_TRUNC cuts UTC hours.
WITH hours AS (
  SELECT
    TIMESTAMP_TRUNC(created_at, HOUR) AS hour,
    COUNT(*) AS orders,
    SUM(amount) AS revenue
  FROM `shop.orders`
  WHERE created_at >= TIMESTAMP_SUB(TIMESTAMP_TRUNC(@now, HOUR), INTERVAL 7 DAY)
    AND created_at < TIMESTAMP_TRUNC(@now, HOUR)
  GROUP BY hour
)
SELECT hour AS metric_timestamp, 'orders' AS metric_name, CAST(orders AS FLOAT64) AS metric_value FROM hours
UNION ALL
SELECT hour AS metric_timestamp, 'revenue' AS metric_name, CAST(revenue AS FLOAT64) AS metric_value FROM hours
ORDER BY metric_name, metric_timestamp
