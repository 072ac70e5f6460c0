/**
 * `denoiseTv`: the ROF minimiser, to a guaranteed accuracy. The solvers iterate on the dual (FGP,
 * Chambolle 2005) or on both (Chambolle–Pock) and stop when the relative duality gap — an upper
 * bound on how far the objective is above its minimum — falls below `gapTolerance`.
 */
import { checkOptions, describeValue, type NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import { coupledIteration, coupledObjectives, coupledState } from './coupled.js';
import { type CpSteps, cpIteration } from './cp-kernel.js';
import { dualIteration, type Rows } from './fgp-kernel.js';
import { dualObjective, primalObjective, relativeGap, squaredNorm } from './objective.js';
import {
  checkAborted,
  type Precision,
  positive,
  type Run,
  type RunOptions,
  readPrecision,
  readRun,
} from './options.js';
import { newPlane, type Plane, readPlanes, toArray } from './planes.js';
import type { Boundary } from './tv-grid.js';

/** The solvers of {@link denoiseTv}. */
export type TvMethod = 'fgp' | 'chambolle-pock' | 'chambolle2005';

/** Options of {@link denoiseTv}. */
export interface DenoiseTvOptions extends RunOptions {
  /**
   * λ, the weight of total variation, in the image's units: a larger weight smooths more.
   * Scaling the image and the weight together scales the result (0–255 data with weight 100 and
   * 0–1 data with weight 100/255 give the same image, in the same iterations).
   * @defaultValue a tenth of the image's range (max − min)
   */
  weight?: number;
  /** The solver. @defaultValue 'fgp' */
  method?: TvMethod;
  /** Differences at the image's edge: none (`'neumann'`) or wrapping (`'periodic'`, the textbook's). @defaultValue 'neumann' */
  boundary?: Boundary;
  /** Stop when (E − D)/E ≤ this. @defaultValue 1e-3 */
  gapTolerance?: number;
  /** Stop after this many milliseconds (the result then has `converged: false`). @defaultValue no limit */
  timeLimitMs?: number;
  /** Evaluate the gap every this many iterations (each evaluation costs about one iteration). @defaultValue 10 */
  checkEvery?: number;
  /** Working precision. @defaultValue 'float64' */
  precision?: Precision;
  /**
   * Colour images: each channel on its own (`'separate'`), or vectorial TV with one gradient norm
   * per pixel over all channels (`'coupled'`: shared edges, no colour fringes; solved by FGP).
   * @defaultValue 'separate'
   */
  channels?: 'separate' | 'coupled';
}

/** What {@link denoiseTv} returns. */
export interface DenoiseTvResult {
  /** The denoised image. */
  u: NdArray;
  /** `im − u`. */
  texture: NdArray;
  /** Iterations run (the most of any channel). */
  iterations: number;
  /** E(u) = ½‖u − f‖² + λ·TV(u) (summed over channels). */
  objective: number;
  /** The relative duality gap (E − D)/E at the end (the largest of any channel). */
  gap: number;
  /** Whether the gap reached `gapTolerance`. */
  converged: boolean;
}

interface Setup {
  h: number;
  w: number;
  weight: number;
  method: TvMethod;
  periodic: boolean;
  gapTolerance: number;
  deadline: number;
  checkEvery: number;
  precision: Precision;
  run: Run;
}

interface ChannelResult {
  u: Plane;
  iterations: number;
  objective: number;
  gap: number;
}

/**
 * Total-variation (ROF) denoising to a given accuracy: the u minimising
 * E(u) = ½‖u − f‖² + λ·TV(u), stopped when the relative duality gap is at most `gapTolerance`.
 * Grey `[h, w]` or colour `[h, w, c]` images (each channel on its own).
 *
 * @remarks
 * TV(u) = Σ √(∂ₓu² + ∂ᵧu²) with forward differences; `boundary: 'neumann'` (default) takes no
 * difference across the last row and column, `'periodic'` wraps around as the textbook's `roll`.
 * The dual is D(p) = ½(‖f‖² − ‖f + λ·div p‖²) over fields |p| ≤ 1, div = −∇ᵀ, and u = f + λ·div p
 * at the optimum; E(u) − D(p) ≥ E(u) − E(u*) ≥ 0 bounds the error of the returned u.
 *
 * Methods: `'fgp'` — Beck & Teboulle's fast gradient projection on the dual (2009), step 1/(8λ),
 * no parameters (the default: fastest to a given gap in our measurements); `'chambolle-pock'` —
 * the accelerated primal–dual algorithm (Chambolle & Pock 2011, Algorithm 2) with τ₀ = 10,
 * σ₀ = 1/(8τ₀); `'chambolle2005'` — Chambolle's projection (the textbook's iteration) with step
 * 1/(4λ). All are exactly scale-equivariant: the image and `weight` scaled by s give u scaled by s
 * in the same number of iterations.
 *
 * @throws NdImageError `ERR_SHAPE` for an image that is not `[h, w]` or `[h, w, c]`;
 *   `ERR_INVALID_ARGUMENT` for non-finite pixels or a bad option; `ERR_ABORTED` when `signal` fires.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const im = array([[0, 0, 0, 0], [0, 100, 100, 0], [0, 100, 100, 0], [0, 0, 0, 0]]);
 * const { u, gap, converged } = denoiseTv(im, { weight: 10, gapTolerance: 1e-6 });
 * converged; // true
 * ```
 * @see skimage.restoration.denoise_tv_chambolle (another scaling of the weight: see denoiseTvChambolle)
 */
export function denoiseTv(im: NdArrayLike, options?: DenoiseTvOptions): DenoiseTvResult {
  const o = checkOptions(options);
  const precision = readPrecision(o.precision);
  const method = o.method ?? 'fgp';
  if (method !== 'fgp' && method !== 'chambolle-pock' && method !== 'chambolle2005')
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`method\` must be 'fgp', 'chambolle-pock' or 'chambolle2005'; got ${describeValue(method)}`,
      { argument: 'method' },
    );
  const boundary = o.boundary ?? 'neumann';
  if (boundary !== 'neumann' && boundary !== 'periodic')
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`boundary\` must be 'neumann' or 'periodic'; got ${describeValue(boundary)}`,
      {
        argument: 'boundary',
      },
    );
  const gapTolerance = o.gapTolerance === undefined ? 1e-3 : positive(o.gapTolerance, 'gapTolerance');
  const timeLimit = o.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : positive(o.timeLimitMs, 'timeLimitMs');
  const checkEvery = o.checkEvery === undefined ? 10 : Math.round(positive(o.checkEvery, 'checkEvery', 1e9));
  const channels = o.channels ?? 'separate';
  if (channels !== 'separate' && channels !== 'coupled')
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`channels\` must be 'separate' or 'coupled'; got ${describeValue(channels)}`,
      {
        argument: 'channels',
      },
    );
  if (channels === 'coupled' && method !== 'fgp')
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`channels: 'coupled'\` is solved by FGP; \`method\` must be 'fgp', got '${method}'`,
      {
        argument: 'method',
      },
    );
  const run = readRun(o, 10_000);
  const f = readPlanes(im, 'im', precision);
  if (f.h * f.w * f.planes.length === 0) {
    const empty = toArray(f.planes, f.shape, precision);
    return {
      u: empty,
      texture: toArray(
        f.planes.map((p) => p.slice()),
        f.shape,
        precision,
      ),
      iterations: 0,
      objective: 0,
      gap: 0,
      converged: true,
    };
  }
  let weight: number;
  if (o.weight === undefined) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const p of f.planes)
      for (let k = 0; k < p.length; k++) {
        const v = p[k] as number;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    weight = 0.1 * (hi - lo);
  } else weight = positive(o.weight, 'weight');
  const setup: Setup = {
    h: f.h,
    w: f.w,
    weight,
    method,
    periodic: boundary === 'periodic',
    gapTolerance,
    deadline: performance.now() + timeLimit,
    checkEvery: Math.max(1, checkEvery),
    precision,
    run,
  };
  const results =
    channels === 'coupled' && f.planes.length > 1
      ? solveCoupled(f.planes, setup)
      : f.planes.map((plane) => solveChannel(plane, setup));
  const us = results.map((r) => r.u);
  const n = f.h * f.w;
  const texture = f.planes.map((fc, c) => {
    const u = us[c] as Plane;
    const t = newPlane(n, precision);
    for (let k = 0; k < n; k++) t[k] = (fc[k] as number) - (u[k] as number);
    return t;
  });
  // Coupled channels share one objective and gap (every entry carries it).
  const coupledRun = channels === 'coupled' && f.planes.length > 1;
  const gap = Math.max(...results.map((r) => r.gap));
  return {
    u: toArray(us, f.shape, precision),
    texture: toArray(texture, f.shape, precision),
    iterations: Math.max(...results.map((r) => r.iterations)),
    objective: coupledRun ? (results[0] as ChannelResult).objective : results.reduce((s, r) => s + r.objective, 0),
    gap,
    converged: gap <= gapTolerance,
  };
}

