/**
 * What `loadmat` returns: MATLAB values as TypeScript types. Numeric and logical arrays are
 * `NdArray`s with MATLAB's dims and indexing (`A(i, j)` is `a.get(i - 1, j - 1)`), column-major
 * data exposed as a strided view; the other classes have their own small types.
 */
import type { NdArray } from '@ndimage/core-array';

/**
 * A complex array as two parts of the same shape and class. `loadmat` returns complex arrays as
 * complex64/complex128 `NdArray`s; `savemat` takes those and also this form (which can say a
 * complex integer class: `re` and `im` of dtype int16, say).
 */
export interface MatComplex {
  kind: 'complex';
  re: NdArray;
  im: NdArray;
}

/** A cell array: values in column-major order. */
export interface MatCell {
  kind: 'cell';
  shape: number[];
  values: MatValue[];
}

/**
 * A struct array, or a 1×1 struct whose field names repeat: field names in file order (duplicates
 * kept), and for each element (column-major) one value per field.
 */
export interface MatStructArray {
  kind: 'struct';
  shape: number[];
  fieldNames: string[];
  elements: MatValue[][];
}

/** A sparse matrix in compressed sparse column form (as MATLAB and SciPy's csc_matrix hold it). */
export interface MatSparse {
  kind: 'sparse';
  shape: [number, number];
  /** Row index of each stored value. */
  ir: Int32Array;
  /** Column starts: column j's values are at jc[j] … jc[j + 1] − 1. */
  jc: Int32Array;
  /** The values (logical sparse: 0/1). */
  data: Float64Array;
  /** Imaginary parts, for a complex sparse matrix. */
  imag?: Float64Array;
  logical: boolean;
  /** The dense matrix: float64, complex128 when `imag` is there, bool for logical. */
  toDense(): NdArray;
}

/** A 1×1 struct with distinct field names: a plain object (null prototype: `__proto__` is just a name). */
export type MatStruct = { [field: string]: MatValue };

/** Any value loadmat returns. */
export type MatValue = NdArray | MatComplex | string | string[] | MatCell | MatStructArray | MatStruct | MatSparse;
