/**
 * Sobel and Prewitt on 2-D images into a float output, in one pass instead of two (SciPy: a
 * difference along the axis, written to the output, then smoothing along the other axis in
 * place). The arithmetic is SciPy's, operation for operation: the difference of the
 * antisymmetric [−1, 0, 1] correlation is x₀·0 + (x₋₁ − x₊₁)·(−1), the smoothing
 * d₀·w + (d₋₁ + d₊₁)·1, each intermediate rounded to float32 for a float32 output, and the edges
 * extended by each axis's mode (the smoothing pass extends the intermediate, so `constant` mode
 * pads it with cval). Results are therefore bit-identical to the two passes.
 */
import type { NdArray, NumericTypedArray } from '@ndimage/core-array';
import { readLine } from '@ndimage/core-array/internal';
import { type BoundaryMode, extendLine, mapIndex } from './modes.js';
import { wasmScratch } from './wasm.js';

/**
 * True when the fused pass applies: a 2-D image into a float64 or float32 array in other memory
 * (the pass reads rows around the one it writes, so it cannot run in place).
 */
export function fusable(input: NdArray, out: NdArray): boolean {
  return (
    input.ndim === 2 &&
    (out.dtype === 'float64' || out.dtype === 'float32') &&
    input.size > 0 &&
    out.data.buffer !== input.data.buffer
  );
}

/** One row of differences along the row: d[j] = x[j]·0 + (x[j−1] − x[j+1])·(−1). */
function rowDifference(x: Float64Array, d: Float64Array, w: number): void {
  for (let j = 0; j < w; j++) d[j] = x[j + 1]! * 0 + (x[j]! - x[j + 2]!) * -1;
}

/** Rounds a row to float32 values (the intermediate of a float32 output). */
function roundRow(d: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) d[j] = Math.fround(d[j]!);
}

/** out[at + j] = c[j]·centre + (a[j] + b[j])·1 for a unit-stride row (the common case). */
function smoothRow(
  o: Float64Array | Float32Array,
  at: number,
  a: Float64Array,
  c: Float64Array,
  b: Float64Array,
  w: number,
  centre: number,
): void {
  for (let j = 0; j < w; j++) o[at + j] = c[j]! * centre + (a[j]! + b[j]!) * 1;
}

/** out[at + j] = d[j+1]·centre + (d[j] + d[j+2])·1 (the smoothing along a padded row). */
function smoothShifted(o: Float64Array | Float32Array, at: number, d: Float64Array, w: number, centre: number): void {
  for (let j = 0; j < w; j++) o[at + j] = d[j + 1]! * centre + (d[j]! + d[j + 2]!) * 1;
}

/** The row operations of the fused gradient, on scratch rows (in wasm memory for the wasm ones). */
interface GradientOps {
  /** Scratch rows of the given lengths. */
  rows: Float64Array[];
  /** d[j] = x[j+1]·0 + (x[j] − x[j+2])·(−1), rounded to float32 when asked. */
  diffRow(x: Float64Array, d: Float64Array, w: number, round: boolean): void;
  /** d[at + j] = b[j]·0 + (a[j] − c[j])·(−1), rounded to float32 when asked. */
  diffCols(
    a: Float64Array,
    b: Float64Array,
    c: Float64Array,
    d: Float64Array,
    at: number,
    w: number,
    round: boolean,
  ): void;
  /** o[j] = c[j]·centre + (a[j] + b[j])·1 into a scratch row. */
  smooth(a: Float64Array, c: Float64Array, b: Float64Array, o: Float64Array, w: number, centre: number): void;
  /** o[j] = d[j+1]·centre + (d[j] + d[j+2])·1 into a scratch row. */
  smoothShifted(d: Float64Array, o: Float64Array, w: number, centre: number): void;
}

function tsOps(lengths: number[]): GradientOps {
  return {
    rows: lengths.map((n) => new Float64Array(n)),
    diffRow(x, d, w, round) {
      rowDifference(x, d, w);
      if (round) roundRow(d, 0, w);
    },
    diffCols(a, b, c, d, at, w, round) {
      for (let j = 0; j < w; j++) d[at + j] = b[j]! * 0 + (a[j]! - c[j]!) * -1;
      if (round) roundRow(d, at, at + w);
    },
    smooth(a, c, b, o, w, centre) {
      smoothRow(o, 0, a, c, b, w, centre);
    },
    smoothShifted(d, o, w, centre) {
      smoothShifted(o, 0, d, w, centre);
    },
  };
}

