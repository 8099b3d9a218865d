-- Queries started per hour on the account, and their mean elapsed time, over the last week. Hours are UTC;
-- $now is the run's clock (a TIMESTAMP_NTZ in UTC, set by the source). The newest hour is left out while
-- ACCOUNT_USAGE may still be filling it (it lags up to 45 minutes).
WITH hourly AS (
  SELECT
    DATE_TRUNC('hour', CONVERT_TIMEZONE('UTC', start_time)::TIMESTAMP_NTZ) AS hour,
    total_elapsed_time
  FROM snowflake.account_usage.query_history
  WHERE CONVERT_TIMEZONE('UTC', start_time)::TIMESTAMP_NTZ >= DATEADD(day, -7, DATE_TRUNC('hour', $now))
    AND CONVERT_TIMEZONE('UTC', start_time)::TIMESTAMP_NTZ < DATEADD(hour, -1, DATE_TRUNC('hour', $now))
)
SELECT hour AS metric_timestamp, 'queries' AS metric_name, COUNT(*)::FLOAT AS metric_value
FROM hourly
GROUP BY hour
UNION ALL
SELECT hour AS metric_timestamp, 'mean_query_ms' AS metric_name, AVG(total_elapsed_time)::FLOAT AS metric_value
FROM hourly
GROUP BY hour
