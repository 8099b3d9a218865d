// Stars, forks and open issues of a few well-known repositories, from the GitHub REST API
// (GET /repos/{owner}/{repo}). Needs the network: this batch is disabled in config.yaml, see there
// how to enable it.
//
// Works without a token (60 requests an hour per IP); if GITHUB_TOKEN is set it is sent as a bearer
// token (5,000 an hour; in a workflow pass `env: GITHUB_TOKEN: ${{ github.token }}`). Public data only,
// so the token needs no scopes.
// Metric names are `<owner>_<repo>_<stars|forks|open_issues>`, lower-cased, e.g. `duckdb_duckdb_stars`.

const API = 'https://api.github.com';
const TIMEOUT_MS = 15_000;
const HOUR_MS = 3_600_000;

/** Repositories to watch, as owner/name. */
const REPOS = ['duckdb/duckdb', 'nodejs/node', 'microsoft/TypeScript', 'andrewm4894/anomstack'];

/**
 * @typedef {object} MetricRow
 * @property {Date} metric_timestamp
 * @property {string} metric_name
 * @property {number} metric_value
 */

/** GETs a URL and parses its JSON body; throws a clear Error on a timeout or a non-2xx status. */
async function getJson(url, headers) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) {
    const body = (await response.text().catch(() => '')).slice(0, 300);
    const hint = response.status === 403 || response.status === 429 ? ' (rate limited? set GITHUB_TOKEN)' : '';
    throw new Error(`GET ${url} failed: HTTP ${response.status} ${response.statusText}${hint} ${body}`.trim());
  }
  return response.json();
}

/** `microsoft/TypeScript` -> `microsoft_typescript` */
const metricPrefix = (repo) => repo.toLowerCase().replace(/[^a-z0-9]+/g, '_');

/**
 * @param {{ batch: string, config: Record<string, unknown>, now: Date }} ctx
 * @returns {Promise<MetricRow[]>}
 */
export default async function ingest(ctx) {
  // A snapshot has no time of its own: stamp it with the run's hour, so a second run in the same hour
  // adds nothing (already stored).
  const nowMs = new Date(ctx?.now ?? Date.now()).getTime();
  const metric_timestamp = new Date(Math.floor(nowMs / HOUR_MS) * HOUR_MS);

  /** @type {Record<string, string>} */
  const headers = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
    'User-Agent': 'anomstack-action-example',
  };
  const token = process.env.GITHUB_TOKEN;
  if (token) headers.Authorization = `Bearer ${token}`;

  const perRepo = await Promise.all(
    REPOS.map(async (repo) => {
      const data = await getJson(`${API}/repos/${repo}`, headers);
      const prefix = metricPrefix(repo);
      const fields = { stars: data?.stargazers_count, forks: data?.forks_count, open_issues: data?.open_issues_count };
      /** @type {MetricRow[]} */
      const rows = [];
      for (const [field, value] of Object.entries(fields)) {
        if (typeof value !== 'number') throw new Error(`GitHub answered without ${field} for ${repo}`);
        rows.push({ metric_timestamp, metric_name: `${prefix}_${field}`, metric_value: value });
      }
      return rows;
    }),
  );
  return perRepo.flat();
}
