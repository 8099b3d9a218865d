/**
 * Compact storage of a detector's fitted state in a model file: every long array of numbers (or
 * matrix of equal-length number rows) becomes `{ "f64": <base64 of the float64 bytes>, "shape": [...] }`.
 * A KNN model holds its 2,500 x 6 training rows; as JSON text they take about twice the room (350 KB
 * against 186 KB) and longer to write and parse. Bytes round-trip exactly (every bit, -0 included), and
 * short arrays stay readable.
 */

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

export function unpackState(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackState);
  if (isPacked(value)) return unpackNumbers(value);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, unpackState(v)]));
  return value;
}

function packNumbers(value: readonly unknown[]): Packed | null {
  const first: unknown = value[0];
  if (Array.isArray(first)) {
    const width = first.length;
    if (width === 0 || value.length * width < MIN_PACKED) return null;
    // Checked and copied in one pass, without the intermediate array `flat()` would build.
    const numbers = new Float64Array(value.length * width);
    for (let i = 0; i < value.length; i++) {
      const row: unknown = value[i];
      if (!Array.isArray(row) || row.length !== width) return null;
      for (let f = 0; f < width; f++) {
        const v: unknown = row[f];
        if (typeof v !== 'number') return null;
        numbers[i * width + f] = v;
      }
    }
    return { f64: toBase64(numbers), shape: [value.length, width] };
  }
  if (value.length < MIN_PACKED || !value.every((v) => typeof v === 'number')) return null;
  return { f64: toBase64(Float64Array.from(value as number[])), shape: [value.length] };
}

function unpackNumbers(packed: Packed): number[] | number[][] {
  const bytes = Buffer.from(packed.f64, 'base64');
  const [rows = 0, width] = packed.shape;
  if (bytes.length !== rows * (width ?? 1) * 8) {
    throw new Error(`packed array of shape [${packed.shape.join(', ')}] holds ${bytes.length} bytes, expected ${rows * (width ?? 1) * 8}`);
  }
  // Copied into an aligned buffer: a base64 decode may start at any byte offset.
  const numbers = new Float64Array(new Uint8Array(bytes).buffer);
  if (width === undefined) return Array.from(numbers);
  const out: number[][] = new Array<number[]>(rows);
  for (let i = 0; i < rows; i++) {
    const row: number[] = new Array<number>(width);
    for (let f = 0; f < width; f++) row[f] = numbers[i * width + f] ?? 0;
    out[i] = row;
  }
  return out;
}

function toBase64(numbers: Float64Array): string {
  return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength).toString('base64');
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
