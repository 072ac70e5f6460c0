/**
 * Float64 chunk kernels of the element-wise functions. Each loop touches Float64Arrays only
 * (see `chunks.ts` for why); integer semantics that float64 cannot give by itself (32-bit
 * products, integer powers) have their own kernels.
 */
import { NdImageError } from '../errors.js';
import type { Kernel } from './engine.js';

// Binary kernels -----------------------------------------------------------------------------

export const addK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! + b[bi + k]!;
};

export const subK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! - b[bi + k]!;
};

export const mulK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! * b[bi + k]!;
};

/** 32-bit integer product with wrap-around: float64 loses the low bits of products ≥ 2⁵³. */
export const imulK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.imul(a[ai + k]!, b[bi + k]!);
};

export const divK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! / b[bi + k]!;
};

/** C's pow: unlike JS `**`, 1 to any power (NaN included) is 1, and so is −1 to ±Infinity. */
export const powK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) {
    const u = a[ai + k]!;
    const v = b[bi + k]!;
    o[oi + k] = u === 1 || (u === -1 && (v === Infinity || v === -Infinity)) ? 1 : u ** v;
  }
};

/** Integer power by squaring in 32-bit wrap-around arithmetic (exact low bits for every integer dtype). */
export const ipowK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) {
    let e = b[bi + k]!;
    if (e < 0) {
      throw new NdImageError('ERR_INVALID_ARGUMENT', 'integers to negative integer powers are not allowed', {
        argument: 'exponent',
      });
    }
    let base = a[ai + k]! | 0;
    let r = 1;
    while (e > 0) {
      if (e % 2 === 1) r = Math.imul(r, base);
      base = Math.imul(base, base);
      e = Math.floor(e / 2);
    }
    o[oi + k] = r;
  }
};

/** NumPy's maximum: NaN propagates, and on ties the first operand wins (so −0 vs 0 keeps −0). */
export const maximumK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) {
    const u = a[ai + k]!;
    const v = b[bi + k]!;
    o[oi + k] = u >= v || u !== u ? u : v;
  }
};

export const minimumK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) {
    const u = a[ai + k]!;
    const v = b[bi + k]!;
    o[oi + k] = u <= v || u !== u ? u : v;
  }
};

export const hypotK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.hypot(a[ai + k]!, b[bi + k]!);
};

export const arctan2K: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.atan2(a[ai + k]!, b[bi + k]!);
};

// Comparisons and logic (results 0/1; NaN compares false, and is "true" as a truth value) ----

export const lessK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! < b[bi + k]! ? 1 : 0;
};

export const lessEqualK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! <= b[bi + k]! ? 1 : 0;
};

export const equalK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! === b[bi + k]! ? 1 : 0;
};

export const notEqualK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! !== b[bi + k]! ? 1 : 0;
};

export const andK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! !== 0 && b[bi + k]! !== 0 ? 1 : 0;
};

export const orK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const b = x[1]!;
  const ai = xi[0]!;
  const bi = xi[1]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! !== 0 || b[bi + k]! !== 0 ? 1 : 0;
};

// Unary kernels ------------------------------------------------------------------------------

export const negK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = -a[ai + k]!;
};

export const absK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.abs(a[ai + k]!);
};

export const squareK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) {
    const v = a[ai + k]!;
    o[oi + k] = v * v;
  }
};

export const isquareK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.imul(a[ai + k]!, a[ai + k]!);
};

export const sqrtK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.sqrt(a[ai + k]!);
};

export const expK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.exp(a[ai + k]!);
};

export const logK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = Math.log(a[ai + k]!);
};

export const notK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]! === 0 ? 1 : 0;
};

/** Copies the value through (abs of bool, and casts into another dtype). */
export const identityK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const ai = xi[0]!;
  for (let k = 0; k < n; k++) o[oi + k] = a[ai + k]!;
};

// Ternary kernels ----------------------------------------------------------------------------

export const whereK: Kernel = (o, oi, x, xi, n) => {
  const c = x[0]!;
  const a = x[1]!;
  const b = x[2]!;
  const ci = xi[0]!;
  const ai = xi[1]!;
  const bi = xi[2]!;
  for (let k = 0; k < n; k++) o[oi + k] = c[ci + k]! !== 0 ? a[ai + k]! : b[bi + k]!;
};

/** NumPy's clip: minimum(maximum(a, lo), hi), NaN-propagating. */
export const clipK: Kernel = (o, oi, x, xi, n) => {
  const a = x[0]!;
  const lo = x[1]!;
  const hi = x[2]!;
  const ai = xi[0]!;
  const li = xi[1]!;
  const hi0 = xi[2]!;
  for (let k = 0; k < n; k++) {
    let v = a[ai + k]!;
    const l = lo[li + k]!;
    const h = hi[hi0 + k]!;
    v = v >= l || v !== v ? v : l;
    o[oi + k] = v <= h || v !== v ? v : h;
  }
};
