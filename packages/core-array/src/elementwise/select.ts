/**
 * Selection: where (pick from two operands by a condition) and clip (bound values).
 */
import type { NdArray } from '../ndarray.js';
import { resultType } from '../promote.js';
import { type Operand, type OutOptions, prepare, runElementwise, scalarLayout } from './engine.js';
import * as K from './kernels.js';

/**
 * `x` where `condition` is nonzero, else `y`, with broadcasting; the dtype is that of `x` and `y`
 * together (NumPy's `where(c, x, y)`).
 *
 * @example
 * ```ts
 * where(array([1, 0, 1]), array([1, 2, 3]), 0).toArray(); // [1, 0, 3]
 * ```
 * @see numpy.where
 */
export function where(condition: Operand, x: Operand, y: Operand, options?: OutOptions): NdArray {
  const c = prepare([condition], ['condition']);
  const p = prepare([x, y], ['x', 'y']);
  const dtype = resultType(p.dtypes, p.scalars);
  return runElementwise([...c.layouts, ...p.layouts], dtype, K.whereK, options);
}

/**
 * Bounds every value to `[min, max]` (either bound may be `null`), with broadcasting; NaN stays
 * NaN. The dtype follows NumPy 1.24's rules for `a` and the bounds together.
 *
 * @example
 * ```ts
 * clip(array([-5, 0.5, 300]), 0, 255).toArray(); // [0, 0.5, 255]
 * ```
 * @see numpy.clip
 */
export function clip(a: Operand, min: Operand | null, max: Operand | null, options?: OutOptions): NdArray {
  const operands: Operand[] = [a];
  const names = ['a'];
  if (min !== null) {
    operands.push(min);
    names.push('min');
  }
  if (max !== null) {
    operands.push(max);
    names.push('max');
  }
  const p = prepare(operands, names);
  const dtype = resultType(p.dtypes, p.scalars);
  // An absent bound is ±Infinity in the kernel; it takes no part in the result dtype above.
  const [la, ...rest] = p.layouts;
  const lo = min === null ? scalarLayout(-Infinity) : rest.shift();
  const hi = max === null ? scalarLayout(Infinity) : rest.shift();
  return runElementwise([la!, lo!, hi!], dtype, K.clipK, options);
}
