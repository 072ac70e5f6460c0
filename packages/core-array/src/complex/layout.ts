/**
 * Complex arrays seen as real ones. A complex element is two floats side by side in `data`, so
 * any complex layout (strides and offset in complex elements) is also a real layout over the same
 * typed array: doubled strides and offset, plus 1 for the imaginary part. This is how NumPy's
 * `a.real` and `a.imag` are views, and how copies, casts and `.npy` bytes of complex arrays reuse
 * the real machinery unchanged.
 */
import { type ComplexDType, type DataOf, type DType, isComplexDType, partOf } from '../dtypes.js';
import type { Layout } from '../layout.js';

/** A complex layout's real (`part` 0) or imaginary (`part` 1) numbers as a float layout. */
export function partLayout(a: Layout<ComplexDType>, part: 0 | 1): Layout<'float32' | 'float64'> {
  return {
    data: a.data as DataOf<'float32' | 'float64'>,
    shape: a.shape,
    strides: a.strides.map((s) => 2 * s),
    offset: 2 * a.offset + part,
    dtype: partOf(a.dtype),
  };
}

/**
 * A complex layout as a float layout with one more, last axis of length 2 (real, imaginary):
 * shape `[...shape, 2]`, strides `[...2·strides, 1]`. Copies between two such layouts move both parts.
 */
export function pairsLayout(a: Layout<ComplexDType>): Layout<'float32' | 'float64'> {
  return {
    data: a.data as DataOf<'float32' | 'float64'>,
    shape: [...a.shape, 2],
    strides: [...a.strides.map((s) => 2 * s), 1],
    offset: 2 * a.offset,
    dtype: partOf(a.dtype),
  };
}

/** True when a layout holds complex elements. */
export function isComplexLayout(a: Layout): a is Layout<ComplexDType> {
  return isComplexDType(a.dtype as DType);
}
