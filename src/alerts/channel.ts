import type { Direction, ExpectedRange } from '../models/expected-range.ts';
import type { Silence } from './silence.ts';

/** One point of a metric around an alert, for the message's table or plot. */
export interface AlertPoint {
  timestamp: Date;
  value: number | null;
  score: number | null;
}

/** What raised an alert: the alert job (anomaly score), the change job, the tholdalert job, or the llmalert job. */
export const ALERT_KINDS = ['anomaly', 'change', 'threshold', 'llm'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** The row type each kind of alert is recorded as (and drawn as, on the charts). */
export const ALERT_ROW_TYPE = { anomaly: 'alert', change: 'change', threshold: 'tholdalert', llm: 'llmalert' } as const satisfies Record<AlertKind, string>;

/** The alert kind a recorded row stands for; undefined for rows that are not alerts. */
export function alertKindOfRow(type: string): AlertKind | undefined {
  return ALERT_KINDS.find((kind) => ALERT_ROW_TYPE[kind] === type);
}

/** Something a job decided to notify about: an anomaly, a change, or a crossed threshold. */
export interface Alert {
  kind: AlertKind;
  batch: string;
  metric: string;
  timestamp: Date;
  value: number | null;
  /** The point's own score (for anomalies: the models' verdict on this point alone). */
  score: number;
  /** The score that crossed the threshold (for anomalies: the stored score, the mean over `alert_smooth_n` points). */
  smoothedScore: number;
  /** An anomaly whose own score alerted at once, its value far outside the expected range (`alert_extreme_ratio`). */
  extreme?: boolean;
  threshold: number;
  tags: Record<string, string | number | boolean>;
  /** Recent history, oldest first (up to `alert_max_n` points). */
  recent: AlertPoint[];
  /** What happened, in words, for kinds that need them: "changed level (up)", "crossed its upper threshold 100". */
  detail?: string;
  /** The LLM's reasoning, for `llm` alerts (the model's own words: shown, never trusted as markup). */
  explanation?: string;
  /** What the value was expected to be (anomaly alerts): said as "above the expected range 80–120 by 35". */
  expected?: ExpectedRange;
  /** Which side of what was expected the value lies on: anomalies (their expected range), changes, threshold crossings. */
  direction?: Direction;
  /** How severe (`alert_severity`), set by the pipeline's severity stage before the alert is silenced or routed. */
  severity?: Severity;
  /**
   * The pipeline's LLM stage: a short explanation of the alert from its metric's history (the model's own words:
   * shown, never trusted as markup). Absent when no LLM is configured or it did not answer in time.
   */
  insight?: string;
  /** The batch keeps its values private (`publish_values: false`): the alert carries none, and says so. */
  valuesHidden?: boolean;
  /** What the deciding job records about its decision: the alert row's metadata (the pipeline adds its own). */
  details?: Record<string, unknown>;
}

/** An alert's severity level (a name of `alert_severity`) and where it stands among the levels. */
export interface Severity {
  level: string;
  /** 0 for the lowest level. */
  rank: number;
  /** How many levels there are. */
  levels: number;
}

/** What tells one alert from another: its batch, metric, kind and time. */
export type AlertIdentity = Pick<Alert, 'batch' | 'metric' | 'kind' | 'timestamp'>;

/** A key for maps of alerts (receipts, deliveries). */
export function alertIdentity(alert: AlertIdentity): string {
  return JSON.stringify([alert.batch, alert.metric, alert.kind, alert.timestamp.getTime()]);
}

/** How a metric stands after the run's scoring, for channels that keep one thread per episode and close it on recovery. */
export interface MetricStatus {
  batch: string;
  metric: string;
  kind: AlertKind;
  /** Newest points in a row that did not alert. */
  normalStreak: number;
  /** The streak reached the batch's `issue_close_after_n`: the episode is over. */
  recovered: boolean;
}

/** Someone's verdict on an alert, read from a channel (a GitHub issue's labels), kept as a feedback row. */
export interface AlertFeedback {
  batch: string;
  metric: string;
  kind: AlertKind;
  /** The episode's first alert: the feedback row's timestamp, so the same verdict is stored once. */
  timestamp: Date;
  verdict: 'thumbsup' | 'thumbsdown';
  /** Where the verdict was given, e.g. the URL. */
  source: string;
}

/** A way of telling people about alerts (console, GitHub issues, Slack, email). */
export interface AlertChannel {
  readonly name: string;
  /** Delivers the alerts; throws when they could not be delivered so the run can retry them later. */
  send(alerts: readonly Alert[]): Promise<void>;
  /** Where a sent alert can be followed up (its GitHub issue's URL), recorded with the alert; null if nowhere. */
  deliveredTo?(alert: Pick<Alert, 'batch' | 'metric' | 'kind'>): string | null;
  /**
   * The message this run delivered the alert in (Slack's `channel/ts`, an email's Message-ID), recorded with the
   * alert row under `metadata.delivered`; null when the channel did not deliver it in this run.
   */
  receipt?(alert: AlertIdentity): string | null;
  /**
   * For channels with a lifecycle (GitHub issues): closes what recovered, and returns the feedback people gave.
   * The alert job calls it after deciding alerts, with every metric it looked at.
   */
  reconcile?(statuses: readonly MetricStatus[]): Promise<AlertFeedback[]>;
  /** Silences people set on this channel (GitHub's `snooze` labels): they mute the batch's alerts on every channel. */
  silences?(): Promise<Silence[]>;
}
