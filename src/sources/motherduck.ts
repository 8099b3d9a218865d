import { openDuckDbSourceAt } from './duckdb.ts';
import type { OpenSource, Source } from './source.ts';

/** The variable holding the MotherDuck token (a secret: never a batch key). */
export const MOTHERDUCK_TOKEN_VARIABLE = 'ANOMSTACK_MOTHERDUCK_TOKEN';

/**
 * A local DuckDB file opened instead of MotherDuck, through the same code: for tests and for trying a batch
 * offline. An environment variable only, so that a batch file kept in git cannot point a run elsewhere.
 */
export const MOTHERDUCK_LOCAL_OVERRIDE = 'ANOMSTACK_MOTHERDUCK_DATABASE_PATH';

/**
 * Runs a batch's SQL on MotherDuck: DuckDB opens `md:<motherduck_database>` (empty: the account's default
 * database), downloading its MotherDuck extension at run time, and the SQL runs there as on `db: duckdb`
 * (`getvariable('now')` is the run's clock).
 */
export const openMotherDuckSource: OpenSource = async (batch, now, env) => {
  const local = env[MOTHERDUCK_LOCAL_OVERRIDE];
  if (local !== undefined && local !== '') return openDuckDbSourceAt(local, batch, now);
  const token = env[MOTHERDUCK_TOKEN_VARIABLE];
  if (token === undefined || token === '') {
    throw new Error(`no MotherDuck token: set ${MOTHERDUCK_TOKEN_VARIABLE} (a token from the MotherDuck UI, under Settings)`);
  }
  const database = motherDuckDatabase(batch.config.motherduck_database, token);
  let source: Source;
  try {
    source = await openDuckDbSourceAt(database, batch, now);
  } catch (error) {
    throw withoutToken(error, token);
  }
  return {
    chunks: (size) => withoutTokenInErrors(source.chunks(size), token),
    cancel: () => source.cancel(),
    close: () => source.close(),
  };
};

/**
 * What DuckDB opens: `md:<name>?motherduck_token=<token>`. The token travels in the database string, as MotherDuck
 * documents, rather than in the process environment, where every child process of the run would see it; every
 * error that could quote the string has the token taken out.
 */
export function motherDuckDatabase(name: string | undefined, token: string): string {
  return `md:${name ?? ''}?motherduck_token=${encodeURIComponent(token)}`;
}

async function* withoutTokenInErrors<T>(chunks: AsyncIterable<T>, token: string): AsyncGenerator<T> {
  try {
    yield* chunks;
  } catch (error) {
    throw withoutToken(error, token);
  }
}

/** The error with every form of the token replaced by `***` (and without its cause, which may quote it). */
export function withoutToken(error: unknown, token: string): Error {
  let message = error instanceof Error ? error.message : String(error);
  for (const form of new Set([encodeURIComponent(token), token])) message = message.split(form).join('***');
  return new Error(message);
}
