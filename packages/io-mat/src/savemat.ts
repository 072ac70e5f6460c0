/**
 * `savemat`: MAT level-5 files as SciPy writes them (header text, 8-byte padding, small data
 * elements for ≤ 4 bytes, miUTF8 chars, one miCOMPRESSED element per variable when compressing),
 * so that scipy.io.loadmat and MATLAB read them back.
 */
import { deflateSync } from 'node:zlib';
import { asarray, isNdArrayLike, NdArray, NdImageError } from '@ndimage/core-array';
import { checkOneOf, checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { writeFileAtomic } from '@ndimage/core-array/node';
import { CLASS_ID_OF_DTYPE } from './classes.js';
import { ARRAY_FLAGS, arrayFlagsWord, FLAG, HEADER, MI, MI_OF_DTYPE, MX, SMALL, TAG_BYTES } from './constants.js';
import { v4Matrix } from './save-v4.js';
import type { MatCell, MatComplex, MatSparse, MatStructArray, MatValue } from './values.js';

const SAVEMAT_KEYS = optionKeys<SavematOptions>({
  format: true,
  doCompression: true,
  onedAs: true,
  longFieldNames: true,
});

/** Options of {@link savemat}. */
export interface SavematOptions {
  /** `'5'` (MATLAB 5 and later) or `'4'` (2-D numeric, text and sparse only). @defaultValue '5' */
  format?: '5' | '4';
  /** zlib-compress each variable (MAT v7; level 5 only). @defaultValue false (SciPy's default) */
  doCompression?: boolean;
  /** 1-D arrays as 1×N rows or N×1 columns. @defaultValue 'row' */
  onedAs?: 'row' | 'column';
  /** Allow variable and field names up to 63 characters instead of 31. @defaultValue false */
  longFieldNames?: boolean;
}

/** What savemat accepts: MatValues, plus plain numbers, booleans, number arrays and nested objects. */
export type SaveValue =
  | MatValue
  | number
  | bigint
  | boolean
  | readonly number[]
  | readonly (readonly number[])[]
  | { [k: string]: SaveValue };

/**
 * The output as a list of chunks (headers, data views, padding) with a running length: data arrays
 * are referenced, not copied, until the one final concatenation (or the file write).
 */
class Out {
  chunks: Uint8Array[] = [];
  length = 0;
  raw(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.raw(b);
  }
  pad(): void {
    const n = (TAG_BYTES - (this.length % TAG_BYTES)) % TAG_BYTES;
    if (n > 0) this.raw(new Uint8Array(n));
  }
  /** A data element: small form for 1–4 bytes, else tag + data + padding. */
  element(type: number, data: Uint8Array): void {
    if (data.length <= SMALL.MAX_BYTES && data.length > 0) {
      const b = new Uint8Array(TAG_BYTES);
      const v = new DataView(b.buffer);
      v.setUint32(0, (data.length << SMALL.SHIFT) | type, true);
      b.set(data, SMALL.DATA_AT);
      this.raw(b);
      return;
    }
    const tag = new Uint8Array(TAG_BYTES);
    const v = new DataView(tag.buffer);
    v.setUint32(0, type, true);
    v.setUint32(4, data.length, true);
    this.raw(tag);
    this.raw(data);
    this.pad();
  }
  /** Starts an element whose byte count `close` fills in. */
  open(type: number): { tag: DataView; start: number } {
    const b = new Uint8Array(TAG_BYTES);
    const tag = new DataView(b.buffer);
    tag.setUint32(0, type, true);
    this.raw(b);
    return { tag, start: this.length };
  }
  close(at: { tag: DataView; start: number }): void {
    at.tag.setUint32(4, this.length - at.start, true);
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let k = 0;
    for (const c of this.chunks) {
      out.set(c, k);
      k += c.length;
    }
    return out;
  }
}

const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const LITTLE_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Writes variables to a MAT v5 file (`target` a path) or returns its bytes (`target` null).
 * `NdArray`s keep their dtype as the MATLAB class (bool → logical), a number is a 1×1 double, a
 * string a char row (miUTF8), a string array a char matrix, a plain object a 1×1 struct, and the
 * `MatCell`/`MatStructArray`/`MatSparse`/`MatComplex` values of loadmat write back as they read.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for an invalid or too long name or a value it cannot
 *   write; `ERR_IO` when the file cannot be written.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const bytes = await savemat(null, { x: array([[1, 2], [3, 4]]), s: 'hello' }); // scipy.io.savemat(f, {...})
 * bytes.length > 128; // true
 * ```
 * @see scipy.io.savemat
 */
export async function savemat(
  target: string | null,
  variables: Record<string, SaveValue>,
  options?: SavematOptions,
): Promise<Uint8Array> {
  const o = checkOptions(options, SAVEMAT_KEYS);
  const maxName = o.longFieldNames === true ? 63 : 31;
  const onedAs = checkOneOf(o.onedAs ?? 'row', 'onedAs', ['row', 'column']);
  if (variables === null || typeof variables !== 'object')
    throw invalidArgument('variables', 'an object of name → value', variables);
  const format = checkOneOf(o.format ?? '5', 'format', ['5', '4']);
  if (format === '4') {
    const parts: Uint8Array[] = [];
    for (const [name, value] of Object.entries(variables)) {
      checkName(name, maxName, 'variable');
      v4Matrix(parts, name, value);
    }
    const out = new Out();
    for (const p of parts) out.raw(p);
    return finish(out.result(), target);
  }
  const out = new Out();
  const header = new Uint8Array(HEADER.LENGTH).fill(0x20);
  const text = `MATLAB 5.0 MAT-file Platform: nodejs, Created on: ${new Date().toUTCString()}`;
  for (let k = 0; k < text.length && k < HEADER.TEXT; k++) header[k] = text.charCodeAt(k) & 0x7f;
  header.fill(0, HEADER.SUBSYSTEM, HEADER.VERSION_AT); // no subsystem data
  new DataView(header.buffer).setUint16(HEADER.VERSION_AT, HEADER.VERSION_5, true); // little-endian
  header[HEADER.ENDIAN_AT] = HEADER.I;
  header[HEADER.ENDIAN_AT + 1] = HEADER.M;
  out.raw(header);
  for (const [name, value] of Object.entries(variables)) {
    checkName(name, maxName, 'variable');
    if (o.doCompression === true) {
      const one = new Out();
      matrix(one, name, value, { onedAs, maxName }, 0);
      const z = deflateSync(one.result());
      out.u32(MI.COMPRESSED);
      out.u32(z.length);
      out.raw(z);
    } else matrix(out, name, value, { onedAs, maxName }, 0);
  }
  return finish(out.result(), target);
}

/** Writes the bytes to `target` (when a path: atomically, an existing file is never half-replaced) and returns them. */
async function finish(bytes: Uint8Array, target: string | null): Promise<Uint8Array> {
  if (target !== null) await writeFileAtomic(target, bytes);
  return bytes;
}

function checkName(name: string, max: number, what: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.length > max)
    throw invalidArgument(
      `${what} name`,
      `a letter then letters, digits and _, at most ${max} characters (MATLAB's rule)`,
      name,
    );
}

