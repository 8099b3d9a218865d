/**
 * A small reader for the tar files npm publishes (ustar, with the pax and GNU long-name extensions that
 * npm and other packers write). It reads only regular files and directories: a package tarball holding
 * anything else (links, devices) is refused rather than half-understood.
 */

const BLOCK = 512;

export interface TarEntry {
  /** Path as written in the archive, `/`-separated. */
  path: string;
  type: 'file' | 'directory';
  /** Permission bits from the header. */
  mode: number;
  /** File content (a view into the archive buffer); empty for directories. */
  data: Buffer;
}

function text(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** Numeric header fields are octal text, or big-endian base-256 when the first byte has its high bit set. */
function number(header: Buffer, offset: number, length: number, what: string): number {
  const field = header.subarray(offset, offset + length);
  if ((field[0] ?? 0) & 0x80) {
    let value = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const digits = text(header, offset, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw new Error(`tar: bad ${what} field "${digits}" at byte ${offset}`);
  return parseInt(digits, 8);
}

/** Header checksum: the byte sum of the header with the checksum field itself read as spaces. */
function checksumMatches(header: Buffer): boolean {
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += header[i] ?? 0;
  const stored = text(header, 148, 8).trim();
  return /^[0-7]+$/.test(stored) && sum === parseInt(stored, 8);
}

/** Pax extended header records: `<length> <key>=<value>\n`, repeated. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = Number(data.subarray(at, space).toString('ascii'));
    if (space === -1 || !Number.isInteger(length) || length <= 0) throw new Error(`tar: bad pax record at byte ${at}`);
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

/** The entries of an uncompressed tar archive, in order. */
export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let at = 0;
  let nextPath: string | undefined;
  let nextSize: number | undefined;
  while (at + BLOCK <= archive.length) {
    const header = archive.subarray(at, at + BLOCK);
    // The archive ends with zero blocks.
    if (header.every((byte) => byte === 0)) return entries;
    if (!checksumMatches(header)) throw new Error(`tar: header checksum mismatch at byte ${at} (not a tar file, or a damaged one)`);
    const type = String.fromCharCode(header[156] ?? 0);
    const size = nextSize ?? number(header, 124, 12, 'size');
    const dataStart = at + BLOCK;
    if (dataStart + size > archive.length) throw new Error(`tar: entry at byte ${at} runs past the end of the archive`);
    const data = archive.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'x') {
      const records = paxRecords(data);
      nextPath = records.get('path') ?? nextPath;
      const paxSize = records.get('size');
      if (paxSize !== undefined) nextSize = Number(paxSize);
      continue;
    }
    if (type === 'L') {
      nextPath = text(data, 0, data.length);
      continue;
    }
    if (type === 'g') continue;

    const prefix = header.subarray(257, 262).toString('ascii') === 'ustar' ? text(header, 345, 155) : '';
    const name = text(header, 0, 100);
    const entryPath = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    nextPath = undefined;
    nextSize = undefined;
    const mode = number(header, 100, 8, 'mode') & 0o777;
    if (type === '0' || type === '\0' || type === '7') entries.push({ path: entryPath, type: 'file', mode, data });
    else if (type === '5') entries.push({ path: entryPath, type: 'directory', mode, data: Buffer.alloc(0) });
    else throw new Error(`tar: "${entryPath}" is of unsupported entry type "${type}" (only files and directories are read)`);
  }
  // Some packers omit the closing zero blocks; an archive that stops mid-block is truncated.
  if (at === archive.length) return entries;
  throw new Error(`tar: the archive stops mid-block at byte ${at} of ${archive.length} (truncated)`);
}
