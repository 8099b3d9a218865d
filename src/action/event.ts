/**
 * What triggered the workflow decides whether schedules apply: on a `schedule` tick (and pushes) each
 * batch's cron keys say which jobs are due; `workflow_dispatch` and `repository_dispatch` are people or
 * systems asking for a run now, so they force it, and a `repository_dispatch` may name the batches in its
 * `client_payload` (`{"batches": ["orders"]}` or `{"batch": "orders"}`).
 */
import { readFileSync } from 'node:fs';

export interface Trigger {
  event: string;
  respectSchedules: boolean;
  /** Batches the event asked for; empty when it named none. */
  batches: string[];
}

export function readTrigger(env: NodeJS.ProcessEnv = process.env): Trigger {
  const event = env['GITHUB_EVENT_NAME'] ?? '';
  const forced = event === 'workflow_dispatch' || event === 'repository_dispatch';
  return { event, respectSchedules: !forced, batches: event === 'repository_dispatch' ? payloadBatches(env['GITHUB_EVENT_PATH']) : [] };
}

function payloadBatches(eventPath: string | undefined): string[] {
  if (!eventPath) return [];
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the repository_dispatch event at ${eventPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const client = isRecord(payload) && isRecord(payload['client_payload']) ? payload['client_payload'] : {};
  const named = client['batches'] ?? client['batch'] ?? [];
  const list = typeof named === 'string' ? named.split(/[\s,]+/) : Array.isArray(named) ? named : [];
  if (!list.every((b): b is string => typeof b === 'string')) {
    throw new Error('repository_dispatch client_payload.batches must be a batch name or a list of batch names');
  }
  return list.filter((b) => b !== '' && b !== 'all');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event payload the runner wrote (GITHUB_EVENT_PATH), or null when there is none or it cannot be read. */
export function eventPayload(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> | null {
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (!eventPath) return null;
  try {
    const payload: unknown = JSON.parse(readFileSync(eventPath, 'utf8'));
    return isRecord(payload) ? payload : null;
  } catch {
    return null;
  }
}
