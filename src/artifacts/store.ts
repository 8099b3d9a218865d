/**
 * Where models and the action's state are kept between runs. Keys are relative, slash-separated paths such as
 * `my_batch/requests.json`; each store maps them onto a folder or a bucket under the prefix its URL names
 * (`local://folder`, `s3://bucket/prefix`, `gs://bucket/prefix`, `az://container/prefix`).
 *
 * Every store gives the same guarantees, which the state sync relies on: a write replaces an object whole (a
 * reader sees the old or the new content, never half of each); `create` writes only where nothing is, decided
 * by the store itself (so of two runs creating one key, exactly one wins); a missing key is `null` or `false`,
 * never an error. Errors name the store's URL and carry the SDK's own message, never a credential.
 */
export interface ArtifactStore {
  /** The store's URL for messages, e.g. `s3://bucket/prefix` or `local://.anomstack/models`. */
  readonly location: string;
  /** The object as UTF-8 text, or null when there is none. */
  read(key: string): Promise<string | null>;
  /** Replaces the object atomically. */
  write(key: string, content: string): Promise<void>;
  /**
   * Writes the object only if the key has no object yet, atomically: true when this call created it, false when
   * an object was already there (whoever wrote it). The conditional write of the store (S3 `If-None-Match: *`,
   * GCS `ifGenerationMatch=0`, Azure `If-None-Match: *`, a hard link on disk).
   */
  create(key: string, content: string): Promise<boolean>;
  /** The keys of every object whose key starts with `prefix` (a folder is `name/`), sorted; paging is the store's business. */
  list(prefix: string): Promise<string[]>;
  /** Deletes the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Streams a local file into the object (large payloads: a multi-part or resumable upload where the store has one). */
  upload(key: string, file: string): Promise<void>;
  /**
   * Streams the object into a local file, replacing it only once the whole object has arrived; false (and the
   * file untouched) when there is no object.
   */
  download(key: string, file: string): Promise<boolean>;
  /**
   * Removes what interrupted writes under `prefix` left behind (a killed run's temporary files), for stores that
   * can have any; returns how many were removed.
   */
  removeLeftovers?(prefix: string): Promise<number>;
}

/** A store refused or failed an operation: the message names the store's URL, the key and the SDK's own message. */
export class ArtifactStoreError extends Error {
  constructor(location: string, operation: string, key: string, cause: unknown) {
    super(`${location}: ${operation} ${key === '' ? '(listing)' : key} failed: ${describeCause(cause)}`, { cause });
    this.name = 'ArtifactStoreError';
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown; Code?: unknown; name?: unknown }).code ?? (cause as { Code?: unknown }).Code;
    const name = typeof code === 'string' && !cause.message.includes(code) ? `${code}: ` : '';
    return `${name}${cause.message}`;
  }
  return String(cause);
}
