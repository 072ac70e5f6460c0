/**
 * `denoiseTv`: the ROF minimiser, to a guaranteed accuracy. The solvers iterate on the dual (FGP,
 * Chambolle 2005) or on both (Chambolle–Pock) and stop when the relative duality gap — an upper
 * bound on how far the objective is above its minimum — falls below `gapTolerance`.
 */
import type { NdArray, NdArrayLike, ThreadsOptions } from '@ndimage/core-array';
import {
  bands,
  builtFile,
  checkOneOf,
  checkOptions,
  invalidArgument,
  optionKeys,
  sharedScratch,
  type ThreadTask,
  threadBackend,
  threadCount,
} from '@ndimage/core-array/internal';
import { coupledIteration, coupledObjectives, coupledState } from './coupled.js';
import { type CpSteps, cpIteration } from './cp-kernel.js';
import { dualIteration, type Rows } from './fgp-kernel.js';
import { dualRowsInto, objectives, primalRows, type RowSums, relativeGap, rowSums, squaredNorm } from './objective.js';
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
import { type BandArgs, tvBand } from './threads.js';
import type { Boundary } from './tv-grid.js';

const DENOISE_TV_KEYS = optionKeys<DenoiseTvOptions>({
  weight: true,
  method: true,
  boundary: true,
  gapTolerance: true,
  timeLimitMs: true,
  checkEvery: true,
  precision: true,
  channels: true,
  maxIterations: true,
  onProgress: true,
  signal: true,
  threads: true,
});

const THREADS_MODULE = builtFile(import.meta.url, './threads.js', '../dist/threads.js').href;

/** The solvers of {@link denoiseTv}. */
export type TvMethod = 'fgp' | 'chambolle-pock' | 'chambolle2005';

