import { CronExpressionParser } from 'cron-parser';
import type { BatchConfig, Job } from '../config/schema.ts';

/** The job's `<job>_cron_schedule`; the alert job also answers to Anomstack's spelling, `alerts_cron_schedule`. */
export function cronSchedule(config: BatchConfig, job: Job): string | undefined {
  return config[`${job}_cron_schedule`] ?? (job === 'alert' ? config.alerts_cron_schedule : undefined);
}

/** The latest time at or before `now` when the cron expression fires (UTC). */
export function lastFire(expression: string, now: Date): Date {
  // prev() is strictly before currentDate; one millisecond later makes a tick exactly at `now` count.
  const interval = CronExpressionParser.parse(expression, { currentDate: new Date(now.getTime() + 1), tz: 'UTC' });
  return interval.prev().toDate();
}

export type Due = { due: true; reason: string } | { due: false; reason: string };

/**
 * Whether a job is due at `now`: the workflow's own cron is the tick, the batch's cron says which ticks
 * the job wants. A job is due when it has not run since its schedule last fired, so a job that missed
 * several ticks (a paused workflow, GitHub's delayed schedules) runs once, not once per missed tick.
 */
export function isDue(config: BatchConfig, job: Job, lastRun: Date | null, now: Date): Due {
  const expression = cronSchedule(config, job);
  if (!expression) return { due: true, reason: 'no schedule: runs on every tick' };
  if (!lastRun) return { due: true, reason: 'never ran' };
  const fired = lastFire(expression, now);
  return fired > lastRun
    ? { due: true, reason: `"${expression}" fired at ${fired.toISOString()}, last run ${lastRun.toISOString()}` }
    : { due: false, reason: `next after "${expression}" fires; last run ${lastRun.toISOString()}` };
}
