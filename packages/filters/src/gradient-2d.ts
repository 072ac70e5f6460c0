/**
 * Sobel and Prewitt on 2-D images into a float output, in one pass instead of two (SciPy: a
 * difference along the axis, written to the output, then smoothing along the other axis in
 * place). The arithmetic is SciPy's, operation for operation: the difference of the
 * antisymmetric [−1, 0, 1] correlation is x₀·0 + (x₋₁ − x₊₁)·(−1), the smoothing
 * d₀·w + (d₋₁ + d₊₁)·1, each intermediate rounded to float32 for a float32 output, and the edges
 * extended by each axis's mode (the smoothing pass extends the intermediate, so `constant` mode
 * pads it with cval). Results are therefore bit-identical to the two passes.
 */
import { type NdArray, type NumericTypedArray, readLine } from '@ndimage/core-array';
import { type BoundaryMode, extendLine, mapIndex } from './modes.js';

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

/**
 * The fused gradient: `axis` 1 differentiates along rows (x), 0 down columns (y); `centre` is 2
 * for Sobel and 1 for Prewitt; `modes` per axis. Only output rows [rowStart, rowEnd) are written.
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
  const line = new Float64Array(w + 2);
  const cvalRow = new Float64Array(w + 2).fill(cval);
  if (axis === 1) {
    // d rows (differences along x) for rows i−1, i, i+1, each made once and reused.
    const rows = [new Float64Array(w), new Float64Array(w), new Float64Array(w)];
    const cvalD = new Float64Array(w).fill(cval);
    const dRow = (r: number, into: Float64Array): Float64Array => {
      const m = mapIndex(r, h, m0);
      if (m < 0) return cvalD;
      readLine(data, input.offset + m * s0, s1, w, line, 1);
      extendLine(line, 1, w, 1, m1, cval);
      rowDifference(line, into, w);
      if (round) roundRow(into, 0, w);
      return into;
    };
    let prev = dRow(rowStart - 1, rows[0]!);
    let cur = dRow(rowStart, rows[1]!);
    for (let i = rowStart; i < rowEnd; i++) {
      const spare = rows.find((r) => r !== prev && r !== cur) as Float64Array;
      const next = dRow(i + 1, spare);
      const at = out.offset + i * o0;
      if (o1 === 1) smoothRow(o, at, prev, cur, next, w, centre);
      else for (let j = 0; j < w; j++) o[at + j * o1] = cur[j]! * centre + (prev[j]! + next[j]!) * 1;
      prev = cur;
      cur = next;
    }
    return;
  }
  // axis 0: d row i = (x[i−1] − x[i+1])·(−1) + x[i]·0 with rows mapped by mode 0, then smoothed
  // along the row with mode 1 (constant: cval around the d row).
  const up = new Float64Array(w);
  const mid = new Float64Array(w);
  const down = new Float64Array(w);
  const d = new Float64Array(w + 2);
  const read = (r: number, into: Float64Array): Float64Array => {
    const m = mapIndex(r, h, m0);
    if (m < 0) return cvalRow;
    readLine(data, input.offset + m * s0, s1, w, into, 0);
    return into;
  };
  for (let i = rowStart; i < rowEnd; i++) {
    const a = read(i - 1, up);
    const b = read(i, mid);
    const c = read(i + 1, down);
    for (let j = 0; j < w; j++) d[j + 1] = b[j]! * 0 + (a[j]! - c[j]!) * -1;
    if (round) roundRow(d, 1, w + 1);
    extendLine(d, 1, w, 1, m1, cval);
    const at = out.offset + i * o0;
    if (o1 === 1) smoothShifted(o, at, d, w, centre);
    else for (let j = 0; j < w; j++) o[at + j * o1] = d[j + 1]! * centre + (d[j]! + d[j + 2]!) * 1;
  }
}
