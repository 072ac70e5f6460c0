/**
 * Dilation iterated until nothing changes, as a flood fill: the smallest set holding the seeds
 * that also holds every element (where `mask` allows) with a neighbour in it, neighbours being the
 * erosion-form offsets of the structure (i reads i + d). Each element enters the queue at most
 * once, so the cost is O(elements × structure) however far the fill travels, where repeated passes
 * would cost a pass per step of distance.
 */
import type { Structure } from './structure.js';

/**
 * `seed` (0/1, C order) grown through `mask` (all when undefined) under `s`/`origin` in erosion
 * form; outside the image counts as `border` (1: elements next to the outside grow from it).
 */
export function propagate(
  seed: Uint8Array,
  shape: readonly number[],
  s: Structure,
  origin: readonly number[],
  border: number,
  mask?: Uint8Array,
): Uint8Array {
  const nd = shape.length;
  const n = seed.length;
  const out = seed.slice();
  if (n === 0) return out;
  // Offsets d (per axis) with S true, d = k − centre − origin.
  const offs: number[][] = [];
  const idx = new Array<number>(nd).fill(0);
  for (let e = 0; e < s.mask.length; e++) {
    if (s.mask[e]) offs.push(idx.map((k, i) => k - ((s.shape[i] as number) >> 1) - (origin[i] as number)));
    for (let k = nd - 1; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (s.shape[k] as number)) break;
      idx[k] = 0;
    }
  }
  const strides = new Array<number>(nd);
  let acc = 1;
  for (let k = nd - 1; k >= 0; k--) {
    strides[k] = acc;
    acc *= shape[k] as number;
  }
  const flat = offs.map((d) => d.reduce((q, v, k) => q + v * (strides[k] as number), 0));
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const coord = new Int32Array(nd);
  const setCoord = (p: number): void => {
    let q = p;
    for (let k = nd - 1; k >= 0; k--) {
      const m = shape[k] as number;
      coord[k] = q % m;
      q = Math.floor(q / m);
    }
  };
  for (let p = 0; p < n; p++) if (out[p]) queue[tail++] = p;
  if (border) {
    // Elements that read the outside through some offset grow from it.
    for (let p = 0; p < n; p++) {
      if (out[p] || (mask !== undefined && !mask[p])) continue;
      setCoord(p);
      let outside = false;
      for (let t = 0; t < offs.length && !outside; t++) {
        const d = offs[t] as number[];
        for (let k = 0; k < nd; k++) {
          const c = (coord[k] as number) + (d[k] as number);
          if (c < 0 || c >= (shape[k] as number)) {
            outside = true;
            break;
          }
        }
      }
      if (outside) {
        out[p] = 1;
        queue[tail++] = p;
      }
    }
  }
  // From a true element j, the elements i with i + d = j may become true.
  while (head < tail) {
    const j = queue[head++] as number;
    setCoord(j);
    for (let t = 0; t < offs.length; t++) {
      const d = offs[t] as number[];
      let inside = true;
      for (let k = 0; k < nd; k++) {
        const c = (coord[k] as number) - (d[k] as number);
        if (c < 0 || c >= (shape[k] as number)) {
          inside = false;
          break;
        }
      }
      if (!inside) continue;
      const i = j - (flat[t] as number);
      if (out[i] || (mask !== undefined && !mask[i])) continue;
      out[i] = 1;
      queue[tail++] = i;
    }
  }
  return out;
}
