/**
 * NumPy's type promotion, as measured on NumPy 1.24 (the version the golden data come from),
 * restricted to the dtypes that take part in arithmetic.
 *
 * Two deliberate differences, both because the result type does not exist here:
 * - where NumPy promotes to `int64`/`uint64` (int8 + uint32, bool + a JS integer), the result is
 *   `float64`, which holds every value those sums and differences can take exactly;
 * - where NumPy picks `float16` (sqrt, exp, log, hypot, arctan2 of 8-bit integers), the result is
 *   `float32`.
 */

import { DTYPE_INFO, type DType, type NumericDType } from './dtypes.js';
import { NdImageError } from './errors.js';

const ORDER: readonly NumericDType[] = [
  'bool',
  'uint8',
  'int8',
  'uint16',
  'int16',
  'uint32',
  'int32',
  'float32',
  'float64',
];

// np.result_type of two arrays, row × column in ORDER; 'int64' entries of NumPy are 'float64' here.
const TABLE: readonly (readonly NumericDType[])[] = [
  ['bool', 'uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'],
  ['uint8', 'uint8', 'int16', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'],
  ['int8', 'int16', 'int8', 'int32', 'int16', 'float64', 'int32', 'float32', 'float64'],
  ['uint16', 'uint16', 'int32', 'uint16', 'int32', 'uint32', 'int32', 'float32', 'float64'],
  ['int16', 'int16', 'int16', 'int32', 'int16', 'float64', 'int32', 'float32', 'float64'],
  ['uint32', 'uint32', 'float64', 'uint32', 'float64', 'uint32', 'float64', 'float64', 'float64'],
  ['int32', 'int32', 'int32', 'int32', 'int32', 'float64', 'int32', 'float64', 'float64'],
  ['float32', 'float32', 'float32', 'float32', 'float32', 'float64', 'float64', 'float32', 'float64'],
  ['float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64'],
];

const INDEX: Readonly<Record<string, number>> = Object.fromEntries(ORDER.map((d, i) => [d, i]));

/** NumPy's kind order used by value-based scalar casting: bool < integer < float. */
function category(dtype: NumericDType): number {
  if (dtype === 'bool') return 0;
  return dtype === 'float32' || dtype === 'float64' ? 2 : 1;
}

/**
 * Refuses dtypes that have no arithmetic here (`int64`, `uint64`) with a message naming the way out.
 */
export function checkArithmeticDType(dtype: DType, name: string): NumericDType {
  if (dtype === 'int64' || dtype === 'uint64') {
    throw new NdImageError(
      'ERR_DTYPE',
      `\`${name}\` has dtype ${dtype}, which is for storage only; convert it first, e.g. a.astype('float64')`,
      { argument: name },
    );
  }
  return dtype;
}

/**
 * The dtype NumPy gives an operation on two arrays of these dtypes.
 *
 * @example
 * ```ts
 * promoteTypes('uint8', 'int8');    // 'int16'
 * promoteTypes('int16', 'float32'); // 'float32'
 * ```
 * @see numpy.promote_types
 */
export function promoteTypes(a: NumericDType, b: NumericDType): NumericDType {
  return (TABLE[INDEX[a] as number] as readonly NumericDType[])[INDEX[b] as number] as NumericDType;
}

/** A scalar operand: a JS number or boolean, typed by value as NumPy 1.x types Python scalars. */
export type Scalar = number | boolean;

/**
 * The smallest dtype that holds a scalar, as `numpy.min_scalar_type` (float16 is read as float32;
 * integers outside the 32-bit ranges count as float64). An integral JS number is an integer.
 *
 * @example
 * ```ts
 * minScalarType(300); // 'uint16'
 * minScalarType(-1);  // 'int8'
 * minScalarType(0.5); // 'float32'
 * ```
 * @see numpy.min_scalar_type
 */
export function minScalarType(value: Scalar): NumericDType {
  if (typeof value === 'boolean') return 'bool';
  if (Number.isInteger(value)) {
    if (value >= 0) {
      if (value <= 255) return 'uint8';
      if (value <= 65535) return 'uint16';
      if (value <= 4294967295) return 'uint32';
      return 'float64';
    }
    if (value >= -128) return 'int8';
    if (value >= -32768) return 'int16';
    if (value >= -2147483648) return 'int32';
    return 'float64';
  }
  // NaN and ±Infinity fit float16 in NumPy; finite values beyond float32's range need float64.
  return Number.isFinite(value) && Math.abs(value) > 3.4028234663852886e38 ? 'float64' : 'float32';
}

/** The dtype NumPy uses for a Python scalar when value-based casting does not apply. */
function defaultScalarType(value: Scalar): NumericDType {
  if (typeof value === 'boolean') return 'bool';
  // Python int → int64, which has no arithmetic here: float64 (see the module note).
  return 'float64';
}

/**
 * The result dtype of an operation on arrays (given by dtype) and scalars, following NumPy 1.24's
 * `result_type`: when the scalars' kind (bool < integer < float) is not above the arrays', the
 * scalars are typed by value (`uint8 array + 300` is uint16); otherwise by their default type
 * (`uint8 array + 1.5` is float64).
 *
 * @example
 * ```ts
 * resultType(['uint8'], [300]);   // 'uint16'
 * resultType(['float32'], [1.5]); // 'float32'
 * resultType(['uint8'], [1.5]);   // 'float64'
 * ```
 * @see numpy.result_type
 */
export function resultType(arrays: readonly NumericDType[], scalars: readonly Scalar[] = []): NumericDType {
  if (arrays.length === 0) {
    // Only scalars: NumPy types them by default (int64 → float64 here, float → float64, bool → bool).
    let out: NumericDType = 'bool';
    for (const s of scalars) out = promoteTypes(out, defaultScalarType(s));
    return out;
  }
  let arrayType = arrays[0] as NumericDType;
  for (const d of arrays) arrayType = promoteTypes(arrayType, d);
  if (scalars.length === 0) return arrayType;
  let scalarCategory = 0;
  for (const s of scalars) scalarCategory = Math.max(scalarCategory, scalarKind(s));
  const valueBased = scalarCategory <= category(arrayType);
  let out = arrayType;
  for (const s of scalars) out = valueBased ? promoteWithScalar(out, s) : promoteTypes(out, defaultScalarType(s));
  return out;
}

const SIGNED_OF: Partial<Record<NumericDType, NumericDType>> = { uint8: 'int8', uint16: 'int16', uint32: 'int32' };

/**
 * Promotes a dtype with a value-typed scalar. NumPy 1.x marks a positive integer that also fits
 * the signed type of its size as "small unsigned": against a signed or float dtype it counts as
 * that signed type, so `int8 array + 300` is int16 (not int32) and `int8 array + 1` stays int8.
 */
function promoteWithScalar(dtype: NumericDType, value: Scalar): NumericDType {
  const t = minScalarType(value);
  const signed = SIGNED_OF[t];
  const otherSignedOrFloat = dtype !== 'bool' && !dtype.startsWith('uint');
  if (signed !== undefined && otherSignedOrFloat && (value as number) <= DTYPE_INFO[signed].max) {
    return promoteTypes(dtype, signed);
  }
  return promoteTypes(dtype, t);
}

/** A scalar's kind in the same order as {@link category}: bool 0, integer 1, float 2. */
function scalarKind(value: Scalar): number {
  if (typeof value === 'boolean') return 0;
  return Number.isInteger(value) ? 1 : 2;
}

/**
 * The float dtype NumPy's math functions (sqrt, exp, log, hypot, arctan2) give for an input dtype:
 * floats keep their dtype, 8- and 16-bit integers and bool give float32 (NumPy: float16 for 8-bit),
 * 32-bit integers give float64.
 * @example
 * ```ts
 * floatResultType('uint8'); // 'float32'
 * floatResultType('int32'); // 'float64'
 * ```
 * @see numpy.result_type with float64 for integers (what SciPy’s float results use)
 */
export function floatResultType(dtype: NumericDType): 'float32' | 'float64' {
  switch (dtype) {
    case 'float64':
    case 'uint32':
    case 'int32':
      return 'float64';
    default:
      return 'float32';
  }
}

/**
 * True when a result of dtype `from` may be stored in an `out` array of dtype `to` by an
 * element-wise operation: within a kind or to a wider kind (NumPy's `same_kind`, read leniently
 * for signed/unsigned integers). Refused: float → integer/bool and integer → bool.
 */
export function canStoreInto(from: NumericDType, to: DType): boolean {
  if (to === 'int64' || to === 'uint64') return false;
  const f = category(from);
  const t = category(to);
  return t >= f;
}

/**
 * The float dtype of a math function of several operands (hypot, arctan2): the widest of each
 * operand's {@link floatResultType}, scalars typed by value as in {@link resultType}.
 *
 * @example
 * ```ts
 * floatResultTypeOf(['int8', 'uint16'], []); // 'float32'
 * floatResultTypeOf(['int32'], []);          // 'float64'
 * ```
 */
export function floatResultTypeOf(arrays: readonly NumericDType[], scalars: readonly Scalar[]): 'float32' | 'float64' {
  if (arrays.length === 0) return 'float64';
  let arrayCategory = 0;
  for (const d of arrays) arrayCategory = Math.max(arrayCategory, category(d));
  const types = [...arrays, ...scalars.map((s) => (scalarKind(s) <= arrayCategory ? minScalarType(s) : 'float64'))];
  return types.some((t) => floatResultType(t) === 'float64') ? 'float64' : 'float32';
}
