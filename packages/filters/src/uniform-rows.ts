/**
 * The moving average along a strided axis, whole rows at a time: SciPy's running sum kept for a
 * chunk of columns at once (s[j] += in[j] − out[j]), so every row is read once, sequentially,
 * instead of gathering one column per line (2048² float64, size 15 on both axes: 59 → 25 ms). Each column
 * sees exactly the arithmetic of SciPy's line loop, so results are identical.
 */
import type { NdArray } from '@ndimage/core-array';
import { acrossRows } from './correlate-rows.js';
import type { BoundaryMode } from './modes.js';
import { forEachRowChunk, rowLength } from './row-chunks.js';

/** Columns per chunk: `size` rows of 1024 doubles stay in L2 for any practical size. */
const CHUNK = 1024;

/**
 * True when the rows path applies: the dims after `axis` are one C-contiguous block in both
 * arrays, and the arrays do not share memory (rows are written while later ones are still read).
 */
export function uniformAcrossRows(input: NdArray, target: NdArray, axis: number): boolean {
  return input.data.buffer !== target.data.buffer && acrossRows(input, target, axis);
}

/**
 * Moving average of `size` along `axis` into `target`, `left` samples of the window before the
 * centre: output i averages extended rows i … i + size − 1, where extended row k is input row
 * k − left mapped by `mode` (cval outside in `constant` mode).
 */
export function uniformRows(
  input: NdArray,
  size: number,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  left: number,
): void {
  const n = input.shape[axis] as number;
  const line = Math.min(rowLength(input, axis), CHUNK);
  const ring: Float64Array[] = Array.from({ length: size }, () => new Float64Array(line));
  let spare: Float64Array = new Float64Array(line);
  const s = new Float64Array(line);
  const avg = new Float64Array(line);
  forEachRowChunk(input, target, axis, line, mode, cval, left, ({ cw, load, store }) => {
    // The first window, summed in order as SciPy's loop does.
    s.fill(0, 0, cw);
    for (let k = 0; k < size; k++) {
      const r = ring[k] as Float64Array;
      load(k, r);
      for (let j = 0; j < cw; j++) s[j] = s[j]! + r[j]!;
    }
    for (let j = 0; j < cw; j++) avg[j] = s[j]! / size;
    store(avg, 0);
    // Then one row in, one out: ring[(i − 1) % size] holds extended row i − 1.
    for (let i = 1; i < n; i++) {
      const slot = (i - 1) % size;
      const old = ring[slot] as Float64Array;
      load(i + size - 1, spare);
      for (let j = 0; j < cw; j++) {
        const v = s[j]! + (spare[j]! - old[j]!);
        s[j] = v;
        avg[j] = v / size;
      }
      ring[slot] = spare;
      spare = old;
      store(avg, i);
    }
  });
}
