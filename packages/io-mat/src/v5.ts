/**
 * MAT level 5 (v5, v6, v7): a 128-byte header, then one data element per variable — `miMATRIX`, or
 * `miCOMPRESSED` holding one zlib stream that inflates to one `miMATRIX`. Both byte orders, small
 * and long tags, storage types narrower than the class, every char encoding. Every length and
 * dimension is checked against the bytes present before anything is allocated, inflation is
 * bounded, and nesting is limited, so hostile files end in `NdImageError`s.
 */
import { constants, inflateSync } from 'node:zlib';
import { type DType, NdArray } from '@ndimage/core-array';
import { allocate } from '@ndimage/core-array/internal';
import { Bytes } from './bytes.js';
import { CLASS_NAME_OF_ID, columnMajor, DTYPE_OF_CLASS_ID } from './classes.js';
import { ALIGN, ARRAY_FLAGS, FLAG, HEADER, MI, MI_NUMERIC, MX, SMALL, TAG_BYTES } from './constants.js';
import { fieldName, variableName } from './names.js';
import { sparseOf } from './plain.js';
import type { MatCell, MatSparse, MatStruct, MatStructArray, MatValue } from './values.js';

/** Limits of one load. */
export interface Limits {
  /** Largest inflated size of one compressed variable, and largest array, in bytes. */
  maxBytes: number;
  /** Deepest nesting of cells and structs. */
  maxDepth: number;
  /**
   * Told about what is read but not as a MATLAB writer makes it (skipped objects and function
   * handles, bytes after a zlib stream, non-ASCII names, repeated variable names).
   */
  warn: (message: string) => void;
  /** Numeric values in their MATLAB class (true) or in the type they are stored in (SciPy's default). */
  matDtype: boolean;
  /** Char data as strings, or as int32 arrays of code points with MATLAB's dims. */
  charsAs: 'string' | 'codes';
}

/** The name SciPy gives a top-level variable stored without one (MATLAB's function workspace). */
const NAMELESS = '__function_workspace__';

/** A data element's tag. */
interface Tag {
  type: number;
  nbytes: number;
  /** Where its data start. */
  data: number;
  /** Where the next element starts (8-byte padding included; none after compressed data). */
  next: number;
}

function tag(b: Bytes, at: number): Tag {
  const w = b.u32(at);
  if (w >>> SMALL.SHIFT !== 0) {
    // Small data element: (bytes << 16) | type, then up to 4 bytes of data in the same 8.
    const nbytes = w >>> SMALL.SHIFT;
    if (nbytes > SMALL.MAX_BYTES)
      b.fail(at, `a small data element claims ${nbytes} bytes (at most ${SMALL.MAX_BYTES})`);
    b.need(at, TAG_BYTES, 'a small data element');
    return { type: w & SMALL.TYPE_MASK, nbytes, data: at + SMALL.DATA_AT, next: at + TAG_BYTES };
  }
  const nbytes = b.u32(at + 4);
  const data = at + TAG_BYTES;
  if (data + nbytes > b.length) b.fail(at, `a data element claims ${nbytes} bytes but only ${b.length - data} remain`);
  // Compressed data are not padded; everything else ends on a multiple of 8.
  const next = w === MI.COMPRESSED ? data + nbytes : data + Math.ceil(nbytes / ALIGN) * ALIGN;
  return { type: w, nbytes, data, next: Math.min(next, b.length) };
}

/** The variables of a level-5 file body (after the 128-byte header), in file order. */
export function readV5(b: Bytes, limits: Limits, wanted?: ReadonlySet<string>): [string, MatValue][] {
  const out: [string, MatValue][] = [];
  let at: number = HEADER.LENGTH;
  while (at < b.length) {
    // Trailing padding (some writers leave zeros after the last element).
    if (b.length - at < TAG_BYTES) break;
    const t = tag(b, at);
    if (t.type === MI.MATRIX) {
      const v = matrix(b, t, at, limits, 0, wanted);
      if (v !== undefined) out.push(v);
    } else if (t.type === MI.COMPRESSED) {
      const inner = inflate(b, t, at, limits);
      const it = tag(inner, 0);
      if (it.type !== MI.MATRIX) inner.fail(0, `a compressed element holds data type ${it.type}, not a matrix`);
      // SciPy refuses this too ("Did not fully consume compressed contents"): the stream is not one matrix.
      if (inner.length > it.next)
        inner.fail(it.next, `the stream inflates to ${inner.length - it.next} bytes more than its matrix`);
      const v = matrix(inner, it, 0, limits, 0, wanted);
      if (v !== undefined) out.push(v);
    } else b.fail(at, `unknown top-level data type ${t.type}`);
    at = t.next;
  }
  return out;
}

