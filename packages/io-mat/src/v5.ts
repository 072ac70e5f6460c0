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
import { sparseOf } from './plain.js';
import type { MatCell, MatSparse, MatStruct, MatStructArray, MatValue } from './values.js';

/** Limits of one load. */
export interface Limits {
  /** Largest inflated size of one compressed variable, and largest array, in bytes. */
  maxBytes: number;
  /** Deepest nesting of cells and structs. */
  maxDepth: number;
  /** Called for variables that are skipped (objects, function handles). */
  warn: (message: string) => void;
  /** Numeric values in their MATLAB class (true) or in the type they are stored in (SciPy's default). */
  matDtype: boolean;
  /** Char data as strings, or as int32 arrays of code points with MATLAB's dims. */
  charsAs: 'string' | 'codes';
}

const MI = {
  INT8: 1,
  UINT8: 2,
  INT16: 3,
  UINT16: 4,
  INT32: 5,
  UINT32: 6,
  SINGLE: 7,
  DOUBLE: 9,
  INT64: 12,
  UINT64: 13,
  MATRIX: 14,
  COMPRESSED: 15,
  UTF8: 16,
  UTF16: 17,
  UTF32: 18,
} as const;
const SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 2,
  5: 4,
  6: 4,
  7: 4,
  9: 8,
  12: 8,
  13: 8,
  16: 1,
  17: 2,
  18: 4,
};
const FLAG_COMPLEX = 0x08;
const FLAG_LOGICAL = 0x02;

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
  if (w >>> 16 !== 0) {
    // Small data element: (bytes << 16) | type, then up to 4 bytes of data in the same 8.
    const nbytes = w >>> 16;
    if (nbytes > 4) b.fail(at, `a small data element claims ${nbytes} bytes (at most 4)`);
    b.need(at, 8, 'a small data element');
    return { type: w & 0xffff, nbytes, data: at + 4, next: at + 8 };
  }
  const nbytes = b.u32(at + 4);
  const data = at + 8;
  if (data + nbytes > b.length) b.fail(at, `a data element claims ${nbytes} bytes but only ${b.length - data} remain`);
  const next = w === MI.COMPRESSED ? data + nbytes : data + Math.ceil(nbytes / 8) * 8;
  return { type: w, nbytes, data, next: Math.min(next, b.length) };
}

/** The variables of a level-5 file body (after the 128-byte header), in file order. */
export function readV5(b: Bytes, limits: Limits, wanted?: ReadonlySet<string>): [string, MatValue][] {
  const out: [string, MatValue][] = [];
  let at = 128;
  while (at < b.length) {
    // Trailing padding (some writers leave zeros after the last element).
    if (b.length - at < 8) break;
    const t = tag(b, at);
    if (t.type === MI.MATRIX) {
      const v = matrix(b, t, at, limits, 0, wanted);
      if (v !== undefined) out.push(v);
    } else if (t.type === MI.COMPRESSED) {
      const inner = inflate(b, t, at, limits);
      const it = tag(inner, 0);
      if (it.type !== MI.MATRIX) inner.fail(0, `a compressed element holds data type ${it.type}, not a matrix`);
      const v = matrix(inner, it, 0, limits, 0, wanted);
      if (v !== undefined) out.push(v);
    } else b.fail(at, `unknown top-level data type ${t.type}`);
    at = t.next;
  }
  return out;
}

/** Inflates a compressed element, refusing more than `maxBytes` (a zip bomb stops there). */
function inflate(b: Bytes, t: Tag, at: number, limits: Limits): Bytes {
  let out: Buffer;
  try {
    out = inflateSync(b.bytes.subarray(t.data, t.data + t.nbytes), { maxOutputLength: limits.maxBytes });
  } catch (e) {
    const message = (e as Error).message;
    if (e instanceof RangeError || /larger than|maxOutputLength/i.test(message))
      b.limit(at, `a compressed variable inflates to more than maxBytes (${limits.maxBytes})`);
    b.fail(at, `zlib: ${message}`);
  }
  return new Bytes(
    new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
    b.little,
    `${b.origin} (variable compressed at byte ${b.base + at})`,
    0,
  );
}

