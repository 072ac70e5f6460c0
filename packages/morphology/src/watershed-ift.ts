/**
 * `watershedIft`: SciPy's watershed from markers by the image foresting transform (Falcão, Stolfi
 * and Lotufo, PAMI 2004).
 */
import {
  asarray,
  type DType,
  type DTypeOf,
  isBigIntDType,
  NdArray,
  NdImageError,
  type NoOutput,
  type OutputAs,
  shapesEqual,
} from '@ndimage/core-array';
import { allocate, checkOptions, describeValue, optionKeys, resolveOutput } from '@ndimage/core-array/internal';
import { generateBinaryStructure, readStructure } from './structure.js';
import type { ArrayInput } from './types.js';

/** Options of {@link watershedIft}. */
export interface WatershedIftOptions {
  /** The connectivity: a 3×…×3 structure of the input's rank (nonzero = neighbour). @defaultValue the cross, `generateBinaryStructure(ndim, 1)` */
  structure?: ArrayInput;
  /**
   * A signed integer dtype (`'int8'`, `'int16'`, `'int32'`, `'int64'`) for a new result, or an
   * array of the input's shape and of one of those dtypes to write into and return.
   * @defaultValue the markers' dtype
   */
  output?: DType | NdArray;
}

const WATERSHED_KEYS = optionKeys<WatershedIftOptions>({ structure: true, output: true });
const LABEL_DTYPES: readonly DType[] = ['int8', 'int16', 'int32', 'int64'];

/**
 * Watershed by the image foresting transform: every element gets the label of the marker it is
 * joined to by the path whose largest step |input[p] − input[q]| is smallest. `markers` holds
 * the seeds (nonzero labels; negative labels are background markers, flooded after the others)
 * and 0 elsewhere; `input` is a uint8 or uint16 image (usually a gradient, or an inverted
 * distance transform to split touching objects).
 *
 * The queue is SciPy's, element for element — one bucket per cost, object markers and their
 * neighbours taken last-in-first-out and background ones first-in-first-out, its list
 * bookkeeping quirks included — so ties between labels fall as they fall in SciPy. Two SciPy 1.10
 * bugs are not reproduced: SciPy's neighbour test lets a flood step from the end of a row to the
 * start of the next one (and likewise across the other axes but the first), and with a uint16
 * image whose maximum is 65535 SciPy's 16-bit costs overflow and nothing is flooded.
 *
 * @param input - uint8 or uint16 image.
 * @param markers - signed integer labels (int8, int16, int32 or int64) of the input's shape.
 * @returns The labels, of the markers' dtype (or `output`'s).
 * @throws NdImageError `ERR_DTYPE` for another input, markers or output dtype; `ERR_SHAPE` for
 *   markers, output or structure of the wrong shape.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const im = array([[0, 1, 9, 2, 0], [0, 1, 9, 2, 0]], { dtype: 'uint8' });
 * const markers = array([[1, 0, 0, 0, 2], [1, 0, 0, 0, 2]], { dtype: 'int32' });
 * watershedIft(im, markers).toArray(); // [[1, 1, 2, 2, 2], [1, 1, 2, 2, 2]]  (the ridge: a tie, won by 2 as in SciPy)
 * ```
 * @see scipy.ndimage.watershed_ift
 */