/**
 * Inflates a compressed element, refusing more than `maxBytes` (a zip bomb stops there). Bytes
 * after the end of the zlib stream (inside the element) are ignored as SciPy ignores them, and said.
 */
function inflate(b: Bytes, t: Tag, at: number, limits: Limits): Bytes {
  let out: Buffer;
  let consumed: number;
  try {
    const r = inflateSync(b.bytes.subarray(t.data, t.data + t.nbytes), {
      maxOutputLength: limits.maxBytes,
      info: true,
    }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    out = r.buffer;
    consumed = r.engine.bytesWritten;
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof RangeError || /larger than|maxOutputLength/i.test(message))
      b.limit(at, `a compressed variable inflates to more than maxBytes (${limits.maxBytes})`);
    b.fail(at, `zlib: ${message}`);
  }
  if (consumed < t.nbytes)
    limits.warn(
      `${b.origin}: the compressed variable at byte ${b.base + at} has ${t.nbytes - consumed} bytes after the end of its zlib stream; ignored`,
    );
  return new Bytes(
    new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
    b.little,
    `${b.origin} (variable compressed at byte ${b.base + at})`,
    0,
  );
}

/** Product of dims, checked against Number's exact range. */
function product(b: Bytes, dims: number[], at: number): number {
  let n = 1;
  for (const d of dims) {
    n *= d;
    if (!Number.isSafeInteger(n)) b.limit(at, `dimensions ${dims.join('×')} overflow`);
  }
  return n;
}

