// Scores of the current Hacker News top stories, from the official Firebase API (public, no key).
// Needs the network: this batch is disabled in config.yaml, see there how to enable it.
//
// Metrics (one point per run, stamped with the run's hour):
//   hn_top10_min_score, hn_top10_max_score, hn_top10_avg_score  over the top 10 stories
//   hn_top10_over_100_count                                      how many of those have more than 100 points

const API = 'https://hacker-news.firebaseio.com/v0';
const TOP_N = 10;
const THRESHOLD = 100;
const TIMEOUT_MS = 15_000;
const HOUR_MS = 3_600_000;

/**
 * @typedef {object} MetricRow
 * @property {Date} metric_timestamp
 * @property {string} metric_name
 * @property {number} metric_value
 */

/** GETs a URL and parses its JSON body; throws a clear Error on a timeout or a non-2xx status. */
async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`GET ${url} failed: HTTP ${response.status} ${response.statusText} ${body}`.trim());
  }
  return response.json();
}

/**
 * @param {{ batch: string, config: Record<string, unknown>, now: Date }} ctx
 * @returns {Promise<MetricRow[]>}
 */
export default async function ingest(ctx) {
  // A snapshot has no time of its own: stamp it with the run's hour, so a second run in the same hour
  // adds nothing (already stored) instead of a near-duplicate point.
  const nowMs = new Date(ctx?.now ?? Date.now()).getTime();
  const metric_timestamp = new Date(Math.floor(nowMs / HOUR_MS) * HOUR_MS);

  const ids = await getJson(`${API}/topstories.json`);
  if (!Array.isArray(ids) || ids.length === 0) throw new Error('Hacker News returned no top stories');
  const items = await Promise.all(ids.slice(0, TOP_N).map((id) => getJson(`${API}/item/${id}.json`)));
  const scores = items.map((item) => item?.score).filter((s) => typeof s === 'number' && Number.isFinite(s));
  if (scores.length === 0) throw new Error('Hacker News top stories came back without scores');

  /** @type {Record<string, number>} */
  const metrics = {
    hn_top10_min_score: Math.min(...scores),
    hn_top10_max_score: Math.max(...scores),
    hn_top10_avg_score: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100,
    hn_top10_over_100_count: scores.filter((s) => s > THRESHOLD).length,
  };
  return Object.entries(metrics).map(([metric_name, metric_value]) => ({ metric_timestamp, metric_name, metric_value }));
}
