-- The last 7 days of complete hours before the run's clock: the query parameter `now`, a DateTime64(3, 'UTC')
-- (`anomstack run --now` pins it). toStartOfHour cuts UTC hours because the clock is in UTC; timestamps come back
-- as UTC instants whatever the server's time zone.
SELECT
  toStartOfHour(event_time) AS metric_timestamp,
  event_type AS metric_name,
  toFloat64(count()) AS metric_value
FROM events
WHERE event_type IN ('page_view', 'signup')
  AND event_time >= toStartOfHour(toDateTime({now:DateTime64(3, 'UTC')}, 'UTC')) - INTERVAL 7 DAY
  AND event_time < toStartOfHour(toDateTime({now:DateTime64(3, 'UTC')}, 'UTC'))
GROUP BY metric_timestamp, metric_name
ORDER BY metric_name, metric_timestamp
