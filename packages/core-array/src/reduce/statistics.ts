/**
 * Sums and moments: sum, mean, var, std, norm, over all axes (a number) or some (an array).
 * Integer inputs accumulate exactly in float64 (NumPy: int64) and give float64 results;
 * float32 gives float32, as NumPy. Complex input gives complex sums and means (a `{ re, im }`
 * value over all axes) and real variances and norms (see `complex/reduce.ts`).
 */
import type { NdArrayLike } from '../array.js';
import { isComplexOperand } from '../complex/elementwise.js';
import { complexMean, complexNorm, complexSum, complexVariance } from '../complex/reduce.js';
import type { Complex, ComplexDType, DType, NumericDType } from '../dtypes.js';
import type { NdArray } from '../ndarray.js';
import { optionKeys } from '../validate/options.js';
import { checkFiniteNumber } from '../validate.js';
import {
  type ArrayReduceOptions,
  finish,
  fold,
  planReduce,
  type ReduceOptions,
  type ScalarReduceOptions,
} from './engine.js';

/** A complex array, for the overloads whose full reduction is a {@link Complex} value. */
export type ComplexArrayLike = NdArrayLike & { readonly dtype: ComplexDType };
/**
 * An array known to be real, for the overloads whose full reduction is a number. Listed before
 * the complex overload so that `sum(array(x))` infers a real array. An array whose dtype the
 * compiler does not know (`NdArray<DType>`) is typed as real too; at run time a complex one
 * gives a {@link Complex} (check with `isComplex`).
 */
export type RealArrayLike = NdArrayLike & { readonly dtype?: Exclude<DType, ComplexDType> };

/** Options of {@link variance} and {@link std}. */
export interface MomentOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is `count − ddof`. @defaultValue 0 */
  ddof?: number;
}

const MOMENT_KEYS = optionKeys<MomentOptions>({ axis: true, keepdims: true, ddof: true });

const floatOf = (d: NumericDType): 'float32' | 'float64' => (d === 'float32' ? 'float32' : 'float64');

/**
 * Sum of the elements (all, or along `axis`), with NumPy's pairwise summation.
 *
 * @example
 * ```ts
 * const a = array([[1, 2], [3, 4]]);
 * sum(a);                          // 10
 * sum(a, { axis: 0 }).toArray();   // [4, 6]
 * sum(a, { axis: 1, keepdims: true }).shape; // [2, 1]
 * sum(array([{ re: 1, im: 2 }, { re: 3, im: -1 }])); // { re: 4, im: 1 }
 * ```
 * @see numpy.sum
 */
export function sum(a: RealArrayLike, options?: ScalarReduceOptions): number;
export function sum(a: ComplexArrayLike, options?: ScalarReduceOptions): Complex;
export function sum(a: NdArrayLike, options?: ScalarReduceOptions): number;
export function sum(a: NdArrayLike, options: ArrayReduceOptions): NdArray;
export function sum(a: NdArrayLike, options?: ReduceOptions): number | NdArray;
export function sum(a: NdArrayLike, options?: ReduceOptions): number | Complex | NdArray {
  if (isComplexOperand(a)) return complexSum(a, options);
  const plan = planReduce(a, options);
  return finish(plan, fold(plan, 'sum'), floatOf(plan.dtype));
}

function meanValues(plan: ReturnType<typeof planReduce>): Float64Array {
  const acc = fold(plan, 'sum');
  for (let i = 0; i < acc.length; i++) acc[i]! /= plan.count;
  return acc;
}

/**
 * Arithmetic mean (NaN for an empty selection, as NumPy).
 *
 * @example
 * ```ts
 * mean(array([1, 2, 3, 4])); // 2.5
 * mean(array([{ re: 1, im: 2 }, { re: 3, im: -4 }])); // { re: 2, im: -1 }
 * ```
 * @see numpy.mean
 */
export function mean(a: RealArrayLike, options?: ScalarReduceOptions): number;
export function mean(a: ComplexArrayLike, options?: ScalarReduceOptions): Complex;
export function mean(a: NdArrayLike, options?: ScalarReduceOptions): number;
export function mean(a: NdArrayLike, options: ArrayReduceOptions): NdArray;
export function mean(a: NdArrayLike, options?: ReduceOptions): number | NdArray;
export function mean(a: NdArrayLike, options?: ReduceOptions): number | Complex | NdArray {
  if (isComplexOperand(a)) return complexMean(a, options);
  const plan = planReduce(a, options);
  return finish(plan, meanValues(plan), floatOf(plan.dtype));
}

