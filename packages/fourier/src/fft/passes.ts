/**
 * The radix passes of the forward complex FFT, on interleaved complex data holding `V`
 * transforms side by side ("lanes"): element (index, lane) is at 2·(index·V + lane). Each
 * butterfly loads its twiddles once and runs over the lanes in the innermost loop, so a block of
 * columns of an image is transformed with sequential memory access and the twiddle loads are
 * shared; V = 1 is a single transform.
 *
 * Pass layout (Stockham, as pocketfft's `passN`): input `cc(i, j, k)` at `i + ido·(j + p·k)`,
 * output `ch(i, k, j)` at `i + ido·(k + l1·j)`, for i < ido, j < p, k < l1. Output j is the
 * radix-p DFT of the inputs, times the twiddle exp(−2πi·j·l1·i/n) when i > 0. Naming: `a` is the
 * input index of (i, 0, k), `b` the output index of (i, k, 0), `sa`/`sb` the float steps between
 * consecutive j.
 */

/** Radix 2. */
export function pass2(
  ido: number,
  l1: number,
  V: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  to: number,
): void {
  const sa = 2 * ido * V;
  const sb = 2 * ido * l1 * V;
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const a = 2 * (i + ido * 2 * k) * V;
      const b = 2 * (i + ido * k) * V;
      if (i === 0) {
        for (let v = 0; v < 2 * V; v += 2) {
          const x0r = cc[a + v]!;
          const x0i = cc[a + v + 1]!;
          const x1r = cc[a + sa + v]!;
          const x1i = cc[a + sa + v + 1]!;
          ch[b + v] = x0r + x1r;
          ch[b + v + 1] = x0i + x1i;
          ch[b + sb + v] = x0r - x1r;
          ch[b + sb + v + 1] = x0i - x1i;
        }
      } else {
        const w = to + 2 * (i - 1);
        const wr = tw[w]!;
        const wi = tw[w + 1]!;
        for (let v = 0; v < 2 * V; v += 2) {
          const x0r = cc[a + v]!;
          const x0i = cc[a + v + 1]!;
          const x1r = cc[a + sa + v]!;
          const x1i = cc[a + sa + v + 1]!;
          ch[b + v] = x0r + x1r;
          ch[b + v + 1] = x0i + x1i;
          const tr = x0r - x1r;
          const ti = x0i - x1i;
          ch[b + sb + v] = tr * wr - ti * wi;
          ch[b + sb + v + 1] = tr * wi + ti * wr;
        }
      }
    }
  }
}

const TW3R = -0.5;
const TW3I = -0.8660254037844386; // −sin(2π/3), forward

/** Radix 3. */
export function pass3(
  ido: number,
  l1: number,
  V: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  to: number,
): void {
  const sa = 2 * ido * V;
  const sb = 2 * ido * l1 * V;
  const m2 = ido - 1;
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const a = 2 * (i + ido * 3 * k) * V;
      const b = 2 * (i + ido * k) * V;
      let w1r = 1;
      let w1i = 0;
      let w2r = 1;
      let w2i = 0;
      if (i > 0) {
        const w = to + 2 * (i - 1);
        w1r = tw[w]!;
        w1i = tw[w + 1]!;
        w2r = tw[w + 2 * m2]!;
        w2i = tw[w + 2 * m2 + 1]!;
      }
      for (let v = 0; v < 2 * V; v += 2) {
        const x0r = cc[a + v]!;
        const x0i = cc[a + v + 1]!;
        const x1r = cc[a + sa + v]!;
        const x1i = cc[a + sa + v + 1]!;
        const x2r = cc[a + 2 * sa + v]!;
        const x2i = cc[a + 2 * sa + v + 1]!;
        const t1r = x1r + x2r;
        const t1i = x1i + x2i;
        ch[b + v] = x0r + t1r;
        ch[b + v + 1] = x0i + t1i;
        const cr = x0r + TW3R * t1r;
        const ci = x0i + TW3R * t1i;
        // (x1 − x2)·i·sin part: d = i·TW3I·(x1 − x2)
        const dr = -TW3I * (x1i - x2i);
        const di = TW3I * (x1r - x2r);
        const y1r = cr + dr;
        const y1i = ci + di;
        const y2r = cr - dr;
        const y2i = ci - di;
        if (i === 0) {
          ch[b + sb + v] = y1r;
          ch[b + sb + v + 1] = y1i;
          ch[b + 2 * sb + v] = y2r;
          ch[b + 2 * sb + v + 1] = y2i;
        } else {
          ch[b + sb + v] = y1r * w1r - y1i * w1i;
          ch[b + sb + v + 1] = y1r * w1i + y1i * w1r;
          ch[b + 2 * sb + v] = y2r * w2r - y2i * w2i;
          ch[b + 2 * sb + v + 1] = y2r * w2i + y2i * w2r;
        }
      }
    }
  }
}

