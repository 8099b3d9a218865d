/** One point of a metric around an alert, for the message's table or plot. */
export interface AlertPoint {
  timestamp: Date;
  value: number | null;
  score: number | null;
}

/** An anomaly the alert job decided to notify about. */
export interface Alert {
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
}

/** A way of telling people about alerts (console, GitHub issues, Slack, email). */
export interface AlertChannel {
  readonly name: string;
  /** Delivers the alerts; throws when they could not be delivered so the run can retry them later. */
  send(alerts: readonly Alert[]): Promise<void>;
}
