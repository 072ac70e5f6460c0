/**
 * 1-D correlation along a strided axis, a chunk of whole rows at a time (DESIGN §4): the rows
 * under each tap are read sequentially instead of gathering one column per line, which is what
 * costs a line-by-line filter most on a strided axis (2048² Gaussian along axis 0: 203 → 85 ms).
 */
import { forEachRun, type NdArray, type NumericTypedArray } from '@ndimage/core-array';
import { readLine } from '@ndimage/core-array/internal';
import { lineKernel, type Prepared, rowKernel } from './correlate-kernels.js';
import { wasmLineScratch, wasmRowsScratch } from './correlate-wasm.js';
import { type BoundaryMode, extendLine, mapIndex } from './modes.js';
import { lineStore } from './output.js';
import { rowLength } from './row-chunks.js';

/** Row chunk length: 256 doubles a row keeps all the taps' chunks of a 41-tap kernel in L2. */
const CHUNK = 256;

/** True when the dims after `axis` form one C-contiguous block in both arrays, long enough to pay. */
export function acrossRows(input: NdArray, target: NdArray, axis: number): boolean {
  return axis < input.ndim - 1 && trailingBlock(input, target, axis) && rowLength(input, axis) >= 16;
}

/** True when the dims after `axis` form one C-contiguous block in both arrays. */
function trailingBlock(input: NdArray, target: NdArray, axis: number): boolean {
  let inner = 1;
  for (let i = input.ndim - 1; i > axis; i--) {
    if (input.strides[i] !== inner || target.strides[i] !== inner) return false;
    inner *= input.shape[i] as number;
  }
  return true;
}

/**
 * Runs the correlation across rows; `left` is the number of taps before the centre sample.
 * Only output rows [rowStart, rowEnd) along `axis` are computed (one thread's band); the input is
 * read wherever the taps reach.
 */
export function correlateRows(
  input: NdArray,
  k: Prepared,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  left: number,
  rowStart = 0,
  rowEnd: number = input.shape[axis] as number,
): void {
  // Float64 input in its own memory is read in place. Any other dtype, or an input that is the
  // target itself, is converted a column chunk at a time into a block of float64 rows first (the
  // whole chunk before any output row of it is written, so in-place passes are safe).
  // The WebAssembly kernels read only their own memory: there the block is always used.
  const data = input.data as NumericTypedArray;
  const n = input.shape[axis] as number;
  const L = k.w.length;
  const inner = input.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const line = Math.min(CHUNK, inner);
  const wasm = wasmRowsScratch(k, n * line + line, line);
  const inPlace = wasm === undefined && input.dtype === 'float64' && input.data.buffer !== target.data.buffer;
  const block = wasm?.block ?? (inPlace ? undefined : new Float64Array(n * line + line));
  const cvalAt = n * line; // in the block, a row of cval after the n rows
  if (block !== undefined) block.fill(cval, cvalAt);
  const cvalRow = new Float64Array(line).fill(cval);
  // Which input row each tap of each output row reads (−1: the constant row).
  const source = new Int32Array(n * L);
  let first = n;
  let last = -1;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < L; t++) {
      const m = mapIndex(i + t - left, n, mode);
      source[i * L + t] = m;
      if (i >= rowStart && i < rowEnd && m >= 0) {
        first = Math.min(first, m);
        last = Math.max(last, m);
      }
    }
  }
  const rows: Float64Array[] = new Array(L).fill(block ?? data);
  const offs: number[] = new Array(L).fill(0);
  const acc = wasm?.acc ?? new Float64Array(line);
  const store = lineStore(target);
  const sIn = input.strides[axis] as number;
  const sOut = target.strides[axis] as number;
  const outerShape = input.shape.slice(0, axis);
  forEachRun(
    outerShape,
    [input.strides.slice(0, axis), target.strides.slice(0, axis)],
    [input.offset, target.offset],
    (off, count, st) => {
      for (let e = 0; e < count; e++) {
        const inBase = (off[0] as number) + e * (st[0] as number);
        const outBase = (off[1] as number) + e * (st[1] as number);
        for (let c0 = 0; c0 < inner; c0 += line) {
          const cw = Math.min(line, inner - c0);
          // Convert only the rows this band's taps reach.
          if (block !== undefined)
            for (let m = first; m <= last; m++) readLine(data, inBase + m * sIn + c0, 1, cw, block, m * line);
          for (let i = rowStart; i < rowEnd; i++) {
            if (wasm !== undefined) {
              const base = (block as Float64Array).byteOffset;
              for (let t = 0; t < L; t++) {
                const m = source[i * L + t] as number;
                wasm.ptrs[t] = base + (m < 0 ? cvalAt : m * line) * 8;
              }
              wasm.run(cw);
              store(acc, 0, cw, outBase + i * sOut + c0, 1);
              continue;
            }
            for (let t = 0; t < L; t++) {
              const m = source[i * L + t] as number;
              if (block !== undefined) {
                rows[t] = block;
                offs[t] = m < 0 ? cvalAt : m * line;
              } else if (m < 0) {
                rows[t] = cvalRow;
                offs[t] = 0;
              } else {
                rows[t] = data as Float64Array;
                offs[t] = inBase + m * sIn + c0;
              }
            }
            rowKernel(k, rows, offs, acc, cw);
            store(acc, 0, cw, outBase + i * sOut + c0, 1);
          }
        }
      }
    },
  );
}

