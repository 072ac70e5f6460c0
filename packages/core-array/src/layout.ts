/**
 * The plain fields every array has. {@link NdArray} implements this; kernels take it so they
 * don't depend on the class.
 */
import type { DataOf, DType } from './dtypes.js';

/** The memory layout of an n-dimensional array over a typed array. Strides are in elements. */
export interface Layout<D extends DType = DType> {
  readonly data: DataOf<D>;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly dtype: D;
}
