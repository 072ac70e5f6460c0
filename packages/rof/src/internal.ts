/**
 * `@ndimage/rof/internal`: what sibling packages build on; no semver promise. The chunked engine
 * runs the book's ROF for a fixed number of iterations, without the global stopping rule (the
 * RMS change of a chunk is not the image's, and a chunk that reaches an exact fixed point of U
 * would stop while the whole image goes on).
 *
 * @packageDocumentation
 * @internal
 */
import { asarray, type NdArray, type NdArrayLike } from '@ndimage/core-array';
import { checkInteger, checkOneOf } from '@ndimage/core-array/internal';
import { bookFirstIterationWrapped, bookIteration } from './book-kernel.js';
import { positive, readPrecision } from './options.js';
import { newPlane, type Plane, readPlanes, toArray } from './planes.js';

/** Options of {@link bookFixedIterations}: the book's, minus the stopping rule. */
export interface BookFixedOptions {
  tau?: number;
  tvWeight?: number;
  dualInit?: 'image' | 'zero';
  precision?: 'float64' | 'float32';
}

/**
 * The book's ROF (`denoise` with `uInit` the image) run for exactly `iterations` iterations; the
 * U it returns equals `denoise`'s after the same number of iterations, bit for bit.
 *
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * bookFixedIterations(array([[0, 0], [0, 0]]), 3).toArray(); // [[0, 0], [0, 0]]
 * ```
 */
export function bookFixedIterations(im: NdArrayLike, iterations: number, options: BookFixedOptions = {}): NdArray {
  const its = checkInteger(iterations, 'iterations', { min: 0 });
  const precision = readPrecision(options.precision);
  const tau = options.tau === undefined ? 0.125 : positive(options.tau, 'tau', 0.25);
  const tvWeight = options.tvWeight === undefined ? 100 : positive(options.tvWeight, 'tvWeight');
  const dualInit = checkOneOf(options.dualInit ?? 'image', 'dualInit', ['image', 'zero']);
  const f = readPlanes(im, 'im', precision);
  const { h, w } = f;
  const n = h * w;
  const step = tau / tvWeight;
  const wrap = integerWrap(asarray(im).dtype);
  const us: Plane[] = [];
  for (const fc of f.planes) {
    const U = newPlane(n, precision);
    U.set(fc);
    const Px = newPlane(n, precision);
    const Py = newPlane(n, precision);
    if (dualInit === 'image') {
      Px.set(fc);
      Py.set(fc);
    }
    for (let it = 0; it < its && n > 0; it++) {
      if (it === 0 && wrap !== undefined) bookFirstIterationWrapped(fc, U, Px, Py, h, w, step, tvWeight, wrap);
      else bookIteration(fc, U, Px, Py, h, w, step, tvWeight);
    }
    us.push(U);
  }
  return toArray(us, f.shape, precision);
}

/** NumPy's wraparound of an integer difference (as `denoise`: the first `roll(U) − U` is in the image's dtype). */
function integerWrap(dtype: string): ((d: number) => number) | undefined {
  const spec = (
    {
      uint8: [8, false],
      int8: [8, true],
      uint16: [16, false],
      int16: [16, true],
      uint32: [32, false],
      int32: [32, true],
    } as Record<string, [number, boolean]>
  )[dtype];
  if (spec === undefined) return undefined;
  const [bits, signed] = spec;
  const m = 2 ** bits;
  const half = 2 ** (bits - 1);
  return signed ? (d) => ((((d + half) % m) + m) % m) - half : (d) => ((d % m) + m) % m;
}