/** Parses one miMATRIX element; undefined for a skipped or unwanted variable. */
function matrix(
  b: Bytes,
  t: Tag,
  at: number,
  limits: Limits,
  depth: number,
  wanted?: ReadonlySet<string>,
): [string, MatValue] | undefined {
  if (depth > limits.maxDepth) b.limit(at, `cells and structs nest deeper than ${limits.maxDepth}`);
  // An empty element (MATLAB writes [] in cells this way).
  if (t.nbytes === 0) return ['', new NdArray(new Float64Array(0), [0, 0], { dtype: 'float64' })];
  const end = t.data + t.nbytes;
  const ft = tag(b, t.data);
  if (ft.type !== MI.UINT32 || ft.nbytes !== ARRAY_FLAGS.BYTES)
    b.fail(t.data, `array flags must be ${ARRAY_FLAGS.BYTES} bytes of miUINT32, got type ${ft.type}`);
  const w0 = b.u32(ft.data);
  const nzmax = b.u32(ft.data + 4);
  const cls = w0 & ARRAY_FLAGS.CLASS_MASK;
  const flags = (w0 >>> ARRAY_FLAGS.FLAGS_SHIFT) & 0xff;
  const dt = tag(b, ft.next);
  if (dt.type !== MI.INT32 && dt.type !== MI.UINT32) b.fail(ft.next, `dimensions must be miINT32, got type ${dt.type}`);
  if (dt.nbytes % 4 !== 0 || dt.nbytes < 8)
    b.fail(ft.next, `dimensions take ${dt.nbytes} bytes (need 2 or more int32)`);
  const dims: number[] = [];
  for (let k = 0; k < dt.nbytes / 4; k++) {
    const d = dt.type === MI.UINT32 ? b.u32(dt.data + 4 * k) : b.i32(dt.data + 4 * k);
    // SciPy: "Expecting miINT32, got miUINT32 with negative values".
    if (d > 0x7fffffff) b.fail(dt.data + 4 * k, `dimension ${d} (stored as miUINT32) is beyond int32`);
    if (d < 0) b.fail(dt.data + 4 * k, `negative dimension ${d}`);
    dims.push(d);
  }
  const nt = tag(b, dt.next);
  let name = '';
  if (depth === 0) {
    name = variableName(b.bytes, nt.data, nt.nbytes, b.origin, () => undefined);
    if (name === '') name = NAMELESS;
    if (wanted !== undefined && !wanted.has(name)) return undefined;
    // Read again to say what is odd about it, now that the variable is wanted.
    variableName(b.bytes, nt.data, nt.nbytes, b.origin, limits.warn);
  }
  let cursor = nt.next;
  const count = product(b, dims, dt.data);
  const value = (): MatValue | undefined => {
    if (cls in DTYPE_OF_CLASS_ID) {
      const rt = tag(b, cursor);
      let dtype: DType = (flags & FLAG.LOGICAL) !== 0 ? 'bool' : (DTYPE_OF_CLASS_ID[cls] as DType);
      // SciPy's default (mat_dtype=False): the storage type — a double stored as miUINT8 is uint8,
      // a logical is uint8.
      if (!limits.matDtype) dtype = MI_NUMERIC[rt.type]?.dtype ?? dtype;
      const re = numbers(b, rt, cursor, count, dtype, limits);
      const real = columnMajor(re, dims, dtype);
      if ((flags & FLAG.COMPLEX) === 0) return real;
      const it = tag(b, rt.next);
      return { kind: 'complex', re: real, im: columnMajor(numbers(b, it, rt.next, count, dtype, limits), dims, dtype) };
    }
    switch (cls) {
      case MX.CHAR: {
        const text = chars(b, tag(b, cursor), cursor, dims, count, limits.maxBytes / 8);
        return limits.charsAs === 'codes' ? codesOf(text, dims) : text;
      }
      case MX.CELL: {
        // Each child is at least a tag: a count that the element's bytes cannot hold is refused from
        // the count, before any child is read.
        enough(b, cursor, end, count, `cell${name === '' ? '' : ` ${name}`} claims ${count} elements`);
        const values: MatValue[] = [];
        for (let k = 0; k < count; k++) {
          const ct = tag(b, cursor);
          if (ct.type !== MI.MATRIX) b.fail(cursor, `cell element ${k} is data type ${ct.type}, not a matrix`);
          const child = matrix(b, ct, cursor, limits, depth + 1);
          values.push(child === undefined ? emptyDouble() : child[1]);
          cursor = ct.next;
        }
        return { kind: 'cell', shape: dims, values } satisfies MatCell;
      }
      case MX.STRUCT:
        return struct(b, cursor, end, dims, count, limits, depth, name);
      case MX.OBJECT:
        // An object: its class name, then fields as a struct. Skipped (MATLAB classes do not map to values).
        limits.warn(`${b.origin}: variable '${name}' is a MATLAB object; skipped`);
        return undefined;
      case MX.SPARSE:
        return sparse(b, cursor, dims, flags, nzmax, limits);
      case MX.FUNCTION:
      case MX.OPAQUE:
        limits.warn(`${b.origin}: variable '${name}' is a function handle or opaque object; skipped`);
        return undefined;
      default:
        b.fail(ft.data, `unknown array class ${cls}`);
    }
  };
  const v = value();
  return v === undefined ? undefined : [name, v];
}

function emptyDouble(): NdArray {
  return new NdArray(new Float64Array(0), [0, 0], { dtype: 'float64' });
}

/**
 * Refuses `children` child elements (each at least one tag) that the bytes from `at` to `end`
 * cannot hold; `claim` says who claims them.
 */
function enough(b: Bytes, at: number, end: number, children: number, claim: string): void {
  const need = children * TAG_BYTES;
  if (need > end - at)
    b.fail(
      at,
      `${claim}: ${children} child elements of at least ${TAG_BYTES} bytes each need at least ${need} bytes, but ${Math.max(end - at, 0)} remain`,
    );
}

const TYPED: Partial<Record<DType, new (b: ArrayBufferLike, o: number, n: number) => NdArray['data']>> = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  float32: Float32Array,
  float64: Float64Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
};
const LITTLE_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * `count` values of class `dtype` from a numeric data element: a view of the bytes when they are
 * stored in the class's own type, native order and aligned (no copy), else converted element by
 * element from the storage type (MATLAB stores `double([1 2 3])` as miUINT8).
 */
