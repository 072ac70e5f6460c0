/**
 * Floating-point math functions: sqrt, exp, log, hypot, arctan2. Floats keep their dtype;
 * integers give float32 (8/16-bit; NumPy gives float16 for 8-bit) or float64 (32-bit).
 */
import type { NdArray } from '../ndarray.js';
import { floatResultType, floatResultTypeOf } from '../promote.js';
import { binaryOp, unaryOp } from './arithmetic.js';
import type { Operand, OutOptions } from './engine.js';
import * as K from './kernels.js';

/**
 * Square root, element-wise (NaN for negative values, as NumPy).
 *
 * @example
 * ```ts
 * sqrt(array([4, 9])).toArray(); // [2, 3]
 * ```
 * @see numpy.sqrt
 */
export function sqrt(a: Operand, options?: OutOptions): NdArray {
  return unaryOp(a, options, floatResultType, () => K.sqrtK);
}

/**
 * `e^a`, element-wise.
 *
 * @example
 * ```ts
 * exp(array([0, 1])).toArray(); // [1, 2.718281828459045]
 * ```
 * @see numpy.exp
 */
export function exp(a: Operand, options?: OutOptions): NdArray {
  return unaryOp(a, options, floatResultType, () => K.expK);
}

/**
 * Natural logarithm, element-wise (−Infinity at 0, NaN below).
 *
 * @example
 * ```ts
 * log(array([1, Math.E])).toArray(); // [0, 1]
 * ```
 * @see numpy.log
 */
export function log(a: Operand, options?: OutOptions): NdArray {
  return unaryOp(a, options, floatResultType, () => K.logK);
}

/**
 * `sqrt(a² + b²)` without overflow in the squares, element-wise: the gradient magnitude of two
 * derivative images.
 *
 * @example
 * ```ts
 * hypot(array([3]), array([4])).toArray(); // [5]
 * ```
 * @see numpy.hypot
 */
export function hypot(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(
    a,
    b,
    options,
    () => K.hypotK,
    (p) => floatResultTypeOf(p.dtypes, p.scalars),
  );
}

/**
 * The angle of the point (b, a) in radians, in (−π, π]: `arctan2(y, x)`, the gradient direction.
 *
 * @example
 * ```ts
 * arctan2(array([1]), array([0])).toArray(); // [1.5707963267948966]
 * ```
 * @see numpy.arctan2
 */
export function arctan2(y: Operand, x: Operand, options?: OutOptions): NdArray {
  return binaryOp(
    y,
    x,
    options,
    () => K.arctan2K,
    (p) => floatResultTypeOf(p.dtypes, p.scalars),
  );
}
