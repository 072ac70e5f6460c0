/**
 * `morphologicalLaplace`: dilation + erosion − 2·input, in SciPy's order and dtype.
 */
import {
  add,
  asarray,
  type DType,
  type DTypeOf,
  type NdArray,
  NdImageError,
  type NoOutput,
  type OutputAs,
  sub,
  zeros,
} from '@ndimage/core-array';
import { checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { type GreyOptions, greyDilation, greyErosion } from './grey.js';
import type { ArrayInput } from './types.js';

const LAPLACE_KEYS = optionKeys<GreyOptions>({
  size: true,
  footprint: true,
  structure: true,
  output: true,
  mode: true,
  cval: true,
  origin: true,
});

/**
 * Morphological Laplacian: `greyDilation + greyErosion − input − input` over the same window,
 * each step in NumPy's arithmetic as SciPy does it: in the input's dtype (uint8 wraps around), or
 * in `output`'s when an output is given (the erosion is written there and the rest added in place).
 *
 * SciPy ignores an `output` dtype (it only uses an output array); here a dtype is taken as a new
 * output array of that dtype, e.g. `output: 'int16'` for a uint8 image without wrap-around. A bool
 * input needs such an output (SciPy: NumPy refuses to subtract bools).
 *
 * @throws NdImageError `ERR_DTYPE` for a bool input without a numeric output; as the grey
 *   morphology functions for the window arguments.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * morphologicalLaplace(array([0, 0, 5, 0, 0, 3, 3, 3]), 3).toArray(); // [0, 5, -5, 5, 3, -3, 0, 0]
 * morphologicalLaplace(array([0, 0, 5, 0], { dtype: 'uint8' }), 3).toArray(); // [0, 5, 251, 5]
 * ```
 * @see scipy.ndimage.morphological_laplace
 */
export function morphologicalLaplace<I extends ArrayInput>(
  input: I,
  size: number | readonly number[] | (GreyOptions & NoOutput),
  options?: GreyOptions & NoOutput,
): NdArray<DTypeOf<I>>;
export function morphologicalLaplace<D extends DType>(
  input: ArrayInput,
  size: number | readonly number[],
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function morphologicalLaplace<D extends DType>(
  input: ArrayInput,
  options: GreyOptions & OutputAs<D>,
): NdArray<D>;
export function morphologicalLaplace(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray;
export function morphologicalLaplace(
  input: ArrayInput,
  size: number | readonly number[] | GreyOptions,
  options?: GreyOptions,
): NdArray {
  if (size === undefined || size === null) throw invalidArgument('size', 'a size, or options with a window', size);
  const o =
    typeof size === 'number' || Array.isArray(size)
      ? { ...checkOptions(options, LAPLACE_KEYS), size: size as number | readonly number[] }
      : checkOptions(size as GreyOptions, LAPLACE_KEYS);
  const a = asarray(input as never);
  const window = { ...o, output: undefined };
  const out =
    o.output === undefined ? undefined : typeof o.output === 'string' ? zeros(a.shape, { dtype: o.output }) : o.output;
  if (a.dtype === 'bool' && (out === undefined || out.dtype === 'bool')) {
    throw new NdImageError(
      'ERR_DTYPE',
      '`input` is bool: the Laplacian subtracts, so give a numeric `output` (e.g. `output: "int8"`)',
      { argument: 'input' },
    );
  }
  const dilated = greyDilation(a, window);
  if (out !== undefined) {
    greyErosion(a, { ...window, output: out });
    add(dilated, out, { out });
    sub(out, a, { out });
    return sub(out, a, { out });
  }
  const eroded = greyErosion(a, window);
  add(dilated, eroded, { out: eroded });
  sub(eroded, a, { out: eroded });
  return sub(eroded, a, { out: eroded });
}
