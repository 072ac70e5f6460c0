/**
 * The `output` argument and how results are stored, as SciPy stores them: every filter computes
 * in float64 and casts to the output dtype with C's conversion — truncate toward zero, then wrap
 * around (uint8 300.7 → 44, −1.5 → 255). NaN and values outside int32 give 0 for 8/16-bit outputs
 * and −2³¹ for int32 (x86-64); uint32 keeps the low 32 bits of the 64-bit truncation.
 */
import {
  castInto,
  checkDType,
  type DType,
  isBigIntDType,
  NdArray,
  NdImageError,
  type NumericTypedArray,
  shapesEqual,
  zeros,
} from '@ndimage/core-array';
import { describeValue } from '@ndimage/core-array/internal';

/** The `output` option shared by the filters. */
export interface OutputOptions {
  /**
   * A dtype for a new result array, or an array (of the input's shape) to write into and return.
   * @defaultValue the input's dtype, as SciPy
   */
  output?: DType | NdArray;
}

/**
 * The array a filter writes: a new one of the input's shape and of `output`'s dtype (default the
 * input's), or `output` itself after checking its shape.
 *
 * @throws NdImageError `ERR_SHAPE` for an output array of another shape, `ERR_DTYPE` for int64/uint64.
 */
export function resolveOutput(input: NdArray, output: DType | NdArray | undefined, name = 'output'): NdArray {
  if (output instanceof NdArray) {
    if (!shapesEqual(output.shape, input.shape)) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`${name}\` has shape ${describeValue([...output.shape])}; the input has shape ${describeValue([...input.shape])}`,
        { argument: name },
      );
    }
    refuseStorageDType(output.dtype, name);
    return output;
  }
  const dtype = output === undefined ? input.dtype : checkDType(output, name);
  refuseStorageDType(dtype, name);
  return zeros(input.shape, { dtype });
}

/** Refuses int64/uint64 (arrays for storage, without arithmetic here). */
export function refuseStorageDType(dtype: DType, name: string): void {
  if (isBigIntDType(dtype)) {
    throw new NdImageError(
      'ERR_DTYPE',
      `\`${name}\` has dtype ${dtype}, which filters do not handle; convert with astype('float64')`,
      {
        argument: name,
      },
    );
  }
}

/** Writes `n` float64 values `src[base..]` into the output at `at`, stepping `stride`. */
export type StoreLine = (src: Float64Array, base: number, n: number, at: number, stride: number) => void;

function to8(o: Uint8Array, at: number, stride: number, a: Float64Array, base: number, n: number): void {
  for (let k = 0, j = at; k < n; k++, j += stride) {
    const v = a[base + k]!;
    o[j] = v > -2147483649 && v < 2147483648 ? v : 0;
  }
}

function to16(o: Uint16Array, at: number, stride: number, a: Float64Array, base: number, n: number): void {
  for (let k = 0, j = at; k < n; k++, j += stride) {
    const v = a[base + k]!;
    o[j] = v > -2147483649 && v < 2147483648 ? v : 0;
  }
}

const TWO63 = 2 ** 63;

function to32(
  o: Int32Array,
  at: number,
  stride: number,
  a: Float64Array,
  base: number,
  n: number,
  unsigned: boolean,
): void {
  for (let k = 0, j = at; k < n; k++, j += stride) {
    const v = a[base + k]!;
    if (unsigned) o[j] = v > -TWO63 && v < TWO63 ? v : 0;
    else o[j] = v > -2147483649 && v < 2147483648 ? v : -2147483648;
  }
}

function toFloat(
  o: Float64Array | Float32Array,
  at: number,
  stride: number,
  a: Float64Array,
  base: number,
  n: number,
): void {
  if (stride === 1) {
    o.set(base === 0 && n === a.length ? a : a.subarray(base, base + n), at);
    return;
  }
  for (let k = 0, j = at; k < n; k++, j += stride) o[j] = a[base + k]!;
}

/**
 * The C-cast store for an output array. A bool output gets SciPy's raw byte (the uint8 cast);
 * callers turn it into 0/1 at the end (see {@link finishBool}). Each store loops over one typed
 * array type only, so V8 keeps it monomorphic.
 */
export function lineStore(out: NdArray): StoreLine {
  const d = out.data as NumericTypedArray;
  const { buffer, byteOffset, length } = d;
  switch (out.dtype) {
    case 'float64':
    case 'float32': {
      const f = d as Float64Array | Float32Array;
      return (src, base, n, at, stride) => toFloat(f, at, stride, src, base, n);
    }
    case 'bool':
    case 'uint8':
    case 'int8': {
      const v = new Uint8Array(buffer, byteOffset, length);
      return (src, base, n, at, stride) => to8(v, at, stride, src, base, n);
    }
    case 'uint16':
    case 'int16': {
      const v = new Uint16Array(buffer, byteOffset, length);
      return (src, base, n, at, stride) => to16(v, at, stride, src, base, n);
    }
    case 'int32':
    case 'uint32': {
      const v = new Int32Array(buffer, byteOffset, length);
      const unsigned = out.dtype === 'uint32';
      return (src, base, n, at, stride) => to32(v, at, stride, src, base, n, unsigned);
    }
    default:
      throw new NdImageError('ERR_DTYPE', `cannot store into dtype ${out.dtype}`);
  }
}

/**
 * Runs `fill` on an array that can hold SciPy's intermediate values for `out`: `out` itself,
 * or for a bool output a uint8 array (SciPy keeps the raw cast byte, e.g. 2, between passes),
 * turned into 0/1 in `out` at the end.
 */
export function withStorage(out: NdArray, fill: (target: NdArray) => void): NdArray {
  if (out.dtype !== 'bool') {
    fill(out);
    return out;
  }
  const raw = zeros(out.shape, { dtype: 'uint8' });
  fill(raw);
  finishBool(raw, out);
  return out;
}

/** Writes `raw != 0` into the bool array `out`. */
function finishBool(raw: NdArray, out: NdArray): void {
  const r = raw.data as Uint8Array;
  const o = new NdArray(new Uint8Array(raw.size), raw.shape, { dtype: 'bool' });
  const od = o.data as Uint8Array;
  for (let i = 0; i < r.length; i++) od[i] = +(r[i] !== 0);
  castInto(o, out); // `out` may be a view with any strides
}
