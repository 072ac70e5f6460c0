/**
 * scikit-image's `_denoise_tv_chambolle_nd` for the common case, a 2-D float64 image, in two
 * fused passes per iteration instead of skimage's dozen whole-array NumPy statements. In float64
 * an intermediate stored to an array is the same number as one kept in a register, so fusing
 * statements changes nothing as long as each element's operations keep skimage's order, which
 * they do here; the two sums are NumPy's pairwise sums over the same arrays, so the energy — and
 * with it the iteration at which skimage stops — is skimage's too.
 */
import { pairwiseTotal } from './pairwise.js';

/** Returns the denoised image of `img` (h×w, C order). */
export function chambolle2d(
  img: Float64Array,
  h: number,
  w: number,
  weight: number,
  eps: number,
  maxNumIter: number,
): Float64Array {
  const n = h * w;
  const p0 = new Float64Array(n); // along axis 0 (rows)
  const p1 = new Float64Array(n); // along axis 1 (columns)
  const sq = new Float64Array(n); // d², then summed
  const norm = new Float64Array(n); // |∇out|, then summed
  let out = new Float64Array(n);
  let spare = new Float64Array(n);
  const tau = 1 / 4; // 1 / (2·ndim)
  const scale = tau / weight;
  let eInit = 0;
  let ePrev = 0;
  for (let i = 0; i < maxNumIter; i++) {
    // d = −(p0 + p1) + p0[row above] + p1[column left]; out = image + d; d² for the energy.
    const next = spare;
    if (i === 0) {
      next.set(img);
      sq.fill(0);
    } else {
      for (let r = 0; r < h; r++) {
        const row = r * w;
        for (let c = 0; c < w; c++) {
          const k = row + c;
          let d = -((p0[k] as number) + (p1[k] as number));
          if (r > 0) d += p0[k - w] as number;
          if (c > 0) d += p1[k - 1] as number;
          next[k] = (img[k] as number) + d;
          sq[k] = d * d;
        }
      }
    }
    spare = out;
    out = next;
    let E = pairwiseTotal(sq);
    // g = forward differences of out (0 across the last row/column); norm = √(g0² + g1²);
    // p ← (p − τ·g) / (1 + (τ/weight)·norm).
    for (let r = 0; r < h; r++) {
      const row = r * w;
      for (let c = 0; c < w; c++) {
        const k = row + c;
        const o = out[k] as number;
        const g0 = r + 1 < h ? (out[k + w] as number) - o : 0;
        const g1 = c + 1 < w ? (out[k + 1] as number) - o : 0;
        const nrm = Math.sqrt(g0 * g0 + g1 * g1);
        norm[k] = nrm;
        const den = nrm * scale + 1;
        p0[k] = ((p0[k] as number) - tau * g0) / den;
        p1[k] = ((p1[k] as number) - tau * g1) / den;
      }
    }
    E += weight * pairwiseTotal(norm);
    E /= n;
    if (i === 0) {
      eInit = E;
      ePrev = E;
    } else if (Math.abs(ePrev - E) < eps * eInit) break;
    else ePrev = E;
  }
  return out;
}
