/**
 * Types that carry a dtype from an input to a result, so that a filter of an `NdArray<'uint8'>`
 * is an `NdArray<'uint8'>` (its pixels read as `number`), and one with `output: 'float64'` an
 * `NdArray<'float64'>`, as SciPy's output rule gives it. Sibling packages write their overloads
 * with these.
 */
import type { DType } from './dtypes.js';
import type { NdArray } from './ndarray.js';

/**
 * The dtype of an input as far as the types know it: its `dtype` when that names one of ours
 * (an `NdArray<'uint8'>` gives `'uint8'`), else any dtype.
 *
 * @example
 * ```ts
 * // DTypeOf<NdArray<'uint8'>> is 'uint8'; DTypeOf<number[][]> is DType
 * ```
 */
export type DTypeOf<I> = I extends { readonly dtype: infer D } ? (D extends DType ? D : DType) : DType;

/**
 * Options without an `output`: the result takes the function's default dtype.
 *
 * @example
 * ```ts
 * // gaussianFilter(u8, 2, { mode: 'wrap' }) matches `GaussianFilterOptions & NoOutput`: NdArray<'uint8'>
 * ```
 */
export interface NoOutput {
  output?: undefined;
}

/**
 * Options whose `output` names the result's dtype, or is the array to fill.
 *
 * @example
 * ```ts
 * // gaussianFilter(u8, 2, { output: 'float64' }) matches `GaussianFilterOptions & OutputAs<'float64'>`
 * ```
 */
export interface OutputAs<D extends DType> {
  output: D | NdArray<D>;
}
