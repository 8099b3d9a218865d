/**
 * The deliver stage: each channel gets the alerts it has not delivered yet (the job's new alerts, and those earlier
 * runs could not get through to it), one message group at a time, and its outcome is recorded on its own. A channel
 * that fails does not hold back the others, never makes them send twice, and is retried alone on the next run.
 */
import type { DuckDb } from '../store/duckdb.ts';
import { Deliveries, deliveryId, type DeliveryKey, type DeliveryOutcome, type PendingDelivery } from '../store/deliveries.ts';
import { ALERT_ROW_TYPE, type Alert, type AlertChannel, type AlertKind } from './channel.ts';
import { groupAlerts } from './message.ts';

/** How long an alert a channel could not deliver is retried; older ones are given up with a warning. */
export const RETRY_FOR_MS = 86_400_000;

export interface DeliverOptions {
  db: DuckDb;
  batch: string;
  channels: readonly AlertChannel[];
  /** One message per batch run and channel listing every alert (a digest), or one per metric (`alert_group_by`). */
  groupBy: 'batch' | 'metric';
  /** The kinds of alert the calling job raises: its pending retries are those of these kinds. */
  kinds: readonly AlertKind[];
  /** The job's new alerts (those to deliver: the silence stage has taken out the silenced ones). */
  alerts: readonly Alert[];
  /** Whether the route stage sends the alert to the channel (see route.ts); every channel takes every alert when absent. */
  routeTo?: (alert: Alert, channel: string) => boolean;
  /** Whether an alert is silenced now: earlier undelivered alerts are not retried while it is. */
  isSilenced?: (alert: Alert) => boolean;
  now: Date;
  /** A metric's recent points, for an alert retried from the store (they are not kept with it). */
  recentOf: (metric: string) => Promise<Alert['recent']>;
  warn: (message: string) => void;
}

/** Delivers and records; returns one line per channel that failed (empty when every channel delivered). */
export async function deliverAlerts(options: DeliverOptions): Promise<string[]> {
  const { channels, now } = options;
  const deliveries = new Deliveries(options.db);
  const receipts = await deliveries.deliveredChannels(options.alerts.map(keyOf));
  const retries = await retriesByChannel(options, deliveries);
  const failures: string[] = [];
  for (const channel of channels) {
    const fresh = options.alerts.filter((a) => (options.routeTo?.(a, channel.name) ?? true) && !receipts.get(deliveryId(keyOf(a)))?.has(channel.name));
    const queued = new Map<string, Alert>();
    const retried = (retries.get(channel.name) ?? []).filter((alert) => !options.isSilenced?.(alert));
    for (const alert of [...retried, ...fresh]) queued.set(deliveryId(keyOf(alert)), alert);
    if (queued.size === 0) continue;
    const failure = await deliverTo(channel, [...queued.values()], options.groupBy, deliveries, now);
    if (!failure) continue;
    // The channels' own errors mostly start with their name already.
    failures.push(failure.error.startsWith(`${channel.name}:`) ? failure.error : `${channel.name}: ${failure.error}`);
    options.warn(`${options.batch}: ${channel.name} did not deliver ${failure.undelivered} alert(s) (${failure.error}); the next run retries them there, the other channels are not affected`);
  }
  return failures;
}

/**
 * Sends a channel its alerts a message at a time: all of them at once (a digest), or one metric's alerts of one kind
 * per message. After a message fails the rest are not tried this run (a channel that is down would cost its time
 * limit again for each): all of them are kept pending.
 */
async function deliverTo(
  channel: AlertChannel,
  alerts: readonly Alert[],
  groupBy: DeliverOptions['groupBy'],
  deliveries: Deliveries,
  now: Date,
): Promise<{ error: string; undelivered: number } | null> {
  const messages = groupBy === 'metric' ? groupAlerts(alerts).map((g) => g.alerts) : [[...alerts]];
  for (const [index, message] of messages.entries()) {
    try {
      await channel.send(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const left = messages.slice(index).flat();
      await deliveries.record(channel.name, left.map((a) => ({ key: keyOf(a), outcome: pending(a, text) })), now);
      return { error: text, undelivered: left.length };
    }
    await deliveries.record(channel.name, message.map((a) => ({ key: keyOf(a), outcome: { status: 'delivered' } })), now);
  }
  return null;
}

/**
 * Each channel's alerts to send again, rebuilt from the store. Those retried for longer than RETRY_FOR_MS, or whose
 * channel the batch no longer sends to, are given up (recorded as abandoned, with a warning).
 */
async function retriesByChannel(options: DeliverOptions, deliveries: Deliveries): Promise<Map<string, Alert[]>> {
  const types = options.kinds.map((kind) => ALERT_ROW_TYPE[kind]);
  const byChannel = new Map<string, Alert[]>();
  const abandoned = new Map<string, { key: DeliveryKey; outcome: DeliveryOutcome }[]>();
  const giveUp = (entry: PendingDelivery, error: string): void => {
    abandoned.set(entry.channel, [...(abandoned.get(entry.channel) ?? []), { key: entry, outcome: { status: 'abandoned', error } }]);
  };
  const names = new Set(options.channels.map((c) => c.name));
  const recent = new Map<string, Alert['recent']>();
  for (const entry of await deliveries.pending(options.batch, types)) {
    if (!names.has(entry.channel)) {
      giveUp(entry, 'the channel is no longer among the batch\'s alert methods');
      continue;
    }
    if (options.now.getTime() - entry.firstAttempt.getTime() > RETRY_FOR_MS) {
      giveUp(entry, `still undelivered a day after the first attempt (last error: ${entry.lastError})`);
      continue;
    }
    const alert = alertFromPayload(entry.payload);
    if (!alert) {
      giveUp(entry, 'the stored alert is unreadable');
      continue;
    }
    if (!recent.has(alert.metric)) recent.set(alert.metric, await options.recentOf(alert.metric));
    const points = recent.get(alert.metric) ?? [];
    // An alert stored without values (publish_values: false) is retried without them.
    const shown = alert.valuesHidden ? points.map((p) => ({ ...p, value: null })) : points;
    byChannel.set(entry.channel, [...(byChannel.get(entry.channel) ?? []), { ...alert, recent: shown }]);
  }
  for (const [channel, entries] of abandoned) {
    await deliveries.record(channel, entries, options.now);
    options.warn(`${options.batch}: gave up delivering ${entries.length} alert(s) to ${channel}: ${entries[0]?.outcome.status === 'abandoned' ? entries[0].outcome.error : ''}`);
  }
  return byChannel;
}

function keyOf(alert: Alert): DeliveryKey {
  return { batch: alert.batch, metric: alert.metric, type: ALERT_ROW_TYPE[alert.kind], timestamp: alert.timestamp };
}

function pending(alert: Alert, error: string): DeliveryOutcome {
  // The recent points are read again when the alert is retried: they may be many, and newer by then.
  return { status: 'pending', error, payload: JSON.stringify({ ...alert, recent: undefined }) };
}

/** An alert as `pending` stored it, without its recent points; null when it is not one. */
function alertFromPayload(payload: string): Omit<Alert, 'recent'> | null {
  try {
    const parsed = JSON.parse(payload) as Omit<Alert, 'recent' | 'timestamp'> & { timestamp: string };
    const timestamp = new Date(parsed.timestamp);
    if (typeof parsed.metric !== 'string' || typeof parsed.kind !== 'string' || !Number.isFinite(timestamp.getTime())) return null;
    return { ...parsed, timestamp };
  } catch {
    return null;
  }
}
