/**
 * The operations the chunked engine runs, each described by a plain serialisable object
 * (`{ name: 'gaussianFilter', sigma: 4, mode: 'wrap' }`) so a job can cross to a worker thread or
 * another machine. For each: the in-memory function it calls, the halo it needs per axis (how far
 * an output element reads from), and the axes whose boundary mode is periodic.
 */
import { asarray, greater, less, type NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import {
  gaussianFilter,
  gaussianGradientMagnitude,
  gaussianLaplace,
  laplace,
  maximumFilter,
  medianFilter,
  minimumFilter,
  percentileFilter,
  prewitt,
  rankFilter,
  sobel,
  uniformFilter,
} from '@ndimage/filters';
import {
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryOpening,
  blackTophat,
  greyClosing,
  greyDilation,
  greyErosion,
  greyOpening,
  morphologicalGradient,
  whiteTophat,
} from '@ndimage/morphology';
import { bookFixedIterations } from '@ndimage/rof/internal';

/** An operation's options (its name included), as plain data. */
export type Params = Record<string, unknown>;
type Arr = NdArray;

/** Names of the operations the chunked engine runs (the in-memory functions' names; `sobelMagnitude`/`prewittMagnitude` are √Σ gᵢ² in float64). */
export type OperationName =
  | 'gaussianFilter'
  | 'gaussianGradientMagnitude'
  | 'gaussianLaplace'
  | 'sobel'
  | 'prewitt'
  | 'sobelMagnitude'
  | 'prewittMagnitude'
  | 'laplace'
  | 'uniformFilter'
  | 'minimumFilter'
  | 'maximumFilter'
  | 'medianFilter'
  | 'rankFilter'
  | 'percentileFilter'
  | 'greyErosion'
  | 'greyDilation'
  | 'greyOpening'
  | 'greyClosing'
  | 'morphologicalGradient'
  | 'whiteTophat'
  | 'blackTophat'
  | 'binaryErosion'
  | 'binaryDilation'
  | 'binaryOpening'
  | 'binaryClosing'
  | 'denoise'
  | 'threshold'
  | 'pipeline';

/** An operation's name and its options, as the in-memory function takes them. */
export type Operation = { name: OperationName } & Params;

/** What the engine needs to know about one operation. */
export interface OperationDef {
  /** Runs the in-memory function on a block. */
  run(block: NdArray, p: Params): NdArray;
  /** Reach per axis: an output element reads input elements at most this far away. */
  halo(p: Params, shape: readonly number[]): number[];
  /** Axes whose boundary is periodic (their halo is read from the far side of the image). */
  wrap(p: Params, ndim: number): boolean[];
  /** Element-wise: no halo, no boundary (fits in a pipeline with any other operation). */
  pointwise?: boolean;
}

/** Everything but `name` (and the engine's own keys), for the in-memory call. */
function rest(p: Params, drop: readonly string[] = []): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'name' && !drop.includes(k)) out[k] = v;
  return out;
}

/** One value per axis from a scalar or a per-axis list. */
function perAxis(v: unknown, ndim: number, fallback: number): number[] {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? x : fallback));
  return new Array<number>(ndim).fill(typeof v === 'number' ? v : fallback);
}

/** The shape of an array-valued option (footprint, structure), or undefined. */
function shapeOf(v: unknown): number[] | undefined {
  if (v === undefined || v === null) return undefined;
  return [...asarray(v as NdArrayLike).shape];
}

/** Reach of a window of `size` shifted by `origin`: SciPy's ±size//2 plus the shift. */
function windowReach(sizes: readonly number[], origins: readonly number[]): number[] {
  return sizes.map((s, k) => Math.floor(s / 2) + Math.abs(origins[k] ?? 0));
}

/** Per-axis wrap flags from a mode option (one mode or a list). */
function wrapOf(mode: unknown, ndim: number): boolean[] {
  const modes = Array.isArray(mode) ? mode : new Array<unknown>(ndim).fill(mode);
  return modes.map((m) => m === 'wrap' || m === 'grid-wrap');
}

const same =
  (r: number): OperationDef['halo'] =>
  (_p: Params, shape: readonly number[]): number[] =>
    new Array<number>(shape.length).fill(r);

function gaussianReach(p: Params, shape: readonly number[]): number[] {
  const nd = shape.length;
  const axes = Array.isArray(p.axes) ? (p.axes as number[]).map((a) => (a < 0 ? a + nd : a)) : [...Array(nd).keys()];
  const sig = perAxis(p.sigma, axes.length, 0);
  const rad = p.radius === undefined ? undefined : perAxis(p.radius, axes.length, 0);
  const truncate = typeof p.truncate === 'number' ? p.truncate : 4;
  const out = new Array<number>(nd).fill(0);
  axes.forEach((ax, i) => {
    const s = sig[i] as number;
    if (s > 1e-15) out[ax] = rad?.[i] ?? Math.floor(truncate * s + 0.5);
  });
  return out;
}

