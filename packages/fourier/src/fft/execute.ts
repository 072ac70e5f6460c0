/**
 * Running a plan on a block of `V` interleaved transforms (see `passes.ts` for the layout).
 * Forward transforms only: an inverse is conj(FFT(conj(x))), which the callers fold into the
 * copies in and out of the block, so no second set of kernels is needed.
 */
import { pass2, pass3, pass4, pass5, pass8, passGeneric } from './passes.js';
import { type BluesteinPlan, type ComplexPlan, type CooleyTukeyPlan, complexPlan } from './plan.js';

/** Scratch buffers reused between calls (grown on demand, never shrunk). */
export interface Workspace {
  a: Float64Array;
  b: Float64Array;
  generic: Float64Array;
  /** The axis driver's lane buffers (see `axis.ts`). */
  lanes?: { x?: Float64Array; y?: Float64Array; z?: Float64Array };
}

/** An empty workspace. */
export function workspace(): Workspace {
  return { a: new Float64Array(0), b: new Float64Array(0), generic: new Float64Array(0) };
}

function grow(buf: Float64Array, size: number): Float64Array {
  return buf.length >= size ? buf : new Float64Array(Math.max(size, Math.ceil(buf.length * 1.5)));
}

/**
 * Forward FFT of `V` lanes of `n` complex values in `data` (2·n·V floats), using `other` (the
 * same size) as the ping-pong buffer. Returns the buffer that holds the result: `data` or `other`.
 */
function runCooleyTukey(
  plan: CooleyTukeyPlan,
  V: number,
  data: Float64Array,
  other: Float64Array,
  ws: Workspace,
): Float64Array {
  let cc = data;
  let ch = other;
  if (plan.maxGeneric > 0) ws.generic = grow(ws.generic, 2 * plan.maxGeneric * V);
  for (const pass of plan.passes) {
    const { radix, ido, l1, offset } = pass;
    switch (radix) {
      case 8:
        pass8(ido, l1, V, cc, ch, plan.twiddles, offset);
        break;
      case 4:
        pass4(ido, l1, V, cc, ch, plan.twiddles, offset);
        break;
      case 2:
        pass2(ido, l1, V, cc, ch, plan.twiddles, offset);
        break;
      case 3:
        pass3(ido, l1, V, cc, ch, plan.twiddles, offset);
        break;
      case 5:
        pass5(ido, l1, V, cc, ch, plan.twiddles, offset);
        break;
      default:
        passGeneric(radix, ido, l1, V, cc, ch, plan.twiddles, offset, pass.roots as Float64Array, ws.generic);
    }
    const t = cc;
    cc = ch;
    ch = t;
  }
  return cc;
}

/** A plan for length n, planning its Bluestein kernel with this module's executor. */
export function planFor(n: number): ComplexPlan {
  return complexPlan(n, (inner, kernel) => {
    const out = runCooleyTukey(inner, 1, kernel, new Float64Array(kernel.length), workspace());
    if (out !== kernel) kernel.set(out);
  });
}

/**
 * Bluestein: X_k = w_k · Σ_j (x_j w_j) · conj(w_{k−j}), with w_k = exp(−πi·k²/n), as a cyclic
 * convolution of length m done with two forward FFTs (the inverse through conjugation).
 */
function runBluestein(plan: BluesteinPlan, V: number, data: Float64Array, ws: Workspace): void {
  const { n, m, chirp, kernel, inner } = plan;
  const size = 2 * m * V;
  ws.a = grow(ws.a, size);
  ws.b = grow(ws.b, size);
  const a = ws.a;
  a.fill(0, 0, size);
  // a_k = x_k · w_k, zero-padded to m
  for (let k = 0; k < n; k++) {
    const cr = chirp[2 * k]!;
    const ci = chirp[2 * k + 1]!;
    const row = 2 * k * V;
    for (let v = 0; v < 2 * V; v += 2) {
      const xr = data[row + v]!;
      const xi = data[row + v + 1]!;
      a[row + v] = xr * cr - xi * ci;
      a[row + v + 1] = xr * ci + xi * cr;
    }
  }
  let f = runCooleyTukey(inner, V, a, ws.b, ws);
  // multiply by the kernel's spectrum (already divided by m) and conjugate for the inverse
  for (let k = 0; k < m; k++) {
    const kr = kernel[2 * k]!;
    const ki = kernel[2 * k + 1]!;
    const row = 2 * k * V;
    for (let v = 0; v < 2 * V; v += 2) {
      const xr = f[row + v]!;
      const xi = f[row + v + 1]!;
      f[row + v] = xr * kr - xi * ki;
      f[row + v + 1] = -(xr * ki + xi * kr);
    }
  }
  f = runCooleyTukey(inner, V, f, f === ws.a ? ws.b : ws.a, ws);
  // X_k = w_k · conj(result)
  for (let k = 0; k < n; k++) {
    const cr = chirp[2 * k]!;
    const ci = chirp[2 * k + 1]!;
    const row = 2 * k * V;
    for (let v = 0; v < 2 * V; v += 2) {
      const yr = f[row + v]!;
      const yi = -f[row + v + 1]!;
      data[row + v] = yr * cr - yi * ci;
      data[row + v + 1] = yr * ci + yi * cr;
    }
  }
}

/**
 * Forward FFT of `V` lanes of length `plan.n` held in `data`; `other` is a buffer of the same
 * size. Returns the buffer holding the result (Bluestein writes back into `data`).
 */
export function runForward(
  plan: ComplexPlan,
  V: number,
  data: Float64Array,
  other: Float64Array,
  ws: Workspace,
): Float64Array {
  if (plan.kind === 'cooley-tukey') return runCooleyTukey(plan, V, data, other, ws);
  runBluestein(plan, V, data, ws);
  return data;
}
