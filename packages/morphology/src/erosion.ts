/**
 * The core of binary morphology: one erosion pass, any rank and structure, on C-order 0/1 bytes.
 *
 * The structure is cut into segments along the last axis; an element survives when, for every
 * segment, the row it lands on has a run of ones covering the segment. Runs are read from a
 * per-row count of consecutive ones (computed once per pass), so a segment of any length costs
 * one comparison per element: a 9×5 box is 9 comparisons, a 3×3 cross 3. Elements outside the
 * image read as `border`.
 */
import type { Structure } from './structure.js';

/** A structure prepared for erosion: its segments along the last axis. */
export interface Segments {
  /** Offsets along the leading axes (element − centre − origin), one row per segment. */
  lead: Int32Array[];
  /** Offset along the last axis of each segment's last element. */
  end: Int32Array;
  /** Length of each segment. */
  len: Int32Array;
  /** How far the segments reach left and right along the last axis (padding). */
  padL: number;
  padR: number;
  /** True when the structure has no true element (erosion is then all ones). */
  empty: boolean;
}

/** Cuts structure `s` with `origin` into last-axis segments. */
export function segmentsOf(s: Structure, origin: readonly number[]): Segments {
  const nd = s.shape.length;
  const last = s.shape[nd - 1] as number;
  const centre = s.shape.map((n, i) => (n >> 1) + (origin[i] as number));
  const lead: Int32Array[] = [];
  const end: number[] = [];
  const len: number[] = [];
  let padL = 0;
  let padR = 0;
  const lines = s.mask.length / last;
  const idx = new Array<number>(Math.max(nd - 1, 0)).fill(0);
  for (let line = 0; line < lines; line++) {
    const base = line * last;
    let k = 0;
    while (k < last) {
      while (k < last && !s.mask[base + k]) k++;
      if (k === last) break;
      const a = k;
      while (k < last && s.mask[base + k]) k++;
      const lo = a - (centre[nd - 1] as number);
      const hi = k - 1 - (centre[nd - 1] as number);
      lead.push(Int32Array.from(idx, (v, i) => v - (centre[i] as number)));
      end.push(hi);
      len.push(k - a);
      padL = Math.max(padL, -lo);
      padR = Math.max(padR, hi);
    }
    for (let ax = nd - 2; ax >= 0; ax--) {
      idx[ax] = (idx[ax] as number) + 1;
      if ((idx[ax] as number) < (s.shape[ax] as number)) break;
      idx[ax] = 0;
    }
  }
  return { lead, end: Int32Array.from(end), len: Int32Array.from(len), padL, padR, empty: lead.length === 0 };
}

/**
 * One erosion pass: `out[i]` = AND over the structure of `src` (0/1, C order, `shape`), outside
 * = `border`; where `mask` is 0 the result is `keep[i]` (SciPy: masked elements keep the input).
 * Returns the number of elements that differ from `prev` when given (for iterating to stability).
 */
export function erodeOnce(
  src: Uint8Array,
  shape: readonly number[],
  seg: Segments,
  border: number,
  out: Uint8Array,
  mask?: Uint8Array,
  keep?: Uint8Array,
): void {
  const nd = shape.length;
  const w = shape[nd - 1] as number;
  const rows = w === 0 ? 0 : src.length / w;
  if (seg.empty) {
    out.fill(1);
  } else {
    const pw = w + seg.padL + seg.padR;
    // counts[r·pw + p]: consecutive ones ending at padded position p of row r (border included).
    const counts = new Int32Array(rows * pw);
    const b = border ? 1 : 0;
    for (let r = 0; r < rows; r++) {
      const at = r * pw;
      const from = r * w;
      let c = 0;
      for (let p = 0; p < seg.padL; p++) {
        c = (c + 1) * b;
        counts[at + p] = c;
      }
      for (let j = 0; j < w; j++) {
        c = (c + 1) * (src[from + j] as number);
        counts[at + seg.padL + j] = c;
      }
      for (let p = seg.padL + w; p < pw; p++) {
        c = (c + 1) * b;
        counts[at + p] = c;
      }
    }
    const leadShape = shape.slice(0, nd - 1);
    const leadStrides = new Array<number>(nd - 1);
    let acc = 1;
    for (let k = nd - 2; k >= 0; k--) {
      leadStrides[k] = acc;
      acc *= leadShape[k] as number;
    }
    const idx = new Array<number>(nd - 1).fill(0);
    const nseg = seg.lead.length;
    for (let r = 0; r < rows; r++) {
      const o = r * w;
      out.fill(1, o, o + w);
      for (let t = 0; t < nseg; t++) {
        const d = seg.lead[t] as Int32Array;
        let sr = 0;
        let inside = true;
        for (let k = 0; k < nd - 1; k++) {
          const c = (idx[k] as number) + (d[k] as number);
          if (c < 0 || c >= (leadShape[k] as number)) {
            inside = false;
            break;
          }
          sr += c * (leadStrides[k] as number);
        }
        if (!inside) {
          if (!b) out.fill(0, o, o + w);
          continue;
        }
        const L = seg.len[t] as number;
        // Element j's segment ends at padded position padL + j + end.
        const at = sr * pw + seg.padL + (seg.end[t] as number);
        const lm1 = L - 1;
        for (let j = 0; j < w; j++) out[o + j] = (out[o + j] as number) & ((lm1 - (counts[at + j] as number)) >>> 31);
      }
      for (let k = nd - 2; k >= 0; k--) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (leadShape[k] as number)) break;
        idx[k] = 0;
      }
    }
  }
  if (mask !== undefined && keep !== undefined) {
    for (let i = 0; i < out.length; i++) if (!mask[i]) out[i] = keep[i] as number;
  }
}