/** Radix 4: two radix-2 stages with the −i rotation folded in. */
export function pass4(
  ido: number,
  l1: number,
  V: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  to: number,
): void {
  const sa = 2 * ido * V;
  const sb = 2 * ido * l1 * V;
  const m2 = 2 * (ido - 1);
  for (let k = 0; k < l1; k++) {
    const a0 = 2 * ido * 4 * k * V;
    const b0 = 2 * ido * k * V;
    // i = 0: no twiddles.
    for (let v = 0; v < 2 * V; v += 2) {
      const a = a0 + v;
      const x0r = cc[a]!;
      const x0i = cc[a + 1]!;
      const x1r = cc[a + sa]!;
      const x1i = cc[a + sa + 1]!;
      const x2r = cc[a + 2 * sa]!;
      const x2i = cc[a + 2 * sa + 1]!;
      const x3r = cc[a + 3 * sa]!;
      const x3i = cc[a + 3 * sa + 1]!;
      const t1r = x0r + x2r;
      const t1i = x0i + x2i;
      const t2r = x0r - x2r;
      const t2i = x0i - x2i;
      const t3r = x1r + x3r;
      const t3i = x1i + x3i;
      const t4r = x1r - x3r;
      const t4i = x1i - x3i;
      const b = b0 + v;
      ch[b] = t1r + t3r;
      ch[b + 1] = t1i + t3i;
      ch[b + sb] = t2r + t4i;
      ch[b + sb + 1] = t2i - t4r;
      ch[b + 2 * sb] = t1r - t3r;
      ch[b + 2 * sb + 1] = t1i - t3i;
      ch[b + 3 * sb] = t2r - t4i;
      ch[b + 3 * sb + 1] = t2i + t4r;
    }
    for (let i = 1; i < ido; i++) {
      const w = to + 2 * (i - 1);
      const w1r = tw[w]!;
      const w1i = tw[w + 1]!;
      const w2r = tw[w + m2]!;
      const w2i = tw[w + m2 + 1]!;
      const w3r = tw[w + 2 * m2]!;
      const w3i = tw[w + 2 * m2 + 1]!;
      const ai = a0 + 2 * i * V;
      const bi = b0 + 2 * i * V;
      for (let v = 0; v < 2 * V; v += 2) {
        const a = ai + v;
        const x0r = cc[a]!;
        const x0i = cc[a + 1]!;
        const x1r = cc[a + sa]!;
        const x1i = cc[a + sa + 1]!;
        const x2r = cc[a + 2 * sa]!;
        const x2i = cc[a + 2 * sa + 1]!;
        const x3r = cc[a + 3 * sa]!;
        const x3i = cc[a + 3 * sa + 1]!;
        const t1r = x0r + x2r;
        const t1i = x0i + x2i;
        const t2r = x0r - x2r;
        const t2i = x0i - x2i;
        const t3r = x1r + x3r;
        const t3i = x1i + x3i;
        const t4r = x1r - x3r;
        const t4i = x1i - x3i;
        const b = bi + v;
        ch[b] = t1r + t3r;
        ch[b + 1] = t1i + t3i;
        const y1r = t2r + t4i;
        const y1i = t2i - t4r;
        ch[b + sb] = y1r * w1r - y1i * w1i;
        ch[b + sb + 1] = y1r * w1i + y1i * w1r;
        const y2r = t1r - t3r;
        const y2i = t1i - t3i;
        ch[b + 2 * sb] = y2r * w2r - y2i * w2i;
        ch[b + 2 * sb + 1] = y2r * w2i + y2i * w2r;
        const y3r = t2r - t4i;
        const y3i = t2i + t4r;
        ch[b + 3 * sb] = y3r * w3r - y3i * w3i;
        ch[b + 3 * sb + 1] = y3r * w3i + y3i * w3r;
      }
    }
  }
}

