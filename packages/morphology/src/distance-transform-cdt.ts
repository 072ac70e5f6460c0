/**
 * `distanceTransformCdt`: SciPy's chamfer (city-block, chessboard or custom) distance transform.
 */
import { asarray, NdArray, NdImageError } from '@ndimage/core-array';
import { allocate, checkOptions, describeValue, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { chamfer, UNKNOWN } from './cdt-kernel.js';
import {
  checkDistanceRequest,
  copyInto,
  type DistanceOutputOptions,
  type DistanceWithIndices,
  distanceResult,
  unravelFeatures,
} from './distance-outputs.js';
import { foregroundView } from './foreground.js';
import { generateBinaryStructure, readStructure } from './structure.js';
import type { ArrayInput } from './types.js';

/** The named chamfer metrics ('cityblock' and 'manhattan' are SciPy's synonyms of 'taxicab'). */
export type ChamferMetric = 'chessboard' | 'taxicab' | 'cityblock' | 'manhattan';

/** Options of {@link distanceTransformCdt}. */
export interface DistanceTransformCdtOptions extends DistanceOutputOptions {
  /**
   * `'chessboard'` (the full 3×…×3 structure: diagonal steps count 1), `'taxicab'` (the cross:
   * axis steps only), or a 3×…×3 structure of the input's rank (nonzero = a step of 1).
   * @defaultValue 'chessboard'
   */
  metric?: ChamferMetric | ArrayInput;
  /** An int32 array of the input's shape to write the distances into (and return). */
  distances?: NdArray;
}

const CDT_KEYS = optionKeys<DistanceTransformCdtOptions>({
  metric: true,
  returnDistances: true,
  returnIndices: true,
  distances: true,
  indices: true,
});

const METRICS: readonly ChamferMetric[] = ['chessboard', 'taxicab', 'cityblock', 'manhattan'];

/** The structure's mask (C order) for a metric. */
function metricMask(metric: unknown, nd: number): Uint8Array {
  if (metric === undefined || metric === null) return generateBinaryStructure(nd, nd).data as Uint8Array;
  if (typeof metric === 'string') {
    if (!(METRICS as readonly string[]).includes(metric)) {
      throw invalidArgument('metric', "'chessboard', 'taxicab' (or 'cityblock', 'manhattan') or a structure", metric);
    }
    return generateBinaryStructure(nd, metric === 'chessboard' ? nd : 1).data as Uint8Array;
  }
  const s = readStructure(metric as ArrayInput, nd, 'metric');
  if (s.shape.some((n) => n !== 3)) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`metric\` must be 3 along every axis; got shape ${describeValue([...s.shape])}`,
      { argument: 'metric' },
    );
  }
  return s.mask;
}

/**
 * Chamfer distance transform: each nonzero element of `input` gets the number of steps to the
 * nearest zero element, a step being one of the `metric` structure's offsets — `'chessboard'`
 * (8-neighbours in 2-D: the L∞ distance), `'taxicab'` (4-neighbours: the L1 distance), or your
 * own 3×…×3 structure. Zeros get 0; elements that cannot reach a zero get −1. With
 * `returnIndices: true` also the feature transform (SciPy's choice among equidistant zeros).
 *
 * Two raster scans, as SciPy; int32 distances and indices, identical to SciPy's.
 *
 * @returns The distances (int32), or with `returnIndices: true` an object `{ distances, indices }`.
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for an unknown metric or output flags that do not
 *   fit, `ERR_SHAPE` for a structure that is not 3×…×3 of the input's rank or output arrays of
 *   the wrong shape, `ERR_DTYPE` for outputs that are not int32, `ERR_LIMIT` when the work
 *   arrays cannot be allocated.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[0, 1, 1, 1, 1], [0, 0, 1, 1, 1], [0, 1, 1, 1, 1], [0, 1, 1, 1, 0], [0, 1, 1, 0, 0]]);
 * distanceTransformCdt(a).index(0).toArray(); // [0, 1, 1, 2, 3]
 * distanceTransformCdt(a, { metric: 'taxicab' }).index(0).toArray(); // [0, 1, 2, 3, 3]
 * ```
 * @see scipy.ndimage.distance_transform_cdt
 */
export function distanceTransformCdt(
  input: ArrayInput,
  options?: DistanceTransformCdtOptions & { returnIndices?: false },
): NdArray<'int32'>;
export function distanceTransformCdt(
  input: ArrayInput,
  options: DistanceTransformCdtOptions & { returnIndices: true },
): DistanceWithIndices<'int32'>;
export function distanceTransformCdt(
  input: ArrayInput,
  options?: DistanceTransformCdtOptions,
): NdArray<'int32'> | DistanceWithIndices<'int32'>;
export function distanceTransformCdt(
  input: ArrayInput,
  options?: DistanceTransformCdtOptions,
): NdArray<'int32'> | DistanceWithIndices<'int32'> {
  const o = checkOptions(options, CDT_KEYS);
  const a = asarray(input as never);
  const shape = [...a.shape];
  const nd = shape.length;
  const req = checkDistanceRequest(o, shape, 'int32');
  const mask = metricMask(o.metric, nd);
  const fg = foregroundView(a);
  const size = fg.length;
  const dist = allocate('int32', size);
  const ft = req.wantIndices ? allocate('int32', size) : undefined;
  if (nd === 0) {
    // SciPy fails on 0-d input; the one element is background (0) or can reach none (−1).
    dist[0] = fg[0] ? -1 : 0;
  } else if (size > 0) {
    runChamfer(fg, shape, mask, dist, ft);
  }
  let distances: NdArray<'int32'> | undefined;
  if (req.wantDistances) {
    distances = new NdArray(dist, shape, { dtype: 'int32' });
    if (req.distances) {
      copyInto(distances, req.distances);
      distances = req.distances as NdArray<'int32'>;
    }
  }
  const indices = ft ? unravelFeatures(ft, shape, req.indices) : undefined;
  return distanceResult(req, distances, indices);
}

/**
 * The starting arrays (unknown for object elements, 0 for background; features: own index), both
 * scans, then SciPy's −1 for what stayed unknown.
 */
function runChamfer(
  fg: Uint8Array,
  shape: number[],
  mask: Uint8Array,
  dist: Int32Array,
  ft: Int32Array | undefined,
): void {
  chamfer(dist, ft, shape, mask, fg);
  unknownToMinusOne(dist);
}

function unknownToMinusOne(dist: Int32Array): void {
  for (let p = 0; p < dist.length; p++) if (dist[p] === UNKNOWN) dist[p] = -1;
}
