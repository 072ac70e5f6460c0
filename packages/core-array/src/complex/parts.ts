/**
 * The parts of complex arrays: `real`, `imag` (views, as NumPy's), `conj`, `angle`, and the
 * modulus behind `abs`. Real parts and imaginary parts are float views with doubled strides (see
 * `layout.ts`), so these run through the real element-wise engine unchanged.
 */
import { asarray, type NdArrayLike } from '../array.js';
import { type ComplexDType, isComplexDType, partOf } from '../dtypes.js';
import { type OutOptions, prepare, runElementwise, scalarLayout } from '../elementwise/engine.js';
import * as K from '../elementwise/kernels.js';
import { NdArray } from '../ndarray.js';
import { floatResultTypeOf } from '../promote.js';
import { checkOptions, optionKeys } from '../validate/options.js';
import { complexUnary } from './elementwise.js';
import { cconjK } from './kernels.js';
import { partLayout } from './layout.js';

function partView(a: NdArray<ComplexDType>, part: 0 | 1): NdArray<'float32' | 'float64'> {
  const l = partLayout(a, part);
  return new NdArray(l.data, l.shape, { strides: l.strides, offset: l.offset, dtype: l.dtype });
}

/**
 * The real part: for a complex array, a float view sharing its memory (writing to it writes the
 * array's real parts); for a real array, the array itself.
 *
 * @example
 * ```ts
 * const z = array([{ re: 1, im: 2 }, { re: 3, im: -4 }]);
 * real(z).toArray(); // [1, 3]
 * real(z).dtype;     // 'float64'
 * ```
 * @see numpy.real
 */
export function real(a: NdArrayLike): NdArray {
  const x = asarray(a);
  return isComplexDType(x.dtype) ? partView(x as NdArray<ComplexDType>, 0) : x;
}

/**
 * The imaginary part: for a complex array, a float view sharing its memory; for a real array,
 * zeros of its dtype (a new array, as NumPy's).
 *
 * @example
 * ```ts
 * imag(array([{ re: 1, im: 2 }, { re: 3, im: -4 }])).toArray(); // [2, -4]
 * imag(array([1, 2])).toArray();                                 // [0, 0]
 * ```
 * @see numpy.imag
 */
export function imag(a: NdArrayLike): NdArray {
  const x = asarray(a);
  if (isComplexDType(x.dtype)) return partView(x as NdArray<ComplexDType>, 1);
  return new NdArray(new (x.data.constructor as new (n: number) => typeof x.data)(x.size), x.shape, {
    dtype: x.dtype,
  });
}

/**
 * The complex conjugate (imaginary parts negated). A real array gives a copy of itself, in its
 * dtype (bool gives int8, as NumPy, which has no bool loop for it).
 *
 * @example
 * ```ts
 * conj(array([{ re: 1, im: 2 }])).toArray(); // [{ re: 1, im: -2 }]
 * ```
 * @see numpy.conjugate
 */
export function conj(a: NdArrayLike, options?: OutOptions): NdArray {
  if (isComplexDType(asarray(a).dtype)) return complexUnary(a, options, cconjK);
  const p = prepare([a], ['a']);
  const dtype = p.dtypes[0]!;
  return runElementwise(p.layouts, dtype === 'bool' ? 'int8' : dtype, K.identityK, options);
}

/**
 * The modulus `|a|` of a complex array: float32 for complex64, float64 for complex128.
 * (`abs` calls this for complex input.)
 */
export function complexAbs(a: NdArray<ComplexDType>, options?: OutOptions): NdArray {
  return runElementwise([partView(a, 0), partView(a, 1)], partOf(a.dtype), K.hypotK, options);
}

/** Options of {@link angle}. */
export interface AngleOptions {
  /** Degrees instead of radians. @defaultValue false */
  deg?: boolean;
}

const ANGLE_KEYS = optionKeys<AngleOptions>({ deg: true });

/**
 * The argument (phase) of each element, `arctan2(imag, real)`, in (−π, π]: float32 for complex64,
 * float64 for complex128; for real input 0 or π, in the float dtype of `arctan2` (float32 for 8-
 * and 16-bit integers, where NumPy gives float16).
 *
 * @example
 * ```ts
 * angle(array([{ re: 0, im: 1 }, { re: -1, im: 0 }])).toArray(); // [1.5707963267948966, 3.141592653589793]
 * angle(array([{ re: 1, im: 1 }]), { deg: true }).toArray();      // [45]
 * ```
 * @see numpy.angle
 */
export function angle(a: NdArrayLike, options?: AngleOptions): NdArray {
  const o = checkOptions(options, ANGLE_KEYS);
  const x = asarray(a);
  let out: NdArray;
  if (isComplexDType(x.dtype)) {
    const z = x as NdArray<ComplexDType>;
    out = runElementwise([partView(z, 1), partView(z, 0)], partOf(z.dtype), K.arctan2K, undefined);
  } else {
    const p = prepare([x], ['a']);
    out = runElementwise([scalarLayout(0), x], floatResultTypeOf(p.dtypes, [0]), K.arctan2K, undefined);
  }
  if (o.deg === true) {
    // NumPy multiplies in the result's dtype: for float32, by 180/π rounded to float32.
    const f = out.dtype === 'float32' ? Math.fround(180 / Math.PI) : 180 / Math.PI;
    const d = out.data as Float64Array;
    for (let i = 0; i < d.length; i++) d[i] = d[i]! * f;
  }
  return out;
}