const TW51R = 0.30901699437494745; // cos(2π/5)
const TW51I = -0.9510565162951535; // −sin(2π/5)
const TW52R = -0.8090169943749473; // cos(4π/5)
const TW52I = -0.5877852522924732; // −sin(4π/5)

/** Radix 5. */
export function pass5(
  ido: number,
  l1: number,
  V: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  to: number,
): void {
  const sa = 2 * ido * V;
  const sb = 2 * ido * l1 * V;
  const m2 = 2 * (ido - 1);
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const a0 = 2 * (i + ido * 5 * k) * V;
      const b0 = 2 * (i + ido * k) * V;
      let w1r = 1;
      let w1i = 0;
      let w2r = 1;
      let w2i = 0;
      let w3r = 1;
      let w3i = 0;
      let w4r = 1;
      let w4i = 0;
      if (i > 0) {
        const w = to + 2 * (i - 1);
        w1r = tw[w]!;
        w1i = tw[w + 1]!;
        w2r = tw[w + m2]!;
        w2i = tw[w + m2 + 1]!;
        w3r = tw[w + 2 * m2]!;
        w3i = tw[w + 2 * m2 + 1]!;
        w4r = tw[w + 3 * m2]!;
        w4i = tw[w + 3 * m2 + 1]!;
      }
      for (let v = 0; v < 2 * V; v += 2) {
        const a = a0 + v;
        const x0r = cc[a]!;
        const x0i = cc[a + 1]!;
        const x1r = cc[a + sa]!;
        const x1i = cc[a + sa + 1]!;
        const x2r = cc[a + 2 * sa]!;
        const x2i = cc[a + 2 * sa + 1]!;
        const x3r = cc[a + 3 * sa]!;
        const x3i = cc[a + 3 * sa + 1]!;
        const x4r = cc[a + 4 * sa]!;
        const x4i = cc[a + 4 * sa + 1]!;
        const t1r = x1r + x4r;
        const t1i = x1i + x4i;
        const t4r = x1r - x4r;
        const t4i = x1i - x4i;
        const t2r = x2r + x3r;
        const t2i = x2i + x3i;
        const t3r = x2r - x3r;
        const t3i = x2i - x3i;
        const b = b0 + v;
        ch[b] = x0r + t1r + t2r;
        ch[b + 1] = x0i + t1i + t2i;
        // outputs 1 and 4
        const car = x0r + TW51R * t1r + TW52R * t2r;
        const cai = x0i + TW51R * t1i + TW52R * t2i;
        const cbr = -(TW51I * t4i + TW52I * t3i);
        const cbi = TW51I * t4r + TW52I * t3r;
        // outputs 2 and 3
        const cdr = x0r + TW52R * t1r + TW51R * t2r;
        const cdi = x0i + TW52R * t1i + TW51R * t2i;
        const cer = -(TW52I * t4i - TW51I * t3i);
        const cei = TW52I * t4r - TW51I * t3r;
        const y1r = car + cbr;
        const y1i = cai + cbi;
        const y4r = car - cbr;
        const y4i = cai - cbi;
        const y2r = cdr + cer;
        const y2i = cdi + cei;
        const y3r = cdr - cer;
        const y3i = cdi - cei;
        if (i === 0) {
          ch[b + sb] = y1r;
          ch[b + sb + 1] = y1i;
          ch[b + 2 * sb] = y2r;
          ch[b + 2 * sb + 1] = y2i;
          ch[b + 3 * sb] = y3r;
          ch[b + 3 * sb + 1] = y3i;
          ch[b + 4 * sb] = y4r;
          ch[b + 4 * sb + 1] = y4i;
        } else {
          ch[b + sb] = y1r * w1r - y1i * w1i;
          ch[b + sb + 1] = y1r * w1i + y1i * w1r;
          ch[b + 2 * sb] = y2r * w2r - y2i * w2i;
          ch[b + 2 * sb + 1] = y2r * w2i + y2i * w2r;
          ch[b + 3 * sb] = y3r * w3r - y3i * w3i;
          ch[b + 3 * sb + 1] = y3r * w3i + y3i * w3r;
          ch[b + 4 * sb] = y4r * w4r - y4i * w4i;
          ch[b + 4 * sb + 1] = y4r * w4i + y4i * w4r;
        }
      }
    }
  }
}

