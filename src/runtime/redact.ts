/**
 * Credentials written into URLs, taken out of text before it is shown or kept. Variables such as
 * ANOMSTACK_SLACK_API_URL may carry `user:password@` or a `?token=`; libraries echo the URL they failed on
 * ("Request cannot be constructed from a URL that includes credentials: http://user:secret@..."), and those
 * messages reach the terminal, the run log, the report and the Actions log.
 */

/** Query (or fragment) parameters whose values are credentials: API keys, OAuth tokens and codes, signed-URL signatures. */
export const SECRET_PARAMETERS = [
  'token', 'access_token', 'refresh_token', 'id_token', 'auth_token', 'session_token', 'private_token',
  'key', 'api_key', 'apikey', 'api-key', 'access_key', 'secret_key',
  'secret', 'client_secret', 'password', 'passwd', 'pwd',
  'sig', 'signature', 'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'x-goog-signature', 'x-goog-credential',
  'code',
  // Azure storage connection strings (`...;AccountKey=...;`, `SharedAccessSignature=...`).
  'accountkey', 'sharedaccesssignature',
] as const;

const MASK = '***';

/**
 * The userinfo of a URL: everything after `scheme://` up to the last `@` before the path, query or fragment
 * begins. The lookbehind anchors each match on `://`, so text without URLs costs one linear scan; the greedy
 * class backs off to the last `@`, so a password with an unencoded `@` is still hidden whole.
 */
const USERINFO = /(?<=:\/\/)[^\s/?#"'<>`]*@/g;

/**
 * `?name=value`, `&name=value`, `;name=value` or `#name=value` for the names above, in any case. A value ends where
 * the next parameter, fragment, whitespace, quote or closing bracket does.
 */
const PARAMETER = new RegExp(`([?&;#](?:${SECRET_PARAMETERS.map(escape).join('|')})=)[^&#;\\s"'<>\`)\\]}]+`, 'gi');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/**
 * The text with URL userinfo (`scheme://user:pass@host`, `scheme://token@host`) and the values of known secret
 * query parameters replaced by `***`. Cheap on text without `://` or `=`, and never throws.
 */
export function redact(text: string): string {
  try {
    // Callers pass error messages of unknown origin; a non-string must not turn into a crash here.
    const value = typeof text === 'string' ? text : String(text);
    let out = value;
    if (out.includes('://')) out = out.replace(USERINFO, `${MASK}@`);
    if (out.includes('=')) out = out.replace(PARAMETER, `$1${MASK}`);
    return out;
  } catch {
    // Never the original: whatever failed, what it might have shown is withheld.
    return '[redacted]';
  }
}

/**
 * The credentials inside one value as written, for masking them wherever else they appear (the Actions log):
 * each URL's userinfo and its password (raw and percent-decoded), and each secret parameter's value.
 */
export function urlSecrets(value: string): string[] {
  const found = new Set<string>();
  const add = (secret: string): void => {
    if (secret === '') return;
    found.add(secret);
    try {
      found.add(decodeURIComponent(secret));
    } catch {
      // Not valid percent-encoding: the raw form is all there is.
    }
  };
  for (const match of value.matchAll(USERINFO)) {
    const userinfo = match[0].slice(0, -1);
    add(userinfo);
    const colon = userinfo.indexOf(':');
    if (colon >= 0) add(userinfo.slice(colon + 1));
  }
  for (const match of value.matchAll(PARAMETER)) add(match[0].slice((match[1] ?? '').length));
  return [...found];
}

/**
 * `error` to keep as a new error's `cause`, or undefined when its message or a cause's holds something redact
 * hides: whoever prints the new error in full (util.inspect, an uncaught rejection) prints its causes verbatim.
 */
export function safeCause(error: unknown): unknown {
  let messages = '';
  for (let link: unknown = error, depth = 0; link !== undefined && link !== null && depth < 8; depth++) {
    messages += `${link instanceof Error ? link.message : String(link)}\n`;
    link = link instanceof Error ? link.cause : undefined;
  }
  return redact(messages) === messages ? error : undefined;
}

/** A new error for `error`, its message redacted, with `error` as its cause when that holds no credentials. */
export function redactedError(message: string, error: unknown): Error {
  return new Error(redact(message), { cause: safeCause(error) });
}
