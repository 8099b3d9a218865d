/**
 * A Google credentials file (a service account key, or the external account file `google-github-actions/auth`
 * writes) from the environment, as the BigQuery source and the GCS store both read it: Anomstack's
 * `ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON` (the JSON itself) first, then the first of `fileVariables` that
 * names a file. Never echoed: a parse error would quote the text.
 */
import { readFile } from 'node:fs/promises';

export async function readGoogleKey(env: NodeJS.ProcessEnv, fileVariables: readonly string[]): Promise<Record<string, unknown> | undefined> {
  const inline = env['ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON']?.trim() ?? '';
  const variable = fileVariables.find((name) => (env[name]?.trim() ?? '') !== '');
  const file = variable === undefined ? '' : (env[variable]?.trim() ?? '');
  if (inline === '' && file === '') return undefined;
  const from = inline !== '' ? 'ANOMSTACK_GOOGLE_APPLICATION_CREDENTIALS_JSON' : `the file ${variable ?? ''} names (${file})`;
  const text = inline !== '' ? inline : await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(`cannot read ${from}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  });
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Reported below, without the parser's message: it quotes the text.
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${from} is not a JSON credentials file`);
  return parsed as Record<string, unknown>;
}

/** A non-empty string field of a credentials file (`project_id`, `token_uri`, ...), or undefined. */
export function keyField(key: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = key?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
