/**
 * Arithmetic with broadcasting: add, sub, mul, div, pow, maximum, minimum, neg, abs, square.
 * Result dtypes follow NumPy 1.24 (see `promote.ts`); integer results wrap around as in NumPy.
 */

import { asarray, type NdArrayLike } from '../array.js';
import { type ComplexOperand, complexBinary, complexUnary, isComplexOperand } from '../complex/elementwise.js';
import * as C from '../complex/kernels.js';
import { complexAbs } from '../complex/parts.js';
import { isFloatDType, type NumericDType } from '../dtypes.js';
import { NdImageError } from '../errors.js';
import { NdArray } from '../ndarray.js';
import { resultType, type Scalar } from '../promote.js';
import { type AnyKernel, type Operand, type OutOptions, type Prepared, prepare, runElementwise } from './engine.js';
import * as K from './kernels.js';
import { trySwar } from './swar.js';

/** A faster route for some operands; returns undefined to let the general engine run. */
export type FastPath = (
  a: NdArray | Scalar,
  b: NdArray | Scalar,
  dtype: NumericDType,
  options: OutOptions | undefined,
) => NdArray | undefined;

/** Runs a two-operand function whose kernel depends on the result dtype. */
export function binaryOp(
  a: Operand,
  b: Operand,
  options: OutOptions | undefined,
  pick: (dtype: NumericDType, p: Prepared) => AnyKernel,
  dtypeOf: (p: Prepared) => NumericDType = (p) => resultType(p.dtypes, p.scalars),
  fast?: FastPath,
): NdArray {
  const p = prepare([a, b], ['a', 'b']);
  const dtype = dtypeOf(p);
  if (fast !== undefined) {
    const asIs = (x: Operand, i: number): NdArray | Scalar =>
      typeof x === 'number' || typeof x === 'boolean' ? x : (p.layouts[i] as NdArray);
    const done = fast(asIs(a, 0), asIs(b, 1), dtype, options);
    if (done !== undefined) return done;
  }
  return runElementwise(p.layouts, dtype, pick(dtype, p), options);
}

/** Runs a one-operand function. */
export function unaryOp(
  a: Operand,
  options: OutOptions | undefined,
  dtypeOf: (dtype: NumericDType) => NumericDType,
  pick: (dtype: NumericDType) => AnyKernel,
): NdArray {
  const p = prepare([a], ['a']);
  const dtype = dtypeOf(resultType(p.dtypes, p.scalars));
  return runElementwise(p.layouts, dtype, pick(dtype), options);
}

const is32 = (d: NumericDType): boolean => d === 'int32' || d === 'uint32';

/** A complex operand of a one-operand function as an array (a `{ re, im }` value becomes 0-d). */
function toComplexArray(a: ComplexOperand): NdArray<'complex64' | 'complex128'> {
  return asarray(a as NdArrayLike) as NdArray<'complex64' | 'complex128'>;
}

/**
 * `a + b`, element-wise with broadcasting. On bool + bool the result is logical or (NumPy).
 *
 * @example
 * ```ts
 * add(array([1, 2, 3]), 10).toArray();                 // [11, 12, 13]
 * add(array([[1], [2]]), array([10, 20])).toArray();   // [[11, 21], [12, 22]]
 * add(array([250], { dtype: 'uint8' }), 10).toArray(); // [4]  (uint8 wraps, as NumPy)
 * add(array([{ re: 1, im: 2 }]), { re: 0, im: 1 }).toArray(); // [{ re: 1, im: 3 }]
 * ```
 * @see numpy.add
 */
export function add(a: ComplexOperand, b: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a) || isComplexOperand(b)) return complexBinary(a, b, options, C.caddK);
  return binaryOp(
    a,
    b,
    options,
    (d) => (d === 'bool' ? { toBool: K.orK } : K.addK),
    undefined,
    (x, y, d, o) =>
      x instanceof NdArray ? trySwar('add', x, y, d, o) : y instanceof NdArray ? trySwar('add', y, x, d, o) : undefined,
  );
}

/**
 * `a − b`, element-wise with broadcasting.
 *
 * @throws NdImageError `ERR_DTYPE` for two bool operands (as NumPy; use logicalXor-style logic instead).
 * @example
 * ```ts
 * sub(array([5, 7]), array([1, 2])).toArray(); // [4, 5]
 * ```
 * @see numpy.subtract
 */
export function sub(a: ComplexOperand, b: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a) || isComplexOperand(b)) return complexBinary(a, b, options, C.csubK);
  return binaryOp(
    a,
    b,
    options,
    (d) => {
      if (d === 'bool')
        throw new NdImageError('ERR_DTYPE', 'subtracting two bool operands is not supported (NumPy refuses it too)');
      return K.subK;
    },
    undefined,
    (x, y, d, o) => trySwar('sub', x, y, d, o),
  );
}

/**
 * `a · b`, element-wise with broadcasting (bool · bool is logical and; 32-bit integers wrap exactly).
 *
 * @example
 * ```ts
 * mul(array([1, 2, 3]), 2).toArray(); // [2, 4, 6]
 * mul(array([{ re: 1, im: 1 }]), { re: 0, im: 1 }).toArray(); // [{ re: -1, im: 1 }]
 * ```
 * @see numpy.multiply
 */
