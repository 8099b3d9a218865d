-- The last 7 days of complete hours before the run's clock (current_setting('anomstack.now'): `--now` pins it).
-- The session runs in UTC, so date_trunc('hour', ...) cuts UTC hours.
WITH hours AS (
  SELECT
    date_trunc('hour', created_at) AS hour,
    count(*) AS orders,
    sum(amount) AS revenue
  FROM orders
  WHERE created_at >= date_trunc('hour', current_setting('anomstack.now')::timestamptz) - interval '7 days'
    AND created_at < date_trunc('hour', current_setting('anomstack.now')::timestamptz)
  GROUP BY 1
)
SELECT hour AS metric_timestamp, 'orders' AS metric_name, orders::float8 AS metric_value FROM hours
UNION ALL
SELECT hour AS metric_timestamp, 'revenue' AS metric_name, revenue::float8 AS metric_value FROM hours
ORDER BY metric_name, metric_timestamp