export function watershedIft<M extends ArrayInput>(
  input: ArrayInput,
  markers: M,
  options?: WatershedIftOptions & NoOutput,
): NdArray<DTypeOf<M>>;
export function watershedIft<D extends DType>(
  input: ArrayInput,
  markers: ArrayInput,
  options: WatershedIftOptions & OutputAs<D>,
): NdArray<D>;
export function watershedIft(input: ArrayInput, markers: ArrayInput, options?: WatershedIftOptions): NdArray;
export function watershedIft(input: ArrayInput, markers: ArrayInput, options?: WatershedIftOptions): NdArray {
  const o = checkOptions(options, WATERSHED_KEYS);
  const a = asarray(input as never);
  if (a.dtype !== 'uint8' && a.dtype !== 'uint16') {
    throw new NdImageError('ERR_DTYPE', `\`input\` must be uint8 or uint16; got ${a.dtype}`, { argument: 'input' });
  }
  const m = asarray(markers as never);
  if (!shapesEqual(m.shape, a.shape)) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`markers\` has shape ${describeValue([...m.shape])}; the input has shape ${describeValue([...a.shape])}`,
      { argument: 'markers' },
    );
  }
  if (!LABEL_DTYPES.includes(m.dtype)) {
    throw new NdImageError('ERR_DTYPE', `\`markers\` must be int8, int16, int32 or int64; got ${m.dtype}`, {
      argument: 'markers',
    });
  }
  const out = resolveLabels(o.output, m, a.shape);
  const nd = a.ndim;
  const mask =
    o.structure === undefined || o.structure === null
      ? (generateBinaryStructure(nd, 1).data as Uint8Array)
      : structureMask(o.structure, nd);
  const values = readValues(a);
  const seeds = readMarkers(m);
  const labels = flood(values, seeds, [...a.shape], mask, out.dtype);
  writeLabels(labels, out);
  return out;
}

function resolveLabels(output: DType | NdArray | undefined, m: NdArray, shape: readonly number[]): NdArray {
  return resolveOutput(output, shape, {
    dtype: m.dtype,
    refuse: (d) => (LABEL_DTYPES.includes(d) ? undefined : 'is not a signed integer dtype (int8, int16, int32, int64)'),
  });
}

function structureMask(structure: ArrayInput, nd: number): Uint8Array {
  const s = readStructure(structure, nd, 'structure');
  if (s.shape.some((n) => n !== 3)) {
    throw new NdImageError(
      'ERR_SHAPE',
      `\`structure\` must be 3 along every axis; got shape ${describeValue([...s.shape])}`,
      { argument: 'structure' },
    );
  }
  return s.mask;
}

/** The image as Int32 values, C order. */
function readValues(a: NdArray): Int32Array {
  const c = a.toContiguous();
  const d = c.data as Uint8Array | Uint16Array;
  const out = new Int32Array(c.size);
  out.set(d.subarray(c.offset, c.offset + c.size));
  return out;
}

/** The markers as C ints, as SciPy reads them (int64 keeps its low 32 bits), C order. */
function readMarkers(m: NdArray): Int32Array {
  const c = m.toContiguous();
  if (isBigIntDType(c.dtype)) {
    const d = c.data as BigInt64Array;
    const out = new Int32Array(c.size);
    for (let i = 0; i < out.length; i++) out[i] = Number(BigInt.asIntN(32, d[c.offset + i] as bigint));
    return out;
  }
  const d = c.data as Int8Array | Int16Array | Int32Array;
  const out = new Int32Array(c.size);
  out.set(d.subarray(c.offset, c.offset + c.size));
  return out;
}

function writeLabels(labels: Int32Array, out: NdArray): void {
  const src = new NdArray(labels, [...out.shape], { dtype: 'int32' });
  if (out.dtype === 'int32' && out.isContiguous()) {
    (out.data as Int32Array).set(labels, out.offset);
    return;
  }
  // Values already fit the output dtype (wrapped when they were set); castInto handles strides.
  castLabels(src, out);
}

function castLabels(src: NdArray, out: NdArray): void {
  const nd = out.ndim;
  const idx = new Array<number>(nd).fill(0);
  const s = src.data as Int32Array;
  const big = isBigIntDType(out.dtype);
  const d = out.data as Int8Array | Int16Array | Int32Array | BigInt64Array;
  for (let p = 0; p < s.length; p++) {
    let at = out.offset;
    for (let k = 0; k < nd; k++) at += (idx[k] as number) * (out.strides[k] as number);
    if (big) (d as BigInt64Array)[at] = BigInt(s[p] as number);
    else (d as Int32Array)[at] = s[p] as number;
    for (let k = nd - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (out.shape[k] as number)) break;
      idx[k] = 0;
    }
  }
}

