/**
 * The severity stage: each alert gets a level of `alert_severity` by its score's band. Anomalies are judged by the
 * score the alert rule judged (an extreme point's own score, else the stored score); threshold alerts take the
 * level their metric names, if any; every other alert takes the lowest level.
 */
import type { Alert, Severity } from './channel.ts';

/** The levels, lowest first, each with the score it starts at. */
export type SeverityBands = readonly { level: string; from: number }[];

export function severityBands(levels: Readonly<Record<string, number>>): SeverityBands {
  return Object.entries(levels)
    .map(([level, from]) => ({ level, from }))
    .sort((a, b) => a.from - b.from);
}

/** The severity of an anomaly scored `score`: the highest band it reaches, the lowest when it reaches none. */
export function severityOfScore(score: number, bands: SeverityBands): Severity {
  let rank = 0;
  for (const [index, band] of bands.entries()) if (score >= band.from) rank = index;
  return { level: bands[rank]?.level ?? 'warning', rank, levels: bands.length };
}

export function severityNamed(level: string, bands: SeverityBands): Severity | undefined {
  const rank = bands.findIndex((b) => b.level === level);
  return rank < 0 ? undefined : { level, rank, levels: bands.length };
}

/**
 * Each alert with its severity: one it already carries (a threshold alert's own) is kept. `thresholdLevels` are the
 * levels `tholdalert_thresholds` names per metric.
 */
export function withSeverity(alerts: readonly Alert[], bands: SeverityBands, thresholdLevels: Readonly<Record<string, string | undefined>> = {}): Alert[] {
  return alerts.map((alert) => {
    if (alert.severity) return alert;
    return { ...alert, severity: severityOf(alert, bands, thresholdLevels) };
  });
}

function severityOf(alert: Alert, bands: SeverityBands, thresholdLevels: Readonly<Record<string, string | undefined>>): Severity {
  const lowest = severityOfScore(-Infinity, bands);
  if (alert.kind === 'anomaly') return severityOfScore(alert.extreme ? alert.score : alert.smoothedScore, bands);
  if (alert.kind === 'threshold') {
    const named = thresholdLevels[alert.metric];
    return (named ? severityNamed(named, bands) : undefined) ?? lowest;
  }
  return lowest;
}

/** The highest severity among the alerts (by rank, the newest among equals); undefined when none carries one. */
export function highestSeverity(alerts: readonly Pick<Alert, 'severity'>[]): Severity | undefined {
  let top: Severity | undefined;
  for (const { severity } of alerts) if (severity && (!top || severity.rank >= top.rank)) top = severity;
  return top;
}

/** Colours of the common level names, then by rank: the top level red, the others amber. */
const NAMED_COLOURS: Record<string, string> = {
  critical: '#E01E5A', error: '#E01E5A', high: '#E01E5A', page: '#E01E5A',
  warning: '#ECB22E', warn: '#ECB22E', medium: '#ECB22E',
  info: '#36C5F0', low: '#36C5F0', notice: '#36C5F0',
};

/** The colour a channel gives the severity (Slack's bar, Discord's embed, Teams' accent), as `#RRGGBB`. */
export function severityColour(severity: Severity | undefined): string {
  if (!severity) return '#ECB22E';
  return NAMED_COLOURS[severity.level] ?? (severity.levels > 1 && severity.rank === severity.levels - 1 ? '#E01E5A' : '#ECB22E');
}

/** Whether the level is the batch's top one, for channels with only a few styles (Teams: attention or warning). */
export function isTopSeverity(severity: Severity | undefined): boolean {
  return severity !== undefined && severity.levels > 1 && severity.rank === severity.levels - 1;
}
