/**
 * The per-chunk half of labelling across chunks: label the chunk on its own (SciPy's raster
 * order within the chunk), note each local object's first element as a global raster index, and
 * keep the labels of the chunk's faces for the merge.
 */
import { asarray, type NdArray, NdImageError } from '@ndimage/core-array';
import { label } from '@ndimage/morphology';
import { type Box, boxShape, stridesOf } from './region.js';

/** What the scan of one chunk reports (all typed arrays: cheap to transfer between threads). */
export interface ChunkScan {
  /** Local objects: labels 1 … count. */
  count: number;
  /** Global raster index of each local object's first element (index 0 unused). */
  first: Float64Array;
  /** Labels on the chunk's faces: `faces[2k]` the first slice along axis k, `faces[2k + 1]` the last. */
  faces: Int32Array[];
}

/** The structure as a list of neighbour offsets (centre excluded), checked like label's. */
export function structureOffsets(structure: unknown, ndim: number): number[][] {
  const s =
    structure === undefined || structure === null
      ? undefined
      : (() => {
          const a = asarray(structure as never);
          if (a.ndim !== ndim || a.shape.some((n) => n !== 3)) {
            throw new NdImageError(
              'ERR_SHAPE',
              `\`structure\` must be 3 along each of the input's ${ndim} axes; got [${a.shape}]`,
              {
                argument: 'structure',
              },
            );
          }
          return a;
        })();
  const out: number[][] = [];
  const idx = new Array<number>(ndim).fill(0);
  const total = 3 ** ndim;
  for (let flat = 0; flat < total; flat++) {
    let r = flat;
    for (let k = ndim - 1; k >= 0; k--) {
      idx[k] = (r % 3) - 1;
      r = Math.floor(r / 3);
    }
    if (idx.every((v) => v === 0)) continue;
    const on =
      s === undefined ? idx.filter((v) => v !== 0).length === 1 : Number(s.get(...idx.map((v) => v + 1))) !== 0;
    if (on) out.push(idx.slice());
  }
  return out;
}

/** Labels one chunk (already read) and reports its scan. */
export function scanChunk(
  data: NdArray,
  core: Box,
  imageShape: readonly number[],
  structure: unknown,
): { scan: ChunkScan; labels: Int32Array } {
  const { labels, count } = label(data, structure === undefined ? {} : { structure: structure as never });
  const lab = labels.toContiguous().data as Int32Array;
  const shape = boxShape(core);
  const nd = shape.length;
  const first = new Float64Array(count + 1);
  const gs = stridesOf(imageShape);
  let next = 1;
  if (count > 0) {
    const idx = new Array<number>(nd).fill(0);
    for (let i = 0; i < lab.length && next <= count; i++) {
      if (lab[i] === next) {
        let g = 0;
        for (let k = 0; k < nd; k++) g += ((core.start[k] as number) + (idx[k] as number)) * (gs[k] as number);
        first[next] = g;
        next++;
      }
      for (let k = nd - 1; k >= 0; k--) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (shape[k] as number)) break;
        idx[k] = 0;
      }
    }
  }
  const faces: Int32Array[] = [];
  for (let k = 0; k < nd; k++) {
    faces.push(faceOf(lab, shape, k, 0), faceOf(lab, shape, k, (shape[k] as number) - 1));
  }
  return { scan: { count, first, faces }, labels: lab };
}

/** The slice at `at` along `axis` of a C-contiguous array, as a C-contiguous copy. */
function faceOf(lab: Int32Array, shape: readonly number[], axis: number, at: number): Int32Array {
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const n = shape[axis] as number;
  const out = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) out.set(lab.subarray((o * n + at) * inner, (o * n + at + 1) * inner), o * inner);
  return out;
}
