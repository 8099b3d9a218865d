/**
 * Hrana 3's protobuf encoding (`/v3-protobuf/...`, the encoding @libsql/hrana-client asks for), written from the
 * spec's schema (tursodatabase/libsql docs/HRANA_3_SPEC.md, "Protobuf"), for the test server. Messages are
 * translated to and from Hrana's JSON form, so the server runs one set of handlers for both encodings and tests
 * read what the client sent as JSON.
 */

export interface HranaValue {
  type: 'null' | 'integer' | 'float' | 'text' | 'blob';
  value?: string | number;
  base64?: string;
}

export interface Stmt {
  sql?: string;
  args?: HranaValue[];
  named_args?: { name: string; value: HranaValue }[];
  want_rows?: boolean;
}

export interface PipelineRequest {
  baton: string | null;
  requests: { type: string; stmt?: Stmt }[];
}

export interface CursorRequest {
  baton: string | null;
  batch: { steps: { stmt: Stmt }[] };
}

export interface HranaError {
  message: string;
  code: string;
}

export type StreamResult = { type: 'ok'; response: Record<string, unknown> } | { type: 'error'; error: HranaError };

export interface Col {
  name: string;
  decltype: string | null;
}

export type CursorEntry =
  | { type: 'step_begin'; step: number; cols: Col[] }
  | { type: 'row'; row: HranaValue[] }
  | { type: 'step_end'; affected_row_count: number; last_insert_rowid: null }
  | { type: 'step_error'; step: number; error: HranaError }
  | { type: 'error'; error: HranaError };

// ---- decoding: a message is its fields by number, each a varint (wire type 0) or bytes (types 1, 2 and 5) ----

type Field = bigint | Uint8Array;

function decodeFields(buf: Uint8Array): Map<number, Field[]> {
  const fields = new Map<number, Field[]>();
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = buf[pos++];
      if (byte === undefined) throw new Error('truncated protobuf varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
  };
  const take = (n: number): Uint8Array => {
    if (pos + n > buf.length) throw new Error('truncated protobuf field');
    const out = buf.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const wire = tag & 7;
    const value = wire === 0 ? varint() : wire === 1 ? take(8) : wire === 2 ? take(Number(varint())) : wire === 5 ? take(4) : null;
    if (value === null) throw new Error(`unsupported protobuf wire type ${wire}`);
    const list = fields.get(tag >>> 3) ?? [];
    list.push(value);
    fields.set(tag >>> 3, list);
  }
  return fields;
}

const bytesOf = (field: Field | undefined): Uint8Array => (field instanceof Uint8Array ? field : new Uint8Array());
const textOf = (field: Field | undefined): string => new TextDecoder().decode(bytesOf(field));
const messages = (fields: Map<number, Field[]>, n: number): Map<number, Field[]>[] => (fields.get(n) ?? []).map((f) => decodeFields(bytesOf(f)));

function decodeValue(fields: Map<number, Field[]>): HranaValue {
  if (fields.has(2)) {
    const raw = BigInt.asUintN(64, fields.get(2)?.[0] as bigint);
    // sint64 is zigzag-encoded.
    return { type: 'integer', value: ((raw >> 1n) ^ -(raw & 1n)).toString() };
  }
  if (fields.has(3)) {
    const bytes = bytesOf(fields.get(3)?.[0]);
    return { type: 'float', value: new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true) };
  }
  if (fields.has(4)) return { type: 'text', value: textOf(fields.get(4)?.[0]) };
  if (fields.has(5)) return { type: 'blob', base64: Buffer.from(bytesOf(fields.get(5)?.[0])).toString('base64') };
  return { type: 'null' };
}

function decodeStmt(fields: Map<number, Field[]>): Stmt {
  const stmt: Stmt = {
    args: messages(fields, 3).map(decodeValue),
    named_args: messages(fields, 4).map((arg) => ({ name: textOf(arg.get(1)?.[0]), value: decodeValue(messages(arg, 2)[0] ?? new Map()) })),
    want_rows: fields.get(5)?.[0] === 1n,
  };
  if (fields.has(1)) stmt.sql = textOf(fields.get(1)?.[0]);
  return stmt;
}

const REQUEST_TYPES = ['', 'close', 'execute', 'batch', 'sequence', 'describe', 'store_sql', 'close_sql', 'get_autocommit'];

export function decodePipelineRequest(body: Uint8Array): PipelineRequest {
  const fields = decodeFields(body);
  return {
    baton: fields.has(1) ? textOf(fields.get(1)?.[0]) : null,
    requests: messages(fields, 2).map((request) => {
      const [n = 0] = request.keys();
      const inner = messages(request, n)[0] ?? new Map<number, Field[]>();
      const type = REQUEST_TYPES[n] ?? `unknown ${n}`;
      return type === 'execute' ? { type, stmt: decodeStmt(messages(inner, 1)[0] ?? new Map()) } : { type };
    }),
  };
}

