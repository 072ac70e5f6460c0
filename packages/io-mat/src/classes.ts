/**
 * MATLAB's classes as the readers meet them — the mxClass id of level-5 files, the class name of
 * v7.3 files (`MATLAB_class`) and of `whosmat` — with the dtype their arrays get, and the
 * column-major view every reader returns. One table, so the readers cannot disagree.
 */
import { type DType, NdArray } from '@ndimage/core-array';
import { MX } from './constants.js';

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

/** dtype → class name (bool → logical). */
export const CLASS_NAME_OF_DTYPE: Readonly<Partial<Record<DType, string>>> = {
  ...Object.fromEntries(NUMERIC.map(([, name, dtype]) => [dtype, name])),
  bool: 'logical',
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
