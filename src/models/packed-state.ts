/**
 * Compact storage of a detector's fitted state in a model file: every long array of numbers (or
 * matrix of equal-length number rows) becomes `{ "f64": <base64 of the float64 bytes>, "shape": [...] }`.
 * A KNN model holds its 2,500 x 6 training rows; as JSON text they take about twice the room (350 KB
 * against 186 KB) and longer to write and parse. Bytes round-trip exactly (every bit, -0 included), and
 * short arrays stay readable.
 */
import { knownFlat, rememberFlat } from './scaling.ts';

/** Arrays shorter than this stay plain JSON: packing them saves nothing worth the unreadability. */
const MIN_PACKED = 32;

interface Packed {
  f64: string;
  shape: number[];
}

export function packState(value: unknown): unknown {
  if (Array.isArray(value)) {
    const packed = packNumbers(value);
    return packed ?? value.map(packState);
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, packState(v)]));
  return value;
}

/**
 * The state packState packed. `seen` (shared by the states of one model file) gives identical packed matrices one
 * unpacked matrix: KNN's training rows and Relative Entropy's windows are the same rows, decoded once, and the
 * detectors (which only read their state) then share their flat form and row index too.
 */
export function unpackState(value: unknown, seen = new Map<string, number[] | number[][]>()): unknown {
  if (Array.isArray(value)) return value.map((v) => unpackState(v, seen));
  if (isPacked(value)) {
    // Only matrices: rows of equal values are what detectors hold alike.
    if (value.shape.length !== 2) return unpackNumbers(value);
    const key = `${value.shape.join(',')} ${value.f64}`;
    let numbers = seen.get(key);
    if (!numbers) seen.set(key, (numbers = unpackNumbers(value)));
    return numbers;
  }
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, unpackState(v, seen)]));
  return value;
}

function packNumbers(value: readonly unknown[]): Packed | null {
  const first: unknown = value[0];
  if (Array.isArray(first)) {
    const width = first.length;
    const rows = value.length;
    if (width === 0 || rows * width < MIN_PACKED) return null;
    const known = knownFlat(value as number[][], width);
    if (known) return made({ f64: toBase64(known), shape: [rows, width] });
    // Checked and copied in one pass, without the intermediate array `flat()` would build.
    const numbers = new Float64Array(rows * width);
    for (let i = 0, o = 0; i < rows; i++) {
      const row: unknown = value[i];
      if (!Array.isArray(row) || row.length !== width) return null;
      for (let f = 0; f < width; f++) {
        const v: unknown = row[f];
        if (typeof v !== 'number') return null;
        numbers[o++] = v;
      }
    }
    return made({ f64: toBase64(numbers), shape: [rows, width] });
  }
  if (value.length < MIN_PACKED) return null;
  const numbers = new Float64Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number') return null;
    numbers[i] = v;
  }
  return made({ f64: toBase64(numbers), shape: [value.length] });
}

/** The packed arrays packState made: their text is known to be base64, which JSON never needs to escape. */
const madeHere = new WeakSet<Packed>();

function made(packed: Packed): Packed {
  madeHere.add(packed);
  return packed;
}

function unpackNumbers(packed: Packed): number[] | number[][] {
  const [rows = 0, width] = packed.shape;
  const count = rows * (width ?? 1);
  const numbers = new Float64Array(count);
  // Decoded straight into an aligned array (a decoded Buffer may start at any byte offset), after checking the
  // length the text gives, and then the length decoded (characters outside base64 decode to nothing).
  let bytes = Buffer.byteLength(packed.f64, 'base64');
  if (bytes === count * 8) bytes = Buffer.from(numbers.buffer).write(packed.f64, 'base64');
  if (bytes !== count * 8) {
    throw new Error(`packed array of shape [${packed.shape.join(', ')}] holds ${bytes} bytes, expected ${count * 8}`);
  }
  if (width === undefined) {
    const out: number[] = new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = numbers[i] ?? 0;
    return out;
  }
  const out: number[][] = new Array<number[]>(rows);
  for (let i = 0, o = 0; i < rows; i++) {
    const row: number[] = new Array<number>(width);
    for (let f = 0; f < width; f++) row[f] = numbers[o++] ?? 0;
    out[i] = row;
  }
  rememberFlat(out, numbers);
  return out;
}

function toBase64(numbers: Float64Array): string {
  return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).toString('base64');
}

/**
 * `JSON.stringify(value)` for a state that packState made, to the byte, but several times faster: JSON.stringify
 * checks every character of the long base64 strings for escapes, which they never need (only A-Z a-z 0-9 + / =).
 */
export function stringifyPacked(value: unknown): string | undefined {
  const parts: string[] = [];
  // Pieces are gathered in one list and joined once: joining at every level copied the long strings each time.
  return writePieces(value, parts) ? parts.join('') : undefined;
}

/** Appends `value`'s JSON text to `parts`; false (nothing appended) where JSON.stringify gives undefined. */
function writePieces(value: unknown, parts: string[]): boolean {
  if (isMade(value)) {
    parts.push('{"f64":"', value.f64, '","shape":', JSON.stringify(value.shape), '}');
    return true;
  }
  if (!holdsPacked(value)) {
    const text = JSON.stringify(value);
    if (text === undefined) return false;
    parts.push(text);
    return true;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      if (!writePieces(value[i], parts)) parts.push('null');
    }
    parts.push(']');
    return true;
  }
  parts.push('{');
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = parts.length;
    parts.push(first ? '' : ',', JSON.stringify(key), ':');
    if (writePieces(v, parts)) first = false;
    else parts.length = at;
  }
  parts.push('}');
  return true;
}

/** Whether a packed array packState made sits in `value`; only plain arrays and objects are searched (as packState makes). */
function holdsPacked(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsPacked);
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return isMade(value) || Object.values(value).some(holdsPacked);
}

function isMade(value: unknown): value is Packed {
  return isObject(value) && madeHere.has(value as unknown as Packed);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPacked(value: unknown): value is Packed {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value['f64'] === 'string' && Array.isArray(value['shape'])
    && value['shape'].length >= 1 && value['shape'].length <= 2 && value['shape'].every((d) => Number.isInteger(d) && (d as number) >= 0);
}