/** The same operations on the WebAssembly kernels (every row handed to them is one of `rows`). */
function wasmOps(lengths: number[]): GradientOps | undefined {
  const s = wasmScratch(lengths);
  if (s === undefined) return undefined;
  const k = s.k;
  return {
    rows: s.f64,
    diffRow: (x, d, w, round) => k.grad_diff_row(x.byteOffset, d.byteOffset, w, round ? 1 : 0),
    diffCols: (a, b, c, d, at, w, round) =>
      k.grad_diff_cols(a.byteOffset, b.byteOffset, c.byteOffset, d.byteOffset + at * 8, w, round ? 1 : 0),
    smooth: (a, c, b, o, w, centre) =>
      k.grad_smooth_rows(a.byteOffset, c.byteOffset, b.byteOffset, o.byteOffset, w, centre),
    smoothShifted: (d, o, w, centre) => k.grad_smooth_shifted(d.byteOffset, o.byteOffset, w, centre),
  };
}

/** Writes scratch row `r` as output row starting at `at` (stride `step`). */
function putRow(o: Float64Array | Float32Array, at: number, step: number, r: Float64Array, w: number): void {
  if (step === 1)
    o.set(r.subarray(0, w), at); // into float32: the same rounding as an element store
  else for (let j = 0; j < w; j++) o[at + j * step] = r[j]!;
}

/**
 * The fused gradient: `axis` 1 differentiates along rows (x), 0 down columns (y); `centre` is 2
 * for Sobel and 1 for Prewitt; `modes` per axis. Only output rows [rowStart, rowEnd) are written.
 * Each input row is read once (a ring of three rows), and each output row is computed in scratch
 * and written in one go.
 */
export function gradient2d(
  input: NdArray,
  out: NdArray,
  axis: number,
  centre: number,
  modes: readonly BoundaryMode[],
  cval: number,
  rowStart = 0,
  rowEnd: number = input.shape[0] as number,
): void {
  const h = input.shape[0] as number;
  const w = input.shape[1] as number;
  const round = out.dtype === 'float32';
  const data = input.data as NumericTypedArray;
  const o = out.data as Float64Array | Float32Array;
  const [s0, s1] = input.strides as [number, number];
  const [o0, o1] = out.strides as [number, number];
  const m0 = modes[0] as BoundaryMode;
  const m1 = modes[1] as BoundaryMode;
  // line, cval row, three ring rows, the output row, the padded difference row.
  const lengths = [w + 2, w + 2, w, w, w, w, w + 2];
  const ops = wasmOps(lengths) ?? tsOps(lengths);
  const [line, cvalRow, r0, r1, r2, orow, d] = ops.rows as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  cvalRow.fill(cval);
  const ring = [r0, r1, r2];
  const spareOf = (a: Float64Array, b: Float64Array): Float64Array =>
    ring.find((r) => r !== a && r !== b) as Float64Array;
  if (axis === 1) {
    // d rows (differences along x) for rows i−1, i, i+1, each made once and reused.
    const dRow = (r: number, into: Float64Array): Float64Array => {
      const m = mapIndex(r, h, m0);
      if (m < 0) return cvalRow;
      readLine(data, input.offset + m * s0, s1, w, line, 1);
      extendLine(line, 1, w, 1, m1, cval);
      ops.diffRow(line, into, w, round);
      return into;
    };
    let prev = dRow(rowStart - 1, r0);
    let cur = dRow(rowStart, r1);
    for (let i = rowStart; i < rowEnd; i++) {
      const next = dRow(i + 1, spareOf(prev, cur));
      ops.smooth(prev, cur, next, orow, w, centre);
      putRow(o, out.offset + i * o0, o1, orow, w);
      prev = cur;
      cur = next;
    }
    return;
  }
  // axis 0: d row i = (x[i−1] − x[i+1])·(−1) + x[i]·0 with rows mapped by mode 0, then smoothed
  // along the row with mode 1 (constant: cval around the d row).
  const read = (r: number, into: Float64Array): Float64Array => {
    const m = mapIndex(r, h, m0);
    if (m < 0) return cvalRow;
    readLine(data, input.offset + m * s0, s1, w, into, 0);
    return into;
  };
  let a = read(rowStart - 1, r0);
  let b = read(rowStart, r1);
  for (let i = rowStart; i < rowEnd; i++) {
    const c = read(i + 1, spareOf(a, b));
    ops.diffCols(a, b, c, d, 1, w, round);
    extendLine(d, 1, w, 1, m1, cval);
    ops.smoothShifted(d, orow, w, centre);
    putRow(o, out.offset + i * o0, o1, orow, w);
    a = b;
    b = c;
  }
}
