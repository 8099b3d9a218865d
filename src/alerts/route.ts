/**
 * The route stage (`alert_routes`), as Alertmanager routes: an alert walks the routes in order; each route whose
 * `match` holds sends it to the route's methods (and recipients), and the walk stops there unless the route says
 * `continue: true`. An alert no route takes goes to the job's own methods (`alert_methods`, `tholdalert_methods`).
 */
import type { AlertMethod, AlertRoute, RouteMatch } from '../config/alert-keys.ts';
import { matchesPattern } from '../config/metric-pattern.ts';
import type { Alert } from './channel.ts';

/** Where alerts go: a method, and the recipients a route names instead of the method's own settings. */
export interface Receiver {
  method: AlertMethod;
  /** `slack`, or `slack:#oncall` / `email:oncall@example.com` when a route names its recipients: the delivery key. */
  name: string;
  slackChannel?: string;
  emailTo?: readonly string[];
}

/** The receivers a route sends to, one per method. */
export function routeReceivers(route: AlertRoute): Receiver[] {
  return route.methods.map((method) => {
    if (method === 'slack' && route.slack_channel) return { method, name: `slack:${route.slack_channel}`, slackChannel: route.slack_channel };
    if (method === 'email' && route.email_to) return { method, name: `email:${route.email_to.join(',')}`, emailTo: route.email_to };
    return { method, name: method };
  });
}

/** Every receiver of the routes, each once (to build their channels). */
export function allReceivers(routes: readonly AlertRoute[]): Receiver[] {
  const byName = new Map<string, Receiver>();
  for (const route of routes) for (const receiver of routeReceivers(route)) byName.set(receiver.name, receiver);
  return [...byName.values()];
}

/** Whether every condition of the match holds for the alert (an empty match takes every alert). */
export function routeMatches(alert: Alert, match: RouteMatch): boolean {
  if (match.kind && !match.kind.includes(alert.kind)) return false;
  if (match.severity && !(alert.severity && match.severity.includes(alert.severity.level))) return false;
  if (match.direction && alert.direction !== match.direction) return false;
  if (match.metric && !match.metric.some((pattern) => matchesPattern(alert.metric, pattern))) return false;
  for (const [tag, wanted] of Object.entries(match.tags ?? {})) {
    const value = alert.tags[tag];
    if (value === undefined || !wanted.some((w) => String(w) === String(value))) return false;
  }
  return true;
}

/** The names of the receivers an alert goes to: the routes that take it, else `defaults` (the job's methods). */
export function receiversOf(alert: Alert, routes: readonly AlertRoute[], defaults: readonly string[]): string[] {
  const names = new Set<string>();
  let routed = false;
  for (const route of routes) {
    if (!routeMatches(alert, route.match)) continue;
    routed = true;
    for (const receiver of routeReceivers(route)) names.add(receiver.name);
    if (!route.continue) break;
  }
  return routed ? [...names] : [...defaults];
}
