/**
 * Sliding minimum/maximum of uint8, int8, uint16 and int16 data into the same dtype, on the
 * WebAssembly kernels' integer lanes (16 bytes per instruction: 16 uint8 values). Integers have no
 * NaN and no −0, so the extremum is one well-defined value and any order of comparisons gives
 * SciPy's; the padding uses `cval` only when it is an integer the dtype holds (SciPy pads with the
 * double, which for such a value changes nothing). Grey morphology of 8-bit images and binary
 * morphology with box structures run on this.
 */
import { type DType, forEachRun, type NdArray } from '@ndimage/core-array';
import { type BoundaryMode, mapIndex } from './modes.js';
import { wasmScratch } from './wasm.js';

const LANES: Partial<Record<DType, { name: string; bytes: number; min: number; max: number }>> = {
  uint8: { name: 'u8', bytes: 1, min: 0, max: 255 },
  int8: { name: 'i8', bytes: 1, min: -128, max: 127 },
  uint16: { name: 'u16', bytes: 2, min: 0, max: 65535 },
  int16: { name: 'i16', bytes: 2, min: -32768, max: 32767 },
};

/** Columns per chunk of the row path (bytes per row stay in L1/L2 for any practical size). */
const CHUNK = 8192;

type Kernels = Record<string, (...args: number[]) => void>;

/**
 * The extremum of `size` along `axis` of `input` into `target` when the integer path applies
 * (same small-integer dtype, cval representable in constant mode, the kernels loaded); returns
 * whether it ran.
 */
export function intExtremum(
  input: NdArray,
  size: number,
  axis: number,
  target: NdArray,
  mode: BoundaryMode,
  cval: number,
  left: number,
  minimum: boolean,
): boolean {
  const lanes = LANES[input.dtype];
  if (lanes === undefined || target.dtype !== input.dtype || input.size === 0) return false;
  if (mode === 'constant' && !(Number.isInteger(cval) && cval >= lanes.min && cval <= lanes.max)) return false;
  // A pass in place reads rows it has already written: work from a copy.
  const src = input.data.buffer === target.data.buffer ? input.copy() : input;
  const op = `${lanes.name}_${minimum ? 'min' : 'max'}`;
  const n = src.shape[axis] as number;
  const last = axis === src.ndim - 1;
  let inner = 1;
  for (let k = axis + 1; k < src.ndim; k++) inner *= src.shape[k] as number;
  if (!last && contiguousBlock(src, target, axis))
    return rowsPath(src, target, axis, n, inner, size, mode, cval, left, lanes.bytes, op);
  return linePath(src, target, axis, n, size, mode, cval, left, lanes.bytes, op);
}

function contiguousBlock(a: NdArray, b: NdArray, axis: number): boolean {
  let inner = 1;
  for (let k = a.ndim - 1; k > axis; k--) {
    if (a.strides[k] !== inner || b.strides[k] !== inner) return false;
    inner *= a.shape[k] as number;
  }
  return true;
}

type Typed = Uint8Array | Int8Array | Uint16Array | Int16Array;

function view(raw: Uint8Array, like: NdArray, length: number): Typed {
  const Ctor = like.data.constructor as new (b: ArrayBufferLike, o: number, n: number) => Typed;
  return new Ctor(raw.buffer, raw.byteOffset, length);
}