export function decodeCursorRequest(body: Uint8Array): CursorRequest {
  const fields = decodeFields(body);
  const batch = messages(fields, 2)[0] ?? new Map<number, Field[]>();
  return {
    baton: fields.has(1) ? textOf(fields.get(1)?.[0]) : null,
    batch: { steps: messages(batch, 1).map((step) => ({ stmt: decodeStmt(messages(step, 2)[0] ?? new Map()) })) },
  };
}

// ---- encoding: bytes pushed onto one array, a nested message encoded on its own first (its length leads it) ----

function pushVarint(out: number[], value: bigint | number): void {
  if (typeof value === 'number' && value >= 0 && value < 0x80) {
    out.push(value);
    return;
  }
  let v = BigInt.asUintN(64, BigInt(value));
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

function pushBytes(out: number[], n: number, bytes: ArrayLike<number>): void {
  pushVarint(out, (n << 3) | 2);
  pushVarint(out, bytes.length);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i] ?? 0);
}

const pushText = (out: number[], n: number, text: string): void => pushBytes(out, n, Buffer.from(text, 'utf8'));

function pushUint(out: number[], n: number, value: number): void {
  pushVarint(out, n << 3);
  pushVarint(out, value);
}

/** A nested message: `encode` writes its fields, which go in after the field's tag and their length. */
function pushMessage(out: number[], n: number, encode: (inner: number[]) => void): void {
  const inner: number[] = [];
  encode(inner);
  pushBytes(out, n, inner);
}

function pushValue(out: number[], value: HranaValue): void {
  switch (value.type) {
    case 'null': return pushBytes(out, 1, []);
    case 'integer': {
      const v = BigInt(String(value.value));
      // sint64: zigzag.
      pushVarint(out, 2 << 3);
      return pushVarint(out, (v << 1n) ^ (v >> 63n));
    }
    case 'float': {
      const bytes = Buffer.alloc(8);
      bytes.writeDoubleLE(Number(value.value));
      pushVarint(out, (3 << 3) | 1);
      for (const byte of bytes) out.push(byte);
      return;
    }
    case 'text': return pushText(out, 4, String(value.value));
    case 'blob': return pushBytes(out, 5, Buffer.from(value.base64 ?? '', 'base64'));
  }
}

function pushCol(out: number[], col: Col): void {
  pushText(out, 1, col.name);
  if (col.decltype !== null) pushText(out, 2, col.decltype);
}

function pushRow(out: number[], row: HranaValue[]): void {
  for (const value of row) pushMessage(out, 1, (inner) => pushValue(inner, value));
}

function pushError(out: number[], error: HranaError): void {
  pushText(out, 1, error.message);
  pushText(out, 2, error.code);
}

function pushStreamResult(out: number[], result: StreamResult): void {
  if (result.type === 'error') return pushMessage(out, 2, (e) => pushError(e, result.error));
  const response = result.response;
  if (response['type'] !== 'execute') return pushMessage(out, 1, (ok) => pushMessage(ok, 1, () => undefined));
  const r = response['result'] as { cols: Col[]; rows: HranaValue[][]; affected_row_count: number };
  pushMessage(out, 1, (ok) => pushMessage(ok, 2, (execute) => pushMessage(execute, 1, (stmtResult) => {
    for (const col of r.cols) pushMessage(stmtResult, 1, (c) => pushCol(c, col));
    for (const row of r.rows) pushMessage(stmtResult, 2, (values) => pushRow(values, row));
    pushUint(stmtResult, 3, r.affected_row_count);
  })));
}

export function encodePipelineResponse(baton: string | null, results: StreamResult[]): Uint8Array {
  const out: number[] = [];
  if (baton !== null) pushText(out, 1, baton);
  for (const result of results) pushMessage(out, 3, (r) => pushStreamResult(r, result));
  return Uint8Array.from(out);
}

/** Each item of a cursor's response body is length-prefixed: first the response (its baton), then the entries. */
function lengthPrefixed(encode: (out: number[]) => void): Uint8Array {
  const body: number[] = [];
  encode(body);
  const out: number[] = [];
  pushVarint(out, body.length);
  for (const byte of body) out.push(byte);
  return Uint8Array.from(out);
}

export function encodeCursorResponse(baton: string | null): Uint8Array {
  return lengthPrefixed((out) => {
    if (baton !== null) pushText(out, 1, baton);
  });
}

export function encodeCursorEntry(entry: CursorEntry): Uint8Array {
  return lengthPrefixed((out) => {
    switch (entry.type) {
      case 'step_begin': return pushMessage(out, 1, (e) => {
        pushUint(e, 1, entry.step);
        for (const col of entry.cols) pushMessage(e, 2, (c) => pushCol(c, col));
      });
      case 'step_end': return pushMessage(out, 2, (e) => pushUint(e, 1, entry.affected_row_count));
      case 'step_error': return pushMessage(out, 3, (e) => {
        pushUint(e, 1, entry.step);
        pushMessage(e, 2, (error) => pushError(error, entry.error));
      });
      case 'row': return pushMessage(out, 4, (row) => pushRow(row, entry.row));
      case 'error': return pushMessage(out, 5, (e) => pushError(e, entry.error));
    }
  });
}
