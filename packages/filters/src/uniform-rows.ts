/**
 * The moving average along a strided axis, whole rows at a time: SciPy's running sum kept for a
 * chunk of columns at once (s[j] += in[j] − out[j]), so every row is read once, sequentially,
 * instead of gathering one column per line (2048² size 15 along axis 0: 33 → 9 ms). Each column
 * sees exactly the arithmetic of SciPy's line loop, so results are identical.
 */
import { forEachRun, type NdArray, type NumericTypedArray, readLine } from '@ndimage/core-array';
import { type BoundaryMode, mapIndex } from './modes.js';
import { lineStore } from './output.js';

/** Columns per chunk: `size` rows of 1024 doubles stay in L2 for any practical size. */
const CHUNK = 1024;

/**
 * True when the rows path applies: the dims after `axis` are one C-contiguous block in both
 * arrays, and the arrays do not share memory (rows are written while later ones are still read).
 */
export function uniformAcrossRows(input: NdArray, target: NdArray, axis: number): boolean {
  const nd = input.ndim;
  if (axis >= nd - 1 || input.data.buffer === target.data.buffer) return false;
  let inner = 1;
  for (let i = nd - 1; i > axis; i--) {
    if (input.strides[i] !== inner || target.strides[i] !== inner) return false;
    inner *= input.shape[i] as number;
  }
  return inner >= 16;
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
  let inner = 1;
  for (let i = axis + 1; i < input.ndim; i++) inner *= input.shape[i] as number;
  const line = Math.min(inner, CHUNK);
  const data = input.data as NumericTypedArray;
  const ring: Float64Array[] = Array.from({ length: size }, () => new Float64Array(line));
  let spare: Float64Array = new Float64Array(line);
  const s = new Float64Array(line);
  const avg = new Float64Array(line);
  const store = lineStore(target);
  const sIn = input.strides[axis] as number;
  const sOut = target.strides[axis] as number;
  forEachRun(
    input.shape.slice(0, axis),
    [input.strides.slice(0, axis), target.strides.slice(0, axis)],
    [input.offset, target.offset],
    (off, count, st) => {
      for (let e = 0; e < count; e++) {
        const inBase = (off[0] as number) + e * (st[0] as number);
        const outBase = (off[1] as number) + e * (st[1] as number);
        for (let c0 = 0; c0 < inner; c0 += line) {
          const cw = Math.min(line, inner - c0);
          const load = (k: number, into: Float64Array): void => {
            const m = mapIndex(k - left, n, mode);
            if (m < 0) into.fill(cval, 0, cw);
            else readLine(data, inBase + m * sIn + c0, 1, cw, into, 0);
          };
          // The first window, summed in order as SciPy's loop does.
          s.fill(0, 0, cw);
          for (let k = 0; k < size; k++) {
            const r = ring[k] as Float64Array;
            load(k, r);
            for (let j = 0; j < cw; j++) s[j] = s[j]! + r[j]!;
          }
          for (let j = 0; j < cw; j++) avg[j] = s[j]! / size;
          store(avg, 0, cw, outBase + c0, 1);
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
            store(avg, 0, cw, outBase + i * sOut + c0, 1);
          }
        }
      }
    },
  );
}