const NONE = -1;

// One record of four int32 per element, so that visiting a neighbour touches one cache line
// (SciPy's queue elements are records too): its cost (with DONE set once dequeued), the links of
// SciPy's doubly linked bucket lists (NONE for null), and its label.
const COST = 0;
const NEXT = 1;
const PREV = 2;
const LABEL = 3;
const DONE = 1 << 30;

/**
 * The flood, on C-order arrays; returns the labels. Per cost: the first and last element of its
 * bucket.
 *
 * SciPy's list handling is kept exactly, because it decides the order of ties: dequeuing does not
 * reset the bucket's `last`; an element counts as queued only when one of its links is set (so one
 * alone in its bucket is not unlinked when its cost drops); insertion is at the front for labels
 * ≥ 0 and at the back for negative ones.
 */
function flood(values: Int32Array, seeds: Int32Array, shape: number[], mask: Uint8Array, dtype: DType): Int32Array {
  const size = values.length;
  if (size === 0) return new Int32Array(0);
  let maxval = 0;
  for (let i = 0; i < size; i++) if ((values[i] as number) > maxval) maxval = values[i] as number;
  const node = allocate('int32', 4 * size);
  const first = new Int32Array(maxval + 1).fill(NONE);
  const last = new Int32Array(maxval + 1).fill(NONE);
  seedQueue(node, first, last, seeds, maxval, dtype === 'int8' ? 24 : dtype === 'int16' ? 16 : 0);
  const { offsets, deltas } = neighbours(mask, shape);
  propagate(node, first, last, values, shape, offsets, deltas, maxval);
  const labels = new Int32Array(size);
  for (let p = 0; p < size; p++) labels[p] = node[4 * p + LABEL] as number;
  return labels;
}

/**
 * Every element's record: its label (the marker as the output dtype stores it: `shift` bits
 * shifted out and back), cost 0 for markers (queued in bucket 0: object markers at the front,
 * background ones at the back, in C order) and maxval + 1 for the rest.
 */
function seedQueue(
  node: Int32Array,
  first: Int32Array,
  last: Int32Array,
  seeds: Int32Array,
  maxval: number,
  shift: number,
): void {
  for (let j = 0; j < seeds.length; j++) {
    const label = seeds[j] as number;
    const at = 4 * j;
    node[at + LABEL] = (label << shift) >> shift;
    node[at + NEXT] = NONE;
    node[at + PREV] = NONE;
    if (label === 0) {
      node[at + COST] = maxval + 1;
      continue;
    }
    node[at + COST] = 0;
    const head = first[0] as number;
    if (head === NONE) {
      first[0] = j;
      last[0] = j;
    } else if (label > 0) {
      node[at + NEXT] = head;
      node[4 * head + PREV] = j;
      first[0] = j;
    } else {
      const tail = last[0] as number;
      node[at + PREV] = tail;
      node[4 * tail + NEXT] = j;
      last[0] = j;
    }
  }
}