interface Ctx {
  onedAs: 'row' | 'column';
  maxName: number;
}

/** Writes one miMATRIX element (name '' inside cells and structs). */
function matrix(out: Out, name: string, value: SaveValue, ctx: Ctx, depth: number): void {
  if (depth > 64) throw new NdImageError('ERR_LIMIT', 'values nest deeper than 64 levels', { argument: 'variables' });
  const at = out.open(MI.MATRIX);
  const head = (cls: number, flags: number, dims: readonly number[], nzmax = 0): void => {
    const f = new Uint8Array(ARRAY_FLAGS.BYTES);
    const dv = new DataView(f.buffer);
    dv.setUint32(0, arrayFlagsWord(cls, flags), true);
    dv.setUint32(4, nzmax, true);
    out.element(MI.UINT32, f);
    out.element(MI.INT32, bytesOf(Int32Array.from(dims)));
    const n = new TextEncoder().encode(name);
    if (n.length === 0) {
      out.u32(MI.INT8);
      out.u32(0);
    } else out.element(MI.INT8, n);
  };
  if (typeof value === 'number') value = new NdArray(Float64Array.of(value), [1, 1], { dtype: 'float64' });
  else if (typeof value === 'boolean') value = new NdArray(Uint8Array.of(value ? 1 : 0), [1, 1], { dtype: 'bool' });
  else if (typeof value === 'bigint') value = new NdArray(BigInt64Array.of(value), [1, 1], { dtype: 'int64' });
  else if (Array.isArray(value) && value.every((v) => typeof v === 'number' || Array.isArray(v)))
    value = asarray(value as unknown as number[]);
  // An array of another installed copy of core-array (or a scijs ndarray) is an array, not a struct.
  // (A MatSparse has data and a shape too: its kind says what it is.)
  else if (!(value instanceof NdArray) && isNdArrayLike(value) && (value as { kind?: unknown }).kind === undefined)
    value = asarray(value);
  if (value instanceof NdArray) {
    const cls = CLASS_ID_OF_DTYPE[value.dtype];
    const mi = MI_OF_DTYPE[value.dtype];
    if (cls === undefined || mi === undefined)
      throw invalidArgument(name || 'variables', 'an array of a dtype with a MATLAB class', value.dtype);
    const dims = dimsOf(value.shape, ctx);
    head(cls, value.dtype === 'bool' ? FLAG.LOGICAL : 0, dims);
    out.element(mi, fortran(value));
  } else if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    const rows = typeof value === 'string' ? [value] : (value as string[]);
    const chars = rows.map((r) => Array.from(r));
    const width = Math.max(0, ...chars.map((c) => c.length));
    const dims = typeof value === 'string' && width === 0 ? [0, 0] : [rows.length, width];
    head(MX.CHAR, 0, dims);
    let s = '';
    for (let j = 0; j < width; j++) for (const c of chars) s += c[j] ?? ' ';
    const data = new TextEncoder().encode(s);
    if (data.length === 0) {
      out.u32(MI.UTF8);
      out.u32(0);
    } else out.element(MI.UTF8, data);
  } else if (isKind(value, 'complex')) {
    const c = value as MatComplex;
    const cls = CLASS_ID_OF_DTYPE[c.re.dtype];
    const mi = MI_OF_DTYPE[c.re.dtype];
    if (cls === undefined || mi === undefined || c.re.dtype === 'bool')
      throw invalidArgument(name || 'variables', 'a complex array of a numeric dtype', c.re.dtype);
    head(cls, FLAG.COMPLEX, dimsOf(c.re.shape, ctx));
    out.element(mi, fortran(c.re));
    out.element(mi, fortran(c.im));
  } else if (isKind(value, 'cell') || (Array.isArray(value) && !value.every((v) => typeof v === 'string'))) {
    const cell: MatCell = Array.isArray(value)
      ? { kind: 'cell', shape: [1, value.length], values: value as MatValue[] }
      : (value as MatCell);
    head(MX.CELL, 0, cell.shape);
    for (const v of cell.values) matrix(out, '', v as SaveValue, ctx, depth + 1);
  } else if (isKind(value, 'struct')) {
    const s = value as MatStructArray;
    structHead(out, head, s.shape, s.fieldNames, ctx);
    for (const e of s.elements) for (const v of e) matrix(out, '', v as SaveValue, ctx, depth + 1);
  } else if (isKind(value, 'sparse')) {
    const sp = value as MatSparse;
    const nnz = sp.jc[sp.shape[1]] as number;
    head(MX.SPARSE, (sp.logical ? FLAG.LOGICAL : 0) | (sp.imag ? FLAG.COMPLEX : 0), sp.shape, Math.max(nnz, 1));
    out.element(MI.INT32, bytesOf(sp.ir.slice(0, nnz)));
    out.element(MI.INT32, bytesOf(sp.jc.slice()));
    if (sp.logical)
      out.element(
        MI.UINT8,
        Uint8Array.from(sp.data.subarray(0, nnz), (v) => (v ? 1 : 0)),
      );
    else out.element(MI.DOUBLE, bytesOf(sp.data.slice(0, nnz)));
    if (sp.imag) out.element(MI.DOUBLE, bytesOf(sp.imag.slice(0, nnz)));
  } else if (value !== null && typeof value === 'object') {
    const fields = Object.keys(value);
    structHead(out, head, [1, 1], fields, ctx);
    for (const f of fields) matrix(out, '', (value as Record<string, SaveValue>)[f] as SaveValue, ctx, depth + 1);
  } else
    throw invalidArgument(
      name || 'variables',
      'an NdArray, number, boolean, bigint, string, array, plain object or a value loadmat returns',
      value,
    );
  out.close(at);
  out.pad();
}

