/**
 * One-dimensional transforms along one axis of an n-d array, a block of lines at a time: the
 * lines are copied into a lane buffer (cropped or zero-padded to the transform length, and
 * conjugated for an inverse), transformed together, and copied out (scaled, conjugated back).
 * Three kinds: complex → complex, real → half spectrum (`rfft`), half spectrum → real (`irfft`).
 *
 * Operands are Float64Arrays: complex128 data (interleaved; element e at 2e, 2e + 1) or float64
 * data, with strides and offset in elements. Other dtypes are converted before they get here.
 */
import { planFor, runForward, type Workspace } from './execute.js';
import { forEachBlock } from './lines.js';
import { rootOfUnity } from './twiddle.js';

/** An operand: its data, whether it is complex, and its layout in elements. */
export interface Operand {
  readonly data: Float64Array;
  readonly complex: boolean;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/**
 * Lines per block: enough to share twiddle loads and fill cache lines, few enough for the block
 * to stay in L2. Lines across the memory order (a column pass) take more: each row of the array
 * is a new memory page, and a wider block reads more of each page per visit (measured on 2048²:
 * 103 → 78 ms per column pass from 8 to 32 lines; rows are best at 16).
 */
function laneCount(n: number, contiguous: boolean): number {
  const cap = contiguous ? 16 : 32;
  return Math.max(1, Math.min(cap, Math.floor((cap * 2048) / Math.max(n, 1))));
}

/** Two lane buffers of `size` floats each, distinct from the ones Bluestein uses. */
interface Buffers {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

function buffers(size: number, keep: { x?: Float64Array; y?: Float64Array; z?: Float64Array }): Buffers {
  const get = (b: Float64Array | undefined): Float64Array =>
    b !== undefined && b.length >= size ? b : new Float64Array(size);
  return { x: get(keep.x), y: get(keep.y), z: get(keep.z) };
}

/**
 * Copies `len` elements of `count` lines (line v from element `bases[v]`, `stride` apart) into
 * lanes 0 … count−1 of `buf` as complex values, zeroing rows len … rows−1. A real source gives
 * imaginary parts 0; `imSign` −1 conjugates.
 */
function gather(
  buf: Float64Array,
  V: number,
  count: number,
  src: Operand,
  bases: Float64Array,
  stride: number,
  len: number,
  rows: number,
  imSign: number,
): void {
  const d = src.data;
  if (src.complex) {
    if (stride === 1) {
      // each line is contiguous: read it in one sweep
      for (let v = 0; v < count; v++) {
        const s0 = 2 * bases[v]!;
        for (let i = 0, o = 2 * v; i < len; i++, o += 2 * V) {
          buf[o] = d[s0 + 2 * i]!;
          buf[o + 1] = imSign * d[s0 + 2 * i + 1]!;
        }
      }
    } else if (adjacent(bases, count)) {
      // neighbouring lines (a column block): each row of the block is one contiguous run
      const s0 = 2 * bases[0]!;
      const w = 2 * count;
      for (let i = 0; i < len; i++) {
        const row = 2 * i * V;
        const s = s0 + 2 * i * stride;
        for (let c = 0; c < w; c += 2) {
          buf[row + c] = d[s + c]!;
          buf[row + c + 1] = imSign * d[s + c + 1]!;
        }
      }
    } else {
      for (let i = 0; i < len; i++) {
        const row = 2 * i * V;
        const step = 2 * i * stride;
        for (let v = 0; v < count; v++) {
          const s = 2 * bases[v]! + step;
          buf[row + 2 * v] = d[s]!;
          buf[row + 2 * v + 1] = imSign * d[s + 1]!;
        }
      }
    }
  } else if (stride === 1) {
    for (let v = 0; v < count; v++) {
      const s0 = bases[v]!;
      for (let i = 0, o = 2 * v; i < len; i++, o += 2 * V) {
        buf[o] = d[s0 + i]!;
        buf[o + 1] = 0;
      }
    }
  } else {
    for (let i = 0; i < len; i++) {
      const row = 2 * i * V;
      for (let v = 0; v < count; v++) {
        buf[row + 2 * v] = d[bases[v]! + i * stride]!;
        buf[row + 2 * v + 1] = 0;
      }
    }
  }
  if (len < rows) buf.fill(0, 2 * len * V, 2 * rows * V);
}

/** Copies rows 0 … rows−1 of lanes 0 … count−1 of `buf` into complex `dst`, times (scale, imScale). */
function scatter(
  buf: Float64Array,
  V: number,
  count: number,
  dst: Float64Array,
  bases: Float64Array,
  stride: number,
  rows: number,
  scale: number,
  imScale: number,
): void {
  if (stride === 1) {
    for (let v = 0; v < count; v++) {
      const d0 = 2 * bases[v]!;
      for (let i = 0, o = 2 * v; i < rows; i++, o += 2 * V) {
        dst[d0 + 2 * i] = buf[o]! * scale;
        dst[d0 + 2 * i + 1] = buf[o + 1]! * imScale;
      }
    }
    return;
  }
  if (adjacent(bases, count)) {
    const d0 = 2 * bases[0]!;
    const w = 2 * count;
    for (let i = 0; i < rows; i++) {
      const row = 2 * i * V;
      const t = d0 + 2 * i * stride;
      for (let c = 0; c < w; c += 2) {
        dst[t + c] = buf[row + c]! * scale;
        dst[t + c + 1] = buf[row + c + 1]! * imScale;
      }
    }
    return;
  }
  for (let i = 0; i < rows; i++) {
    const row = 2 * i * V;
    const step = 2 * i * stride;
    for (let v = 0; v < count; v++) {
      const t = 2 * bases[v]! + step;
      dst[t] = buf[row + 2 * v]! * scale;
      dst[t + 1] = buf[row + 2 * v + 1]! * imScale;
    }
  }
}

/** True when the block's lines start at consecutive elements (neighbouring columns). */
function adjacent(bases: Float64Array, count: number): boolean {
  const b0 = bases[0]!;
  for (let v = 1; v < count; v++) if (bases[v] !== b0 + v) return false;
  return true;
}

/**
 * Complex FFT of length `n` along `axis`: `src` (complex or real; its length along the axis may
 * differ from n: cropped or zero-padded) into complex `dst` (length n along the axis; may be
 * `src` itself when the lengths agree). `inverse` gives the unnormalised backward transform;
 * every output is multiplied by `scale`.
 */
export function complexAxis(
  src: Operand,
  dst: Operand,
  axis: number,
  n: number,
  inverse: boolean,
  scale: number,
  ws: Workspace,
): void {
  const plan = planFor(n);
  const V = laneCount(n, src.strides[axis] === 1 && dst.strides[axis] === 1);
  const size = 2 * n * V;
  const { x, y } = buffers(size, ws.lanes ?? {});
  ws.lanes = { ...ws.lanes, x, y };
  const len = Math.min(src.shape[axis] as number, n);
  const sStride = src.strides[axis] as number;
  const dStride = dst.strides[axis] as number;
  const sign = inverse ? -1 : 1;
  forEachBlock(dst.shape, axis, [src.strides, dst.strides], [src.offset, dst.offset], V, (bases, count) => {
    gather(x, V, count, src, bases[0] as Float64Array, sStride, len, n, sign);
    const res = runForward(plan, V, x, y, ws);
    scatter(res, V, count, dst.data, bases[1] as Float64Array, dStride, n, scale, sign * scale);
  });
}

/** exp(−2πi·k/n) for k = 0 … n/2 − 1 (the real transforms' post-twiddles), cached per n. */
const halfTwiddles = new Map<number, Float64Array>();
function realTwiddles(n: number): Float64Array {
  let t = halfTwiddles.get(n);
  if (t === undefined) {
    t = new Float64Array(n);
    for (let k = 0; k < n / 2; k++) rootOfUnity(-k, n, t, 2 * k);
    if (halfTwiddles.size > 64) halfTwiddles.clear();
    halfTwiddles.set(n, t);
  }
  return t;
}

/**
 * Real FFT of length `n` along `axis`: real `src` (cropped or zero-padded to n) into complex
 * `dst` of length n/2 + 1 along the axis. An even length runs as a complex FFT of half the
 * length on (x₀ + i·x₁, x₂ + i·x₃, …), untangled afterwards; an odd one as a complex FFT.
 */
export function realForwardAxis(
  src: Operand,
  dst: Operand,
  axis: number,
  n: number,
  scale: number,
  ws: Workspace,
  full = false,
  inverse = false,
): void {
  const sStride = src.strides[axis] as number;
  const dStride = dst.strides[axis] as number;
  const len = Math.min(src.shape[axis] as number, n);
  // `full`: all n outputs (the upper half as conjugates of the lower), for fft of real input;
  // `inverse`: the conjugate (the unnormalised inverse transform of real input).
  const out = full ? n : Math.floor(n / 2) + 1;
  const imScale = inverse ? -scale : scale;
  if (n % 2 === 1 || n === 2) {
    const plan = planFor(n);
    const V = laneCount(n, src.strides[axis] === 1 && dst.strides[axis] === 1);
    const { x, y } = buffers(2 * n * V, ws.lanes ?? {});
    ws.lanes = { ...ws.lanes, x, y };
    forEachBlock(dst.shape, axis, [src.strides, dst.strides], [src.offset, dst.offset], V, (bases, count) => {
      gather(x, V, count, src, bases[0] as Float64Array, sStride, len, n, 1);
      const res = runForward(plan, V, x, y, ws);
      scatter(res, V, count, dst.data, bases[1] as Float64Array, dStride, out, scale, imScale);
    });
    return;
  }
  const h = n / 2;
  const plan = planFor(h);
  const V = laneCount(h, src.strides[axis] === 1 && dst.strides[axis] === 1);
  const { x, y, z } = buffers(2 * (h + 1) * V, ws.lanes ?? {});
  ws.lanes = { x, y, z };
  const w = realTwiddles(n);
  forEachBlock(dst.shape, axis, [src.strides, dst.strides], [src.offset, dst.offset], V, (bases, count) => {
    gatherPairs(x, V, count, src.data, bases[0] as Float64Array, sStride, len, h);
    const Z = runForward(plan, V, x, y, ws);
    untangle(Z, z, V, count, h, w);
    scatter(z, V, count, dst.data, bases[1] as Float64Array, dStride, h + 1, scale, imScale);
    if (full) mirror(z, V, count, dst.data, bases[1] as Float64Array, dStride, n, scale, imScale);
  });
}

/** Lanes of z_k = x_{2k} + i·x_{2k+1}, k < h, from real lines (zeros past `len`). */
function gatherPairs(
  x: Float64Array,
  V: number,
  count: number,
  d: Float64Array,
  bases: Float64Array,
  stride: number,
  len: number,
  h: number,
): void {
  const pairs = Math.min(h, len >> 1);
  for (let v = 0; v < count; v++) {
    const s0 = bases[v]!;
    let o = 2 * v;
    if (stride === 1) {
      for (let k = 0; k < pairs; k++, o += 2 * V) {
        x[o] = d[s0 + 2 * k]!;
        x[o + 1] = d[s0 + 2 * k + 1]!;
      }
    } else {
      for (let k = 0; k < pairs; k++, o += 2 * V) {
        x[o] = d[s0 + 2 * k * stride]!;
        x[o + 1] = d[s0 + (2 * k + 1) * stride]!;
      }
    }
    for (let k = pairs; k < h; k++, o += 2 * V) {
      const i0 = 2 * k;
      x[o] = i0 < len ? d[s0 + i0 * stride]! : 0;
      x[o + 1] = 0;
    }
  }
}

/**
 * The spectrum of the real line from Z = FFT_h(z): X_k = E_k + w^k·O_k with
 * E = (Z_k + conj Z_{h−k})/2 and O = −i·(Z_k − conj Z_{h−k})/2, k = 0 … h, into `z`.
 */
function untangle(Z: Float64Array, z: Float64Array, V: number, count: number, h: number, w: Float64Array): void {
  for (let c = 0; c < 2 * count; c += 2) {
    const z0r = Z[c]!;
    const z0i = Z[c + 1]!;
    z[c] = z0r + z0i;
    z[c + 1] = 0;
    z[2 * h * V + c] = z0r - z0i;
    z[2 * h * V + c + 1] = 0;
  }
  for (let k = 1; k < h; k++) {
    const wr = w[2 * k]!;
    const wi = w[2 * k + 1]!;
    const rk = 2 * k * V;
    const rc = 2 * (h - k) * V;
    for (let c = 0; c < 2 * count; c += 2) {
      const ar = Z[rk + c]!;
      const ai = Z[rk + c + 1]!;
      const br = Z[rc + c]!;
      const bi = -Z[rc + c + 1]!;
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      const or = 0.5 * (ai - bi);
      const oi = -0.5 * (ar - br);
      z[rk + c] = er + (wr * or - wi * oi);
      z[rk + c + 1] = ei + (wr * oi + wi * or);
    }
  }
}

/** The upper half X_{n−k} = conj(X_k), k = 1 … n − h − 1, for a full spectrum of real input. */
function mirror(
  z: Float64Array,
  V: number,
  count: number,
  dd: Float64Array,
  bases: Float64Array,
  dStride: number,
  n: number,
  scale: number,
  imScale: number,
): void {
  const h = n >> 1;
  for (let v = 0; v < count; v++) {
    const d0 = 2 * bases[v]!;
    for (let k = h + 1; k < n; k++) {
      const o = 2 * ((n - k) * V + v);
      const t = d0 + 2 * k * dStride;
      dd[t] = z[o]! * scale;
      dd[t + 1] = -z[o + 1]! * imScale;
    }
  }
}

/**
 * Inverse real FFT of length `n` along `axis`: the half spectrum in complex `src` (cropped or
 * zero-padded to n/2 + 1; the imaginary parts of X₀ and, for even n, X_{n/2} are ignored, as
 * NumPy's) into real `dst` of length n along the axis, times `scale`.
 */
export function realInverseAxis(
  src: Operand,
  dst: Operand,
  axis: number,
  n: number,
  scale: number,
  ws: Workspace,
): void {
  const sStride = src.strides[axis] as number;
  const dStride = dst.strides[axis] as number;
  const half = Math.floor(n / 2) + 1;
  const len = Math.min(src.shape[axis] as number, half);
  const out = dst.data;
  if (n % 2 === 1 || n === 2) {
    // the full Hermitian spectrum, conjugated (inverse through the forward transform)
    const plan = planFor(n);
    const V = laneCount(n, src.strides[axis] === 1 && dst.strides[axis] === 1);
    const { x, y } = buffers(2 * n * V, ws.lanes ?? {});
    ws.lanes = { ...ws.lanes, x, y };
    forEachBlock(dst.shape, axis, [src.strides, dst.strides], [src.offset, dst.offset], V, (bases, count) => {
      gather(x, V, count, src, bases[0] as Float64Array, sStride, len, half, -1);
      for (let c = 0; c < 2 * count; c += 2) {
        x[c + 1] = 0;
        if (n === 2) x[2 * V + c + 1] = 0;
      }
      for (let k = 1; k < n - half + 1; k++) {
        const from = 2 * k * V;
        const to = 2 * (n - k) * V;
        for (let c = 0; c < 2 * count; c += 2) {
          x[to + c] = x[from + c]!;
          x[to + c + 1] = -x[from + c + 1]!;
        }
      }
      const res = runForward(plan, V, x, y, ws);
      const b = bases[1] as Float64Array;
      for (let v = 0; v < count; v++) {
        const d0 = b[v]!;
        for (let i = 0, o = 2 * v; i < n; i++, o += 2 * V) out[d0 + i * dStride] = res[o]! * scale;
      }
    });
    return;
  }
  const h = n / 2;
  const plan = planFor(h);
  const V = laneCount(h, src.strides[axis] === 1 && dst.strides[axis] === 1);
  const { x, y, z } = buffers(2 * (h + 1) * V, ws.lanes ?? {});
  ws.lanes = { x, y, z };
  const w = realTwiddles(n);
  forEachBlock(dst.shape, axis, [src.strides, dst.strides], [src.offset, dst.offset], V, (bases, count) => {
    gather(z, V, count, src, bases[0] as Float64Array, sStride, len, h + 1, 1);
    for (let c = 0; c < 2 * count; c += 2) {
      z[c + 1] = 0;
      z[2 * h * V + c + 1] = 0;
    }
    // conj(Z_k) with Z_k = (X_k + conj X_{h−k}) + i·w^{−k}·(X_k − conj X_{h−k})
    for (let k = 0; k < h; k++) {
      const wr = w[2 * k]!;
      const wi = -w[2 * k + 1]!;
      const rk = 2 * k * V;
      const rc = 2 * (h - k) * V;
      for (let c = 0; c < 2 * count; c += 2) {
        const ar = z[rk + c]!;
        const ai = z[rk + c + 1]!;
        const br = z[rc + c]!;
        const bi = -z[rc + c + 1]!;
        const er = ar + br;
        const ei = ai + bi;
        const dr = ar - br;
        const di = ai - bi;
        // o = w^{−k}·d; Z = e + i·o
        const or = wr * dr - wi * di;
        const oi = wr * di + wi * dr;
        x[rk + c] = er - oi;
        x[rk + c + 1] = -(ei + or);
      }
    }
    const res = runForward(plan, V, x, y, ws);
    // z_k = conj(res_k) = x_{2k} + i·x_{2k+1}
    const b = bases[1] as Float64Array;
    for (let v = 0; v < count; v++) {
      const d0 = b[v]!;
      for (let k = 0, o = 2 * v; k < h; k++, o += 2 * V) {
        out[d0 + 2 * k * dStride] = res[o]! * scale;
        out[d0 + (2 * k + 1) * dStride] = -res[o + 1]! * scale;
      }
    }
  });
}
