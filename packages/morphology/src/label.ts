/**
 * Connected-component labelling (SciPy's `label`): objects are the connected sets of nonzero
 * elements under a 3×…×3 structure, numbered 1 … N in the raster order of each object's first
 * element.
 *
 * Two algorithms, same numbers: 2-D images with horizontal connectivity are labelled by runs (each
 * row's runs of foreground joined to the overlapping runs of the row above, union-find over runs),
 * any other case element by element with union-find over the structure's raster-earlier
 * neighbours. Either way the final number of an object is the order in which its first element
 * is met in C order, which is SciPy's numbering.
 */

import {
  asarray,
  castInto,
  cStrides,
  DTYPE_INFO,
  type DType,
  NdArray,
  NdImageError,
  type NoOutput,
  type OutputAs,
} from '@ndimage/core-array';
import { checkOptions, checkOutput, describeValue, optionKeys } from '@ndimage/core-array/internal';
import { foreground, foregroundView } from './foreground.js';
import { labelRuns2d } from './label-runs.js';
import { generateBinaryStructure, readStructure, type Structure } from './structure.js';
import type { ArrayInput } from './types.js';

/** Options of {@link label}. */
export interface LabelOptions {
  /**
   * Connectivity: a 3×…×3 structure of the input's rank, symmetric about its centre (the centre
   * itself is ignored). @defaultValue the cross, `generateBinaryStructure(ndim, 1)` (4-connectivity in 2-D)
   */
  structure?: ArrayInput;
  /**
   * Output dtype, or an integer array of the input's shape to fill. An output too narrow for the
   * number of objects is an error (SciPy: "insufficient bit-depth"). @defaultValue 'int32'
   */
  output?: DType | NdArray;
}

const LABEL_KEYS = optionKeys<LabelOptions>({ structure: true, output: true });

/** What {@link label} returns. */
export interface LabelResult<D extends DType = DType> {
  /** 0 for background, 1 … count for the objects. */
  labels: NdArray<D>;
  /** Number of objects. */
  count: number;
}

/** The largest label count a dtype holds exactly: its maximum, or 2^(mantissa bits + 1) for floats. */
function largestLabel(dtype: DType): number {
  if (dtype === 'float32') return 2 ** 24;
  if (dtype === 'float64') return Number.MAX_SAFE_INTEGER;
  return Math.min(DTYPE_INFO[dtype].max, Number.MAX_SAFE_INTEGER);
}

/**
 * Labels the connected objects of an image: nonzero elements (NaN and negative values included;
 * neighbouring elements of different values merge) connected under `structure`.
 *
 * The textbook's object count is `label(lessEqual(im, 128)).count`.
 *
 * @throws NdImageError `ERR_SHAPE` for a structure of the wrong rank or not 3 along every axis, or
 *   an output of the wrong shape; `ERR_INVALID_ARGUMENT` for a structure that is not symmetric;
 *   `ERR_LIMIT` when the output dtype cannot hold the number of objects.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const a = array([[0, 0, 1, 1, 0, 0], [0, 0, 0, 1, 0, 0], [1, 1, 0, 0, 1, 0], [0, 0, 0, 1, 0, 0]]);
 * const { labels, count } = label(a);
 * count;            // 4
 * labels.toArray(); // [[0, 0, 1, 1, 0, 0], [0, 0, 0, 1, 0, 0], [2, 2, 0, 0, 3, 0], [0, 0, 0, 4, 0, 0]]
 * label(a, { structure: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }).count; // 2
 * ```
 * @see scipy.ndimage.label
 */
export function label(input: ArrayInput, options?: LabelOptions & NoOutput): LabelResult<'int32'>;
export function label<D extends DType>(input: ArrayInput, options: LabelOptions & OutputAs<D>): LabelResult<D>;
export function label(input: ArrayInput, options?: LabelOptions): LabelResult;
export function label(input: ArrayInput, options?: LabelOptions): LabelResult {
  const o = checkOptions(options, LABEL_KEYS);
  const a = asarray(input);
  const nd = a.ndim;
  const s =
    o.structure === undefined
      ? readStructure(generateBinaryStructure(nd, 1), nd, 'structure')
      : checkConnectivity(o.structure, nd);
  const out = resolveLabelOutput(a, o.output);
  if (nd === 0) {
    const fg = foreground(a);
    return finish(out, Int32Array.of(fg[0] ? 1 : 0), fg[0] ? 1 : 0, []);
  }
  // Read only, so a bool input is read in place.
  const fg = foregroundView(a);
  // Straight into the caller's output when it is a contiguous int32 array (no copy at the end).
  const direct =
    out instanceof NdArray && out.dtype === 'int32' && out.isContiguous()
      ? (out.data as Int32Array).subarray(out.offset, out.offset + out.size)
      : undefined;
  const result = direct ?? new Int32Array(a.size);
  if (direct !== undefined) direct.fill(0);
  const count =
    nd === 2 && s.mask[3] === 1
      ? labelRuns2d(fg, a.shape[0] as number, a.shape[1] as number, s.mask, result)
      : labelNd(fg, a.shape, s, result);
  if (direct !== undefined) return { labels: out as NdArray, count };
  return finish(out, result, count, a.shape);
}

