/**
 * The global half of labelling across chunks: a union–find over every chunk's local objects,
 * joined wherever two objects touch across a chunk border (under the structure's connectivity,
 * diagonal chunk neighbours included), then numbered as `scipy.ndimage.label` numbers them: in
 * raster order of each object's first element.
 */
import { NdImageError } from '@ndimage/core-array';
import type { ChunkScan } from './label-scan.js';
import { type Box, chunkBox, chunkCoords, chunkIndex, gridShape } from './region.js';

/** Disjoint sets over 0 … n−1 (path halving, union by smaller index). */
class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x] as number] as number;
      x = p[x] as number;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/** The merge's result. */
export interface LabelMerge {
  /** Number of objects in the whole image. */
  count: number;
  /** Per chunk: local label → global label (index 0 → 0). */
  maps: Int32Array[];
  /** Per chunk: local label → 1 when its object touches the image border (for fill holes). */
  border: Uint8Array[];
}

/**
 * Joins the chunk scans of an image of `shape` cut in `chunks` under the connectivity `offsets`
 * (a symmetric list of neighbour offsets).
 */
export function mergeScans(
  scans: readonly ChunkScan[],
  shape: readonly number[],
  chunks: readonly number[],
  offsets: readonly number[][],
): LabelMerge {
  const grid = gridShape(shape, chunks);
  const nd = shape.length;
  const base = new Array<number>(scans.length);
  // Global ids: base[c] + local label, 1 … parts (0 is the background).
  let parts = 0;
  scans.forEach((s, c) => {
    base[c] = parts;
    parts += s.count;
  });
  if (parts > 2 ** 31 - 2) {
    throw new NdImageError('ERR_LIMIT', `${parts} local objects across chunks: more than an int32 label holds`);
  }
  const total = parts + 1;
  const uf = new UnionFind(total);
  const boxes: Box[] = scans.map((_, c) => chunkBox(chunkCoords(c, grid), shape, chunks));
  const touches = new Uint8Array(total);
  const q = new Array<number>(nd).fill(0);
  for (let c = 0; c < scans.length; c++) {
    const scan = scans[c] as ChunkScan;
    if (scan.count === 0) continue;
    const box = boxes[c] as Box;
    for (let j = 0; j < nd; j++) {
      for (let side = 0; side < 2; side++) {
        const face = scan.faces[2 * j + side] as Int32Array;
        const atImageEdge = side === 0 ? box.start[j] === 0 : box.stop[j] === shape[j];
        const fshape = box.start.map((s, k) => (box.stop[k] as number) - s).filter((_, k) => k !== j);
        if (atImageEdge) {
          for (let i = 0; i < face.length; i++)
            if ((face[i] as number) > 0) touches[(base[c] as number) + (face[i] as number)] = 1;
          continue;
        }
        const step = side === 0 ? -1 : 1;
        const pj = side === 0 ? (box.start[j] as number) : (box.stop[j] as number) - 1;
        const outward = offsets.filter((o) => o[j] === step);
        const u = new Array<number>(nd - 1).fill(0);
        for (let i = 0; i < face.length; i++) {
          const l = face[i] as number;
          if (l > 0) {
            for (const o of outward) {
              let inside = true;
              for (let k = 0, m = 0; k < nd; k++) {
                const pk = k === j ? pj : (box.start[k] as number) + (u[m++] as number);
                const v = pk + (o[k] as number);
                if (v < 0 || v >= (shape[k] as number)) {
                  inside = false;
                  break;
                }
                q[k] = v;
              }
              if (!inside) continue;
              const g2 = q.map((v, k) => Math.floor(v / (chunks[k] as number)));
              const c2 = chunkIndex(g2, grid);
              const box2 = boxes[c2] as Box;
              // q lies on c2's face along j facing this chunk.
              const face2 = (scans[c2] as ChunkScan).faces[2 * j + (1 - side)] as Int32Array;
              let at = 0;
              for (let k = 0; k < nd; k++) {
                if (k === j) continue;
                at =
                  at * ((box2.stop[k] as number) - (box2.start[k] as number)) +
                  ((q[k] as number) - (box2.start[k] as number));
              }
              const l2 = face2[at] as number;
              if (l2 > 0) uf.union((base[c] as number) + l, (base[c2] as number) + l2);
            }
          }
          // Next face element (C order over the face's shape).
          for (let m = nd - 2; m >= 0; m--) {
            u[m] = (u[m] as number) + 1;
            if ((u[m] as number) < (fshape[m] as number)) break;
            u[m] = 0;
          }
        }
      }
    }
  }
  // Each object's first element: the smallest over its parts.
  const first = new Float64Array(total).fill(Number.POSITIVE_INFINITY);
  const rootTouches = new Uint8Array(total);
  for (let c = 0; c < scans.length; c++) {
    const s = scans[c] as ChunkScan;
    for (let l = 1; l <= s.count; l++) {
      const g = (base[c] as number) + l;
      const r = uf.find(g);
      const f = s.first[l] as number;
      if (f < (first[r] as number)) first[r] = f;
      if (touches[g]) rootTouches[r] = 1;
    }
  }
  const roots: number[] = [];
  for (let g = 1; g < total; g++) if (uf.parent[g] === g) roots.push(g);
  roots.sort((a, b) => (first[a] as number) - (first[b] as number));
  const final = new Int32Array(total);
  roots.forEach((r, i) => {
    final[r] = i + 1;
  });
  const maps: Int32Array[] = [];
  const border: Uint8Array[] = [];
  for (let c = 0; c < scans.length; c++) {
    const s = scans[c] as ChunkScan;
    const m = new Int32Array(s.count + 1);
    const b = new Uint8Array(s.count + 1);
    for (let l = 1; l <= s.count; l++) {
      const r = uf.find((base[c] as number) + l);
      m[l] = final[r] as number;
      b[l] = rootTouches[r] as number;
    }
    maps.push(m);
    border.push(b);
  }
  return { count: roots.length, maps, border };
}
