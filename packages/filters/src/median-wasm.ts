/**
 * 3×3 and 5×5 medians of 2-D uint8 and uint16 images on the WebAssembly SIMD selection networks
 * (wasm/median-network.mjs): 16 uint8 (8 uint16) outputs per step, ~12 vector min/max per output
 * for a 5×5 window. Integer comparisons select the same value as any sort, so the results are
 * SciPy's exactly. The image is padded once by the boundary mode into the module's memory.
 */
import { castInto, NdArray, type NumericTypedArray } from '@ndimage/core-array';
import type { Footprint } from './footprint.js';
import { type BoundaryMode, mapIndex } from './modes.js';
import { wasmKernels } from './wasm.js';

const KERNELS: Record<string, string> = {
  'uint8 3': 'median3x3_u8',
  'uint8 5': 'median5x5_u8',
  'uint16 3': 'median3x3_u16',
  'uint16 5': 'median5x5_u16',
};

/**
 * Writes the median filter of `a` into `out` and returns true when the SIMD kernel applies: a
 * 2-D uint8/uint16 image, a full 3×3 or 5×5 window centred on each pixel (origins 0), the median
 * rank, a non-bool output, and scratch within the module's memory. `fill` is cval in `a`'s dtype.
 */
export function wasmMedian(
  a: NdArray,
  out: NdArray,
  fp: Footprint,
  rank: number,
  mode: BoundaryMode,
  fill: number,
): boolean {
  const [H, W] = a.shape as [number, number];
  const h = fp.shape[0] as number;
  const name = KERNELS[`${a.dtype} ${h}`];
  if (
    name === undefined ||
    a.ndim !== 2 ||
    fp.shape[1] !== h ||
    fp.count !== h * h ||
    rank !== fp.count >> 1 ||
    out.dtype === 'bool' ||
    a.size === 0
  )
    return false;
  const k = wasmKernels() as unknown as Record<string, (...args: number[]) => void> & {
    memory: { buffer: ArrayBuffer };
  };
  if (k === undefined) return false;
  const bytes = a.dtype === 'uint8' ? 1 : 2;
  const pad = h >> 1;
  const align = (x: number): number => (x + 15) & ~15;
  // Padded rows, plus 16 bytes so the last vector's loads stay inside the row.
  const stride = align((W + 2 * pad) * bytes + 16);
  const dstStride = align(W * bytes);
  const srcAt = 16;
  const dstAt = align(srcAt + (H + 2 * pad) * stride);
  const end = dstAt + H * dstStride;
  const mem = k.memory.buffer;
  if (end > mem.byteLength) return false;
  const Typed = bytes === 1 ? Uint8Array : Uint16Array;
  const src = new Typed(mem, srcAt, ((H + 2 * pad) * stride) / bytes);
  const rowLen = stride / bytes;
  const data = a.data as NumericTypedArray;
  const [s0, s1] = a.strides as [number, number];
  // Padded column j reads input column map[j] (−1: the constant).
  const cols = new Int32Array(W + 2 * pad);
  for (let j = 0; j < cols.length; j++) cols[j] = mapIndex(j - pad, W, mode);
  for (let i = 0; i < H + 2 * pad; i++) {
    const m = mapIndex(i - pad, H, mode);
    const at = i * rowLen;
    if (m < 0) {
      src.fill(fill, at, at + W + 2 * pad);
      continue;
    }
    const base = a.offset + m * s0;
    if (s1 === 1) src.set((data as Uint8Array | Uint16Array).subarray(base, base + W), at + pad);
    else for (let j = 0; j < W; j++) src[at + pad + j] = data[base + j * s1] as number;
    for (let j = 0; j < pad; j++) {
      const l = cols[j] as number;
      const r = cols[W + pad + j] as number;
      src[at + j] = l < 0 ? fill : (data[base + l * s1] as number);
      src[at + W + pad + j] = r < 0 ? fill : (data[base + r * s1] as number);
    }
  }
  const blocks = Math.ceil((W * bytes) / 16);
  (k[name] as (...args: number[]) => void)(srcAt, stride, dstAt, dstStride, blocks, H);
  const result = new NdArray(new Typed(mem, dstAt, (H * dstStride) / bytes), [H, W], {
    strides: [dstStride / bytes, 1],
    dtype: a.dtype,
  });
  castInto(result, out);
  return true;
}
