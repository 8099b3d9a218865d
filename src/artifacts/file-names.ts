import { createHash } from 'node:crypto';

/** Names kept as they are: lower case (case-insensitive file systems, macOS runners among them, cannot clash), short. */
const PLAIN = /^[a-z0-9_][a-z0-9._-]{0,99}$/;
/** Characters of a name kept readable in front of the hash of a name that is not plain. */
const READABLE_LENGTH = 60;

/**
 * A batch or metric name as one file name: the name itself when it is plain, else its readable part and a hash of
 * the whole name after a `~` (which no plain name has), e.g. `Requests_per_s~3f2a...`. At most 81 characters
 * whatever the name's length, never a path, and two different names never get the same file name.
 */
export function fileSafe(name: string): string {
  if (PLAIN.test(name)) return name;
  const readable = name.slice(0, READABLE_LENGTH).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return `${readable}~${createHash('sha256').update(name).digest('hex').slice(0, 20)}`;
}
