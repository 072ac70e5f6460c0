/**
 * The walk shared by the filters that run along a strided axis a chunk of whole rows at a time
 * (DESIGN §4): for every position of the axes before `axis` and every chunk of columns of the
 * contiguous block after it, a loader of extended rows and a storer of output rows.
 */
import { forEachRun, type NdArray, type NumericTypedArray } from '@ndimage/core-array';
import { readLine } from '@ndimage/core-array/internal';
import { type BoundaryMode, mapIndex } from './modes.js';
import { lineStore } from './output.js';

/** One chunk of columns: `cw` of them. */
export interface RowChunk {
  cw: number;
  /** Reads extended row k (input row k − left mapped by the mode; cval outside) into `into[0 .. cw)`. */
  load(k: number, into: Float64Array): void;
  /** Stores `src[0 .. cw)` as output row `i`, with the output's cast. */
  store(src: Float64Array, i: number): void;
}

/** Elements in the block after `axis` (one row of the rows path). */
export function rowLength(a: NdArray, axis: number): number {
  let inner = 1;
  for (let i = axis + 1; i < a.ndim; i++) inner *= a.shape[i] as number;
  return inner;
}

/** Calls `fn` for every chunk of at most `chunk` columns of every block of rows along `axis`. */
export function forEachRowChunk(
  input: NdArray,
  target: NdArray,
  axis: number,
  chunk: number,
  mode: BoundaryMode,
  cval: number,
  left: number,
  fn: (c: RowChunk) => void,
): void {
  const n = input.shape[axis] as number;
  const inner = rowLength(input, axis);
  const data = input.data as NumericTypedArray;
  const put = lineStore(target);
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
        for (let c0 = 0; c0 < inner; c0 += chunk) {
          const cw = Math.min(chunk, inner - c0);
          fn({
            cw,
            load(k, into) {
              const m = mapIndex(k - left, n, mode);
              if (m < 0) into.fill(cval, 0, cw);
              else readLine(data, inBase + m * sIn + c0, 1, cw, into, 0);
            },
            store(src, i) {
              put(src, 0, cw, outBase + i * sOut + c0, 1);
            },
          });
        }
      }
    },
  );
}