/**
 * Any odd radix p (7, 11, 13, …): the DFT of the p inputs directly, pairing outputs m and p − m
 * so each sum is over (p − 1)/2 terms. `roots` holds exp(−2πi·m/p); `scratch` ≥ 2p·V floats.
 */
export function passGeneric(
  p: number,
  ido: number,
  l1: number,
  V: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  to: number,
  roots: Float64Array,
  scratch: Float64Array,
): void {
  const sa = 2 * ido * V;
  const sb = 2 * ido * l1 * V;
  const half = (p - 1) / 2;
  const m2 = 2 * (ido - 1);
  // scratch: s(j) = x_j + x_{p−j} at 2V·(j − 1), d(j) = x_j − x_{p−j} at 2V·(half + j − 1)
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const a = 2 * (i + ido * p * k) * V;
      const b = 2 * (i + ido * k) * V;
      for (let j = 1; j <= half; j++) {
        const sj = 2 * V * (j - 1);
        const dj = 2 * V * (half + j - 1);
        const aj = a + j * sa;
        const ak = a + (p - j) * sa;
        for (let v = 0; v < 2 * V; v += 2) {
          const xr = cc[aj + v]!;
          const xi = cc[aj + v + 1]!;
          const yr = cc[ak + v]!;
          const yi = cc[ak + v + 1]!;
          scratch[sj + v] = xr + yr;
          scratch[sj + v + 1] = xi + yi;
          scratch[dj + v] = xr - yr;
          scratch[dj + v + 1] = xi - yi;
        }
      }
      // y_0 = x_0 + Σ s(j)
      for (let v = 0; v < 2 * V; v += 2) {
        let r = cc[a + v]!;
        let im = cc[a + v + 1]!;
        for (let j = 1; j <= half; j++) {
          r += scratch[2 * V * (j - 1) + v]!;
          im += scratch[2 * V * (j - 1) + v + 1]!;
        }
        ch[b + v] = r;
        ch[b + v + 1] = im;
      }
      for (let m = 1; m <= half; m++) {
        let w1r = 1;
        let w1i = 0;
        let w2r = 1;
        let w2i = 0;
        if (i > 0) {
          const w = to + 2 * (i - 1);
          w1r = tw[w + (m - 1) * m2]!;
          w1i = tw[w + (m - 1) * m2 + 1]!;
          w2r = tw[w + (p - m - 1) * m2]!;
          w2i = tw[w + (p - m - 1) * m2 + 1]!;
        }
        for (let v = 0; v < 2 * V; v += 2) {
          // c = x_0 + Σ cos(2πjm/p)·s(j), e = i·Σ (−sin)(2πjm/p)·d(j)
          let cr = cc[a + v]!;
          let ci = cc[a + v + 1]!;
          let er = 0;
          let ei = 0;
          for (let j = 1; j <= half; j++) {
            const e = 2 * ((j * m) % p);
            const rc = roots[e]!;
            const rs = roots[e + 1]!;
            const sj = 2 * V * (j - 1) + v;
            const dj = 2 * V * (half + j - 1) + v;
            cr += rc * scratch[sj]!;
            ci += rc * scratch[sj + 1]!;
            er -= rs * scratch[dj + 1]!;
            ei += rs * scratch[dj]!;
          }
          const yr = cr + er;
          const yi = ci + ei;
          const zr = cr - er;
          const zi = ci - ei;
          ch[b + m * sb + v] = yr * w1r - yi * w1i;
          ch[b + m * sb + v + 1] = yr * w1i + yi * w1r;
          ch[b + (p - m) * sb + v] = zr * w2r - zi * w2i;
          ch[b + (p - m) * sb + v + 1] = zr * w2i + zi * w2r;
        }
      }
    }
  }
}

