-- {{ metric_batch }}: daily shop metrics from the bundled data.csv (written by generate.mjs).
-- DuckDB resolves 'data.csv' against the batch folder (file_search_path), so the path is relative.
-- The CSV is wide (one column per metric); UNPIVOT turns it into the long form the pipeline wants:
-- one row per (metric_timestamp, metric_name, metric_value).
WITH daily AS (
  SELECT
    CAST("date" AS TIMESTAMP) AS metric_timestamp,
    CAST(orders AS DOUBLE) AS orders,
    CAST(revenue AS DOUBLE) AS revenue,
    CAST(refunds AS DOUBLE) AS refunds
  FROM read_csv('data.csv', header = true)
)
SELECT metric_timestamp, metric_name, metric_value
FROM (
  UNPIVOT daily
  ON orders, revenue, refunds
  INTO NAME metric_name VALUE metric_value
)
ORDER BY metric_name, metric_timestamp
