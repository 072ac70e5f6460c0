/**
 * Level-4 output (`savemat(…, { format: '4' })`), as SciPy writes it: per variable five int32
 * (type = P·10 + T with M = 0 little-endian, rows, cols, imaginary flag, name length + 1), the
 * name with its NUL, then the column-major data. Only what level 4 can hold: 2-D numeric arrays
 * (double, single, int32, int16, uint16, uint8; logical as uint8), complex, text, and sparse.
 */
import { NdArray, NdImageError } from '@ndimage/core-array';
import { invalidArgument } from '@ndimage/core-array/internal';
import { V4, V4_PRECISION_OF_DTYPE } from './constants.js';
import type { MatComplex, MatSparse } from './values.js';

/** The `type` field of a matrix header: M = 0 (little-endian), O = 0, precision P, matrix type T. */
const typeCode = (p: number, t: number): number => p * 10 + t;

/** Appends one level-4 matrix to `parts`. */
export function v4Matrix(parts: Uint8Array[], name: string, value: unknown): void {
  const put = (type: number, rows: number, cols: number, imag: boolean, data: Uint8Array[]): void => {
    const head = new DataView(new ArrayBuffer(V4.HEADER_BYTES));
    [type, rows, cols, imag ? 1 : 0, name.length + 1].forEach((v, i) => {
      head.setInt32(4 * i, v, true);
    });
    parts.push(new Uint8Array(head.buffer));
    const n = new Uint8Array(name.length + 1);
    for (let k = 0; k < name.length; k++) n[k] = name.charCodeAt(k) & 0x7f;
    parts.push(n);
    parts.push(...data);
  };
  if (typeof value === 'number') value = new NdArray(Float64Array.of(value), [1, 1], { dtype: 'float64' });
  if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    // Text: SciPy writes 8-bit character codes with T = 1 (type 51: uint8 text).
    const rows = typeof value === 'string' ? [value] : (value as string[]);
    const width = Math.max(0, ...rows.map((r) => r.length));
    const codes = new Uint8Array(rows.length * width);
    rows.forEach((r, i) => {
      for (let j = 0; j < width; j++) {
        const c = j < r.length ? r.charCodeAt(j) : 32;
        if (c > 255) throw invalidArgument(name, 'text of 8-bit characters (all level 4 holds)', r);
        codes[i + rows.length * j] = c;
      }
    });
    put(typeCode(V4_PRECISION_OF_DTYPE.uint8 as number, V4.TEXT), rows.length, width, false, [codes]);
    return;
  }
  const kind = (value as { kind?: string } | null)?.kind;
  if (kind === 'sparse') {
    const s = value as MatSparse;
    const [m, n] = s.shape;
    const nnz = s.jc[n] as number;
    const cols = s.imag ? 4 : 3;
    const rows = nnz + 1;
    const t = new Float64Array(rows * cols);
    for (let j = 0; j < n; j++)
      for (let k = s.jc[j] as number; k < (s.jc[j + 1] as number); k++) {
        t[k] = (s.ir[k] as number) + 1;
        t[rows + k] = j + 1;
        t[2 * rows + k] = s.data[k] as number;
        if (s.imag) t[3 * rows + k] = s.imag[k] as number;
      }
    t[nnz] = m;
    t[rows + nnz] = n;
    put(typeCode(V4_PRECISION_OF_DTYPE.float64 as number, V4.SPARSE), rows, cols, false, [new Uint8Array(t.buffer)]);
    return;
  }
  const complex = kind === 'complex';
  const re = complex ? (value as MatComplex).re : value;
  if (!(re instanceof NdArray))
    throw invalidArgument(name, 'a 2-D numeric array, text or a sparse matrix (all level 4 holds)', value);
  const dtype = (re as NdArray).dtype;
  const p = V4_PRECISION_OF_DTYPE[dtype];
  if (p === undefined)
    throw invalidArgument(
      name,
      'an array of dtype float64, float32, int32, int16, uint16, uint8 or bool (all level 4 holds)',
      dtype,
    );
  const shape = re.ndim === 0 ? [1, 1] : re.ndim === 1 ? [1, re.shape[0] as number] : re.shape;
  if (shape.length !== 2)
    throw new NdImageError('ERR_SHAPE', `level 4 holds 2-D arrays; ${name} has ${shape.length} dims`, {
      argument: name,
    });
  const fortran = (a: NdArray): Uint8Array => {
    const t = (a.ndim === 2 ? a.transpose() : a).toContiguous();
    const d = t.data as ArrayBufferView & { subarray(s: number, e: number): ArrayBufferView };
    const v = d.subarray(t.offset, t.offset + t.size);
    return a.dtype === 'bool'
      ? Uint8Array.from(v as Uint8Array, (x) => (x ? 1 : 0))
      : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  };
  const data = [fortran(re)];
  if (complex) data.push(fortran((value as MatComplex).im));
  put(typeCode(p, V4.FULL), shape[0] as number, shape[1] as number, complex, data);
}
