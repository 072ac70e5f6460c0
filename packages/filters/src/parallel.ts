/**
 * Splitting a filter call into bands of rows across the worker pool (DESIGN §4). Browser-safe:
 * it only talks to the pool registered in core-array by `enableThreads()`.
 *
 * Workers see only shared memory, so the input rows their bands read are staged into a reused
 * shared scratch buffer (unless the input already lives in shared memory), their bands write into
 * another one, and those rows are copied into the output: copies at memory speed of the workers'
 * share only, against allocating fresh shared memory per call, whose first touch costs ~20× more
 * than an ordinary buffer's.
 */
import { castInto, type DType, NdArray, type NumericTypedArray } from '@ndimage/core-array';
import { bands, builtFile, sharedScratch, type ThreadTask, threadBackend } from '@ndimage/core-array/internal';
import { type GradientBandArgs, gradientBand, layoutOf, type PassesBandArgs, passesBand } from './bands.js';
import { acrossRows } from './correlate-rows.js';
import type { Pass } from './gaussian-filter.js';
import { type BoundaryMode, mapIndex } from './modes.js';

/** The module workers import for band tasks. */
const BANDS_MODULE = builtFile(import.meta.url, './bands.js', '../dist/bands.js').href;

const isShared = (a: NdArray): boolean => a.data.buffer instanceof SharedArrayBuffer;

/** A C-contiguous array of `shape` and `dtype` over scratch `slot`. */
function scratchArray(slot: number, shape: readonly number[], dtype: DType, like: NdArray): NdArray {
  const size = shape.reduce((p, d) => p * d, 1);
  const Ctor = like.data.constructor as new (b: SharedArrayBuffer, o: number, n: number) => NumericTypedArray;
  const bytes = size * (like.data as NumericTypedArray).BYTES_PER_ELEMENT;
  return new NdArray(new Ctor(sharedScratch(slot, bytes), 0, size), [...shape], { dtype });
}

/**
 * True when separable passes split into row bands: the first pass runs along axis 0 on the row
 * path (every later pass then stays inside a band).
 */
export function bandable(input: NdArray, target: NdArray, passes: readonly Pass[]): boolean {
  return input.ndim >= 2 && input.size > 0 && passes[0]?.axis === 0 && acrossRows(input, target, 0);
}

/**
 * Whether threads pay for a pass chain of `taps` kernel taps in all: staging copies about half
 * the input and half the output (the workers' share) for each element the filter computes.
 * Measured on 2048² float64 with 2 threads: σ=5 Gaussian (82 taps) 66 → 40 ms, σ=2 (34 taps)
 * 25 → 19 ms; Sobel (6 taps) 14 → 16 ms, a loss, so it stays on one thread unless its data are
 * already shared.
 */
export function threadsPay(input: NdArray, out: NdArray, taps: number): boolean {
  let staged = 0;
  if (!isShared(input)) staged += (input.data as NumericTypedArray).BYTES_PER_ELEMENT;
  if (!isShared(out)) staged += (out.data as NumericTypedArray).BYTES_PER_ELEMENT;
  return taps >= 2 * staged;
}

/**
 * Runs a band function over rows [0, rows) on `threads` threads, writing into `out`. The calling
 * thread's band (the first) reads `input` and writes `out` where they are; the workers' bands read
 * a staged copy of just the input rows they reach (`reads`) and write into a shared scratch that
 * is copied into `out` at the end, unless input or output already live in shared memory.
 */
function runBanded<A extends { start: number; end: number; input: unknown; target: unknown }>(
  fn: 'passesBand' | 'gradientBand',
  input: NdArray,
  out: NdArray,
  threads: number,
  reads: (start: number, end: number) => [number, number],
  extra: Omit<A, 'start' | 'end' | 'input' | 'target'>,
): NdArray {
  const backend = threadBackend();
  // Callers ask threadCount() first, which refuses a count > 1 without a pool.
  if (backend === undefined) throw new Error('runBanded: no thread pool registered');
  const parts = bands(input.shape[0] as number, threads);
  const others = parts.slice(1);
  const target = isShared(out) ? out : scratchArray(1, out.shape, out.dtype, out);
  // No band may read rows another overwrites: an input in the output's own memory is staged
  // whole, and then every band, the caller's included, reads the staged copy.
  const aliased = input.data.buffer === out.data.buffer;
  let src = input;
  if (!isShared(input) || aliased) {
    src = scratchArray(0, input.shape, input.dtype, input);
    let lo = Number.POSITIVE_INFINITY;
    let hi = -1;
    for (const [s, e] of aliased ? parts : others) {
      const [a, b] = reads(s, e);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    if (hi >= lo) castInto(input.index([lo, hi + 1]), src.index([lo, hi + 1]));
  }
  const tasks: ThreadTask[] = parts.map(([start, end], p) => ({
    module: BANDS_MODULE,
    fn,
    args:
      p === 0
        ? { ...extra, input: layoutOf(aliased ? src : input), target: layoutOf(out), start, end }
        : { ...extra, input: layoutOf(src), target: layoutOf(target), start, end },
  }));
  const local = fn === 'passesBand' ? passesBand : gradientBand;
  backend.run(tasks, (t) => local(t.args as PassesBandArgs & GradientBandArgs));
  if (target !== out) for (const [s, e] of others) castInto(target.index([s, e]), out.index([s, e]));
  return out;
}

/** The input rows [lo, hi] that output rows [start, end) reach through `taps` taps, `left` before the centre. */
function rowsReached(
  n: number,
  taps: number,
  left: number,
  mode: BoundaryMode,
): (start: number, end: number) => [number, number] {
  return (start, end) => {
    let lo = n;
    let hi = -1;
    for (let i = start; i < end; i++) {
      for (let t = 0; t < taps; t++) {
        const m = mapIndex(i + t - left, n, mode);
        if (m >= 0) {
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
      }
    }
    return [lo, hi];
  };
}

/** Separable passes in parallel bands (see `bands.ts` for why rows split cleanly). */
export function parallelPasses(
  input: NdArray,
  out: NdArray,
  passes: PassesBandArgs['passes'],
  cval: number,
  threads: number,
): NdArray {
  const first = passes[0] as PassesBandArgs['passes'][number];
  const L = first.w.length;
  const reads = rowsReached(input.shape[0] as number, L, L >> 1, first.mode);
  return runBanded<PassesBandArgs>('passesBand', input, out, threads, reads, { passes, cval });
}

/** The one-pass 2-D gradient in parallel bands. */
export function parallelGradient(
  input: NdArray,
  out: NdArray,
  extra: Omit<GradientBandArgs, 'start' | 'end' | 'input' | 'target'>,
  threads: number,
): NdArray {
  const reads = rowsReached(input.shape[0] as number, 3, 1, extra.modes[0] as BoundaryMode);
  return runBanded<GradientBandArgs>('gradientBand', input, out, threads, reads, extra);
}
