/**
 * `watershedIft`: SciPy's watershed from markers by the image foresting transform (Falcão, Stolfi
 * and Lotufo, PAMI 2004).
 */
import { asarray, type DType, isBigIntDType, NdArray, NdImageError, shapesEqual } from '@ndimage/core-array';
import { allocate, checkOptions, describeValue, optionKeys } from '@ndimage/core-array/internal';
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
  if (output instanceof NdArray) {
    if (!shapesEqual(output.shape, shape)) {
      throw new NdImageError(
        'ERR_SHAPE',
        `\`output\` has shape ${describeValue([...output.shape])}; the input has shape ${describeValue([...shape])}`,
        { argument: 'output' },
      );
    }
    if (!LABEL_DTYPES.includes(output.dtype)) {
      throw new NdImageError('ERR_DTYPE', `\`output\` must be int8, int16, int32 or int64; got ${output.dtype}`, {
        argument: 'output',
      });
    }
    return output;
  }
  const dtype = output ?? m.dtype;
  if (!LABEL_DTYPES.includes(dtype)) {
    throw new NdImageError(
      'ERR_DTYPE',
      `\`output\` must be 'int8', 'int16', 'int32' or 'int64'; got ${describeValue(dtype)}`,
      {
        argument: 'output',
      },
    );
  }
  return new NdArray(allocate(dtype, m.size), [...shape], { dtype });
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
  return Int32Array.from(d.subarray(c.offset, c.offset + c.size));
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
  return Int32Array.from(d.subarray(c.offset, c.offset + c.size));
}

/** A C int as the output dtype stores it. */
function wrapLabel(v: number, dtype: DType): number {
  if (dtype === 'int8') return (v << 24) >> 24;
  if (dtype === 'int16') return (v << 16) >> 16;
  return v;
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

/**
 * The flood, on C-order arrays. Per element: cost, done flag, and the links of SciPy's doubly
 * linked bucket lists (NONE for null); per cost: the first and last element of its bucket.
 *
 * SciPy's list handling is kept exactly, because it decides the order of ties: dequeuing does not
 * reset the bucket's `last`; an element counts as queued only when one of its links is set (so one
 * alone in its bucket is not unlinked when its cost drops); insertion is at the front for labels
 * ≥ 0 and at the back for negative ones.
 */
function flood(values: Int32Array, seeds: Int32Array, shape: number[], mask: Uint8Array, dtype: DType): Int32Array {
  const size = values.length;
  const labels = new Int32Array(size);
  if (size === 0) return labels;
  let maxval = 0;
  for (let i = 0; i < size; i++) if ((values[i] as number) > maxval) maxval = values[i] as number;
  const cost = new Int32Array(size);
  const done = new Uint8Array(size);
  const next = new Int32Array(size).fill(NONE);
  const prev = new Int32Array(size).fill(NONE);
  const first = new Int32Array(maxval + 1).fill(NONE);
  const last = new Int32Array(maxval + 1).fill(NONE);
  for (let j = 0; j < size; j++) {
    const label = seeds[j] as number;
    labels[j] = wrapLabel(label, dtype);
    if (label === 0) {
      cost[j] = maxval + 1;
      continue;
    }
    cost[j] = 0;
    if (first[0] === NONE) {
      first[0] = j;
      last[0] = j;
    } else if (label > 0) {
      // Object markers go to the front: processed before the background ones.
      next[j] = first[0] as number;
      prev[first[0] as number] = j;
      first[0] = j;
    } else {
      prev[j] = last[0] as number;
      next[last[0] as number] = j;
      last[0] = j;
    }
  }
  const { offsets, deltas } = neighbours(mask, shape);
  const nd = shape.length;
  const k = offsets.length;
  const coord = new Int32Array(nd);
  const strides = new Int32Array(nd);
  for (let ax = nd - 1, acc = 1; ax >= 0; ax--) {
    strides[ax] = acc;
    acc *= shape[ax] as number;
  }
  for (let jj = 0; jj <= maxval; jj++) {
    while (first[jj] !== NONE) {
      const v = first[jj] as number;
      const after = next[v] as number;
      first[jj] = after;
      if (after !== NONE) prev[after] = NONE;
      prev[v] = NONE;
      next[v] = NONE;
      done[v] = 1;
      // v's coordinates, and whether every neighbour is inside (then no per-neighbour test).
      let interior = true;
      for (let ax = 0, f = v; ax < nd; ax++) {
        const c = Math.floor(f / (strides[ax] as number));
        coord[ax] = c;
        f -= c * (strides[ax] as number);
        if (c === 0 || c === (shape[ax] as number) - 1) interior = false;
      }
      const vval = values[v] as number;
      const vcost = cost[v] as number;
      const label = labels[v] as number;
      for (let h = 0; h < k; h++) {
        if (!interior && !inside(coord, deltas, h, shape)) continue;
        const p = v + (offsets[h] as number);
        if (done[p]) continue;
        let wvp = (values[p] as number) - vval;
        if (wvp < 0) wvp = -wvp;
        const pcost = cost[p] as number;
        const max = Math.max(vcost, wvp);
        if (max >= pcost) continue;
        cost[p] = max;
        labels[p] = label;
        const pn = next[p] as number;
        const pp = prev[p] as number;
        if (pn !== NONE || pp !== NONE) {
          if (first[pcost] === p) first[pcost] = pn;
          if (last[pcost] === p) last[pcost] = pp;
          if (pp !== NONE) next[pp] = pn;
          if (pn !== NONE) prev[pn] = pp;
        }
        if (label < 0) {
          const tail = last[max] as number;
          prev[p] = tail;
          next[p] = NONE;
          if (tail !== NONE) next[tail] = p;
          last[max] = p;
          if (first[max] === NONE) first[max] = p;
        } else {
          const head = first[max] as number;
          next[p] = head;
          prev[p] = NONE;
          if (head !== NONE) prev[head] = p;
          first[max] = p;
          if (last[max] === NONE) last[max] = p;
        }
      }
    }
  }
  return labels;
}

/** Whether neighbour h of the element at `coord` lies inside the array. */
function inside(coord: Int32Array, deltas: Int8Array, h: number, shape: number[]): boolean {
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
