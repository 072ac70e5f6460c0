/**
 * The work one thread does for a parallel filter call: a band of output rows [start, end) along
 * axis 0. Loaded by the pool's workers (as the built `bands.js`) and called directly for the
 * calling thread's own band, so every band runs the same code: results are bit-identical to one
 * thread.
 *
 * Separable passes split cleanly by rows: SciPy filters axis 0 first, and that pass reads the
 * input rows around the band (shared memory) and writes only the band's rows; every later pass
 * runs along another axis, entirely inside the band.
 */
import { type DType, NdArray, type TypedArray } from '@ndimage/core-array';
import { correlate1dInto } from './correlate1d.js';
import { gradient2d } from './gradient-2d.js';
import type { BoundaryMode } from './modes.js';

/** An array's fields, as they travel to a worker (the data in shared memory). */
export interface SharedLayout {
  data: TypedArray;
  shape: number[];
  strides: number[];
  offset: number;
  dtype: DType;
}

/** Wraps an array's fields for a worker. */
export function layoutOf(a: NdArray): SharedLayout {
  return { data: a.data, shape: [...a.shape], strides: [...a.strides], offset: a.offset, dtype: a.dtype };
}

const wrap = (l: SharedLayout): NdArray =>
  new NdArray(l.data, l.shape, { strides: l.strides, offset: l.offset, dtype: l.dtype });

/** Arguments of {@link passesBand}. */
export interface PassesBandArgs {
  input: SharedLayout;
  target: SharedLayout;
  passes: readonly { axis: number; w: Float64Array; mode: BoundaryMode }[];
  cval: number;
  start: number;
  end: number;
}

/** Separable correlation passes for output rows [start, end). */
export function passesBand(args: PassesBandArgs): void {
  const input = wrap(args.input);
  const target = wrap(args.target);
  const band = target.index([args.start, args.end]);
  let cur: NdArray | undefined;
  for (const p of args.passes) {
    if (p.axis === 0) correlate1dInto(input, p.w, 0, target, p.mode, args.cval, 0, [args.start, args.end]);
    else correlate1dInto(cur ?? input.index([args.start, args.end]), p.w, p.axis, band, p.mode, args.cval, 0);
    cur = band;
  }
}

/** Arguments of {@link gradientBand}. */
export interface GradientBandArgs {
  input: SharedLayout;
  target: SharedLayout;
  axis: number;
  centre: number;
  modes: BoundaryMode[];
  cval: number;
  start: number;
  end: number;
}

/** The one-pass 2-D Sobel/Prewitt for output rows [start, end). */
export function gradientBand(args: GradientBandArgs): void {
  gradient2d(wrap(args.input), wrap(args.target), args.axis, args.centre, args.modes, args.cval, args.start, args.end);
}
