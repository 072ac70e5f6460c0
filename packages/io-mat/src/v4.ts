/**
 * MAT level 4: no header, a sequence of matrices each with five int32 (type = M·1000 + O·100 + P·10
 * + T, rows, cols, imaginary flag, name length), the name, then the real and imaginary parts in
 * column-major order. The byte order is whichever makes `type` sensible (M = 0 little, 1 big).
 */

import type { DType } from '@ndimage/core-array';
import { NdArray } from '@ndimage/core-array';
import { Bytes } from './bytes.js';
import { V4 } from './constants.js';
import { variableName } from './names.js';
import { sparseOf } from './plain.js';
import type { Limits } from './v5.js';
import type { MatSparse, MatValue } from './values.js';

/** How a value of each stored dtype is read (every value becomes a double, as SciPy's mat_dtype does). */
const GET: Partial<Record<DType, (v: DataView, at: number, le: boolean) => number>> = {
  float64: (v, at, le) => v.getFloat64(at, le),
  float32: (v, at, le) => v.getFloat32(at, le),
  int32: (v, at, le) => v.getInt32(at, le),
  int16: (v, at, le) => v.getInt16(at, le),
  uint16: (v, at, le) => v.getUint16(at, le),
  uint8: (v, at) => v.getUint8(at),
};

/** Whether bytes look like a level-4 file: a zero among the first four bytes. */
export function isV4(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && (bytes[0] === 0 || bytes[1] === 0 || bytes[2] === 0 || bytes[3] === 0);
}

/** The variables of a level-4 file. */
export function readV4(
  bytes: Uint8Array,
  origin: string,
  limits: Limits,
  wanted?: ReadonlySet<string>,
): [string, MatValue][] {
  const out: [string, MatValue][] = [];
  let at = 0;
  while (at < bytes.length) {
    const probe = new Bytes(bytes, true, origin);
    probe.need(at, V4.HEADER_BYTES, 'a level-4 matrix header');
    // Little-endian (M = 0) if the type read that way is a valid code, else big-endian (M = 1).
    const typeLe = probe.i32(at);
    const little = typeLe >= 0 && typeLe < V4.MAX_TYPE && Math.floor(typeLe / 1000) === 0;
    const b = new Bytes(bytes, little, origin);
    const type = b.i32(at);
    const [m, o, p, t] = [Math.floor(type / 1000), Math.floor(type / 100) % 10, Math.floor(type / 10) % 10, type % 10];
    if (type < 0 || m > 1 || o !== 0 || !(p in V4.PRECISION) || t > V4.SPARSE)
      b.fail(at, `level-4 type ${type} is not a known matrix type`);
    const rows = b.i32(at + 4);
    const cols = b.i32(at + 8);
    const imag = b.i32(at + 12);
    const namlen = b.i32(at + 16);
    if (rows < 0 || cols < 0) b.fail(at + 4, `negative dimension ${rows}×${cols}`);
    if (namlen < 1 || namlen > 4096) b.fail(at + 16, `name length ${namlen}`);
    const count = rows * cols;
    if (!Number.isSafeInteger(count) || count * 8 > limits.maxBytes)
      b.limit(at + 4, `a ${rows}×${cols} matrix is larger than maxBytes`);
    const stored = V4.PRECISION[p] as { size: number; dtype: DType };
    const spec = { size: stored.size, get: GET[stored.dtype] as (v: DataView, at: number, le: boolean) => number };
    const nameAt = at + V4.HEADER_BYTES;
    b.need(nameAt, namlen, 'the name');
    // namlen counts the NUL; the name is Latin-1 bytes, as SciPy decodes it.
    const name = variableName(bytes, nameAt, namlen - 1, origin, limits.warn);
    let data = nameAt + namlen;
    const parts = imag ? 2 : 1;
    b.need(data, count * spec.size * parts, `the ${rows}×${cols} data`);
    const read = (): Float64Array => {
      const a = new Float64Array(count);
      for (let k = 0; k < count; k++) a[k] = spec.get(b.view, data + k * spec.size, little);
      data += count * spec.size;
      return a;
    };
    const re = read();
    const im = imag ? read() : undefined;
    if (wanted === undefined || wanted.has(name)) {
      const strides = [1, rows];
      const wrap = (a: Float64Array): NdArray => new NdArray(a, [rows, cols], { dtype: 'float64', strides });
      let value: MatValue;
      if (t === V4.TEXT) {
        // Text: character codes, one row per string.
        const lines: string[] = [];
        for (let i = 0; i < rows; i++) {
          let s = '';
          for (let j = 0; j < cols; j++) s += String.fromCharCode(re[i + rows * j] as number);
          lines.push(s);
        }
        value = rows === 1 ? (lines[0] as string) : lines;
      } else if (t === V4.SPARSE) value = v4Sparse(b, at, re, rows, cols);
      else value = im === undefined ? wrap(re) : { kind: 'complex', re: wrap(re), im: wrap(im) };
      out.push([name, value]);
    }
    at = data;
  }
  return out;
}

/**
 * A level-4 sparse matrix: an (nnz + 1)×3 (or ×4, complex) matrix of 1-based (row, column,
 * value[, imaginary]) triplets whose last row holds the matrix's size; converted to CSC.
 */
function v4Sparse(b: Bytes, at: number, table: Float64Array, rows: number, cols: number): MatSparse {
  if (cols !== 3 && cols !== 4) b.fail(at, `a level-4 sparse matrix needs 3 or 4 columns, got ${cols}`);
  if (rows < 1) b.fail(at, 'a level-4 sparse matrix needs its size row');
  const nnz = rows - 1;
  const m = table[nnz] as number;
  const n = table[rows + nnz] as number;
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 0 && n >= 0 && m * n <= Number.MAX_SAFE_INTEGER))
    b.fail(at, `level-4 sparse size ${m}×${n}`);
  const order = Array.from({ length: nnz }, (_, k) => k).sort(
    (p, q) => (table[rows + p] as number) - (table[rows + q] as number) || (table[p] as number) - (table[q] as number),
  );
  const ir = new Int32Array(nnz);
  const jc = new Int32Array(n + 1);
  const data = new Float64Array(nnz);
  const imag = cols === 4 ? new Float64Array(nnz) : undefined;
  order.forEach((k, pos) => {
    const r = (table[k] as number) - 1;
    const c = (table[rows + k] as number) - 1;
    if (!(Number.isInteger(r) && Number.isInteger(c) && r >= 0 && r < m && c >= 0 && c < n))
      b.fail(at, `level-4 sparse entry (${r + 1}, ${c + 1}) outside ${m}×${n}`);
    ir[pos] = r;
    data[pos] = table[2 * rows + k] as number;
    if (imag) imag[pos] = table[3 * rows + k] as number;
    jc[c + 1] = (jc[c + 1] as number) + 1;
  });
  for (let j = 0; j < n; j++) jc[j + 1] = (jc[j + 1] as number) + (jc[j] as number);
  return sparseOf({ shape: [m, n], ir, jc, data, imag, logical: false });
}
