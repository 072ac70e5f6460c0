/**
 * Comparisons with broadcasting, giving bool arrays. NaN compares false (and unequal to itself).
 */
import type { NdArray } from '../ndarray.js';
import { binaryOp } from './arithmetic.js';
import type { Operand, OutOptions } from './engine.js';
import * as K from './kernels.js';

const toBool = (): 'bool' => 'bool';

/**
 * `a < b`, element-wise.
 *
 * @example
 * ```ts
 * less(array([1, 5]), 3).toArray(); // [1, 0]   (the textbook's threshold: less(im, 128))
 * ```
 * @see numpy.less
 */
export function less(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, () => ({ toBool: K.lessK }), toBool);
}

/**
 * `a ≤ b`, element-wise.
 *
 * @see numpy.less_equal
 * @example
 * ```ts
 * lessEqual(array([1, 3, 5]), 3).toArray(); // [1, 1, 0]
 * ```
 */
export function lessEqual(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, () => ({ toBool: K.lessEqualK }), toBool);
}

/**
 * `a > b`, element-wise.
 *
 * @example
 * ```ts
 * greater(array([1, 5]), 3).toArray(); // [0, 1]
 * ```
 * @see numpy.greater
 */
export function greater(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(b, a, options, () => ({ toBool: K.lessK }), toBool);
}

/**
 * `a ≥ b`, element-wise.
 *
 * @see numpy.greater_equal
 * @example
 * ```ts
 * greaterEqual(array([1, 3, 5]), 3).toArray(); // [0, 1, 1]
 * ```
 */
export function greaterEqual(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(b, a, options, () => ({ toBool: K.lessEqualK }), toBool);
}

/**
 * `a == b`, element-wise.
 *
 * @example
 * ```ts
 * equal(array([1, NaN]), array([1, NaN])).toArray(); // [1, 0]
 * ```
 * @see numpy.equal
 */
export function equal(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, () => ({ toBool: K.equalK }), toBool);
}

/**
 * `a != b`, element-wise.
 *
 * @see numpy.not_equal
 * @example
 * ```ts
 * notEqual(array([1, 2]), 2).toArray(); // [1, 0]
 * ```
 */
export function notEqual(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, () => ({ toBool: K.notEqualK }), toBool);
}
