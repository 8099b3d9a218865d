/**
 * The llmalert job's second pass (`llmalert_verify`), as Anomstack's anomaly agent does it: the points the first
 * question flags are candidates, and a second, different question asks the model to confirm or reject each against
 * the metric's history. Only confirmed points alert; rejected ones are recorded in the metric's `llmcheck` row
 * (`metadata.verify`), so they are visible and never asked about again.
 */
import { LlmError, type CandidateVerdict, type LlmClient, type PromptPoint } from '../llm/client.ts';
import { quoteIdentifier } from '../store/duckdb.ts';
import type { Point } from '../store/metrics-table.ts';
import type { JobContext } from './context.ts';
import { toTimestamp } from './ingest.ts';

/** A question stopped because the job's time for the run ran out: not a failure, the next run asks it. */
export const NOT_ASKED = 'not asked';

/** What the second pass decided about a metric's candidates. */
export interface Verification {
  confirmed: { point: Point; reason: string }[];
  rejected: { point: Point; reason: string }[];
}

/**
 * Runs a question within the job's budget: its answer, the LlmError when there is none, or NOT_ASKED when the budget
 * ran out (whatever the error then says, the budget stopped it).
 */
export async function withinBudget<T>(budget: AbortSignal, question: () => Promise<T>): Promise<T | LlmError | typeof NOT_ASKED> {
  try {
    return await question();
  } catch (error) {
    if (budget.aborted) return NOT_ASKED;
    return error instanceof LlmError ? error : new LlmError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

export interface Candidates {
  metric: string;
  /** The points the first question was sent, as it was sent them. */
  points: readonly PromptPoint[];
  /** The flagged points to verify, oldest first. */
  candidates: readonly Point[];
  /** The first answer's explanation. */
  detection: string;
}

/** Asks the second question about a metric's candidates; a candidate the answer does not mention is not confirmed. */
export async function verify(llm: LlmClient, ctx: JobContext, asked: Candidates, budget: AbortSignal): Promise<Verification | LlmError | typeof NOT_ASKED> {
  const config = ctx.batch.config;
  const answer = await withinBudget(budget, () => llm.verifyCandidates(
    {
      batch: ctx.batch.name,
      metric: asked.metric,
      points: asked.points,
      candidates: asked.candidates.map((p) => promptTimestamp(p.timestamp)),
      smoothN: config.llmalert_smooth_n,
      detection: asked.detection,
    },
    { timeoutMs: config.llmalert_timeout_s * 1000, signal: budget },
  ));
  if (answer === NOT_ASKED || answer instanceof LlmError) return answer;
  return judged(asked.candidates, answer.verdicts);
}

/** The candidates split by the answer's verdicts, matched by time (the model may write a time its own way). */
export function judged(candidates: readonly Point[], verdicts: readonly CandidateVerdict[]): Verification {
  const byTime = new Map<number, CandidateVerdict>();
  for (const verdict of verdicts) {
    const ms = toTimestamp(verdict.timestamp)?.getTime();
    if (ms !== undefined && !byTime.has(ms)) byTime.set(ms, verdict);
  }
  const result: Verification = { confirmed: [], rejected: [] };
  for (const point of candidates) {
    const verdict = byTime.get(point.timestamp.getTime());
    const entry = { point, reason: verdict?.reason.trim() || 'the verify answer gave no verdict on this point' };
    (verdict?.confirmed === true ? result.confirmed : result.rejected).push(entry);
  }
  return result;
}

/**
 * Times (ms) of the metric's candidates that an earlier run's second pass rejected, from `from` on: they are not
 * asked about again, and do not alert.
 */
export async function rejectedBefore(ctx: JobContext, metric: string, from: Date): Promise<Set<number>> {
  const { store } = ctx;
  await store.ensure();
  const rows = await store.db.all(
    `SELECT metadata FROM ${quoteIdentifier(store.table)}
     WHERE metric_batch = $batch AND metric_name = $metric AND metric_type = 'llmcheck' AND metric_timestamp >= epoch_ms($from::BIGINT)`,
    { batch: ctx.batch.name, metric, from: from.getTime() },
  );
  const times = new Set<number>();
  for (const row of rows) {
    for (const timestamp of rejectedTimestamps(row['metadata'])) {
      const ms = toTimestamp(timestamp)?.getTime();
      if (ms !== undefined) times.add(ms);
    }
  }
  return times;
}

function rejectedTimestamps(metadata: unknown): string[] {
  if (typeof metadata !== 'string') return [];
  try {
    const verify = (JSON.parse(metadata) as { verify?: { rejected?: unknown } }).verify;
    if (!verify || !Array.isArray(verify.rejected)) return [];
    return verify.rejected.flatMap((r: unknown) => (r && typeof r === 'object' && 'timestamp' in r && typeof r.timestamp === 'string' ? [r.timestamp] : []));
  } catch {
    return [];
  }
}

/** The second pass as the `llmcheck` row keeps it: which candidates it confirmed, which it rejected and why. */
export function verificationMetadata(verification: Verification): Record<string, unknown> {
  const entry = ({ point, reason }: { point: Point; reason: string }): { timestamp: string; reason: string } => ({ timestamp: promptTimestamp(point.timestamp), reason });
  return { confirmed: verification.confirmed.map(entry), rejected: verification.rejected.map(entry) };
}

/** How a time is written for the model, and read back from its answer. */
export function promptTimestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
