import { createHash } from 'node:crypto';
import { ALERT_KINDS, type AlertKind } from './channel.ts';

/**
 * What the channel keeps in a hidden HTML comment at the top of each issue it opens: which anomaly episode the
 * issue is (the fingerprint) and how far it has been told about it. The body is the channel's only memory of an
 * issue, so a re-run that finds `last` at or after an alert's time knows the alert was already delivered.
 */
export interface EpisodeMarker {
  fingerprint: string;
  batch: string;
  metric: string;
  kind: AlertKind;
  /** Time of the episode's first alert (the title's time, and the timestamp of feedback rows). */
  first: string;
  /** Time of the newest alert delivered to the issue. */
  last: string;
  /** Alerts delivered to the issue. */
  alerts: number;
}

const EPISODE = /<!-- anomstack-episode (\{.*?\}) -->/;
const ALERT_COMMENT = /<!-- anomstack-alert (\{.*?\}) -->/;
export const DIGEST_MARKER = '<!-- anomstack-digest -->';

/** Same batch, metric and kind: the same series of issues. Short, stable, and free of characters labels or URLs mind. */
export function fingerprint(batch: string, metric: string, kind: AlertKind): string {
  return createHash('sha256').update(`${batch}\u0000${metric}\u0000${kind}`).digest('hex').slice(0, 16);
}

export function renderEpisodeMarker(marker: EpisodeMarker): string {
  return `<!-- anomstack-episode ${safeJson(marker)} -->`;
}

/** The marker in an issue body, or null when there is none or it was edited into something else. */
export function parseEpisodeMarker(body: string): EpisodeMarker | null {
  const json = parseJson(EPISODE.exec(body)?.[1]);
  if (!json) return null;
  const { fingerprint: fp, batch, metric, kind, first, last, alerts } = json;
  if (typeof fp !== 'string' || typeof batch !== 'string' || typeof metric !== 'string' || typeof first !== 'string' || typeof last !== 'string') return null;
  if (!(ALERT_KINDS as readonly unknown[]).includes(kind) || typeof alerts !== 'number') return null;
  // A marker whose fingerprint does not match its own fields was hand-made or copied: not ours to trust.
  if (fp !== fingerprint(batch, metric, kind as AlertKind)) return null;
  return { fingerprint: fp, batch, metric, kind: kind as AlertKind, first, last, alerts };
}

/** Marks a comment as the delivery of one alert, so a comment whose create failed mid-flight can be found again. */
export function renderAlertCommentMarker(fp: string, at: string): string {
  return `<!-- anomstack-alert ${safeJson({ fingerprint: fp, at })} -->`;
}

export function isAlertComment(body: string, fp: string, at: string): boolean {
  const json = parseJson(ALERT_COMMENT.exec(body)?.[1]);
  return json?.['fingerprint'] === fp && json['at'] === at;
}

/** JSON that cannot end the HTML comment it sits in. */
function safeJson(value: object): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/--/g, '-\\u002d');
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
