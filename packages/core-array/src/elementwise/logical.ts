/**
 * Logical functions: any nonzero value (NaN included) is true. Results are bool arrays.
 */
import type { NdArray } from '../ndarray.js';
import { binaryOp, unaryOp } from './arithmetic.js';
import type { Operand, OutOptions } from './engine.js';
import * as K from './kernels.js';

const toBool = (): 'bool' => 'bool';

/**
 * Element-wise `a && b`.
 *
 * @example
 * ```ts
 * logicalAnd(array([1, 0, 2]), array([1, 1, 0])).toArray(); // [1, 0, 0]
 * ```
 * @see numpy.logical_and
 */
export function logicalAnd(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, () => ({ toBool: K.andK }), toBool);
}

/**
 * Element-wise `a || b`.
 *
 * @see numpy.logical_or
 * @example
 * ```ts
 * logicalOr(array([0, 0, 2]), array([0, 1, 0])).toArray(); // [0, 1, 1]
 * ```
 */
export function logicalOr(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, () => ({ toBool: K.orK }), toBool);
}

/**
 * Element-wise `!a`.
 *
 * @example
 * ```ts
 * logicalNot(array([0, 3])).toArray(); // [1, 0]
 * ```
 * @see numpy.logical_not
 */
export function logicalNot(a: Operand, options?: OutOptions): NdArray {
  return unaryOp(a, options, toBool, () => ({ toBool: K.notK }));
}
