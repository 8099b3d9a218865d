/** Channel settings come from environment variables (Anomstack's names), never from the batch YAML kept in git. */

/** A channel named in the alert methods whose settings are missing or wrong; the message names the variable. */
export class ChannelConfigError extends Error {
  readonly method: string;

  constructor(method: string, message: string) {
    super(message);
    this.name = 'ChannelConfigError';
    this.method = method;
  }
}

/** The trimmed value of each variable, or a ChannelConfigError naming every one of `required` that is unset. */
export function readSettings<K extends string>(
  env: NodeJS.ProcessEnv,
  method: string,
  required: readonly K[],
): Record<K, string> {
  const values = Object.fromEntries(required.map((name) => [name, env[name]?.trim() ?? ''])) as Record<K, string>;
  const missing = required.filter((name) => values[name] === '');
  if (missing.length > 0) {
    throw new ChannelConfigError(method, `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`);
  }
  return values;
}

/** An optional variable, trimmed; undefined when unset or empty. */
export function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
