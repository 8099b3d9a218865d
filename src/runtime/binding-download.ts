import { createHash } from 'node:crypto';

export interface DownloadOptions {
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts for network errors and 5xx answers; a 4xx answer fails at once. */
  attempts?: number;
}

class HttpStatusError extends Error {
  readonly status: number;
  constructor(url: string, status: number, statusText: string) {
    super(`GET ${url} answered ${status} ${statusText}`.trim());
    this.status = status;
  }
}

async function fetchOnce(url: string, timeoutMs: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new HttpStatusError(url, response.status, response.statusText);
  return Buffer.from(await response.arrayBuffer());
}

/** Downloads `url` into memory (a binding tarball is ~25 MB), retrying what a retry can fix. */
export async function download(url: string, options: DownloadOptions = {}): Promise<Buffer> {
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 120_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(url, timeoutMs);
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
      const certificate = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(String((cause as NodeJS.ErrnoException | undefined)?.code));
      const retryable = error instanceof HttpStatusError ? error.status >= 500 : !certificate;
      if (!retryable || attempt >= attempts) {
        const message = error instanceof Error ? error.message : String(error);
        // Behind a TLS-inspecting proxy Node needs its CA, which it does not take from the system by default.
        const hint = certificate ? ' (behind a TLS-inspecting proxy? give Node its CA with NODE_EXTRA_CA_CERTS or NODE_USE_SYSTEM_CA=1)' : '';
        throw new Error(`could not download ${url} (${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}): ${cause ? `${message}: ${cause.message}` : message}${hint}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * Checks `data` against a subresource-integrity string (`sha512-<base64>`, possibly several hashes
 * separated by spaces, as npm writes them) and throws naming both hashes when none matches.
 */
export function checkIntegrity(data: Buffer, integrity: string, what: string): void {
  const expected = integrity.split(/\s+/).filter((hash) => hash.startsWith('sha512-'));
  if (expected.length === 0) throw new Error(`no sha512 hash in the pinned integrity "${integrity}" for ${what}`);
  const actual = `sha512-${createHash('sha512').update(data).digest('base64')}`;
  if (!expected.includes(actual)) {
    throw new Error(
      `${what} does not match its pinned integrity (expected ${expected.join(' or ')}, got ${actual}): ` +
        'the download is corrupted or the registry serves a different file; nothing was cached',
    );
  }
}
