"""Simulated metrics of a job queue, one point an hour for the last 80 hours.

The pipeline runs this file in a python3 child process and calls ingest(), passing the arguments it names:
`config` (the batch's settings, a dict), `now` (the run's clock, a timezone-aware datetime) and `batch` (its
name). Anomstack's own functions take no arguments, and that works too. It may return a pandas DataFrame or,
as here, a list of dicts with metric_timestamp, metric_name and metric_value.

Each value depends only on its timestamp (a seeded random generator), so a point returned again on a later run
has the same value. The anomaly is keyed on the distance from `now`, so it is always at the newest points:
queue_depth jumps over the newest 4 hours (the alert needs alert_smooth_n = 3 high scores in a row).
"""

import math
import random
from datetime import timedelta

POINTS = 80
SPIKE_POINTS = 4


def value(metric, when, base, swing):
    """A daily pattern plus bounded noise, the same for the same (metric, hour) on every run."""
    noise = random.Random(f"{metric}@{when.isoformat()}").uniform(-1, 1)
    return base + swing * math.sin(2 * math.pi * when.hour / 24) + 0.2 * swing * noise


def ingest(now, config):
    end = now.replace(minute=0, second=0, microsecond=0)
    print(f"{config['metric_batch']}: {POINTS} hours up to {end.isoformat()}")  # goes to the run's log
    rows = []
    for i in range(POINTS - 1, -1, -1):
        when = end - timedelta(hours=i)
        depth = value("queue_depth", when, 40, 10) + (120 if i < SPIKE_POINTS else 0)
        rows.append({"metric_timestamp": when, "metric_name": "queue_depth", "metric_value": round(depth, 2)})
        jobs = value("jobs_per_hour", when, 500, 80)
        rows.append({"metric_timestamp": when, "metric_name": "jobs_per_hour", "metric_value": round(jobs, 1)})
    return rows
