/**
 * Complex kernels over planar chunks: each operand's real and imaginary parts arrive as two
 * float64 lines (`ar`, `ai`, `br`, `bi`), results go to two lines (`or`, `oi`), `n` elements from
 * index 0. Formulas are NumPy's (`loops.c.src`, `npy_math_complex.c.src`), written out in the
 * same order of operations so complex128 results agree to the last bit where NumPy's loops are
 * plain C; complex64 is computed in float64 and rounded once (NumPy: in float32, so an ulp apart
 * at most).
 */

/** A complex kernel of two operands. */
export type ComplexBinaryKernel = (
  or: Float64Array,
  oi: Float64Array,
  ar: Float64Array,
  ai: Float64Array,
  br: Float64Array,
  bi: Float64Array,
  n: number,
) => void;

/** A complex kernel of one operand. */
export type ComplexUnaryKernel = (
  or: Float64Array,
  oi: Float64Array,
  ar: Float64Array,
  ai: Float64Array,
  n: number,
) => void;

export const caddK: ComplexBinaryKernel = (or, oi, ar, ai, br, bi, n) => {
  for (let k = 0; k < n; k++) {
    or[k] = ar[k]! + br[k]!;
    oi[k] = ai[k]! + bi[k]!;
  }
};

export const csubK: ComplexBinaryKernel = (or, oi, ar, ai, br, bi, n) => {
  for (let k = 0; k < n; k++) {
    or[k] = ar[k]! - br[k]!;
    oi[k] = ai[k]! - bi[k]!;
  }
};

export const cmulK: ComplexBinaryKernel = (or, oi, ar, ai, br, bi, n) => {
  for (let k = 0; k < n; k++) {
    const a = ar[k]!;
    const b = ai[k]!;
    const c = br[k]!;
    const d = bi[k]!;
    or[k] = a * c - b * d;
    oi[k] = a * d + b * c;
  }
};

/**
 * Smith's division, as NumPy's `divide` loop: scale by the larger part of the divisor so that
 * neither overflows; 0/0 gives NaN parts, x/0 gives infinite ones.
 */
export const cdivK: ComplexBinaryKernel = (or, oi, ar, ai, br, bi, n) => {
  for (let k = 0; k < n; k++) {
    const in1r = ar[k]!;
    const in1i = ai[k]!;
    const in2r = br[k]!;
    const in2i = bi[k]!;
    const in2rAbs = Math.abs(in2r);
    const in2iAbs = Math.abs(in2i);
    if (in2rAbs >= in2iAbs) {
      if (in2rAbs === 0 && in2iAbs === 0) {
        or[k] = in1r / in2rAbs;
        oi[k] = in1i / in2rAbs;
      } else {
        const rat = in2i / in2r;
        const scl = 1.0 / (in2r + in2i * rat);
        or[k] = (in1r + in1i * rat) * scl;
        oi[k] = (in1i - in1r * rat) * scl;
      }
    } else {
      const rat = in2r / in2i;
      const scl = 1.0 / (in2i + in2r * rat);
      or[k] = (in1r * rat + in1i) * scl;
      oi[k] = (in1i * rat - in1r) * scl;
    }
  }
};

/** NumPy's `npy_cpow` (1.24): exact small integer powers by repeated multiplication, else exp(b·log a). */
export const cpowK: ComplexBinaryKernel = (or, oi, ar, ai, br, bi, n) => {
  const z = { re: 0, im: 0 };
  for (let k = 0; k < n; k++) {
    cpow(ar[k]!, ai[k]!, br[k]!, bi[k]!, z);
    or[k] = z.re;
    oi[k] = z.im;
  }
};

export const cnegK: ComplexUnaryKernel = (or, oi, ar, ai, n) => {
  for (let k = 0; k < n; k++) {
    or[k] = -ar[k]!;
    oi[k] = -ai[k]!;
  }
};

export const csquareK: ComplexUnaryKernel = (or, oi, ar, ai, n) => {
  for (let k = 0; k < n; k++) {
    const a = ar[k]!;
    const b = ai[k]!;
    or[k] = a * a - b * b;
    oi[k] = a * b + b * a;
  }
};

export const cconjK: ComplexUnaryKernel = (or, oi, ar, ai, n) => {
  for (let k = 0; k < n; k++) {
    or[k] = ar[k]!;
    oi[k] = -ai[k]!;
  }
};

/** Where {@link cpow} writes its result (reused, so the loop allocates nothing). */
interface Out {
  re: number;
  im: number;
}

function cmulInto(a: number, b: number, c: number, d: number, z: Out): void {
  const re = a * c - b * d;
  z.im = a * d + b * c;
  z.re = re;
}

