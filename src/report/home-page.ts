import { ANOMALY_KINDS, type MetricSeries, type SeriesEvent } from '../plots/series.ts';
import { ago, esc, isoMinute, num, page, sparkline } from './html.ts';
import { fileSafe } from '../artifacts/file-names.ts';

/** What the home page's card says about one batch. */
export interface BatchCard {
  batch: string;
  metrics: number;
  latestAt: number | null;
  meanScore: number | null;
  alerts: number;
  changes: number;
  llmAlerts: number;
  /** Share of feedback rows marking an alert as a true anomaly (value > 0), null without feedback. */
  feedbackPrecision: number | null;
  stale: boolean;
  state: 'ok' | 'disabled' | 'no data' | 'invalid config' | 'report failed';
}

/** A batch is stale when its newest point is older than three of its usual intervals (and over an hour). */
export function isStale(series: readonly MetricSeries[], now: Date): boolean {
  const latest = Math.max(...series.map((s) => s.t.at(-1) ?? -Infinity));
  if (!Number.isFinite(latest)) return false;
  const gaps = series.flatMap((s) => s.t.slice(1).map((t, i) => t - (s.t[i] ?? t))).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 3_600_000;
  return now.getTime() - latest > Math.max(3 * usual, 3_600_000);
}

export function batchCard(batch: string, series: readonly MetricSeries[], now: Date): BatchCard {
  const events = series.flatMap((s) => s.events);
  const scores = series.flatMap((s) => s.score.filter((x): x is number => x !== null));
  const feedback = events.filter((e) => e.kind === 'feedback');
  const latest = Math.max(...series.map((s) => s.t.at(-1) ?? -Infinity));
  return {
    batch,
    metrics: series.length,
    latestAt: Number.isFinite(latest) ? latest : null,
    meanScore: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    alerts: events.filter((e) => e.kind === 'alert' || e.kind === 'tholdalert').length,
    changes: events.filter((e) => e.kind === 'change').length,
    llmAlerts: events.filter((e) => e.kind === 'llmalert').length,
    feedbackPrecision: feedback.length > 0 ? feedback.filter((e) => e.value > 0).length / feedback.length : null,
    stale: isStale(series, now),
    state: series.length > 0 ? 'ok' : 'no data',
  };
}

