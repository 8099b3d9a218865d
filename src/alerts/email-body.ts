/** HTML and text bodies of the email channel's messages. Inline styles only: mail clients drop style sheets. */
import { esc } from '../report/html.ts';
import { formatTime, recentRows, RECENT_ROWS, tagPairs } from './alert-text.ts';
import { alertedTimes, alertLines, recentTextTable, type AlertDigest, type AlertGroup } from './message.ts';
import {
  eventLine, jobsLine, NO_EVENTS, precisionLine, silentLine, summaryTitle, topRow, totalsLine, TOP_HEADER, type BatchSummary,
} from './summary-message.ts';

const CELL = 'padding:2px 8px;border-bottom:1px solid #ddd;text-align:right;font-variant-numeric:tabular-nums';
const HEAD = 'padding:2px 8px;border-bottom:2px solid #999;text-align:right';

function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], highlight: (row: number) => boolean = () => false): string {
  const th = header.map((h, c) => `<th style="${HEAD}${c === 0 ? ';text-align:left' : ''}">${esc(h)}</th>`).join('');
  const body = rows
    .map((r, i) => `<tr${highlight(i) ? ' style="background:#fde2e1;font-weight:bold"' : ''}>${r.map((cell, c) => `<td style="${CELL}${c === 0 ? ';text-align:left' : ''}">${esc(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table style="border-collapse:collapse;font-size:14px">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

function document(title: string, body: string): string {
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body style="font-family:Arial,Helvetica,sans-serif;color:#222">\n${body}\n<p style="color:#777;font-size:12px">Sent by anomstack</p>\n</body></html>\n`;
}

/** The group's alert lines as a list, or the batch's own words for it (alert_templates) as a paragraph. */
function linesHtml(group: AlertGroup): string {
  if (group.body !== undefined) return `<p style="white-space:pre-wrap">${esc(group.body)}</p>`;
  return `<ul>${alertLines(group).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
}

function linesText(group: AlertGroup): string[] {
  return group.body !== undefined ? [group.body] : alertLines(group).map((l) => `- ${l}`);
}

/** The alert email: title, what alerted, the plot (inline, by `plotCid`), the recent values and scores, the tags. */
export function alertHtml(group: AlertGroup, plotCid: string | null): string {
  const { newest } = group;
  const rows = recentRows(newest.recent, alertedTimes(group));
  const tags = tagPairs(newest.tags);
  return document(group.title, [
    `<h2 style="margin:0 0 8px">${esc(group.title)}</h2>`,
    `<p>batch <code>${esc(newest.batch)}</code> · metric <code>${esc(newest.metric)}</code></p>`,
    linesHtml(group),
    ...(plotCid ? [`<p><img src="cid:${esc(plotCid)}" alt="${esc(`${newest.metric}: recent values and anomaly scores`)}" style="max-width:100%;height:auto"></p>`] : []),
    `<p style="margin-bottom:4px">Last ${rows.length} points, newest first:</p>`,
    htmlTable(['time', 'value', 'score'], rows.map((r) => [r.time, r.value, r.score]), (i) => rows[i]?.alerted === true),
    ...(tags.length > 0 ? [`<p>Tags: ${tags.map((t) => `<code>${esc(t)}</code>`).join(' ')}</p>`] : []),
  ].join('\n'));
}

export function alertText(group: AlertGroup): string {
  const { newest } = group;
  const tags = tagPairs(newest.tags);
  return [
    group.title,
    '',
    `batch ${newest.batch} · metric ${newest.metric}`,
    ...linesText(group),
    '',
    `Last ${Math.min(RECENT_ROWS, newest.recent.length)} points, newest first:`,
    recentTextTable(group),
    ...(tags.length > 0 ? ['', `Tags: ${tags.join(' ')}`] : []),
    '',
    'The plot is attached.',
  ].join('\n');
}

/** A digest email: the title, then each metric's title, alert lines and plot (inline, by `plotCids`, in groups' order). */
export function digestHtml(digest: AlertDigest, plotCids: readonly (string | null)[]): string {
  return document(digest.title, [
    `<h2 style="margin:0 0 8px">${esc(digest.title)}</h2>`,
    ...digest.groups.map((group, i) => {
      const cid = plotCids[i];
      const tags = tagPairs(group.newest.tags);
      return [
        `<h3 style="margin:16px 0 4px">${esc(group.title)}</h3>`,
        linesHtml(group),
        ...(cid ? [`<p><img src="cid:${esc(cid)}" alt="${esc(`${group.newest.metric}: recent values and anomaly scores`)}" style="max-width:100%;height:auto"></p>`] : []),
        ...(tags.length > 0 ? [`<p>Tags: ${tags.map((t) => `<code>${esc(t)}</code>`).join(' ')}</p>`] : []),
      ].join('\n');
    }),
  ].join('\n'));
}

export function digestText(digest: AlertDigest): string {
  return [
    digest.title,
    ...digest.groups.flatMap((group) => ['', group.title, ...linesText(group)]),
    '',
    'The plots are attached.',
  ].join('\n');
}

export function summaryHtml(summary: BatchSummary): string {
  const title = summaryTitle(summary);
  const precision = precisionLine(summary);
  return document(title, [
    `<h2 style="margin:0 0 8px">${esc(title)}</h2>`,
    `<p>${esc(formatTime(summary.from))} to ${esc(formatTime(summary.to))}</p>`,
    `<p><strong>${esc(totalsLine(summary))}</strong></p>`,
    `<p>Jobs: ${esc(jobsLine(summary))}</p>`,
    ...(precision ? [`<p>${esc(precision)}</p>`] : []),
    summary.events.length > 0 ? `<h3>Alerts</h3>\n<ul>${summary.events.map((e) => `<li>${esc(eventLine(e))}</li>`).join('')}</ul>` : `<p>${NO_EVENTS}</p>`,
    ...(summary.top.length > 0 ? ['<h3>Top metrics by score</h3>', htmlTable(TOP_HEADER, summary.top.map(topRow))] : []),
    ...(summary.silent.length > 0 ? [`<p>${esc(silentLine(summary))}</p>`] : []),
  ].join('\n'));
}