function numbers(b: Bytes, t: Tag, at: number, count: number, dtype: DType | 'bool', limits: Limits): NdArray['data'] {
  const stored = MI_NUMERIC[t.type];
  if (stored === undefined)
    b.fail(
      at,
      t.type >= MI.UTF8 && t.type <= MI.UTF32 ? `numeric data of type ${t.type} (text)` : `unknown data type ${t.type}`,
    );
  const size = stored.size;
  if (t.nbytes !== count * size)
    b.fail(at, `data size mismatch: ${count} values need ${count * size} bytes, the element has ${t.nbytes}`);
  if (count * 8 > limits.maxBytes)
    b.limit(at, `an array of ${count} values is larger than maxBytes (${limits.maxBytes})`);
  const target = dtype === 'bool' ? 'uint8' : dtype;
  const start = b.bytes.byteOffset + t.data;
  if (stored.dtype === target && b.little === LITTLE_HOST && start % size === 0 && dtype !== 'bool') {
    const Ctor = TYPED[target] as new (buf: ArrayBufferLike, o: number, n: number) => NdArray['data'];
    return new Ctor(b.bytes.buffer, start, count);
  }
  const out = allocate(dtype, count);
  const view = b.view;
  const le = b.little;
  const read = reader(t.type, view, le);
  const big = out instanceof BigInt64Array || out instanceof BigUint64Array;
  for (let k = 0; k < count; k++) {
    const v = read(t.data + k * size);
    if (big) (out as BigInt64Array)[k] = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    else if (dtype === 'bool') (out as Uint8Array)[k] = v ? 1 : 0;
    else (out as Float64Array)[k] = Number(v);
  }
  return out;
}

function reader(type: number, v: DataView, le: boolean): (at: number) => number | bigint {
  switch (type) {
    case MI.INT8:
      return (at) => v.getInt8(at);
    case MI.UINT8:
      return (at) => v.getUint8(at);
    case MI.INT16:
      return (at) => v.getInt16(at, le);
    case MI.UINT16:
      return (at) => v.getUint16(at, le);
    case MI.INT32:
      return (at) => v.getInt32(at, le);
    case MI.UINT32:
      return (at) => v.getUint32(at, le);
    case MI.SINGLE:
      return (at) => v.getFloat32(at, le);
    case MI.INT64:
      return (at) => v.getBigInt64(at, le);
    case MI.UINT64:
      return (at) => v.getBigUint64(at, le);
    default:
      return (at) => v.getFloat64(at, le);
  }
}

/** What text that is not valid in its encoding becomes (SciPy decodes with errors='replace'). */
const REPLACEMENT = 0xfffd;

/** Char data: a string for a single row, an array of row strings for a char matrix. */
function chars(b: Bytes, t: Tag, at: number, dims: number[], count: number, maxRows: number): string | string[] {
  const raw = b.bytes.subarray(t.data, t.data + t.nbytes);
  let codes: number[];
  switch (t.type) {
    case MI.UTF8:
      codes = Array.from(new TextDecoder('utf-8').decode(raw), (c) => c.codePointAt(0) as number);
      break;
    case MI.UINT16:
    case MI.UTF16: {
      // UTF-16 code units, one per character of the dims; a surrogate without its partner is
      // U+FFFD, as SciPy's decoder gives it.
      codes = [];
      for (let k = 0; k + 1 < t.nbytes; k += 2) codes.push(b.u16(t.data + k));
      for (let k = 0; k < codes.length; k++) {
        const c = codes[k] as number;
        if (c >= 0xd800 && c <= 0xdbff && (codes[k + 1] ?? 0) >= 0xdc00 && (codes[k + 1] ?? 0) <= 0xdfff) k++;
        else if (c >= 0xd800 && c <= 0xdfff) codes[k] = REPLACEMENT;
      }
      break;
    }
    case MI.UTF32: {
      codes = [];
      for (let k = 0; k + 3 < t.nbytes; k += 4) {
        const c = b.u32(t.data + k);
        codes.push(c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? REPLACEMENT : c);
      }
      break;
    }
    case MI.UINT8:
    case MI.INT8:
      codes = Array.from(raw);
      break;
    default:
      b.fail(at, `char data of type ${t.type}`);
  }
  // MATLAB writes some empty strings as dims 1×1 with no data: SciPy reads them as ''. An r×0 char
  // matrix is r empty rows (r bounded, so dims alone cannot make a huge array).
  if (codes.length === 0) {
    const r = dims[0] ?? 0;
    if (r <= 1) return '';
    if (count > 0) b.fail(at, `char data is empty for dims ${dims.join('×')}`);
    if (r > maxRows) b.limit(at, `a char matrix of ${r} empty rows`);
    return Array.from({ length: r }, () => '');
  }
  if (codes.length !== count) b.fail(at, `char data holds ${codes.length} characters for dims ${dims.join('×')}`);
  const rows = dims[0] as number;
  const cols = count === 0 ? 0 : count / Math.max(rows, 1);
  const text = (k: number): string => String.fromCodePoint(codes[k] as number);
  if (rows <= 1 && dims.length === 2) {
    let s = '';
    for (let k = 0; k < count; k++) s += text(k);
    return s;
  }
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    let s = '';
    for (let j = 0; j < cols; j++) s += text(i + rows * j);
    out.push(s);
  }
  return out;
}