/** Takes the buckets in increasing cost, each element off the front, and relaxes its neighbours. */
function propagate(
  node: Int32Array,
  first: Int32Array,
  last: Int32Array,
  values: Int32Array,
  shape: number[],
  offsets: Int32Array,
  deltas: Int8Array,
  maxval: number,
): void {
  const nd = shape.length;
  const k = offsets.length;
  const coord = new Int32Array(nd);
  const strides = new Int32Array(nd);
  const dims = Int32Array.from(shape);
  for (let ax = nd - 1, acc = 1; ax >= 0; ax--) {
    strides[ax] = acc;
    acc *= dims[ax] as number;
  }
  for (let jj = 0; jj <= maxval; jj++) {
    while (first[jj] !== NONE) {
      const v = first[jj] as number;
      const va = 4 * v;
      const after = node[va + NEXT] as number;
      first[jj] = after;
      if (after !== NONE) node[4 * after + PREV] = NONE;
      node[va + PREV] = NONE;
      node[va + NEXT] = NONE;
      const vcost = (node[va + COST] as number) & ~DONE;
      node[va + COST] = vcost | DONE;
      // v's coordinates, and whether every neighbour is inside (then no per-neighbour test).
      let interior = true;
      for (let ax = 0, f = v; ax < nd; ax++) {
        const st = strides[ax] as number;
        const c = (f / st) | 0;
        coord[ax] = c;
        f -= c * st;
        if (c === 0 || c === (dims[ax] as number) - 1) interior = false;
      }
      const vval = values[v] as number;
      const label = node[va + LABEL] as number;
      for (let h = 0; h < k; h++) {
        if (!interior && !inside(coord, deltas, h, dims)) continue;
        const p = v + (offsets[h] as number);
        const pa = 4 * p;
        const pcost = node[pa + COST] as number;
        if (pcost >= DONE) continue;
        const wvp = Math.abs((values[p] as number) - vval);
        const max = Math.max(vcost, wvp);
        if (max >= pcost) continue;
        node[pa + COST] = max;
        node[pa + LABEL] = label;
        const pn = node[pa + NEXT] as number;
        const pp = node[pa + PREV] as number;
        if (pn !== NONE || pp !== NONE) {
          if (first[pcost] === p) first[pcost] = pn;
          if (last[pcost] === p) last[pcost] = pp;
          if (pp !== NONE) node[4 * pp + NEXT] = pn;
          if (pn !== NONE) node[4 * pn + PREV] = pp;
        }
        if (label < 0) {
          const tail = last[max] as number;
          node[pa + PREV] = tail;
          node[pa + NEXT] = NONE;
          if (tail !== NONE) node[4 * tail + NEXT] = p;
          last[max] = p;
          if (first[max] === NONE) first[max] = p;
        } else {
          const head = first[max] as number;
          node[pa + NEXT] = head;
          node[pa + PREV] = NONE;
          if (head !== NONE) node[4 * head + PREV] = p;
          first[max] = p;
          if (last[max] === NONE) last[max] = p;
        }
      }
    }
  }
}

/** Whether neighbour h of the element at `coord` lies inside the array. */
function inside(coord: Int32Array, deltas: Int8Array, h: number, shape: Int32Array): boolean {
  const nd = shape.length;
  for (let ax = 0; ax < nd; ax++) {
    const c = (coord[ax] as number) + (deltas[h * nd + ax] as number);
    if (c < 0 || c >= (shape[ax] as number)) return false;
  }
  return true;
}

/** The structure's true elements other than the centre, C order: linear offsets and per-axis steps. */
function neighbours(mask: Uint8Array, shape: number[]): { offsets: Int32Array; deltas: Int8Array } {
  const nd = shape.length;
  const strides = new Array<number>(nd);
  for (let ax = nd - 1, acc = 1; ax >= 0; ax--) {
    strides[ax] = acc;
    acc *= shape[ax] as number;
  }
  const offsets: number[] = [];
  const deltas: number[] = [];
  for (let e = 0; e < mask.length; e++) {
    if (!mask[e]) continue;
    const step = new Array<number>(nd);
    for (let ax = nd - 1, q = e; ax >= 0; ax--, q = Math.floor(q / 3)) step[ax] = (q % 3) - 1;
    if (step.every((s) => s === 0)) continue;
    offsets.push(step.reduce((s, d, ax) => s + d * (strides[ax] as number), 0));
    deltas.push(...step);
  }
  return { offsets: Int32Array.from(offsets), deltas: Int8Array.from(deltas) };
}
