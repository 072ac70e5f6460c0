/**
 * What the morphology functions accept as an array: an `NdArray` (or any ndarray-like object), a
 * typed array, or nested JavaScript arrays (`[[0, 1], [1, 1]]`), read with core-array's `asarray`.
 */
import type { DType, NdArray, NdArrayLike, NestedInput, TypedArray } from '@ndimage/core-array';

/** An array argument: an `NdArray` or any ndarray-like object, a typed array, or nested arrays. */
export type ArrayInput = NdArrayLike | NestedInput | TypedArray;

/** Binary morphology options whose result is bool: no `output`, or a dtype (SciPy 1.10 keeps bool then). */
export interface BoolOutput {
  output?: DType;
}

/** Options whose `output` is the array to fill (any dtype; 0/1 is stored). */
export interface IntoArray<D extends DType> {
  output: NdArray<D>;
}
