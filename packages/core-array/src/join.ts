/**
 * Joining arrays: concatenate along an existing axis, stack along a new one.
 */
import { asarray, type NdArrayLike } from './array.js';
import { castInto } from './cast.js';
import { allocate, type DType } from './dtypes.js';
import { describeValue, invalidArgument, NdImageError } from './errors.js';
import { NdArray } from './ndarray.js';
import { checkComplexArithmeticDType, resultType } from './promote.js';
import { normalizeAxis } from './validate.js';

function joinedDType(arrays: readonly NdArray[]): DType {
  const first = arrays[0]!.dtype;
  if (arrays.every((a) => a.dtype === first)) return first;
  return resultType(arrays.map((a, i) => checkComplexArithmeticDType(a.dtype, `arrays[${i}]`)));
}

/**
 * Joins arrays along an existing axis. Shapes must agree except along `axis`; the dtype is their
 * common NumPy result type.
 *
 * @throws NdImageError `ERR_SHAPE` for shapes that differ elsewhere or ranks that differ.
 * @example
 * ```ts
 * concatenate([array([[1, 2]]), array([[3, 4]])]).toArray();          // [[1, 2], [3, 4]]
 * concatenate([array([[1], [2]]), array([[3], [4]])], 1).toArray();   // [[1, 3], [2, 4]]
 * ```
 * @see numpy.concatenate
 */
export function concatenate(inputs: readonly NdArrayLike[], axis = 0): NdArray {
  if (!Array.isArray(inputs) || inputs.length === 0)
    throw invalidArgument('arrays', 'a non-empty array of arrays', inputs);
  const arrays = inputs.map((x) => asarray(x));
  const first = arrays[0]!;
  if (first.ndim === 0)
    throw new NdImageError('ERR_SHAPE', 'zero-dimensional arrays cannot be concatenated', { argument: 'arrays' });
  const ax = normalizeAxis(axis, first.ndim);
  let total = 0;
  arrays.forEach((a, i) => {
    const same = a.ndim === first.ndim && a.shape.every((d, k) => k === ax || d === first.shape[k]);
    if (!same) {
      throw new NdImageError(
        'ERR_SHAPE',
        `arrays[${i}] has shape ${describeValue([...a.shape])}, which does not match ${describeValue([...first.shape])} outside axis ${ax}`,
        { argument: 'arrays' },
      );
    }
    total += a.shape[ax] as number;
  });
  const dtype = joinedDType(arrays);
  const shape = first.shape.map((d, k) => (k === ax ? total : d));
  const out = new NdArray(
    allocate(
      dtype,
      shape.reduce((p, d) => p * d, 1),
    ),
    shape,
    { dtype },
  );
  let at = 0;
  for (const a of arrays) {
    const n = a.shape[ax] as number;
    const ranges = shape.map((_, k) => (k === ax ? ([at, at + n] as const) : null));
    castInto(a, out.slice(...ranges));
    at += n;
  }
  return out;
}

/**
 * Joins arrays of one shape along a new axis.
 *
 * @throws NdImageError `ERR_SHAPE` when the shapes differ.
 * @example
 * ```ts
 * const r = zeros([2, 2]), g = ones([2, 2]), b = zeros([2, 2]);
 * stack([r, g, b], -1).shape; // [2, 2, 3]  (an RGB image from three planes)
 * ```
 * @see numpy.stack
 */
export function stack(inputs: readonly NdArrayLike[], axis = 0): NdArray {
  if (!Array.isArray(inputs) || inputs.length === 0)
    throw invalidArgument('arrays', 'a non-empty array of arrays', inputs);
  const arrays = inputs.map((x) => asarray(x));
  const first = arrays[0]!;
  arrays.forEach((a, i) => {
    if (a.ndim !== first.ndim || a.shape.some((d, k) => d !== first.shape[k])) {
      throw new NdImageError(
        'ERR_SHAPE',
        `all arrays must have one shape: arrays[${i}] has ${describeValue([...a.shape])}, arrays[0] has ${describeValue([...first.shape])}`,
        { argument: 'arrays' },
      );
    }
  });
  const ax = normalizeAxis(axis, first.ndim + 1);
  return concatenate(
    arrays.map((a) => a.expandDims(ax)),
    ax,
  );
}