/** Char data as an int32 array of code points with MATLAB's dims (column-major). */
function codesOf(text: string | string[], dims: number[]): NdArray {
  const rows = typeof text === 'string' ? [text] : text;
  const r = dims[0] ?? 0;
  const cells = rows.map((row) => Array.from(row, (ch) => ch.codePointAt(0) as number));
  const c = r === 0 ? 0 : Math.max(0, ...cells.map((x) => x.length));
  const data = new Int32Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[i + r * j] = cells[i]?.[j] ?? 32;
  return columnMajor(data, r === 0 ? [...dims] : [r, c], 'int32');
}

/** A struct: field names, then one matrix per field per element (column-major). */
function struct(
  b: Bytes,
  at: number,
  end: number,
  dims: number[],
  count: number,
  limits: Limits,
  depth: number,
  name: string,
): MatStruct | MatStructArray {
  const lt = tag(b, at);
  if (lt.type !== MI.INT32 || lt.nbytes !== 4) b.fail(at, 'a struct needs its field-name length as one miINT32');
  const len = b.i32(lt.data);
  const nt = tag(b, lt.next);
  // A length below 1 has no names to read (SciPy divides by it: ZeroDivisionError for 0, and for a
  // negative one it drops every field); MATLAB writes 32 or 64, SciPy max(name) + 1.
  if (len < 1 || len > 1024) b.fail(lt.data, `field-name length ${len} (1 to 1024 expected)`);
  const nfields = Math.floor(nt.nbytes / len);
  if (nt.nbytes % len !== 0) b.fail(lt.next, `field names take ${nt.nbytes} bytes, not a multiple of ${len}`);
  const names: string[] = [];
  for (let f = 0; f < nfields; f++) names.push(fieldName(b.bytes, nt.data + f * len, len, b.origin, limits.warn));
  let cursor = nt.next;
  // Without fields the elements take no bytes, so dims alone would size the result: bound it.
  if (nfields === 0 && count > Math.min(limits.maxBytes / 64, 1 << 24))
    b.limit(at, `a struct array of ${count} elements without fields`);
  enough(
    b,
    cursor,
    end,
    count * nfields,
    `struct${name === '' ? '' : ` ${name}`} claims ${count} elements of ${nfields} field${nfields === 1 ? '' : 's'}`,
  );
  const elements: MatValue[][] = [];
  for (let e = 0; e < count; e++) {
    const row: MatValue[] = [];
    for (let f = 0; f < nfields; f++) {
      const ft = tag(b, cursor);
      if (ft.type !== MI.MATRIX) b.fail(cursor, `struct field ${names[f]} is data type ${ft.type}, not a matrix`);
      const child = matrix(b, ft, cursor, limits, depth + 1);
      row.push(child === undefined ? emptyDouble() : child[1]);
      cursor = ft.next;
    }
    elements.push(row);
  }
  const unique = new Set(names).size === names.length;
  if (count === 1 && unique) {
    const o: MatStruct = Object.create(null);
    names.forEach((n, f) => {
      o[n] = (elements[0] as MatValue[])[f] as MatValue;
    });
    return o;
  }
  return { kind: 'struct', shape: dims, fieldNames: names, elements };
}

