/**
 * New arrays of a shape: zeros, ones, full, empty, the `*Like` forms, and arange.
 */
import { allocate, checkDType, type DType, type ValueOf } from './dtypes.js';
import { invalidArgument } from './errors.js';
import type { Layout } from './layout.js';
import { NdArray } from './ndarray.js';
import { checkOptions, optionKeys } from './validate/options.js';
import { checkFiniteNumber, checkShape } from './validate.js';

/** The dtype option of the creation functions. */
export interface DTypeOptions<D extends DType = DType> {
  /** Element type of the new array. @defaultValue `'float64'` */
  dtype?: D;
}

const DTYPE_KEYS = optionKeys<DTypeOptions>({ dtype: true });

/**
 * A new array of zeros.
 *
 * @example
 * ```ts
 * zeros([2, 3]).toArray();                  // [[0, 0, 0], [0, 0, 0]]
 * zeros([4, 4], { dtype: 'uint8' }).dtype;  // 'uint8'
 * ```
 * @see numpy.zeros
 */
export function zeros<D extends DType = 'float64'>(
  shape: readonly number[] | number,
  options: DTypeOptions<D> = {},
): NdArray<D> {
  const dims = checkShape(shape);
  const dtype = checkDType(checkOptions(options, DTYPE_KEYS).dtype ?? 'float64') as D;
  let size = 1;
  for (const d of dims) size *= d;
  return new NdArray(allocate(dtype, size), dims, { dtype });
}

/**
 * A new array without meaningful initial values. JavaScript always zero-fills memory, so this
 * is {@link zeros}; it exists so NumPy code ports line by line.
 *
 * @see numpy.empty
 * @example
 * ```ts
 * empty([2, 2]).toArray(); // [[0, 0], [0, 0]]
 * ```
 */
export function empty<D extends DType = 'float64'>(
  shape: readonly number[] | number,
  options: DTypeOptions<D> = {},
): NdArray<D> {
  return zeros(shape, options);
}

/**
 * A new array filled with one value (stored as the dtype stores it).
 *
 * @example
 * ```ts
 * full([2], 7, { dtype: 'int16' }).toArray(); // [7, 7]
 * ```
 * @see numpy.full
 */
export function full<D extends DType = 'float64'>(
  shape: readonly number[] | number,
  value: ValueOf<D> | boolean,
  options: DTypeOptions<D> = {},
): NdArray<D> {
  return zeros(shape, options).fill(value);
}

/**
 * A new array of ones.
 *
 * @example
 * ```ts
 * ones([3], { dtype: 'bool' }).toArray(); // [1, 1, 1]
 * ```
 * @see numpy.ones
 */
export function ones<D extends DType = 'float64'>(
  shape: readonly number[] | number,
  options: DTypeOptions<D> = {},
): NdArray<D> {
  const out = zeros(shape, options);
  return out.fill((out.dtype === 'int64' || out.dtype === 'uint64' ? 1n : 1) as ValueOf<D>);
}

/**
 * Zeros of the same shape as `like`, and of its dtype unless another is given.
 *
 * @example
 * ```ts
 * zerosLike(ones([2, 2], { dtype: 'uint8' })).dtype; // 'uint8'
 * ```
 * @see numpy.zeros_like
 */
export function zerosLike<D extends DType>(
  like: Pick<Layout<D>, 'shape' | 'dtype'>,
  options: { dtype?: DType } = {},
): NdArray<D> {
  return zeros(like.shape, { dtype: (checkOptions(options, DTYPE_KEYS).dtype ?? like.dtype) as D });
}

/**
 * Ones of the same shape as `like`, and of its dtype unless another is given.
 *
 * @see numpy.ones_like
 * @example
 * ```ts
 * onesLike(zeros([2], { dtype: 'int8' })).toArray(); // [1, 1]
 * ```
 */
export function onesLike<D extends DType>(
  like: Pick<Layout<D>, 'shape' | 'dtype'>,
  options: { dtype?: DType } = {},
): NdArray<D> {
  return ones(like.shape, { dtype: (checkOptions(options, DTYPE_KEYS).dtype ?? like.dtype) as D });
}

/**
 * One value in the shape of `like`, of its dtype unless another is given.
 *
 * @see numpy.full_like
 * @example
 * ```ts
 * fullLike(zeros([2]), 0.5).toArray(); // [0.5, 0.5]
 * ```
 */
export function fullLike<D extends DType>(
  like: Pick<Layout<D>, 'shape' | 'dtype'>,
  value: ValueOf<D> | boolean,
  options: { dtype?: DType } = {},
): NdArray<D> {
  return full(like.shape, value, { dtype: (checkOptions(options, DTYPE_KEYS).dtype ?? like.dtype) as D });
}

/**
 * Evenly spaced values in `[start, stop)`: `arange(stop)` or `arange(start, stop, step?)`,
 * with an options object last. The length is `ceil((stop − start) / step)`, as NumPy's.
 * The default dtype is float64 (NumPy's would be int64 for integer arguments).
 *
 * @example
 * ```ts
 * arange(4).toArray();                        // [0, 1, 2, 3]
 * arange(1, 2, 0.25).toArray();               // [1, 1.25, 1.5, 1.75]
 * arange(5, { dtype: 'int32' }).dtype;        // 'int32'
 * ```
 * @see numpy.arange
 */
export function arange<D extends DType = 'float64'>(stop: number, options?: DTypeOptions<D>): NdArray<D>;
export function arange<D extends DType = 'float64'>(
  start: number,
  stop: number,
  step?: number,
  options?: DTypeOptions<D>,
): NdArray<D>;
export function arange<D extends DType = 'float64'>(
  a: number,
  b?: number | DTypeOptions<D>,
  c?: number | DTypeOptions<D>,
  d?: DTypeOptions<D>,
): NdArray<D> {
  let start = 0;
  let stop: number;
  let step = 1;
  let options: DTypeOptions<D> | undefined;
  if (typeof b === 'number') {
    start = checkFiniteNumber(a, 'start');
    stop = checkFiniteNumber(b, 'stop');
    if (typeof c === 'number') step = checkFiniteNumber(c, 'step');
    else options = c;
    options ??= d;
  } else {
    stop = checkFiniteNumber(a, 'stop');
    options = b;
  }
  if (step === 0) throw invalidArgument('step', 'a nonzero finite number', step);
  const length = Math.max(0, Math.ceil((stop - start) / step));
  if (!Number.isSafeInteger(length)) throw invalidArgument('step', 'a step giving a countable length', step);
  const values = new Float64Array(length);
  for (let i = 0; i < length; i++) values[i] = start + i * step;
  const f64 = new NdArray(values, [length]);
  const dtype = checkOptions(options, DTYPE_KEYS).dtype ?? 'float64';
  return (dtype === 'float64' ? f64 : f64.astype(dtype)) as NdArray<D>;
}