/** Options of {@link denoiseTv}. */
export interface DenoiseTvOptions extends RunOptions, ThreadsOptions {
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
  /** Stop after this many milliseconds, checked after each iteration from the first on (the result then has `converged: false`). @defaultValue no limit */
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
export interface DenoiseTvResult<P extends Precision = Precision> {
  /** The denoised image. */
  u: NdArray<P>;
  /** `im − u`. */
  texture: NdArray<P>;
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
  threads: 'auto' | number | undefined;
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
 * in the same number of iterations. With `threads` (and `enableThreads()` from
 * `@ndimage/core-array/parallel`), FGP and Chambolle 2005 split large images into bands of rows
 * on worker threads, with results identical to one thread; Chambolle–Pock runs on one.
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
export function denoiseTv(
  im: NdArrayLike,
  options?: DenoiseTvOptions & { precision?: 'float64' },
): DenoiseTvResult<'float64'>;
export function denoiseTv(
  im: NdArrayLike,
  options: DenoiseTvOptions & { precision: 'float32' },
): DenoiseTvResult<'float32'>;
export function denoiseTv(im: NdArrayLike, options?: DenoiseTvOptions): DenoiseTvResult;
export function denoiseTv(im: NdArrayLike, options?: DenoiseTvOptions): DenoiseTvResult {
  const o = checkOptions(options, DENOISE_TV_KEYS);
  const precision = readPrecision(o.precision);
  const method = checkOneOf(o.method ?? 'fgp', 'method', ['fgp', 'chambolle-pock', 'chambolle2005']);
  const boundary = checkOneOf(o.boundary ?? 'neumann', 'boundary', ['neumann', 'periodic']);
  const gapTolerance = o.gapTolerance === undefined ? 1e-3 : positive(o.gapTolerance, 'gapTolerance');
  const timeLimit = o.timeLimitMs === undefined ? Number.POSITIVE_INFINITY : positive(o.timeLimitMs, 'timeLimitMs');
  const checkEvery = o.checkEvery === undefined ? 10 : Math.round(positive(o.checkEvery, 'checkEvery', 1e9));
  const channels = checkOneOf(o.channels ?? 'separate', 'channels', ['separate', 'coupled']);
  if (channels === 'coupled' && method !== 'fgp')
    throw invalidArgument(
      'method',
      `'fgp' with \`channels: 'coupled'\` (the one solver of the coupled problem)`,
      method,
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
    threads: o.threads,
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
  const { h, w, weight, precision } = s;
  const n = h * w;
  const f2 = squaredNorm(f);
  const cp = s.method === 'chambolle-pock';
  // Threads split the dual methods' rows; Chambolle–Pock runs on this thread.
  const requested = threadCount(s.threads, n);
  const parts = cp ? 1 : requested;
  const engine = parts > 1 ? threadedDual(f, s, parts) : cp ? chambollePock(f, s) : singleDual(f, s);
  const { iterations, objective, gap } = runToGap(engine.step, () => objectives(engine.measure(), weight, f2), s);
  // The engine's u: the dual methods' f + λ·div p of the last measurement, Chambolle–Pock's iterate.
  // Threaded runs leave u in reused shared scratch: copy it out.
  const u = parts > 1 ? newPlane(n, precision) : engine.u;
  if (u !== engine.u) u.set(engine.u);
  return { u, iterations, objective, gap };
}

/**
 * The loop every solver shares: measure, then iterate until the relative gap reaches the
 * tolerance, the iteration limit or the deadline, measuring every `checkEvery` iterations and
 * once more at the end if the last iteration was not measured (so the result is measured as
 * returned). `measure` gives [E, D] at the current iterate.
 */
function runToGap(
  step: () => void,
  measure: () => [number, number],
  s: Setup,
): { iterations: number; objective: number; gap: number } {
  const { run } = s;
  let objective = 0;
  let gap = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let measured = -1;
  const evaluate = (): void => {
    const [primal, dual] = measure();
    objective = primal;
    gap = relativeGap(primal, dual);
    measured = iterations;
  };
  evaluate();
  // The clock stops a run only after its first iteration, so every run makes progress however
  // slow the machine (and a test of the time limit cannot see zero iterations).
  while (
    !(gap <= s.gapTolerance || iterations >= run.maxIterations || (iterations > 0 && performance.now() > s.deadline))
  ) {
    checkAborted(run, 'denoiseTv');
    step();
    iterations++;
    if (iterations % s.checkEvery === 0) {
      evaluate();
      run.onProgress?.(iterations, gap, objective);
    }
  }
  if (measured !== iterations) {
    evaluate();
    run.onProgress?.(iterations, gap, objective);
  }
  return { iterations, objective, gap };
}

/** A solver's state behind two operations: one iteration, and the row sums of a measurement. */
interface Engine {
  step(): void;
  measure(): RowSums;
  /** The primal point (valid after `measure`). */
  u: Plane;
}

/**
 * FGP's momentum, t ← (1 + √(1 + 4t²))/2 and β = (t_old − 1)/t_new, with O'Donoghue & Candès'
 * (2015) gradient restart: when the last step moved against the momentum
 * (⟨r_old − p, p − p_old⟩ > 0, summed row by row in order) t starts again at 1. None for
 * Chambolle 2005.
 */
function momentum(fgp: boolean, dots: Float64Array): { next(): number; restart(): void } {
  let t = 1;
  return {
    next: () => {
      if (!fgp) return 0;
      const next = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      const beta = (t - 1) / next;
      t = next;
      return beta;
    },
    restart: () => {
      let dot = 0;
      for (let i = 0; i < dots.length; i++) dot += dots[i] as number;
      if (dot > 0) t = 1;
    },
  };
}

/** FGP / Chambolle 2005 on this thread. */
function singleDual(f: Plane, s: Setup): Engine {
  const { h, w, weight, periodic, precision } = s;
  const n = h * w;
  const fgp = s.method === 'fgp';
  const px = newPlane(n, precision);
  const py = newPlane(n, precision);
  const rx = fgp ? newPlane(n, precision) : px;
  const ry = fgp ? newPlane(n, precision) : py;
  const u = newPlane(n, precision);
  const rows: Rows = { a: newPlane(w, precision), b: newPlane(w, precision), first: newPlane(w, precision) };
  const size = fgp ? 1 / (8 * weight) : 1 / (4 * weight);
  const dots = new Float64Array(h);
  const m = momentum(fgp, dots);
  const sums = rowSums(h);
  return {
    u,
    step: () => {
      dualIteration(f, px, py, rx, ry, h, w, weight, size, m.next(), periodic, rows, dots);
      m.restart();
    },
    measure: () => {
      dualRowsInto(f, px, py, h, w, weight, periodic, 0, h, u, sums);
      primalRows(f, u, h, w, periodic, 0, h, sums);
      return sums;
    },
  };
}

/**
 * FGP / Chambolle 2005 on `parts` threads: the planes in shared memory (reused scratch), bands of
 * rows per thread, two pool runs per iteration (halo rows, then the sweep) and two per
 * measurement. Bit-identical to {@link singleDual}.
 */
function threadedDual(f: Plane, s: Setup, parts: number): Engine {
  const { h, w, weight, periodic, precision } = s;
  const n = h * w;
  const backend = threadBackend();
  if (backend === undefined) throw new Error('threadedDual: no thread pool registered');
  const fgp = s.method === 'fgp';
  const bytes = precision === 'float32' ? 4 : 8;
  const Shared = precision === 'float32' ? Float32Array : Float64Array;
  // Scratch slots are reused between calls: clear what is read before it is written.
  const plane = (slot: number, len: number): Plane =>
    new Shared(sharedScratch(slot, len * bytes) as unknown as ArrayBuffer, 0, len).fill(0);
  const sf = plane(0, n);
  sf.set(f);
  const px = plane(1, n);
  const py = plane(2, n);
  const rx = fgp ? plane(3, n) : px;
  const ry = fgp ? plane(4, n) : py;
  const u = plane(5, n);
  const halo = plane(6, parts * w);
  const sumBuffer = new Float64Array(sharedScratch(7, 3 * h * 8) as unknown as ArrayBuffer, 0, 3 * h);
  const sums: RowSums = {
    fidelity: sumBuffer.subarray(0, h),
    tv: sumBuffer.subarray(h, 2 * h),
    u2: sumBuffer.subarray(2 * h),
  };
  const size = fgp ? 1 / (8 * weight) : 1 / (4 * weight);
  const dots = new Float64Array(sharedScratch(8, h * 8) as unknown as ArrayBuffer, 0, h);
  const m = momentum(fgp, dots);
  const ranges = bands(h, parts);
  const run = (phase: BandArgs['phase'], beta = 0): void => {
    const tasks: ThreadTask[] = ranges.map(([start, end], band) => ({
      module: THREADS_MODULE,
      fn: 'tvBand',
      args: {
        phase,
        f: sf,
        px,
        py,
        rx,
        ry,
        u,
        halo,
        sums,
        dots,
        h,
        w,
        weight,
        step: size,
        beta,
        periodic,
        start,
        end,
        band,
        bands: ranges.length,
      } satisfies BandArgs,
    }));
    backend.run(tasks, (t) => tvBand(t.args as BandArgs));
  };
  return {
    u,
    step: () => {
      const beta = m.next();
      run('halo');
      run('sweep', beta);
      m.restart();
    },
    measure: () => {
      run('dual');
      run('primal');
      return sums;
    },
  };
}

/** Chambolle–Pock on this thread: u, ū and p, with u_p = f + λ·div p built in a scratch plane. */
function chambollePock(f: Plane, s: Setup): Engine {
  const { h, w, weight, periodic, precision } = s;
  const n = h * w;
  const u = newPlane(n, precision);
  u.set(f);
  const ubar = newPlane(n, precision);
  ubar.set(f);
  const px = newPlane(n, precision);
  const py = newPlane(n, precision);
  const scratch = newPlane(n, precision);
  const div = newPlane(w, precision);
  const sums = rowSums(h);
  const steps: CpSteps = { tau: 10, sigma: 1 / 80, theta: 1 };
  return {
    u,
    step: () => {
      // Algorithm 2 of Chambolle & Pock (2011) with γ = 1 (the fidelity's strong convexity).
      steps.theta = 1 / Math.sqrt(1 + 2 * steps.tau);
      cpIteration(f, u, ubar, px, py, h, w, weight, steps, periodic, div);
      steps.tau *= steps.theta;
      steps.sigma /= steps.theta;
    },
    measure: () => {
      dualRowsInto(f, px, py, h, w, weight, periodic, 0, h, scratch, sums);
      primalRows(f, u, h, w, periodic, 0, h, sums);
      return sums;
    },
  };
}

/** All channels at once with vectorial TV (FGP, joint projection). */
function solveCoupled(f: Plane[], s: Setup): ChannelResult[] {
  const { h, w, weight, periodic, precision } = s;
  const state = coupledState(f.length, h * w, precision);
  const { iterations, objective, gap } = runToGap(
    () => coupledIteration(f, state, h, w, weight, periodic),
    () => coupledObjectives(f, state, h, w, weight, periodic),
    s,
  );
  // u = f + λ·div p of the last measurement.
  return state.u.map((u) => ({ u, iterations, objective, gap }));
}
