/**
 * Truth of an input for labelling and binary morphology: nonzero is true (NaN included, as in
 * SciPy), read into a C-order byte array of 0/1.
 */
import { forEachRun, type NdArray, type NumericTypedArray } from '@ndimage/core-array';

/**
 * 0/1 per element of `a`, C order, for reading only: a contiguous bool array's own bytes (no
 * copy), else {@link foreground}'s copy. The caller must not write to it.
 */
export function foregroundView(a: NdArray): Uint8Array {
  if (a.dtype === 'bool' && a.isContiguous()) return (a.data as Uint8Array).subarray(a.offset, a.offset + a.size);
  return foreground(a);
}

/** 0/1 per element of `a`, C order. */
export function foreground(a: NdArray): Uint8Array {
  const out = new Uint8Array(a.size);
  if (a.size === 0) return out;
  if (a.dtype === 'int64' || a.dtype === 'uint64') {
    const d = a.data as BigInt64Array;
    let k = 0;
    forEachRun(a.shape, [a.strides], [a.offset], (off, n, st) => {
      for (let i = 0, j = off[0] as number; i < n; i++, j += st[0] as number) out[k++] = d[j] !== 0n ? 1 : 0;
    });
    return out;
  }
  const d = a.data as NumericTypedArray;
  if (a.isContiguous()) {
    // The common case, without the strided walk: bool bytes are already 0/1.
    const from = a.offset;
    if (a.dtype === 'bool') out.set((d as Uint8Array).subarray(from, from + out.length));
    else if (d instanceof Uint8Array) nonzeroU8(d, from, out);
    else if (d instanceof Float64Array) nonzeroF64(d, from, out);
    else for (let i = 0; i < out.length; i++) out[i] = d[from + i] !== 0 ? 1 : 0;
    return out;
  }
  let k = 0;
  forEachRun(a.shape, [a.strides], [a.offset], (off, n, st) => {
    const s = st[0] as number;
    let j = off[0] as number;
    // NaN !== 0, so NaN is foreground.
    for (let i = 0; i < n; i++, j += s) out[k++] = d[j] !== 0 ? 1 : 0;
  });
  return out;
}

// One loop per common element type, so each stays monomorphic for V8.
function nonzeroU8(d: Uint8Array, from: number, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = d[from + i] !== 0 ? 1 : 0;
}

function nonzeroF64(d: Float64Array, from: number, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = d[from + i] !== 0 ? 1 : 0;
}