export function mul(a: ComplexOperand, b: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a) || isComplexOperand(b)) return complexBinary(a, b, options, C.cmulK);
  return binaryOp(a, b, options, (d) => (d === 'bool' ? { toBool: K.andK } : is32(d) ? K.imulK : K.mulK));
}

/**
 * True division `a / b`: integer operands give float64, float32 stays float32 (NumPy's `true_divide`).
 * Division by zero gives ±Infinity or NaN, as in NumPy. Complex division is NumPy's (Smith's
 * method, which scales by the larger part of the divisor).
 *
 * @example
 * ```ts
 * div(array([1, 2], { dtype: 'uint8' }), 4).toArray(); // [0.25, 0.5]
 * ```
 * @see numpy.true_divide
 */
export function div(a: ComplexOperand, b: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a) || isComplexOperand(b)) return complexBinary(a, b, options, C.cdivK);
  return binaryOp(
    a,
    b,
    options,
    () => K.divK,
    (p) => {
      const d = resultType(p.dtypes, p.scalars);
      return isFloatDType(d) ? d : 'float64';
    },
  );
}

/**
 * `a ** b`, element-wise. Integer results are computed exactly with wrap-around; a negative
 * integer exponent on integers is refused, as NumPy refuses it. Complex powers follow NumPy's
 * `npy_cpow`: integer exponents below 100 by repeated multiplication, others as `exp(b·log a)`.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for integers to a negative integer power.
 * @example
 * ```ts
 * pow(array([1, 2, 3]), 2).toArray(); // [1, 4, 9]
 * ```
 * @see numpy.power
 */
export function pow(a: ComplexOperand, b: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a) || isComplexOperand(b)) return complexBinary(a, b, options, C.cpowK);
  return binaryOp(
    a,
    b,
    options,
    (d) => (isFloatDType(d) ? K.powK : K.ipowK),
    (p) => {
      const d = resultType(p.dtypes, p.scalars);
      return d === 'bool' ? 'int8' : d;
    },
  );
}

/**
 * Element-wise maximum; NaN in either operand gives NaN (NumPy's `maximum`, not `fmax`).
 *
 * @example
 * ```ts
 * maximum(array([1, 5, NaN]), 3).toArray(); // [3, 5, NaN]
 * ```
 * @see numpy.maximum
 */
export function maximum(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, (d) => (d === 'bool' ? { toBool: K.orK } : K.maximumK));
}

/**
 * Element-wise minimum; NaN in either operand gives NaN.
 *
 * @example
 * ```ts
 * minimum(array([1, 5]), 3).toArray(); // [1, 3]
 * ```
 * @see numpy.minimum
 */
export function minimum(a: Operand, b: Operand, options?: OutOptions): NdArray {
  return binaryOp(a, b, options, (d) => (d === 'bool' ? { toBool: K.andK } : K.minimumK));
}

/**
 * `−a`. Unsigned integers wrap (−1 as uint8 is 255), as NumPy.
 *
 * @throws NdImageError `ERR_DTYPE` for bool (NumPy refuses it too; use logicalNot).
 * @example
 * ```ts
 * neg(array([1, -2])).toArray(); // [-1, 2]
 * ```
 * @see numpy.negative
 */
export function neg(a: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a)) return complexUnary(a, options, C.cnegK);
  return unaryOp(
    a,
    options,
    (d) => {
      if (d === 'bool') throw new NdImageError('ERR_DTYPE', 'negating a bool array is not supported; use logicalNot');
      return d;
    },
    () => K.negK,
  );
}

/**
 * `|a|`, keeping the dtype (so `abs(int8 −128)` stays −128, as NumPy). The modulus of a complex
 * array is real: float32 for complex64, float64 for complex128 (`hypot` of the parts).
 *
 * @example
 * ```ts
 * abs(array([-1.5, 2])).toArray(); // [1.5, 2]
 * abs(array([{ re: 3, im: -4 }])).toArray(); // [5]
 * ```
 * @see numpy.absolute
 */
export function abs(a: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a)) return complexAbs(toComplexArray(a), options);
  return unaryOp(
    a,
    options,
    (d) => d,
    (d) => (d === 'bool' ? K.identityK : K.absK),
  );
}

/**
 * `a²`, keeping the dtype (bool gives int8, as NumPy).
 *
 * @example
 * ```ts
 * square(array([-3, 4])).toArray(); // [9, 16]
 * square(array([{ re: 0, im: 1 }])).toArray(); // [{ re: -1, im: 0 }]
 * ```
 * @see numpy.square
 */
export function square(a: ComplexOperand, options?: OutOptions): NdArray {
  if (isComplexOperand(a)) return complexUnary(a, options, C.csquareK);
  return unaryOp(
    a,
    options,
    (d) => (d === 'bool' ? 'int8' : d),
    (d) => (is32(d) ? K.isquareK : K.squareK),
  );
}