/**
 * For a strided axis whose trailing block is short (the channels of an RGB image): the block
 * size B when the axis and the block are contiguous in both arrays, else 0. Such B lines lie
 * interleaved in one contiguous row, which is filtered in one go with taps B elements apart.
 */
export function interleaved(input: NdArray, target: NdArray, axis: number): number {
  if (axis >= input.ndim - 1 || !trailingBlock(input, target, axis)) return 0;
  const inner = rowLength(input, axis);
  if (input.strides[axis] !== inner || target.strides[axis] !== inner || inner > 16) return 0;
  return inner;
}

/**
 * Correlates B interleaved lines (see {@link interleaved}): one contiguous read of the row, split
 * into B padded lines, the plain line kernel on each, and one contiguous write back. The split
 * keeps the kernels at their unit-step speed (a variable tap spacing costs V8 ~70 %).
 */
export function correlateInterleaved(
  input: NdArray,
  k: Prepared,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  left: number,
  right: number,
  inner: number,
): void {
  const n = input.shape[axis] as number;
  const len = n * inner;
  const row = new Float64Array(len);
  const lengths = [...new Array<number>(inner).fill(left + n + right), ...new Array<number>(inner).fill(n)];
  const wasm = wasmLineScratch(k, lengths);
  const arrays = wasm?.arrays ?? lengths.map((l) => new Float64Array(l));
  const lines = arrays.slice(0, inner);
  const outs = arrays.slice(inner);
  const kernel =
    wasm?.kernel ?? ((buf: Float64Array, m: number, dst: Float64Array, d0: number) => lineKernel(k, buf, m, dst, d0));
  const data = input.data as NumericTypedArray;
  const store = lineStore(target);
  forEachRun(
    input.shape.slice(0, axis),
    [input.strides.slice(0, axis), target.strides.slice(0, axis)],
    [input.offset, target.offset],
    (off, count, st) => {
      for (let e = 0; e < count; e++) {
        readLine(data, (off[0] as number) + e * (st[0] as number), 1, len, row, 0);
        for (let b = 0; b < inner; b++) {
          const buf = lines[b] as Float64Array;
          for (let i = 0, j = b; i < n; i++, j += inner) buf[left + i] = row[j]!;
          extendLine(buf, left, n, right, mode, cval);
          kernel(buf, n, outs[b] as Float64Array, 0);
        }
        for (let b = 0; b < inner; b++) {
          const o = outs[b] as Float64Array;
          for (let i = 0, j = b; i < n; i++, j += inner) row[j] = o[i]!;
        }
        store(row, 0, len, (off[1] as number) + e * (st[1] as number), 1);
      }
    },
  );
}