/** Most alerts first, then the highest mean score: the batches to look at first lead. */
export function sortCards(cards: BatchCard[]): BatchCard[] {
  return cards.sort((a, b) => b.alerts - a.alerts || (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.batch.localeCompare(b.batch));
}

export function homePage(cards: readonly BatchCard[], now: Date): string {
  const items = cards.map((c) => {
    const link = c.state === 'ok' || c.state === 'no data' ? `<a href="batch/${esc(fileSafe(c.batch))}.html">${esc(c.batch)}</a>` : esc(c.batch);
    const latest = c.latestAt === null ? '–' : `${esc(ago(c.latestAt, now))}${c.stale ? ' <span class="stale">(stale)</span>' : ''}`;
    const row = (label: string, value: string): string => `<dt>${label}</dt><dd>${value}</dd>`;
    return `<li class="card" data-metric="${esc(c.batch)}"><h2>${link}</h2>
<dl>${row('state', esc(c.state))}${row('metrics', String(c.metrics))}${row('latest point', latest)}${row('mean score', num(c.meanScore, 2))}${row('alerts', c.alerts > 0 ? `<span class="bad">${c.alerts}</span>` : '0')}${row('changes', String(c.changes))}${row('LLM alerts', String(c.llmAlerts))}${row('feedback precision', c.feedbackPrecision === null ? '–' : `${num(c.feedbackPrecision * 100, 3)}%`)}</dl></li>`;
  });
  const stale = cards.filter((c) => c.stale).length;
  const intro = `<p>${cards.length} batches · ${cards.reduce((n, c) => n + c.alerts, 0)} alerts${stale > 0 ? ` · <span class="stale">${stale} stale</span>` : ''}. Sorted by alerts, then mean anomaly score.</p>`;
  const controls = '<div class="controls"><label>Search batches <input type="search" id="search" autocomplete="off"></label><span id="shown" aria-live="polite"></span></div>';
  return page({ title: 'Metric batches', root: '', current: 'home', now, body: `${intro}\n${controls}\n<ul class="cards">\n${items.join('\n')}\n</ul>\n<p id="no-match" hidden>No batch matches.</p>` });
}

export interface AnomalyItem {
  batch: string;
  metric: string;
  event: SeriesEvent;
  /** The metric's values leading up to the anomaly. */
  context: number[];
  /** Triage feedback on the episode this alert opened (+1 confirmed, -1 false positive), if any. */
  verdict?: SeriesEvent;
}

/** The anomalies of one batch's series with their lead-up, newest first. */
export function anomalyItems(series: readonly MetricSeries[], limit: number): AnomalyItem[] {
  const items: AnomalyItem[] = [];
  for (const s of series) {
    for (const event of s.events) {
      if (!ANOMALY_KINDS.includes(event.kind)) continue;
      let end = s.t.length;
      while (end > 0 && (s.t[end - 1] ?? 0) > event.t) end--;
      // A verdict is stored at its episode's first alert (see the alert job): it triages that alert.
      const verdict = s.events.find((e) => e.kind === 'feedback' && e.t === event.t);
      items.push({ batch: s.batch, metric: s.metric, event, context: s.value.slice(Math.max(0, end - 48), end), ...(verdict ? { verdict } : {}) });
    }
  }
  return items.sort((a, b) => b.event.t - a.event.t).slice(0, limit);
}

export function anomaliesPage(items: readonly AnomalyItem[], now: Date): string {
  const rows = items.map((item) => {
    const meta = item.event.metadata ?? {};
    // The score that crossed the threshold (an anomaly row keeps the point's own as `score`).
    const crossed = typeof meta['smoothed_score'] === 'number' ? meta['smoothed_score'] : meta['score'];
    const score = typeof crossed === 'number' ? crossed : item.event.kind === 'alert' ? item.event.value : null;
    const silenced = silencedText(meta['silenced']);
    const verdictMeta = item.verdict?.metadata ?? {};
    const issue = stringField(meta, ['issue_url', 'html_url']) ?? stringField(verdictMeta, ['source']);
    const triage = item.verdict ? (item.verdict.value > 0 ? 'confirmed' : 'false positive') : stringField(meta, ['triage', 'triage_state', 'issue_state']);
    const explanation = stringField(meta, ['explanation', 'llm_explanation', 'insight']);
    const severity = stringField(meta, ['severity']);
    const anchor = `batch/${fileSafe(item.batch)}.html#m-${fileSafe(item.metric)}`;
    return `<tr data-metric="${esc(`${item.batch} ${item.metric}`)}"><td>${esc(isoMinute(item.event.t))}</td><td>${esc(item.batch)}</td><td><a href="${esc(anchor)}">${esc(item.metric)}</a></td><td>${esc(item.event.kind)}${severity ? ` <span class="severity">${esc(severity)}</span>` : ''}</td><td>${num(score, 2)}</td><td>${sparkline(item.context, `${item.metric} before the anomaly`, true)}</td><td>${explanation ? esc(explanation) : ''}</td><td>${issue && /^https:\/\//.test(issue) ? `<a href="${esc(issue)}">issue</a>` : ''}${triage ? ` ${esc(triage)}` : ''}${silenced ? ` <span class="silenced">${esc(silenced)}</span>` : ''}</td></tr>`;
  });
  const header = `<tr><th scope="col">time (UTC)</th><th scope="col">batch</th><th scope="col">metric</th><th scope="col">kind</th><th scope="col">score</th><th scope="col">lead-up</th><th scope="col">explanation</th><th scope="col">issue</th></tr>`;
  const controls = '<div class="controls"><label>Search metrics <input type="search" id="search" autocomplete="off"></label><span id="shown" aria-live="polite"></span></div>';
  const body = items.length === 0
    ? '<p>No anomalies yet.</p>'
    : `${controls}<table><caption>${items.length} newest anomalies</caption><thead>${header}</thead><tbody>\n${rows.join('\n')}\n</tbody></table><p id="no-match" hidden>No anomaly matches.</p>`;
  return page({ title: 'Anomalies', root: '', current: 'anomalies', now, body });
}

/** "silenced (config: migration)" for an alert a silence kept from every channel (see src/alerts/silence.ts). */
function silencedText(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { reason, source } = value as Record<string, unknown>;
  return `silenced (${typeof source === 'string' ? `${source}: ` : ''}${typeof reason === 'string' ? reason : 'no reason given'})`;
}

function stringField(meta: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) if (typeof meta[key] === 'string' && meta[key] !== '') return meta[key];
  return null;
}

