/**
 * The textbook's ROF denoiser (Solem, _Programming Computer Vision with Python_, §1.5), step for
 * step: Chambolle's (2005) projected dual iteration with periodic differences, stopped when the
 * RMS change of U falls below `tolerance`.
 */
import { asarray, type NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import { checkOneOf, checkOptions, describeValue, optionKeys } from '@ndimage/core-array/internal';
import { bookFirstIterationWrapped, bookIteration } from './book-kernel.js';
import { checkAborted, type Precision, positive, type RunOptions, readPrecision, readRun } from './options.js';
import { newPlane, type Plane, readPlanes, toArray } from './planes.js';

const DENOISE_KEYS = optionKeys<DenoiseOptions>({
  uInit: true,
  tolerance: true,
  tau: true,
  tvWeight: true,
  dualInit: true,
  precision: true,
  maxIterations: true,
  onProgress: true,
  signal: true,
});

/** Options of {@link denoise}. */
export interface DenoiseOptions extends RunOptions {
  /** Where U starts (the book's `U_init`), the image's shape. @defaultValue the image */
  uInit?: NdArrayLike;
  /** Stop when the RMS change of U in one iteration is at most this. @defaultValue 0.1 */
  tolerance?: number;
  /** Dual step τ, in (0, 0.25] (Chambolle 2005 proves convergence for τ ≤ 1/8). @defaultValue 0.125 */
  tau?: number;
  /** λ, the weight of total variation against fidelity (the book's `tv_weight`), in the image's units. @defaultValue 100 */
  tvWeight?: number;
  /**
   * Where the dual field starts: `'image'` as printed in the book (`Px = Py = im`), `'zero'` as in
   * its errata (a few iterations fewer, closer to the minimum). @defaultValue 'image'
   */
  dualInit?: 'image' | 'zero';
  /** Working precision: float32 halves the memory traffic; float64 gives NumPy's U. @defaultValue 'float64' */
  precision?: Precision;
}

/** What {@link denoise} returns. */
export interface DenoiseResult<P extends Precision = Precision> {
  /** The denoised image (the book's `U`). */
  u: NdArray<P>;
  /** The removed part, `im − U` (the book's `T`, the "texture"). */
  texture: NdArray<P>;
  /** Iterations run. */
  iterations: number;
  /** The RMS change of U in the last iteration (the book's `error`). */
  error: number;
  /** Whether the stopping rule was met (false when `maxIterations` stopped it). */
  converged: boolean;
}

/**
 * Rudin–Osher–Fatemi denoising exactly as the textbook codes it: returns `U` (smoothed) and
 * `T = im − U` (texture). Grey `[h, w]` images, or `[h, w, c]` colour, each channel on its own.
 *
 * @remarks
 * It minimises E(u) = ½‖u − f‖² + λ·TV(u) (λ = `tvWeight`, isotropic total variation of forward
 * differences, periodic boundaries) by Chambolle's (2005) projected gradient on the dual: with
 * P = (Px, Py) and step τ/λ,
 * P ← (P + (τ/λ)∇U) / max(1, |P + (τ/λ)∇U|), U = f + λ·div P,
 * until ‖U − U_old‖/√(mn) ≤ `tolerance`. Every operation is the book's, in its order, so U equals
 * NumPy's result of the book's code to the last bit (iteration counts match too; only the stop
 * test's sum runs in another order).
 *
 * That stopping rule stops early: on the book's 500×500 test image it stops after 43 iterations
 * at an objective about 20 % above the minimum. For the minimiser itself use {@link denoiseTv}.
 *
 * Reference: A. Chambolle, "Total variation minimization and a class of binary MRF models",
 * EMMCVPR 2005; J. E. Solem, _Programming Computer Vision with Python_, O'Reilly 2012, §1.5.
 *
 * @throws NdImageError `ERR_SHAPE` for an image that is not `[h, w]` or `[h, w, c]` or a `uInit` of
 *   another shape; `ERR_INVALID_ARGUMENT` for non-finite pixels, `tau` outside (0, 0.25], a
 *   non-positive `tvWeight` or `tolerance`; `ERR_ABORTED` when `signal` fires.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const im = array([[10, 10, 200], [10, 10, 200], [10, 10, 200]]);
 * const { u, texture, iterations, converged } = denoise(im, { tvWeight: 20 });
 * iterations; // 16
 * converged;  // true
 * ```
 * @see rof.denoise(im, U_init, tolerance=0.1, tau=0.125, tv_weight=100) in the book's code
 */
export function denoise(
  im: NdArrayLike,
  options?: DenoiseOptions & { precision?: 'float64' },
): DenoiseResult<'float64'>;
export function denoise(im: NdArrayLike, options: DenoiseOptions & { precision: 'float32' }): DenoiseResult<'float32'>;
export function denoise(im: NdArrayLike, options?: DenoiseOptions): DenoiseResult;
export function denoise(im: NdArrayLike, options?: DenoiseOptions): DenoiseResult {
  const o = checkOptions(options, DENOISE_KEYS);
  const precision = readPrecision(o.precision);
  const tolerance = o.tolerance === undefined ? 0.1 : positive(o.tolerance, 'tolerance');
  const tau = o.tau === undefined ? 0.125 : positive(o.tau, 'tau', 0.25);
  const tvWeight = o.tvWeight === undefined ? 100 : positive(o.tvWeight, 'tvWeight');
  const dualInit = checkOneOf(o.dualInit ?? 'image', 'dualInit', ['image', 'zero']);
  const run = readRun(o, 100_000);
  const f = readPlanes(im, 'im', precision);
  let start: Plane[] | undefined;
  if (o.uInit !== undefined) {
    const a = asarray(o.uInit);
    if (a.ndim !== f.shape.length || a.shape.some((n, i) => n !== f.shape[i]))
      throw new NdImageError(
        'ERR_SHAPE',
        `\`uInit\` has shape ${describeValue([...a.shape])}; the image has shape ${describeValue(f.shape)}`,
        { argument: 'uInit' },
      );
    start = readPlanes(a, 'uInit', precision).planes;
  }
  const { h, w } = f;
  const n = h * w;
  if (n * f.planes.length === 0) {
    const empty = toArray(f.planes, f.shape, precision);
    return {
      u: empty,
      texture: toArray(
        f.planes.map((p) => p.slice()),
        f.shape,
        precision,
      ),
      iterations: 0,
      error: 0,
      converged: true,
    };
  }
  const step = tau / tvWeight;
  // U starts as an integer image (the book passes its uint8 image as U_init): NumPy's first
  // `roll(U, -1) - U` wraps around in that type.
  const wrap = integerWrap(asarray(o.uInit ?? im).dtype);
  const us: Plane[] = [];
  let iterations = 0;
  let error = 0;
  let converged = true;
  // Colour: the channels one after another, the reported counts those of the slowest.
  for (let c = 0; c < f.planes.length; c++) {
    const fc = f.planes[c] as Plane;
    const U = newPlane(n, precision);
    U.set(start ? (start[c] as Plane) : fc);
    const Px = newPlane(n, precision);
    const Py = newPlane(n, precision);
    if (dualInit === 'image') {
      Px.set(fc);
      Py.set(fc);
    }
    let it = 0;
    let err = Number.POSITIVE_INFINITY;
    // The book's loop: `while error > tolerance`.
    while (err > tolerance && it < run.maxIterations) {
      checkAborted(run, 'denoise');
      const change =
        it === 0 && wrap !== undefined
          ? bookFirstIterationWrapped(fc, U, Px, Py, h, w, step, tvWeight, wrap)
          : bookIteration(fc, U, Px, Py, h, w, step, tvWeight);
      err = Math.sqrt(change) / Math.sqrt(n);
      it++;
      run.onProgress?.(it, err);
    }
    if (err > tolerance) converged = false;
    if (it > iterations) {
      iterations = it;
      error = err;
    }
    us.push(U);
  }
  const texture = f.planes.map((fc, c) => {
    const U = us[c] as Plane;
    const t = newPlane(n, precision);
    for (let k = 0; k < n; k++) t[k] = (fc[k] as number) - (U[k] as number);
    return t;
  });
  return {
    u: toArray(us, f.shape, precision),
    texture: toArray(texture, f.shape, precision),
    iterations,
    error,
    converged,
  };
}

/** Integer dtypes whose differences NumPy wraps (JavaScript numbers hold 64-bit ones only approximately: not wrapped). */
const WRAP_BITS: Partial<Record<string, [number, boolean]>> = {
  uint8: [8, false],
  int8: [8, true],
  uint16: [16, false],
  int16: [16, true],
  uint32: [32, false],
  int32: [32, true],
};

/** The wraparound of a difference in `dtype`, or undefined for float (and 64-bit) dtypes. */
function integerWrap(dtype: string): ((d: number) => number) | undefined {
  const spec = WRAP_BITS[dtype];
  if (spec === undefined) return undefined;
  const [bits, signed] = spec;
  const m = 2 ** bits;
  const half = 2 ** (bits - 1);
  return signed ? (d) => ((((d + half) % m) + m) % m) - half : (d) => ((d % m) + m) % m;
}
