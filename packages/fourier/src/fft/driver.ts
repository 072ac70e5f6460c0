/**
 * The n-d transforms as sequences of one-axis transforms (as `numpy.fft`), allocating each
 * result before it is computed and transforming in place when an axis keeps its length.
 */
import { NdArray } from '@ndimage/core-array';
import { allocate } from '@ndimage/core-array/internal';
import { type Norm, scaleOf } from '../options.js';
import { complexAxis, type Operand, realForwardAxis, realInverseAxis } from './axis.js';
import { workspace } from './execute.js';

/** One workspace for every call: JavaScript runs one transform at a time. */
const ws = workspace();

function operandOf(a: NdArray): Operand {
  return {
    data: a.data as Float64Array,
    complex: a.dtype === 'complex128',
    shape: a.shape,
    strides: a.strides,
    offset: a.offset,
  };
}

function newArray<D extends 'complex128' | 'float64'>(dtype: D, shape: readonly number[]): NdArray<D> {
  return new NdArray(
    allocate(
      dtype,
      shape.reduce((p, d) => p * d, 1),
    ),
    shape,
    { dtype },
  );
}

/**
 * Complex transforms along `axes` (last listed first, as NumPy), lengths `s`. Returns a new
 * complex128 array (the input is never modified).
 */
export function complexN(
  input: Operand,
  s: readonly number[],
  axes: readonly number[],
  inverse: boolean,
  norm: Norm,
): NdArray<'complex128'> {
  let cur = input;
  let out: NdArray<'complex128'> | undefined;
  for (let k = axes.length - 1; k >= 0; k--) {
    const axis = axes[k] as number;
    const n = s[k] as number;
    let dst = out;
    if (dst === undefined || dst.shape[axis] !== n) {
      const shape = cur.shape.slice();
      shape[axis] = n;
      dst = newArray('complex128', shape);
    }
    const scale = scaleOf(norm, n, !inverse);
    // Real input: the first axis as a real transform (half the work), completed by symmetry.
    if (!cur.complex) realForwardAxis(cur, operandOf(dst), axis, n, scale, ws, true, inverse);
    else complexAxis(cur, operandOf(dst), axis, n, inverse, scale, ws);
    out = dst;
    cur = operandOf(dst);
  }
  if (out === undefined) throw new Error('complexN needs at least one axis');
  return out;
}

/** The real FFT along `axis` with length n: a new complex128 array of length n/2 + 1 there. */
export function realForward(input: Operand, axis: number, n: number, norm: Norm): NdArray<'complex128'> {
  const shape = input.shape.slice();
  shape[axis] = Math.floor(n / 2) + 1;
  const out = newArray('complex128', shape);
  realForwardAxis(input, operandOf(out), axis, n, scaleOf(norm, n, true), ws);
  return out;
}

/** The inverse real FFT along `axis`: a new float64 array of length n there. */
export function realInverse(input: Operand, axis: number, n: number, norm: Norm): NdArray<'float64'> {
  const shape = input.shape.slice();
  shape[axis] = n;
  const out = newArray('float64', shape);
  realInverseAxis(input, operandOf(out), axis, n, scaleOf(norm, n, false), ws);
  return out;
}

export { operandOf };