/** A sparse matrix: ir, jc, then the values (and imaginary parts). */
function sparse(b: Bytes, at: number, dims: number[], flags: number, nzmax: number, limits: Limits): MatSparse {
  if (dims.length !== 2) b.fail(at, `a sparse matrix must be 2-D, got ${dims.length} dims`);
  const [m, n] = dims as [number, number];
  const irt = tag(b, at);
  const jct = tag(b, irt.next);
  if (irt.type !== MI.INT32 || jct.type !== MI.INT32) b.fail(at, 'sparse ir and jc must be miINT32');
  if (jct.nbytes !== 4 * (n + 1)) b.fail(irt.next, `sparse jc holds ${jct.nbytes / 4} values for ${n} columns`);
  const jc = new Int32Array(n + 1);
  for (let k = 0; k <= n; k++) jc[k] = b.i32(jct.data + 4 * k);
  const nnz = jc[n] as number;
  if (jc[0] !== 0) b.fail(jct.data, `sparse jc must start at 0, got ${jc[0]}`);
  for (let k = 0; k < n; k++)
    if ((jc[k] as number) > (jc[k + 1] as number) || (jc[k] as number) < 0)
      b.fail(jct.data, 'sparse jc is not non-decreasing');
  if (nnz * 4 > irt.nbytes) b.fail(at, `sparse ir holds ${irt.nbytes / 4} indices for ${nnz} values`);
  // nzmax is the storage MATLAB allocated: never less than the values stored (SciPy ignores it).
  if (nzmax < nnz) b.fail(at, `sparse nzmax ${nzmax} is less than the ${nnz} values stored`);
  const ir = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const r = b.i32(irt.data + 4 * k);
    if (r < 0 || r >= m) b.fail(irt.data + 4 * k, `sparse row index ${r} outside 0…${m - 1}`);
    ir[k] = r;
  }
  const logical = (flags & FLAG.LOGICAL) !== 0;
  const readValues = (t: Tag, where: number): Float64Array => {
    // MATLAB's logical sparse quirk: a miDOUBLE tag over one byte per value.
    if (logical && t.type === MI.DOUBLE && t.nbytes === nnz)
      return Float64Array.from(b.bytes.subarray(t.data, t.data + nnz), (v) => (v ? 1 : 0));
    const size = MI_NUMERIC[t.type]?.size ?? 0;
    const stored = size === 0 ? 0 : t.nbytes / size;
    if (stored < nnz) b.fail(where, `sparse data holds ${stored} values for ${nnz}`);
    const vals = numbers(b, { ...t, nbytes: nnz * size }, where, nnz, 'float64', limits) as Float64Array;
    return logical ? vals.map((v) => (v ? 1 : 0)) : Float64Array.from(vals);
  };
  const prt = tag(b, jct.next);
  const data = readValues(prt, jct.next);
  const imag = (flags & FLAG.COMPLEX) !== 0 ? readValues(tag(b, prt.next), prt.next) : undefined;
  return sparseOf({ shape: [m, n], ir, jc, data, imag, logical });
}

/** Name, dims and class of every variable, reading only each matrix's header. */
export function whosV5(b: Bytes): { name: string; shape: number[]; class: string }[] {
  const out: { name: string; shape: number[]; class: string }[] = [];
  let at: number = HEADER.LENGTH;
  while (at + TAG_BYTES <= b.length) {
    const t = tag(b, at);
    let m: Bytes = b;
    let mt: Tag = t;
    let mAt = at;
    if (t.type === MI.COMPRESSED) {
      // The header is in the first bytes of the stream: inflate a prefix only.
      const head = b.bytes.subarray(t.data, t.data + Math.min(t.nbytes, 4096));
      let prefix: Buffer;
      try {
        prefix = inflateSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1 << 16 });
      } catch (e) {
        if (e instanceof RangeError)
          prefix = inflateSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1 << 20 });
        else b.fail(at, `zlib: ${(e as Error).message}`);
      }
      m = new Bytes(
        new Uint8Array(prefix.buffer, prefix.byteOffset, prefix.byteLength),
        b.little,
        b.origin,
        b.base + at,
      );
      const w = m.u32(0);
      mt = { type: w, nbytes: 0, data: TAG_BYTES, next: 0 };
      mAt = 0;
    } else if (t.type !== MI.MATRIX) b.fail(at, `unknown top-level data type ${t.type}`);
    if (mt.type !== MI.MATRIX) m.fail(mAt, `a compressed element holds data type ${mt.type}, not a matrix`);
    const ft = tag(m, mt.data);
    const w0 = m.u32(ft.data);
    const dt = tag(m, ft.next);
    const dims: number[] = [];
    for (let k = 0; k < dt.nbytes / 4; k++) dims.push(m.i32(dt.data + 4 * k));
    const nt = tag(m, dt.next);
    const cls = w0 & ARRAY_FLAGS.CLASS_MASK;
    const logical = ((w0 >>> ARRAY_FLAGS.FLAGS_SHIFT) & FLAG.LOGICAL) !== 0;
    out.push({
      name: variableName(m.bytes, nt.data, nt.nbytes, m.origin, () => undefined) || NAMELESS,
      shape: dims,
      class: logical && cls !== MX.SPARSE ? 'logical' : (CLASS_NAME_OF_ID[cls] ?? `class ${cls}`),
    });
    at = t.next;
  }
  return out;
}