function complexMoment(a: NdArrayLike, options: MomentOptions | undefined, root: boolean): number | NdArray {
  // planReduce checks the keys; ddof is checked here first, as for real input.
  const ddof = checkFiniteNumber(options?.ddof ?? 0, 'ddof', { min: 0 });
  return complexVariance(a, options, ddof, MOMENT_KEYS, root);
}

function varianceValues(
  a: NdArrayLike,
  options: MomentOptions | undefined,
): [ReturnType<typeof planReduce>, Float64Array] {
  const plan = planReduce(a, options, 'a', MOMENT_KEYS);
  const ddof = checkFiniteNumber(options?.ddof ?? 0, 'ddof', { min: 0 });
  const centre = meanValues(plan);
  const acc = fold(plan, 'sumsqdev', centre);
  const divisor = Math.max(plan.count - ddof, 0);
  for (let i = 0; i < acc.length; i++) acc[i]! /= divisor;
  return [plan, acc];
}

/**
 * Variance: mean of squared deviations from the mean, divided by `count − ddof` (two passes, as
 * NumPy). For complex input, of `|x − mean|²`: real, in the parts' dtype.
 *
 * @example
 * ```ts
 * variance(array([1, 2, 3, 4]));              // 1.25
 * variance(array([1, 2, 3, 4]), { ddof: 1 }); // 1.6666666666666667
 * ```
 * @see numpy.var
 */
export function variance(a: NdArrayLike, options?: ScalarReduceOptions & { ddof?: number }): number;
export function variance(a: NdArrayLike, options: ArrayReduceOptions & { ddof?: number }): NdArray;
export function variance(a: NdArrayLike, options?: MomentOptions): number | NdArray;
export function variance(a: NdArrayLike, options?: MomentOptions): number | NdArray {
  if (isComplexOperand(a)) return complexMoment(a, options, false);
  const [plan, values] = varianceValues(a, options);
  return finish(plan, values, floatOf(plan.dtype));
}

/**
 * Standard deviation: the square root of {@link variance}.
 *
 * @example
 * ```ts
 * std(array([1, 2, 3, 4])); // 1.118033988749895
 * ```
 * @see numpy.std
 */
export function std(a: NdArrayLike, options?: ScalarReduceOptions & { ddof?: number }): number;
export function std(a: NdArrayLike, options: ArrayReduceOptions & { ddof?: number }): NdArray;
export function std(a: NdArrayLike, options?: MomentOptions): number | NdArray;
export function std(a: NdArrayLike, options?: MomentOptions): number | NdArray {
  if (isComplexOperand(a)) return complexMoment(a, options, true);
  const [plan, values] = varianceValues(a, options);
  for (let i = 0; i < values.length; i++) values[i] = Math.sqrt(values[i]!);
  return finish(plan, values, floatOf(plan.dtype));
}

/**
 * The Euclidean (L2, Frobenius) norm `sqrt(Σ a²)`, of everything or along axes:
 * `norm(sub(u, uOld))` is the textbook's `linalg.norm(U - Uold)`. For complex input, `sqrt(Σ |a|²)`.
 *
 * @example
 * ```ts
 * norm(array([3, 4])); // 5
 * ```
 * @see numpy.linalg.norm
 */
export function norm(a: NdArrayLike, options?: ScalarReduceOptions): number;
export function norm(a: NdArrayLike, options: ArrayReduceOptions): NdArray;
export function norm(a: NdArrayLike, options?: ReduceOptions): number | NdArray;
export function norm(a: NdArrayLike, options?: ReduceOptions): number | NdArray {
  if (isComplexOperand(a)) return complexNorm(a, options);
  const plan = planReduce(a, options);
  const values = fold(plan, 'sumsqdev', new Float64Array(plan.keptShape.reduce((p, d) => p * d, 1)));
  for (let i = 0; i < values.length; i++) values[i] = Math.sqrt(values[i]!);
  return finish(plan, values, floatOf(plan.dtype));
}
