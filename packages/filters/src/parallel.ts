/**
 * Splitting a filter call into bands of rows across the worker pool (DESIGN §4). Browser-safe:
 * it only talks to the pool registered in core-array by `enableThreads()`.
 */
import {
  bands,
  builtFile,
  castInto,
  type DType,
  NdArray,
  shared,
  type ThreadTask,
  threadBackend,
  zeros,
} from '@ndimage/core-array';
import { type GradientBandArgs, gradientBand, layoutOf, type PassesBandArgs, passesBand } from './bands.js';
import { acrossRows } from './correlate-rows.js';
import type { Pass } from './gaussian-filter.js';

/** The module workers import for band tasks. */
const BANDS_MODULE = builtFile(import.meta.url, './bands.js', '../dist/bands.js').href;

/** The array with its data in shared memory (a copy unless it already is). */
export function sharedArray(a: NdArray): NdArray {
  return new NdArray(shared(a.data), a.shape, { strides: a.strides, offset: a.offset, dtype: a.dtype });
}

/** A zero-filled array of `shape` in shared memory: outputs the bands write directly. */
export function sharedZeros(shape: readonly number[], dtype: DType): NdArray {
  const plain = zeros(shape, { dtype });
  const data = plain.data;
  const Ctor = data.constructor as new (b: SharedArrayBuffer) => typeof data;
  return new NdArray(new Ctor(new SharedArrayBuffer(data.byteLength)), [...shape], { dtype });
}

/**
 * True when separable passes split into row bands: the first pass runs along axis 0 on the row
 * path (every later pass then stays inside a band).
 */
export function bandable(input: NdArray, target: NdArray, passes: readonly Pass[]): boolean {
  return input.ndim >= 2 && input.size > 0 && passes[0]?.axis === 0 && acrossRows(input, target, 0);
}

/**
 * Runs a band function over rows [0, rows) on `threads` threads, writing into `out`: in place when
 * `out` is already shared, else through a shared copy written back at the end.
 */
function runBanded<A extends { start: number; end: number; input: unknown; target: unknown }>(
  fn: 'passesBand' | 'gradientBand',
  input: NdArray,
  out: NdArray,
  threads: number,
  rows: number,
  extra: Omit<A, 'start' | 'end' | 'input' | 'target'>,
): NdArray {
  const backend = threadBackend();
  // Callers ask threadCount() first, which refuses a count > 1 without a pool.
  if (backend === undefined) throw new Error('runBanded: no thread pool registered');
  const target = out.data.buffer instanceof SharedArrayBuffer ? out : sharedArray(out);
  // An input in the target's memory would be overwritten by one band while another reads it.
  const src = input.data.buffer === target.data.buffer ? sharedArray(input.copy()) : sharedArray(input);
  const tasks: ThreadTask[] = bands(rows, threads).map(([start, end]) => ({
    module: BANDS_MODULE,
    fn,
    args: { ...extra, input: layoutOf(src), target: layoutOf(target), start, end },
  }));
  const local = fn === 'passesBand' ? passesBand : gradientBand;
  backend.run(tasks, (t) => local(t.args as PassesBandArgs & GradientBandArgs));
  if (target !== out) castInto(target, out);
  return out;
}

/** Separable passes in parallel bands (see `bands.ts` for why rows split cleanly). */
export function parallelPasses(
  input: NdArray,
  out: NdArray,
  passes: PassesBandArgs['passes'],
  cval: number,
  threads: number,
): NdArray {
  return runBanded<PassesBandArgs>('passesBand', input, out, threads, input.shape[0] as number, { passes, cval });
}

/** The one-pass 2-D gradient in parallel bands. */
export function parallelGradient(
  input: NdArray,
  out: NdArray,
  extra: Omit<GradientBandArgs, 'start' | 'end' | 'input' | 'target'>,
  threads: number,
): NdArray {
  return runBanded<GradientBandArgs>('gradientBand', input, out, threads, input.shape[0] as number, extra);
}