function structHead(
  out: Out,
  head: (cls: number, flags: number, dims: readonly number[]) => void,
  dims: readonly number[],
  fields: string[],
  ctx: Ctx,
): void {
  for (const f of fields) checkName(f, ctx.maxName, 'field');
  head(MX.STRUCT, 0, dims);
  const len = Math.max(0, ...fields.map((f) => f.length)) + 1;
  out.element(MI.INT32, bytesOf(Int32Array.of(len)));
  const names = new Uint8Array(len * fields.length);
  fields.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) names[i * len + k] = f.charCodeAt(k);
  });
  if (names.length === 0) {
    out.u32(MI.INT8);
    out.u32(0);
  } else out.element(MI.INT8, names);
}

function isKind(v: unknown, kind: string): boolean {
  return v !== null && typeof v === 'object' && (v as { kind?: unknown }).kind === kind;
}

/** MATLAB dims: at least 2; a 1-D array as a row or a column; a 0-d array as 1×1. */
function dimsOf(shape: readonly number[], ctx: Ctx): number[] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return ctx.onedAs === 'row' ? [1, shape[0] as number] : [shape[0] as number, 1];
  return [...shape];
}

/** The array's values in column-major (Fortran) order, little-endian, as bytes. */
function fortran(a: NdArray): Uint8Array {
  const t = a.ndim <= 1 ? a.toContiguous() : a.transpose().toContiguous();
  const d = t.data as ArrayBufferView & { length: number; subarray(s: number, e: number): ArrayBufferView };
  const view = d.subarray(t.offset, t.offset + t.size);
  if (!LITTLE_HOST) throw new NdImageError('ERR_UNSUPPORTED', 'writing MAT files on a big-endian host', {});
  if (a.dtype === 'bool') return Uint8Array.from(view as Uint8Array, (v) => (v ? 1 : 0));
  // A view: the bytes are copied once, into the file's buffer.
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
