/**
 * MATLAB's classes as the readers meet them — the mxClass id of level-5 files, the class name of
 * v7.3 files (`MATLAB_class`) and of `whosmat` — with the dtype their arrays get, and the
 * column-major view every reader returns. One table, so the readers cannot disagree.
 */
import { type DType, NdArray } from '@ndimage/core-array';

/** The numeric classes: level-5 id, name, dtype. */
const NUMERIC: readonly (readonly [id: number, name: string, dtype: DType])[] = [
  [6, 'double', 'float64'],
  [7, 'single', 'float32'],
  [8, 'int8', 'int8'],
  [9, 'uint8', 'uint8'],
  [10, 'int16', 'int16'],
  [11, 'uint16', 'uint16'],
  [12, 'int32', 'int32'],
  [13, 'uint32', 'uint32'],
  [14, 'int64', 'int64'],
  [15, 'uint64', 'uint64'],
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

/** dtype → class name (bool → logical). */
export const CLASS_NAME_OF_DTYPE: Readonly<Partial<Record<DType, string>>> = {
  ...Object.fromEntries(NUMERIC.map(([, name, dtype]) => [dtype, name])),
  bool: 'logical',
};

/** Level-5 class id → name, every class (for `whosmat`). */
export const CLASS_NAME_OF_ID: Readonly<Record<number, string>> = {
  1: 'cell',
  2: 'struct',
  3: 'object',
  4: 'char',
  5: 'sparse',
  ...Object.fromEntries(NUMERIC.map(([id, name]) => [id, name])),
  16: 'function_handle',
  17: 'opaque',
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
