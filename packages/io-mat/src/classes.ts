/**
 * MATLAB's classes as the readers meet them — the mxClass id of level-5 files, the class name of
 * v7.3 files (`MATLAB_class`) and of `whosmat` — with the dtype their arrays get, and the
 * column-major view every reader returns. One table, so the readers cannot disagree.
 */
import { DTYPE_INFO, type DType, imag, NdArray, real } from '@ndimage/core-array';
import { MX } from './constants.js';
import type { MatComplex } from './values.js';

/** The numeric classes: level-5 id, name, dtype. */
const NUMERIC: readonly (readonly [id: number, name: string, dtype: DType])[] = [
  [MX.DOUBLE, 'double', 'float64'],
  [MX.SINGLE, 'single', 'float32'],
  [MX.INT8, 'int8', 'int8'],
  [MX.UINT8, 'uint8', 'uint8'],
  [MX.INT16, 'int16', 'int16'],
  [MX.UINT16, 'uint16', 'uint16'],
  [MX.INT32, 'int32', 'int32'],
  [MX.UINT32, 'uint32', 'uint32'],
  [MX.INT64, 'int64', 'int64'],
  [MX.UINT64, 'uint64', 'uint64'],
];

/** Level-5 numeric class id → dtype (logical is a flag on these, not a class of its own). */
export const DTYPE_OF_CLASS_ID: Readonly<Record<number, DType>> = Object.fromEntries(
  NUMERIC.map(([id, , dtype]) => [id, dtype]),
);

/** Class name → dtype, logical included (v7.3 names it in `MATLAB_class`). */
export const DTYPE_OF_CLASS_NAME: Readonly<Record<string, DType>> = {
  ...Object.fromEntries(NUMERIC.map(([, name, dtype]) => [name, dtype])),
  logical: 'bool',
};

/** dtype → level-5 class id (bool → uint8: a logical is a uint8 array with the logical flag). */
export const CLASS_ID_OF_DTYPE: Readonly<Partial<Record<DType, number>>> = {
  ...Object.fromEntries(NUMERIC.map(([id, , dtype]) => [dtype, id])),
  bool: MX.UINT8,
};

/** dtype → class name (bool → logical; a complex array is its parts' class). */
export const CLASS_NAME_OF_DTYPE: Readonly<Partial<Record<DType, string>>> = {
  ...Object.fromEntries(NUMERIC.map(([, name, dtype]) => [dtype, name])),
  bool: 'logical',
  complex128: 'double',
  complex64: 'single',
};

/** Level-5 class id → name, every class (for `whosmat`). */
export const CLASS_NAME_OF_ID: Readonly<Record<number, string>> = {
  [MX.CELL]: 'cell',
  [MX.STRUCT]: 'struct',
  [MX.OBJECT]: 'object',
  [MX.CHAR]: 'char',
  [MX.SPARSE]: 'sparse',
  ...Object.fromEntries(NUMERIC.map(([id, name]) => [id, name])),
  [MX.FUNCTION]: 'function_handle',
  [MX.OPAQUE]: 'opaque',
};

/** Strides of a column-major array of `dims` (the data stay as stored: `A(i, j)` is `a.get(i, j)`). */
export function columnMajor(data: NdArray['data'], dims: number[], dtype: DType): NdArray {
  const strides: number[] = [];
  let s = 1;
  for (const d of dims) {
    strides.push(s);
    s *= d;
  }
  return new NdArray(data, [...dims], { dtype, strides });
}

/**
 * A complex array from the real and imaginary parts a file stores one after the other, in the
 * same column-major order (and strides) as {@link columnMajor}. The dtype: complex64 for single,
 * complex128 otherwise — integer classes included, which complex64 could not hold exactly
 * (MATLAB's class is then lost, as in SciPy). With `storage` (SciPy's default `mat_dtype=False`)
 * SciPy's rule instead: complex64 when the stored type has 4 bytes, complex128 otherwise.
 */
export function complexColumnMajor(
  re: NdArray['data'],
  im: NdArray['data'],
  dims: number[],
  dtype: DType,
  storage = false,
): NdArray<'complex64' | 'complex128'> {
  const single = storage ? DTYPE_INFO[dtype].itemsize === 4 : dtype === 'float32';
  const count = re.length;
  const data = single ? new Float32Array(2 * count) : new Float64Array(2 * count);
  const r = re as ArrayLike<number | bigint>;
  const m = im as ArrayLike<number | bigint>;
  for (let k = 0; k < count; k++) {
    data[2 * k] = Number(r[k]);
    data[2 * k + 1] = Number(m[k]);
  }
  const strides: number[] = [];
  let s = 1;
  for (const d of dims) {
    strides.push(s);
    s *= d;
  }
  return new NdArray(data, [...dims], { dtype: single ? 'complex64' : 'complex128', strides });
}

/** A complex array as the two parts MATLAB stores: float views, no copy (complex64 → single). */
export function complexParts(z: NdArray): MatComplex {
  return { kind: 'complex', re: real(z), im: imag(z) };
}