/** Reach of a footprint filter (size or footprint, origin). */
function footprintReach(p: Params, shape: readonly number[]): number[] {
  const nd = shape.length;
  const fp = shapeOf(p.footprint) ?? shapeOf(p.structure);
  const sizes = fp ?? perAxis(p.size, nd, 1);
  return windowReach(sizes, perAxis(p.origin ?? 0, nd, 0));
}

/** Reach of binary morphology: the structure's (default 3 per axis) times the iterations. */
function binaryReach(steps: number): OperationDef['halo'] {
  return (p: Params, shape: readonly number[]): number[] => {
    const nd = shape.length;
    const it = p.iterations === undefined ? 1 : (p.iterations as number);
    const sizes = shapeOf(p.structure) ?? new Array<number>(nd).fill(3);
    return windowReach(sizes, perAxis(p.origin ?? 0, nd, 0)).map((r) => r * it * steps);
  };
}

function checkBinary(p: Params, what: string): void {
  if (p.mask !== undefined) {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `chunked ${what} takes no \`mask\` (a mask is an image of its own; apply it as a separate step)`,
      {
        argument: 'mask',
      },
    );
  }
  const it = p.iterations;
  if (it !== undefined && (typeof it !== 'number' || it < 1)) {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `chunked ${what} needs a fixed \`iterations\` ≥ 1: iterating until nothing changes is a global operation; got ${String(it)}`,
      { argument: 'iterations' },
    );
  }
}

function footprintFilter(fn: (a: Arr, p: Params) => Arr): OperationDef {
  return { run: fn, halo: footprintReach, wrap: (p, nd) => wrapOf(p.mode, nd) };
}

function grey(fn: (a: Arr, size: unknown, o: Params) => Arr, steps: number): OperationDef {
  return {
    run: (a, p) => fn(a, p.size, rest(p, ['size'])),
    halo: (p, shape) => footprintReach(p, shape).map((r) => r * steps),
    wrap: (p, nd) => wrapOf(p.mode, nd),
  };
}

function binary(fn: (a: Arr, o: Params) => Arr, steps: number, what: string): OperationDef {
  return {
    run: (a, p) => {
      checkBinary(p, what);
      return fn(a, rest(p));
    },
    halo: binaryReach(steps),
    wrap: (_p, nd) => new Array<boolean>(nd).fill(false),
  };
}

/** The magnitude of the gradient from `fn` along every axis, in float64: √(Σ gᵢ²) (the textbook's `sqrt(imx**2 + imy**2)`). */
function magnitude(fn: typeof sobel): OperationDef {
  return {
    run: (a, p) => {
      const o = rest(p);
      let acc: Float64Array | undefined;
      let first: Arr | undefined;
      for (let axis = 0; axis < a.ndim; axis++) {
        const g = fn(a, { ...o, axis, output: 'float64' });
        const d = g.data as Float64Array;
        if (acc === undefined) {
          first = g;
          acc = d;
          for (let i = 0; i < d.length; i++) acc[i] = (d[i] as number) * (d[i] as number);
        } else for (let i = 0; i < d.length; i++) acc[i] = (acc[i] as number) + (d[i] as number) * (d[i] as number);
      }
      if (acc === undefined || first === undefined) return a.astype('float64');
      for (let i = 0; i < acc.length; i++) acc[i] = Math.sqrt(acc[i] as number);
      return first;
    },
    halo: same(1),
    wrap: (p, nd) => wrapOf(p.mode, nd),
  };
}