/** Checks a `label` structure: rank, 3 along every axis, centrosymmetric. */
function checkConnectivity(value: ArrayInput, nd: number): Structure {
  const s = readStructure(value, nd, 'structure');
  if (s.shape.some((n) => n !== 3)) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`structure\` must be 3 along every axis for label; got shape ${describeValue(s.shape)}`,
      { argument: 'structure' },
    );
  }
  const m = s.mask;
  for (let i = 0; i < m.length; i++) {
    if (m[i] !== m[m.length - 1 - i]) {
      throw new NdImageError('ERR_INVALID_ARGUMENT', '`structure` must be symmetric about its centre for label', {
        argument: 'structure',
      });
    }
  }
  return s;
}

function resolveLabelOutput(a: NdArray, output: DType | NdArray | undefined): NdArray | DType {
  // Labels are counts: SciPy refuses a bool output ("output must be of integer type"), so do we.
  return checkOutput(output, a.shape, {
    dtype: 'int32',
    refuse: (d) => (d === 'bool' ? 'cannot hold labels' : undefined),
  });
}

function finish(out: NdArray | DType, labels: Int32Array, count: number, shape: readonly number[]): LabelResult {
  const dtype = out instanceof NdArray ? out.dtype : out;
  const max = largestLabel(dtype);
  if (count > max) {
    throw new NdImageError('ERR_LIMIT', `${count} objects do not fit in an output of dtype ${dtype} (at most ${max})`, {
      argument: 'output',
    });
  }
  const base = new NdArray(labels, [...shape], { dtype: 'int32' });
  if (!(out instanceof NdArray)) return { labels: out === 'int32' ? base : base.astype(out), count };
  // The labels fit the dtype (checked above), so the cast is exact.
  castInto(base, out);
  return { labels: out, count };
}

/**
 * Union-find labelling for any rank and structure: each foreground element joins the objects of
 * its raster-earlier neighbours under the structure; roots are the smallest provisional labels.
 */
function labelNd(fg: Uint8Array, shape: readonly number[], s: Structure, out: Int32Array): number {
  const nd = shape.length;
  const strides = cStrides(shape);
  // Raster-earlier neighbours: offsets d ≠ 0 with S[d], lexicographically negative.
  const offsets: number[][] = [];
  for (let i = 0; i < s.mask.length; i++) {
    if (!s.mask[i]) continue;
    const d: number[] = [];
    for (let k = nd - 1, q = i; k >= 0; k--, q = Math.floor(q / 3)) d[k] = (q % 3) - 1;
    const first = d.find((v) => v !== 0);
    if (first !== undefined && first < 0) offsets.push(d);
  }
  const deltas = offsets.map((d) => d.reduce((acc, v, k) => acc + v * (strides[k] as number), 0));
  const parent = new Int32Array(fg.length + 1);
  let next = 1;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const idx = new Array<number>(nd).fill(0);
  for (let p = 0; p < fg.length; p++) {
    if (fg[p]) {
      let lab = 0;
      for (let t = 0; t < offsets.length; t++) {
        const d = offsets[t] as number[];
        let inside = true;
        for (let k = 0; k < nd; k++) {
          const c = (idx[k] as number) + (d[k] as number);
          if (c < 0 || c >= (shape[k] as number)) {
            inside = false;
            break;
          }
        }
        if (!inside) continue;
        const q = out[p + (deltas[t] as number)] as number;
        if (q === 0) continue;
        const r = find(q);
        if (lab === 0) lab = r;
        else if (r !== lab) {
          // Keep the smaller root: it was met first.
          if (r < lab) {
            parent[lab] = r;
            lab = r;
          } else parent[r] = lab;
        }
      }
      if (lab === 0) {
        lab = next++;
        parent[lab] = lab;
      }
      out[p] = lab;
    }
    for (let k = nd - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (shape[k] as number)) break;
      idx[k] = 0;
    }
  }
  // Final numbers in the raster order of each object's first element.
  const final = new Int32Array(next);
  let count = 0;
  for (let p = 0; p < out.length; p++) {
    const q = out[p] as number;
    if (q === 0) continue;
    const r = find(q);
    if (final[r] === 0) final[r] = ++count;
    out[p] = final[r] as number;
  }
  return count;
}
