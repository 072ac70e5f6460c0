/**
 * The `output` argument of SciPy's functions, resolved one way for every package (SciPy's
 * `_ni_support._get_output`): absent → a new array of the function's default dtype; a dtype → a
 * new array of it; an array → that array, after checking its shape and dtype, written in place
 * and returned.
 */

import { zeros } from '../creation.js';
import { type DType, isDType } from '../dtypes.js';
import { describeValue, invalidArgument, NdImageError } from '../errors.js';
import { NdArray } from '../ndarray.js';

/** How a function treats its `output` argument. */
export interface OutputRules {
  /** The dtype of a new result when `output` is absent (SciPy: usually the input's). */
  dtype: DType;
  /**
   * Refuses a dtype the function cannot store, returning the reason (it completes
   * "`output` has dtype int64, which …"), or `undefined` to accept it.
   */
  refuse?: (dtype: DType) => string | undefined;
  /** The argument's name in messages. @defaultValue 'output' */
  name?: string;
}

/**
 * Checks `output` without allocating: returns the caller's array (shape and dtype checked) or
 * the dtype of the result to make.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for something that is neither a dtype nor an
 *   array, `ERR_SHAPE` for an array of another shape, `ERR_DTYPE` for a refused dtype.
 * @example
 * ```ts
 * checkOutput(undefined, [2, 2], { dtype: 'uint8' }); // 'uint8'
 * checkOutput('float64', [2, 2], { dtype: 'uint8' }); // 'float64'
 * ```
 */
export function checkOutput(output: unknown, shape: readonly number[], rules: OutputRules): NdArray | DType {
  const name = rules.name ?? 'output';
  let dtype: DType;
  if (output === undefined || output === null) dtype = rules.dtype;
  else if (output instanceof NdArray) {
    if (output.ndim !== shape.length || output.shape.some((n, i) => n !== shape[i])) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`${name}\` has shape ${describeValue([...output.shape])}; the result has shape ${describeValue([...shape])}`,
        { argument: name },
      );
    }
    dtype = output.dtype;
  } else if (isDType(output)) dtype = output;
  else throw invalidArgument(name, 'a dtype name or an NdArray of the result shape', output);
  const reason = rules.refuse?.(dtype);
  if (reason !== undefined) {
    throw new NdImageError('ERR_DTYPE', `\`${name}\` has dtype ${dtype}, which ${reason}`, { argument: name });
  }
  return output instanceof NdArray ? output : dtype;
}

/**
 * {@link checkOutput}, then a new zero-filled array when no array was given.
 *
 * @example
 * ```ts
 * resolveOutput('float32', [2, 3], { dtype: 'uint8' }).dtype; // 'float32'
 * ```
 */
export function resolveOutput(output: unknown, shape: readonly number[], rules: OutputRules): NdArray {
  const checked = checkOutput(output, shape, rules);
  return typeof checked === 'string' ? zeros(shape, { dtype: checked }) : checked;
}
