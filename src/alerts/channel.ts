/** One point of a metric around an alert, for the message's table or plot. */
export interface AlertPoint {
  timestamp: Date;
  value: number | null;
  score: number | null;
}

/** What raised an alert: the alert job (anomaly score), the change job, or the tholdalert job. */
export type AlertKind = 'anomaly' | 'change' | 'threshold';

/** Something a job decided to notify about: an anomaly, a change, or a crossed threshold. */
export interface Alert {
  kind: AlertKind;
  batch: string;
  metric: string;
  timestamp: Date;
  value: number | null;
  score: number;
  /** Mean of the last `alert_smooth_n` scores: what crossed the threshold. */
  smoothedScore: number;
  threshold: number;
  tags: Record<string, string | number | boolean>;
  /** Recent history, oldest first (up to `alert_max_n` points). */
  recent: AlertPoint[];
  /** What happened, in words, for kinds that need them: "changed level (up)", "crossed its upper threshold 100". */
  detail?: string;
}

/** A way of telling people about alerts (console, GitHub issues, Slack, email). */
export interface AlertChannel {
  readonly name: string;
  /** Delivers the alerts; throws when they could not be delivered so the run can retry them later. */
  send(alerts: readonly Alert[]): Promise<void>;
}