/** One channel to the gap (or a limit). */
function solveChannel(f: Plane, s: Setup): ChannelResult {
  const { h, w, weight, periodic, precision, run } = s;
  // A weight of 0 is excluded; a constant image is its own minimiser (E = 0): done at once.
  const n = h * w;
  const f2 = squaredNorm(f);
  const u = newPlane(n, precision);
  const px = newPlane(n, precision);
  const py = newPlane(n, precision);
  let objective = 0;
  let gap = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let measured = -1;
  const cp = s.method === 'chambolle-pock';
  // Chambolle–Pock's primal point is its iterate u, with div p built in a scratch plane; the dual
  // methods' primal point is u = f + λ·div p, built in u itself.
  const scratch = cp ? newPlane(n, precision) : u;
  const measure = (): void => {
    const dual = dualObjective(f, px, py, h, w, weight, periodic, f2, scratch);
    objective = primalObjective(f, u, h, w, weight, periodic);
    gap = relativeGap(objective, dual);
    measured = iterations;
  };
  const stop = (): boolean =>
    gap <= s.gapTolerance || iterations >= run.maxIterations || performance.now() > s.deadline;
  let step: () => void;
  if (cp) {
    u.set(f);
    const ubar = newPlane(n, precision);
    ubar.set(f);
    const div = newPlane(w, precision);
    const steps: CpSteps = { tau: 10, sigma: 1 / 80, theta: 1 };
    step = () => {
      // Algorithm 2 of Chambolle & Pock (2011) with γ = 1 (the fidelity's strong convexity).
      steps.theta = 1 / Math.sqrt(1 + 2 * steps.tau);
      cpIteration(f, u, ubar, px, py, h, w, weight, steps, periodic, div);
      steps.tau *= steps.theta;
      steps.sigma /= steps.theta;
    };
  } else {
    const fgp = s.method === 'fgp';
    const rx = fgp ? newPlane(n, precision) : px;
    const ry = fgp ? newPlane(n, precision) : py;
    const rows: Rows = { a: newPlane(w, precision), b: newPlane(w, precision), first: newPlane(w, precision) };
    const size = fgp ? 1 / (8 * weight) : 1 / (4 * weight);
    let t = 1;
    step = () => {
      let beta = 0;
      if (fgp) {
        const next = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
        beta = (t - 1) / next;
        t = next;
      }
      dualIteration(f, px, py, rx, ry, h, w, weight, size, beta, periodic, rows);
    };
  }
  measure();
  while (!stop()) {
    checkAborted(run, 'denoiseTv');
    step();
    iterations++;
    if (iterations % s.checkEvery === 0) {
      measure();
      run.onProgress?.(iterations, gap, objective);
    }
  }
  // Stopped between checks (iteration or time limit): the result is measured as it is.
  if (measured !== iterations) {
    measure();
    run.onProgress?.(iterations, gap, objective);
  }
  return { u, iterations, objective, gap };
}

/** All channels at once with vectorial TV (FGP, joint projection). */
function solveCoupled(f: Plane[], s: Setup): ChannelResult[] {
  const { h, w, weight, periodic, precision, run } = s;
  const state = coupledState(f.length, h * w, precision);
  let iterations = 0;
  let objective = 0;
  let gap = Number.POSITIVE_INFINITY;
  let measured = -1;
  const measure = (): void => {
    const [primal, dual] = coupledObjectives(f, state, h, w, weight, periodic);
    objective = primal;
    gap = relativeGap(primal, dual);
    measured = iterations;
  };
  measure();
  while (!(gap <= s.gapTolerance || iterations >= run.maxIterations || performance.now() > s.deadline)) {
    checkAborted(run, 'denoiseTv');
    coupledIteration(f, state, h, w, weight, periodic);
    iterations++;
    if (iterations % s.checkEvery === 0) {
      measure();
      run.onProgress?.(iterations, gap, objective);
    }
  }
  if (measured !== iterations) {
    measure();
    run.onProgress?.(iterations, gap, objective);
  }
  // u = f + λ·div p of the last measurement.
  return state.u.map((u) => ({ u, iterations, objective, gap }));
}