/** Along lines: each line copied into a padded buffer, extended by the mode, windowed in one call. */
function linePath(
  a: NdArray,
  t: NdArray,
  axis: number,
  n: number,
  size: number,
  mode: BoundaryMode,
  cval: number,
  left: number,
  bytes: number,
  op: string,
): boolean {
  const len = n + size - 1;
  const s = wasmScratch([], [], [len * bytes, n * bytes]);
  if (s === undefined) return false;
  const k = s.k as unknown as Kernels;
  const run = k[`line_window_${op}`] as (...args: number[]) => void;
  const buf = view(s.raw[0] as Uint8Array, a, len);
  const dst = view(s.raw[1] as Uint8Array, a, n);
  const data = a.data as Typed;
  const out = t.data as Typed;
  const step = a.strides[axis] as number;
  const ostep = t.strides[axis] as number;
  // Padded position p reads input index map[p] (−1: cval).
  const map = new Int32Array(len);
  for (let p = 0; p < len; p++) map[p] = mapIndex(p - left, n, mode);
  const others = a.shape.filter((_, i) => i !== axis);
  forEachRun(
    others,
    [a.strides.filter((_, i) => i !== axis), t.strides.filter((_, i) => i !== axis)],
    [a.offset, t.offset],
    (off, count, st) => {
      for (let e = 0; e < count; e++) {
        const at = (off[0] as number) + e * (st[0] as number);
        if (step === 1) buf.set(data.subarray(at, at + n), left);
        else for (let i = 0; i < n; i++) buf[left + i] = data[at + i * step] as number;
        for (let p = 0; p < left; p++) buf[p] = map[p] === -1 ? cval : (data[at + (map[p] as number) * step] as number);
        for (let p = left + n; p < len; p++)
          buf[p] = map[p] === -1 ? cval : (data[at + (map[p] as number) * step] as number);
        run(buf.byteOffset, n, dst.byteOffset, size);
        const to = (off[1] as number) + e * (st[1] as number);
        if (ostep === 1) out.set(dst, to);
        else for (let i = 0; i < n; i++) out[to + i * ostep] = dst[i] as number;
      }
    },
  );
  return true;
}

/** Across rows: every input row of a column chunk copied once, each output row the extremum of `size` of them. */
function rowsPath(
  a: NdArray,
  t: NdArray,
  axis: number,
  n: number,
  inner: number,
  size: number,
  mode: BoundaryMode,
  cval: number,
  left: number,
  bytes: number,
  op: string,
): boolean {
  const line = Math.min(inner, CHUNK);
  // The chunk's n input rows, one cval row, and the output row.
  const s = wasmScratch([], [size], [n * line * bytes, line * bytes, line * bytes]);
  if (s === undefined) return false;
  const k = s.k as unknown as Kernels;
  const run = k[`rows_window_${op}`] as (...args: number[]) => void;
  const block = view(s.raw[0] as Uint8Array, a, n * line);
  const cvalRow = view(s.raw[1] as Uint8Array, a, line).fill(cval);
  const dst = view(s.raw[2] as Uint8Array, a, line);
  const ptrs = s.i32[0] as Int32Array;
  const data = a.data as Typed;
  const out = t.data as Typed;
  const sIn = a.strides[axis] as number;
  const sOut = t.strides[axis] as number;
  const source = new Int32Array(n + size - 1);
  for (let kx = 0; kx < source.length; kx++) source[kx] = mapIndex(kx - left, n, mode);
  forEachRun(
    a.shape.slice(0, axis),
    [a.strides.slice(0, axis), t.strides.slice(0, axis)],
    [a.offset, t.offset],
    (off, count, st) => {
      for (let e = 0; e < count; e++) {
        const inBase = (off[0] as number) + e * (st[0] as number);
        const outBase = (off[1] as number) + e * (st[1] as number);
        for (let c0 = 0; c0 < inner; c0 += line) {
          const cw = Math.min(line, inner - c0);
          for (let m = 0; m < n; m++)
            block.set(data.subarray(inBase + m * sIn + c0, inBase + m * sIn + c0 + cw), m * line);
          for (let i = 0; i < n; i++) {
            for (let tp = 0; tp < size; tp++) {
              const m = source[i + tp] as number;
              ptrs[tp] = m < 0 ? cvalRow.byteOffset : block.byteOffset + m * line * bytes;
            }
            run(dst.byteOffset, cw, ptrs.byteOffset, size);
            out.set(cw === line ? dst : dst.subarray(0, cw), outBase + i * sOut + c0);
          }
        }
      }
    },
  );
  return true;
}