/** (ar + ai·j) ** (br + bi·j) into `z`, following `npy_cpow` of NumPy 1.24 case by case. */
function cpow(ar: number, ai: number, br: number, bi: number, z: Out): void {
  if (br === 0 && bi === 0) {
    z.re = 1;
    z.im = 0;
    return;
  }
  if (ar === 0 && ai === 0) {
    // 0 ** b: zero for a positive real exponent, otherwise undefined (NaN, NumPy's "invalid").
    const zero = br > 0 && bi === 0;
    z.re = zero ? 0 : Number.NaN;
    z.im = zero ? 0 : Number.NaN;
    return;
  }
  if (bi === 0 && Number.isInteger(br) && br > -100 && br < 100) {
    const m = Math.abs(br);
    if (br === 1) {
      z.re = ar;
      z.im = ai;
      return;
    }
    if (br === 2) {
      cmulInto(ar, ai, ar, ai, z);
      return;
    }
    if (br === 3) {
      cmulInto(ar, ai, ar, ai, z);
      cmulInto(ar, ai, z.re, z.im, z);
      return;
    }
    // Binary powering: aa accumulates p^(bits of m), p squares each step.
    let aaR = 1;
    let aaI = 0;
    let pR = ar;
    let pI = ai;
    let mask = 1;
    for (;;) {
      if (m & mask) {
        const r = aaR * pR - aaI * pI;
        aaI = aaR * pI + aaI * pR;
        aaR = r;
      }
      mask <<= 1;
      if (m < mask) break;
      const r = pR * pR - pI * pI;
      pI = pR * pI + pI * pR;
      pR = r;
    }
    if (br < 0) {
      // 1 / aa by the division of npy_math_complex (cdiv), not the ufunc loop's.
      const absR = Math.abs(aaR);
      const absI = Math.abs(aaI);
      if (absR >= absI) {
        if (absR === 0 && absI === 0) {
          z.re = 1 / absR;
          z.im = 0 / absI;
        } else {
          const rat = aaI / aaR;
          const scl = 1.0 / (aaR + aaI * rat);
          z.re = (1 + 0 * rat) * scl;
          z.im = (0 - 1 * rat) * scl;
        }
      } else {
        const rat = aaR / aaI;
        const scl = 1.0 / (aaI + aaR * rat);
        z.re = (1 * rat + 0) * scl;
        z.im = (0 * rat - 1) * scl;
      }
    } else {
      z.re = aaR;
      z.im = aaI;
    }
    return;
  }
  // glibc's cpow: cexp(b · clog(a)), with C99's rules for infinities (Annex G) at each step.
  const lr = Math.log(Math.hypot(ar, ai)); // +Infinity when a part is infinite, even beside a NaN
  const li = Number.isNaN(ar) || Number.isNaN(ai) ? Number.NaN : Math.atan2(ai, ar);
  cmulAnnexG(br, bi, lr, li, z);
  cexp(z.re, z.im, z);
}

const copysign = (x: number, y: number): number => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x));
const isInf = (x: number): boolean => x === Infinity || x === -Infinity;

/**
 * (a + bj)(c + dj) as C99 compilers multiply complex numbers (libgcc's `__muldc3`): the plain
 * formula, and when both parts come out NaN, infinities recovered from infinite factors or overflow.
 */
function cmulAnnexG(a: number, b: number, c: number, d: number, z: Out): void {
  const ac = a * c;
  const bd = b * d;
  const ad = a * d;
  const bc = b * c;
  let x = ac - bd;
  let y = ad + bc;
  if (Number.isNaN(x) && Number.isNaN(y)) {
    let recalc = false;
    if (isInf(a) || isInf(b)) {
      a = copysign(isInf(a) ? 1 : 0, a);
      b = copysign(isInf(b) ? 1 : 0, b);
      if (Number.isNaN(c)) c = copysign(0, c);
      if (Number.isNaN(d)) d = copysign(0, d);
      recalc = true;
    }
    if (isInf(c) || isInf(d)) {
      c = copysign(isInf(c) ? 1 : 0, c);
      d = copysign(isInf(d) ? 1 : 0, d);
      if (Number.isNaN(a)) a = copysign(0, a);
      if (Number.isNaN(b)) b = copysign(0, b);
      recalc = true;
    }
    if (!recalc && (isInf(ac) || isInf(bd) || isInf(ad) || isInf(bc))) {
      if (Number.isNaN(a)) a = copysign(0, a);
      if (Number.isNaN(b)) b = copysign(0, b);
      if (Number.isNaN(c)) c = copysign(0, c);
      if (Number.isNaN(d)) d = copysign(0, d);
      recalc = true;
    }
    if (recalc) {
      x = Infinity * (a * c - b * d);
      y = Infinity * (a * d + b * c);
    }
  }
  z.re = x;
  z.im = y;
}

/** exp(x + yj) as glibc's `cexp`: C99's special values, and scaling that avoids a spurious overflow. */
function cexp(x: number, y: number, z: Out): void {
  if (Number.isFinite(x)) {
    if (!Number.isFinite(y)) {
      z.re = Number.NaN;
      z.im = Number.NaN;
      return;
    }
    let sin = Math.sin(y);
    let cos = Math.cos(y);
    if (Math.abs(y) <= 2.2250738585072014e-308) {
      sin = y;
      cos = 1;
    }
    const t = 709; // (int)((DBL_MAX_EXP − 1) · ln 2)
    if (x > t) {
      const expT = Math.exp(t);
      x -= t;
      sin *= expT;
      cos *= expT;
      if (x > t) {
        x -= t;
        sin *= expT;
        cos *= expT;
      }
    }
    if (x > t) {
      z.re = Number.MAX_VALUE * cos;
      z.im = Number.MAX_VALUE * sin;
    } else {
      const e = Math.exp(x);
      z.re = e * cos;
      z.im = e * sin;
    }
    return;
  }
  if (isInf(x)) {
    if (Number.isFinite(y)) {
      const value = x < 0 ? 0 : Infinity;
      if (y === 0) {
        z.re = value;
        z.im = y;
      } else {
        const small = Math.abs(y) <= 2.2250738585072014e-308;
        z.re = copysign(value, small ? 1 : Math.cos(y));
        z.im = copysign(value, small ? y : Math.sin(y));
      }
    } else if (x > 0) {
      z.re = Infinity;
      z.im = Number.NaN;
    } else {
      z.re = 0;
      z.im = copysign(0, y);
    }
    return;
  }
  z.re = Number.NaN;
  z.im = y === 0 ? y : Number.NaN;
}