const S8 = Math.SQRT1_2; // cos(π/4) = sin(π/4)

/**
 * Radix 8: two radix-4 transforms of the even and odd inputs combined with the eighth roots of
 * unity; one pass instead of three radix-2 (or one and a half radix-4) over the data.
 */
export function pass8(
  ido: number,
  l1: number,
  V: number,
  cc: Float64Array,
  ch: Float64Array,
  tw: Float64Array,
  to: number,
): void {
  const sa = 2 * ido * V;
  const sb = 2 * ido * l1 * V;
  const m2 = 2 * (ido - 1);
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const a0 = 2 * (i + ido * 8 * k) * V;
      const b0 = 2 * (i + ido * k) * V;
      const twiddled = i > 0;
      const w = to + 2 * (i - 1);
      const w1r = twiddled ? tw[w]! : 1;
      const w1i = twiddled ? tw[w + 1]! : 0;
      const w2r = twiddled ? tw[w + m2]! : 1;
      const w2i = twiddled ? tw[w + m2 + 1]! : 0;
      const w3r = twiddled ? tw[w + 2 * m2]! : 1;
      const w3i = twiddled ? tw[w + 2 * m2 + 1]! : 0;
      const w4r = twiddled ? tw[w + 3 * m2]! : 1;
      const w4i = twiddled ? tw[w + 3 * m2 + 1]! : 0;
      const w5r = twiddled ? tw[w + 4 * m2]! : 1;
      const w5i = twiddled ? tw[w + 4 * m2 + 1]! : 0;
      const w6r = twiddled ? tw[w + 5 * m2]! : 1;
      const w6i = twiddled ? tw[w + 5 * m2 + 1]! : 0;
      const w7r = twiddled ? tw[w + 6 * m2]! : 1;
      const w7i = twiddled ? tw[w + 6 * m2 + 1]! : 0;
      for (let v = 0; v < 2 * V; v += 2) {
        const a = a0 + v;
        const x0r = cc[a]!;
        const x0i = cc[a + 1]!;
        const x1r = cc[a + sa]!;
        const x1i = cc[a + sa + 1]!;
        const x2r = cc[a + 2 * sa]!;
        const x2i = cc[a + 2 * sa + 1]!;
        const x3r = cc[a + 3 * sa]!;
        const x3i = cc[a + 3 * sa + 1]!;
        const x4r = cc[a + 4 * sa]!;
        const x4i = cc[a + 4 * sa + 1]!;
        const x5r = cc[a + 5 * sa]!;
        const x5i = cc[a + 5 * sa + 1]!;
        const x6r = cc[a + 6 * sa]!;
        const x6i = cc[a + 6 * sa + 1]!;
        const x7r = cc[a + 7 * sa]!;
        const x7i = cc[a + 7 * sa + 1]!;
        // radix-2 butterflies
        const a0r = x0r + x4r;
        const a0i = x0i + x4i;
        const a1r = x0r - x4r;
        const a1i = x0i - x4i;
        const a2r = x2r + x6r;
        const a2i = x2i + x6i;
        const a3r = x2r - x6r;
        const a3i = x2i - x6i;
        const a4r = x1r + x5r;
        const a4i = x1i + x5i;
        const a5r = x1r - x5r;
        const a5i = x1i - x5i;
        const a6r = x3r + x7r;
        const a6i = x3i + x7i;
        const a7r = x3r - x7r;
        const a7i = x3i - x7i;
        // radix-4 of the evens (b) and odds (c)
        const b0r = a0r + a2r;
        const b0i = a0i + a2i;
        const b2r = a0r - a2r;
        const b2i = a0i - a2i;
        const b1r = a1r + a3i;
        const b1i = a1i - a3r;
        const b3r = a1r - a3i;
        const b3i = a1i + a3r;
        const c0r = a4r + a6r;
        const c0i = a4i + a6i;
        const c2r = a4r - a6r;
        const c2i = a4i - a6i;
        const c1r = a5r + a7i;
        const c1i = a5i - a7r;
        const c3r = a5r - a7i;
        const c3i = a5i + a7r;
        // odds times the eighth roots: d1 = s(1 − i)·c1, d2 = −i·c2, d3 = s(−1 − i)·c3
        const d1r = S8 * (c1r + c1i);
        const d1i = S8 * (c1i - c1r);
        const d2r = c2i;
        const d2i = -c2r;
        const d3r = S8 * (c3i - c3r);
        const d3i = -S8 * (c3r + c3i);
        const b = b0 + v;
        const y0r = b0r + c0r;
        const y0i = b0i + c0i;
        const y4r = b0r - c0r;
        const y4i = b0i - c0i;
        const y1r = b1r + d1r;
        const y1i = b1i + d1i;
        const y5r = b1r - d1r;
        const y5i = b1i - d1i;
        const y2r = b2r + d2r;
        const y2i = b2i + d2i;
        const y6r = b2r - d2r;
        const y6i = b2i - d2i;
        const y3r = b3r + d3r;
        const y3i = b3i + d3i;
        const y7r = b3r - d3r;
        const y7i = b3i - d3i;
        ch[b] = y0r;
        ch[b + 1] = y0i;
        if (!twiddled) {
          ch[b + sb] = y1r;
          ch[b + sb + 1] = y1i;
          ch[b + 2 * sb] = y2r;
          ch[b + 2 * sb + 1] = y2i;
          ch[b + 3 * sb] = y3r;
          ch[b + 3 * sb + 1] = y3i;
          ch[b + 4 * sb] = y4r;
          ch[b + 4 * sb + 1] = y4i;
          ch[b + 5 * sb] = y5r;
          ch[b + 5 * sb + 1] = y5i;
          ch[b + 6 * sb] = y6r;
          ch[b + 6 * sb + 1] = y6i;
          ch[b + 7 * sb] = y7r;
          ch[b + 7 * sb + 1] = y7i;
          continue;
        }
        ch[b + sb] = y1r * w1r - y1i * w1i;
        ch[b + sb + 1] = y1r * w1i + y1i * w1r;
        ch[b + 2 * sb] = y2r * w2r - y2i * w2i;
        ch[b + 2 * sb + 1] = y2r * w2i + y2i * w2r;
        ch[b + 3 * sb] = y3r * w3r - y3i * w3i;
        ch[b + 3 * sb + 1] = y3r * w3i + y3i * w3r;
        ch[b + 4 * sb] = y4r * w4r - y4i * w4i;
        ch[b + 4 * sb + 1] = y4r * w4i + y4i * w4r;
        ch[b + 5 * sb] = y5r * w5r - y5i * w5i;
        ch[b + 5 * sb + 1] = y5r * w5i + y5i * w5r;
        ch[b + 6 * sb] = y6r * w6r - y6i * w6i;
        ch[b + 6 * sb + 1] = y6r * w6i + y6i * w6r;
        ch[b + 7 * sb] = y7r * w7r - y7i * w7i;
        ch[b + 7 * sb + 1] = y7r * w7i + y7i * w7r;
      }
    }
  }
}
