// Current weather for a few cities from the Open-Meteo forecast API (free, no key, no account).
// Needs the network: this batch is disabled in config.yaml, see there how to enable it.
//
// One request per city; each returns the latest 15-minute "current" values and their time, which becomes
// the metric timestamp, so a run within the same 15 minutes as the previous one stores nothing new.
// Data: Open-Meteo (https://open-meteo.com), CC BY 4.0.

const API = 'https://api.open-meteo.com/v1/forecast';
const TIMEOUT_MS = 15_000;

/** Cities to watch: metric names are `<variable>_<city key>`, e.g. `temperature_c_london`. */
const CITIES = {
  london: { latitude: 51.5072, longitude: -0.1276 },
  new_york: { latitude: 40.7128, longitude: -74.006 },
  tokyo: { latitude: 35.6762, longitude: 139.6503 },
  sydney: { latitude: -33.8688, longitude: 151.2093 },
};

/** Open-Meteo variable -> metric name prefix (units: °C, km/h, %). */
const VARIABLES = {
  temperature_2m: 'temperature_c',
  wind_speed_10m: 'wind_speed_kmh',
  relative_humidity_2m: 'humidity_pct',
};

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
 * Takes the usual `{ batch, config, now }` context but needs none of it: the API stamps its own values.
 * @returns {Promise<MetricRow[]>}
 */
export default async function ingest() {
  const perCity = await Promise.all(
    Object.entries(CITIES).map(async ([city, { latitude, longitude }]) => {
      const url = new URL(API);
      url.searchParams.set('latitude', String(latitude));
      url.searchParams.set('longitude', String(longitude));
      url.searchParams.set('current', Object.keys(VARIABLES).join(','));
      url.searchParams.set('timeformat', 'unixtime'); // current.time in epoch seconds (UTC)
      const data = await getJson(url.href);
      const current = data?.current;
      if (!current || typeof current.time !== 'number') {
        throw new Error(`Open-Meteo answered without "current" values for ${city}`);
      }
      const metric_timestamp = new Date(current.time * 1000);
      /** @type {MetricRow[]} */
      const rows = [];
      for (const [variable, prefix] of Object.entries(VARIABLES)) {
        const value = current[variable];
        if (typeof value === 'number' && Number.isFinite(value)) {
          rows.push({ metric_timestamp, metric_name: `${prefix}_${city}`, metric_value: value });
        }
      }
      return rows;
    }),
  );
  return perCity.flat();
}