/** Every operation, by name. */
export const OPERATIONS: Readonly<Record<OperationName, OperationDef>> = {
  gaussianFilter: {
    run: (a, p) => gaussianFilter(a, p.sigma as number, rest(p, ['sigma'])),
    halo: gaussianReach,
    wrap: (p, nd) => wrapOf(p.mode, nd),
  },
  gaussianGradientMagnitude: {
    run: (a, p) => gaussianGradientMagnitude(a, p.sigma as number, rest(p, ['sigma'])),
    halo: gaussianReach,
    wrap: (p, nd) => wrapOf(p.mode, nd),
  },
  gaussianLaplace: {
    run: (a, p) => gaussianLaplace(a, p.sigma as number, rest(p, ['sigma'])),
    halo: gaussianReach,
    wrap: (p, nd) => wrapOf(p.mode, nd),
  },
  sobel: { run: (a, p) => sobel(a, rest(p)), halo: same(1), wrap: (p, nd) => wrapOf(p.mode, nd) },
  prewitt: { run: (a, p) => prewitt(a, rest(p)), halo: same(1), wrap: (p, nd) => wrapOf(p.mode, nd) },
  sobelMagnitude: magnitude(sobel),
  prewittMagnitude: magnitude(prewitt),
  laplace: { run: (a, p) => laplace(a, rest(p)), halo: same(1), wrap: (p, nd) => wrapOf(p.mode, nd) },
  uniformFilter: {
    run: (a, p) => uniformFilter(a, (p.size ?? 3) as number, rest(p, ['size'])),
    halo: (p, shape) => windowReach(perAxis(p.size ?? 3, shape.length, 3), perAxis(p.origin ?? 0, shape.length, 0)),
    wrap: (p, nd) => wrapOf(p.mode, nd),
  },
  minimumFilter: footprintFilter((a, p) => minimumFilter(a, rest(p))),
  maximumFilter: footprintFilter((a, p) => maximumFilter(a, rest(p))),
  medianFilter: footprintFilter((a, p) => medianFilter(a, rest(p))),
  rankFilter: footprintFilter((a, p) => rankFilter(a, p.rank as number, rest(p, ['rank']))),
  percentileFilter: footprintFilter((a, p) => percentileFilter(a, p.percentile as number, rest(p, ['percentile']))),
  greyErosion: grey(greyErosion as never, 1),
  greyDilation: grey(greyDilation as never, 1),
  greyOpening: grey(greyOpening as never, 2),
  greyClosing: grey(greyClosing as never, 2),
  morphologicalGradient: grey(morphologicalGradient as never, 1),
  whiteTophat: grey(whiteTophat as never, 2),
  blackTophat: grey(blackTophat as never, 2),
  binaryErosion: binary(binaryErosion as never, 1, 'binaryErosion'),
  binaryDilation: binary(binaryDilation as never, 1, 'binaryDilation'),
  binaryOpening: binary(binaryOpening as never, 2, 'binaryOpening'),
  binaryClosing: binary(binaryClosing as never, 2, 'binaryClosing'),
  threshold: {
    // Element-wise `input > value` (or `< value` with `below`): the mask step before morphology
    // or labelling, e.g. in a pipeline. Not a SciPy function: NumPy's comparison.
    run: (a, p) => {
      if (typeof p.value !== 'number') {
        throw new NdImageError(
          'ERR_INVALID_ARGUMENT',
          `\`value\` of threshold must be a number; got ${String(p.value)}`,
          { argument: 'value' },
        );
      }
      return (p.below === true ? less(a, p.value) : greater(a, p.value)) as Arr;
    },
    halo: same(0),
    wrap: (_p, nd) => new Array<boolean>(nd).fill(false),
    pointwise: true,
  },
  pipeline: {
    // Operations one after another on the same block: the halo is the sum of theirs.
    run: (a, p) => steps(p).reduce((x, [def, q]) => def.run(x, q), a),
    halo: (p, shape) =>
      steps(p).reduce(
        (acc, [def, q]) => acc.map((r, k) => r + (def.halo(q, shape)[k] ?? 0)),
        new Array<number>(shape.length).fill(0),
      ),
    wrap: (p, nd) => {
      const ws = steps(p)
        .filter(([def]) => def.pointwise !== true)
        .map(([def, q]) => def.wrap(q, nd));
      const out = new Array<boolean>(nd).fill(false);
      for (let k = 0; k < nd; k++) {
        const any = ws.some((w) => w[k]);
        if (any && !ws.every((w) => w[k])) {
          throw new NdImageError(
            'ERR_UNSUPPORTED',
            'a pipeline cannot mix periodic (wrap) and other boundaries on one axis',
            {
              argument: 'steps',
            },
          );
        }
        out[k] = any;
      }
      return out;
    },
  },
  denoise: {
    // The book's ROF with a fixed number of iterations: each iteration reads one pixel further
    // (forward differences for the gradient, backward for the divergence, periodic boundaries).
    run: (a, p) => {
      const it = p.iterations;
      if (typeof it !== 'number' || !Number.isInteger(it) || it < 1) {
        throw new NdImageError(
          'ERR_INVALID_ARGUMENT',
          `chunked denoise needs \`iterations\` (an integer ≥ 1): the book's stopping rule is a global test; got ${String(it)}`,
          { argument: 'iterations' },
        );
      }
      return bookFixedIterations(a, it, rest(p, ['iterations']));
    },
    halo: (p, shape) => shape.map((_, k) => (k < 2 ? ((p.iterations as number) ?? 0) : 0)),
    wrap: (_p, nd) => new Array<boolean>(nd).fill(false).map((_, k) => k < 2),
  },
};

/** The steps of a pipeline, each checked. */
function steps(p: Params): [OperationDef, Params][] {
  const list = p.steps;
  if (!Array.isArray(list) || list.length === 0) {
    throw new NdImageError('ERR_INVALID_ARGUMENT', '`steps` of a pipeline must be a non-empty list of operations', {
      argument: 'steps',
    });
  }
  return list.map((q: Params) => [operationDef(q), q]);
}

/** The definition of an operation, or an error listing the names. */
export function operationDef(op: { name?: unknown } | undefined): OperationDef {
  const name = op?.name;
  if (typeof name !== 'string' || !Object.hasOwn(OPERATIONS, name)) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`operation.name\` must be one of ${Object.keys(OPERATIONS).join(', ')}; got ${JSON.stringify(name)}`,
      { argument: 'operation' },
    );
  }
  return OPERATIONS[name as OperationName];
}