/** Decodes ASCII/Latin-1 name bytes (trailing NULs dropped). */
function nameOf(b: Bytes, t: Tag): string {
  let s = '';
  for (let k = 0; k < t.nbytes; k++) {
    const c = b.bytes[t.data + k] as number;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
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
  const ft = tag(b, t.data);
  if (ft.type !== MI.UINT32 || ft.nbytes !== 8)
    b.fail(t.data, `array flags must be 8 bytes of miUINT32, got type ${ft.type}`);
  const w0 = b.u32(ft.data);
  const cls = w0 & 0xff;
  const flags = (w0 >>> 8) & 0xff;
  const dt = tag(b, ft.next);
  if (dt.type !== MI.INT32 && dt.type !== MI.UINT32) b.fail(ft.next, `dimensions must be miINT32, got type ${dt.type}`);
  if (dt.nbytes % 4 !== 0 || dt.nbytes < 8)
    b.fail(ft.next, `dimensions take ${dt.nbytes} bytes (need 2 or more int32)`);
  const dims: number[] = [];
  for (let k = 0; k < dt.nbytes / 4; k++) {
    const d = b.i32(dt.data + 4 * k);
    if (d < 0) b.fail(dt.data + 4 * k, `negative dimension ${d}`);
    dims.push(d);
  }
  const nt = tag(b, dt.next);
  const name = nameOf(b, nt);
  if (wanted !== undefined && depth === 0 && !wanted.has(name)) return undefined;
  let cursor = nt.next;
  const count = product(b, dims, dt.data);
  const value = (): MatValue | undefined => {
    if (cls in DTYPE_OF_CLASS_ID) {
      const rt = tag(b, cursor);
      let dtype: DType = (flags & FLAG_LOGICAL) !== 0 ? 'bool' : (DTYPE_OF_CLASS_ID[cls] as DType);
      // SciPy's default (mat_dtype=False): the storage type — a double stored as miUINT8 is uint8,
      // a logical is uint8.
      if (!limits.matDtype) dtype = STORAGE_DTYPE[rt.type] ?? dtype;
      const re = numbers(b, rt, cursor, count, dtype, limits);
      const real = columnMajor(re, dims, dtype);
      if ((flags & FLAG_COMPLEX) === 0) return real;
      const it = tag(b, rt.next);
      return { kind: 'complex', re: real, im: columnMajor(numbers(b, it, rt.next, count, dtype, limits), dims, dtype) };
    }
    switch (cls) {
      case 4: {
        const text = chars(b, tag(b, cursor), cursor, dims, count, limits.maxBytes / 8);
        return limits.charsAs === 'codes' ? codesOf(text, dims) : text;
      }
      case 1: {
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
      case 2:
      case 3: {
        if (cls === 3) {
          // An object: its class name, then fields as a struct. Skipped (MATLAB classes do not map to values).
          limits.warn(`${b.origin}: variable '${name}' is a MATLAB object; skipped`);
          return undefined;
        }
        return struct(b, cursor, dims, count, limits, depth);
      }
      case 5:
        return sparse(b, cursor, dims, flags, limits);
      case 16:
      case 17:
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

const TYPED: Partial<Record<number, new (b: ArrayBufferLike, o: number, n: number) => ArrayLike<number | bigint>>> = {
  1: Int8Array,
  2: Uint8Array,
  3: Int16Array,
  4: Uint16Array,
  5: Int32Array,
  6: Uint32Array,
  7: Float32Array,
  9: Float64Array,
  12: BigInt64Array,
  13: BigUint64Array,
};
const STORAGE_OF: Partial<Record<DType, number>> = {
  float64: 9,
  float32: 7,
  int8: 1,
  uint8: 2,
  int16: 3,
  uint16: 4,
  int32: 5,
  uint32: 6,
  int64: 12,
  uint64: 13,
};
const LITTLE_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const STORAGE_DTYPE: Partial<Record<number, DType>> = {
  1: 'int8',
  2: 'uint8',
  3: 'int16',
  4: 'uint16',
  5: 'int32',
  6: 'uint32',
  7: 'float32',
  9: 'float64',
  12: 'int64',
  13: 'uint64',
};

/**
 * `count` values of class `dtype` from a numeric data element: a view of the bytes when they are
 * stored in the class's own type, native order and aligned (no copy), else converted element by
 * element from the storage type (MATLAB stores `double([1 2 3])` as miUINT8).
 */
function numbers(b: Bytes, t: Tag, at: number, count: number, dtype: DType | 'bool', limits: Limits): NdArray['data'] {
  const size = SIZE[t.type];
  if (size === undefined || t.type === MI.UTF8 || t.type === MI.UTF16 || t.type === MI.UTF32)
    b.fail(at, `numeric data of type ${t.type}`);
  if (t.nbytes !== count * size)
    b.fail(at, `data size mismatch: ${count} values need ${count * size} bytes, the element has ${t.nbytes}`);
  if (count * 8 > limits.maxBytes)
    b.limit(at, `an array of ${count} values is larger than maxBytes (${limits.maxBytes})`);
  const target = dtype === 'bool' ? 'uint8' : dtype;
  const start = b.bytes.byteOffset + t.data;
  if (STORAGE_OF[target] === t.type && b.little === LITTLE_HOST && start % size === 0 && dtype !== 'bool') {
    const Ctor = TYPED[t.type] as new (buf: ArrayBufferLike, o: number, n: number) => NdArray['data'];
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
    case 1:
      return (at) => v.getInt8(at);
    case 2:
      return (at) => v.getUint8(at);
    case 3:
      return (at) => v.getInt16(at, le);
    case 4:
      return (at) => v.getUint16(at, le);
    case 5:
      return (at) => v.getInt32(at, le);
    case 6:
      return (at) => v.getUint32(at, le);
    case 7:
      return (at) => v.getFloat32(at, le);
    case 12:
      return (at) => v.getBigInt64(at, le);
    case 13:
      return (at) => v.getBigUint64(at, le);
    default:
      return (at) => v.getFloat64(at, le);
  }
}

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
      codes = [];
      for (let k = 0; k + 1 < t.nbytes; k += 2) codes.push(b.u16(t.data + k));
      break;
    }
    case MI.UTF32: {
      codes = [];
      for (let k = 0; k + 3 < t.nbytes; k += 4) codes.push(b.u32(t.data + k));
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
  const text = (k: number): string => String.fromCodePoint(Math.min(codes[k] as number, 0x10ffff));
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
  dims: number[],
  count: number,
  limits: Limits,
  depth: number,
): MatStruct | MatStructArray {
  const lt = tag(b, at);
  if (lt.type !== MI.INT32 || lt.nbytes !== 4) b.fail(at, 'a struct needs its field-name length as one miINT32');
  const len = b.i32(lt.data);
  const nt = tag(b, lt.next);
  if (nt.nbytes > 0 && (len < 1 || len > 1024)) b.fail(lt.data, `field-name length ${len} (1 to 1024 expected)`);
  const nfields = nt.nbytes === 0 ? 0 : Math.floor(nt.nbytes / len);
  if (nt.nbytes % Math.max(len, 1) !== 0)
    b.fail(lt.next, `field names take ${nt.nbytes} bytes, not a multiple of ${len}`);
  const names: string[] = [];
  for (let f = 0; f < nfields; f++)
    names.push(nameOf(b, { type: MI.INT8, nbytes: len, data: nt.data + f * len, next: 0 }));
  let cursor = nt.next;
  // Without fields the elements take no bytes, so dims alone would size the result: bound it.
  if (nfields === 0 && count > Math.min(limits.maxBytes / 64, 1 << 24))
    b.limit(at, `a struct array of ${count} elements without fields`);
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
function sparse(b: Bytes, at: number, dims: number[], flags: number, limits: Limits): MatSparse {
  if (dims.length !== 2) b.fail(at, `a sparse matrix must be 2-D, got ${dims.length} dims`);
  const [m, n] = dims as [number, number];
  const irt = tag(b, at);
  const jct = tag(b, irt.next);
  if (irt.type !== MI.INT32 || jct.type !== MI.INT32) b.fail(at, 'sparse ir and jc must be miINT32');
  if (jct.nbytes !== 4 * (n + 1)) b.fail(irt.next, `sparse jc holds ${jct.nbytes / 4} values for ${n} columns`);
  const jc = new Int32Array(n + 1);
  for (let k = 0; k <= n; k++) jc[k] = b.i32(jct.data + 4 * k);
  const nnz = jc[n] as number;
  for (let k = 0; k < n; k++)
    if ((jc[k] as number) > (jc[k + 1] as number) || (jc[k] as number) < 0)
      b.fail(jct.data, 'sparse jc is not non-decreasing');
  if (nnz * 4 > irt.nbytes) b.fail(at, `sparse ir holds ${irt.nbytes / 4} indices for ${nnz} values`);
  const ir = new Int32Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const r = b.i32(irt.data + 4 * k);
    if (r < 0 || r >= m) b.fail(irt.data + 4 * k, `sparse row index ${r} outside 0…${m - 1}`);
    ir[k] = r;
  }
  const logical = (flags & FLAG_LOGICAL) !== 0;
  const readValues = (t: Tag, where: number): Float64Array => {
    // MATLAB's logical sparse quirk: a miDOUBLE tag over one byte per value.
    if (logical && t.type === MI.DOUBLE && t.nbytes === nnz)
      return Float64Array.from(b.bytes.subarray(t.data, t.data + nnz), (v) => (v ? 1 : 0));
    const size = SIZE[t.type] ?? 0;
    const stored = size === 0 ? 0 : t.nbytes / size;
    if (stored < nnz) b.fail(where, `sparse data holds ${stored} values for ${nnz}`);
    const vals = numbers(b, { ...t, nbytes: nnz * size }, where, nnz, 'float64', limits) as Float64Array;
    return logical ? vals.map((v) => (v ? 1 : 0)) : Float64Array.from(vals);
  };
  const prt = tag(b, jct.next);
  const data = readValues(prt, jct.next);
  const imag = (flags & FLAG_COMPLEX) !== 0 ? readValues(tag(b, prt.next), prt.next) : undefined;
  return sparseOf({ shape: [m, n], ir, jc, data, imag, logical });
}

/** Name, dims and class of every variable, reading only each matrix's header. */
export function whosV5(b: Bytes): { name: string; shape: number[]; class: string }[] {
  const out: { name: string; shape: number[]; class: string }[] = [];
  let at = 128;
  while (at + 8 <= b.length) {
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
      mt = { type: w, nbytes: 0, data: 8, next: 0 };
      mAt = 0;
    } else if (t.type !== MI.MATRIX) b.fail(at, `unknown top-level data type ${t.type}`);
    if (mt.type !== MI.MATRIX) m.fail(mAt, `a compressed element holds data type ${mt.type}, not a matrix`);
    const ft = tag(m, mt.data);
    const w0 = m.u32(ft.data);
    const dt = tag(m, ft.next);
    const dims: number[] = [];
    for (let k = 0; k < dt.nbytes / 4; k++) dims.push(m.i32(dt.data + 4 * k));
    const nt = tag(m, dt.next);
    const cls = w0 & 0xff;
    const logical = ((w0 >>> 8) & FLAG_LOGICAL) !== 0;
    out.push({
      name: nameOf(m, nt),
      shape: dims,
      class: logical && cls !== 5 ? 'logical' : (CLASS_NAME_OF_ID[cls] ?? `class ${cls}`),
    });
    at = t.next;
  }
  return out;
}
