/**
 * scikit-image's `restoration.denoise_tv_chambolle` (0.19), for code ported from Python: the
 * same conversion of integer images to [0, 1] (or [−1, 1]), the same semi-implicit Chambolle
 * (2004) iteration with τ = 1/(2·ndim) and Neumann differences, the same stopping rule on the
 * change of its energy, any rank, and `channelAxis`. Every NumPy statement of skimage's loop is
 * one loop here storing into an array of the working dtype (float64, or float32 for float32
 * images, as in skimage), and its sums are NumPy's pairwise sums, so results match skimage's.
 */
import { asarray, castInto, NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import {
  checkFiniteNumber,
  checkInteger,
  checkOptions,
  describeValue,
  normalizeAxis,
  optionKeys,
  requireAxes,
} from '@ndimage/core-array/internal';
import { notFinite, positive } from './options.js';
import { pairwiseTotal } from './pairwise.js';
import { chambolle2d } from './skimage-2d.js';

const CHAMBOLLE_KEYS = optionKeys<DenoiseTvChambolleOptions>({
  weight: true,
  eps: true,
  maxNumIter: true,
  channelAxis: true,
});

/** Options of {@link denoiseTvChambolle}. */
export interface DenoiseTvChambolleOptions {
  /** Denoising weight (on the [0, 1]-scaled image): larger smooths more. @defaultValue 0.1 */
  weight?: number;
  /** Stop when the energy changes by less than `eps` × the first iteration's energy. @defaultValue 2e-4 */
  eps?: number;
  /** Iterations at most. @defaultValue 200 */
  maxNumIter?: number;
  /** The axis of colour channels, denoised one by one; none: the whole array is one n-D image. @defaultValue none */
  channelAxis?: number | null;
}

type Work = Float64Array | Float32Array;

const INT_MAX: Record<string, number> = {
  uint8: 255,
  uint16: 65535,
  uint32: 4294967295,
  uint64: 2 ** 64 - 1, // as a double (2⁶⁴), which is what Python divides by too
  int8: 127,
  int16: 32767,
  int32: 2147483647,
  int64: 2 ** 63 - 1,
};

/**
 * Total-variation denoising with scikit-image's semantics: `denoise_tv_chambolle(image, weight,
 * eps, max_num_iter, channel_axis)`. Integer images are scaled as `img_as_float` does (unsigned to
 * [0, 1], signed to [−1, 1]); float32 images are processed and returned in float32, others in
 * float64.
 *
 * @remarks
 * The iteration is Chambolle's 2004 semi-implicit dual scheme: with d = −div p and u = image + d,
 * p ← (p − τ∇u) / (1 + (τ/weight)·|∇u|), τ = 1/(2·ndim), forward differences with Neumann
 * boundaries. It tends to the minimiser of ½‖u − f‖² + weight·TV(u) on the scaled image f — the
 * objective of {@link denoiseTv} with λ = `weight` (so `weight` 0.1 on uint8 data is λ = 25.5 on
 * 0–255 values) — but stops when skimage's energy E = (Σ d² + weight·Σ|∇u|)/size changes by less
 * than eps·E₀ between iterations, usually well before the minimum. Use this function for
 * skimage's numbers, `denoiseTv` for the minimiser.
 *
 * Reference: A. Chambolle, "An algorithm for total variation minimization and applications",
 * Journal of Mathematical Imaging and Vision 20 (2004), 89–97.
 *
 * @throws NdImageError `ERR_INVALID_ARGUMENT` for a NaN or infinite pixel (skimage would return an
 *   all-NaN image), a non-positive weight, a negative eps, a bad `maxNumIter` or `channelAxis`;
 *   `ERR_DTYPE` for data it cannot scale.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const im = array([[0, 0, 255, 255], [0, 0, 255, 255]], { dtype: 'uint8' });
 * denoiseTvChambolle(im, { weight: 0.1 }).dtype; // 'float64' (the image scaled to [0, 1], then smoothed)
 * ```
 * @see skimage.restoration.denoise_tv_chambolle
 */
export function denoiseTvChambolle(image: NdArrayLike, options?: DenoiseTvChambolleOptions): NdArray {
  const o = checkOptions(options, CHAMBOLLE_KEYS);
  const weight = o.weight === undefined ? 0.1 : positive(o.weight, 'weight');
  const eps = o.eps === undefined ? 2e-4 : checkFiniteNumber(o.eps, 'eps', { min: 0 });
  const maxNumIter = o.maxNumIter === undefined ? 200 : checkInteger(o.maxNumIter, 'maxNumIter', { min: 1 });
  const a = asarray(image);
  requireAxes(a, 'image');
  const float = asFloat(a);
  checkFinite(float);
  const dtype = float.dtype as 'float32' | 'float64';
  if (o.channelAxis === undefined || o.channelAxis === null) {
    const out = chambolle(float.toContiguous(), weight, eps, maxNumIter);
    return new NdArray(out, [...float.shape], { dtype });
  }
  const axis = normalizeAxis(o.channelAxis, float.ndim, 'channelAxis');
  if (float.ndim < 2)
    throw new NdImageError('ERR_SHAPE', '`channelAxis` needs an image of at least 2 axes', { argument: 'channelAxis' });
  // Channel by channel, each an (ndim − 1)-D image, into the same positions of the output.
  const result = new NdArray(
    dtype === 'float32' ? new Float32Array(float.size) : new Float64Array(float.size),
    [...float.shape],
    {
      dtype,
    },
  );
  const count = float.shape[axis] as number;
  for (let c = 0; c < count; c++) {
    const spec = float.shape.map((_, k) => (k === axis ? c : null));
    const channel = float.index(...spec).toContiguous();
    const out = chambolle(channel, weight, eps, maxNumIter);
    const target = result.index(...spec);
    castInto(new NdArray(out, [...channel.shape], { dtype }), target);
  }
  return result;
}

/** Refuses a NaN or ±Infinity pixel (skimage returns an all-NaN image), naming where it is. */
function checkFinite(a: NdArray): void {
  if (a.dtype !== 'float32' && a.dtype !== 'float64') return; // scaled integers are finite
  const c = a.toContiguous();
  const d = c.data as Float64Array | Float32Array;
  for (let k = 0; k < c.size; k++) {
    const v = d[c.offset + k] as number;
    if (!Number.isFinite(v)) {
      const at: number[] = [];
      let rest = k;
      for (let axis = a.ndim - 1; axis >= 0; axis--) {
        const n = a.shape[axis] as number;
        at.unshift(rest % n);
        rest = Math.floor(rest / n);
      }
      throw notFinite('image', v, at);
    }
  }
}

/** skimage's `img_as_float` followed by `_supported_float_type`: the working image. */
function asFloat(a: NdArray): NdArray {
  if (a.dtype === 'float32' || a.dtype === 'float64') return a;
  if (a.dtype === 'bool') return a.astype('float64');
  const max = INT_MAX[a.dtype];
  if (max === undefined)
    throw new NdImageError('ERR_DTYPE', `\`image\` of dtype ${describeValue(a.dtype)} cannot be denoised`, {
      argument: 'image',
    });
  // np.multiply(image, 1. / imax, dtype=float64), then (signed) np.maximum(image, -1.0).
  const x = a.astype('float64').toContiguous();
  const d = x.data as Float64Array;
  const scale = 1 / max;
  const signed = a.dtype.startsWith('int');
  for (let k = x.offset; k < x.offset + x.size; k++) {
    const v = (d[k] as number) * scale;
    d[k] = signed && v < -1 ? -1 : v;
  }
  return x;
}

/** The fused 2-D float64 loop when it applies (the common case), else the statement-by-statement one. */
function chambolle(image: NdArray, weight: number, eps: number, maxNumIter: number): Work {
  if (image.ndim === 2 && image.dtype === 'float64' && image.size > 0) {
    const data = (image.data as Float64Array).subarray(image.offset, image.offset + image.size);
    return chambolle2d(data, image.shape[0] as number, image.shape[1] as number, weight, eps, maxNumIter);
  }
  return chambolleNd(image, weight, eps, maxNumIter);
}

/** `_denoise_tv_chambolle_nd` on a contiguous float image, NumPy statement by statement; returns the output data. */
function chambolleNd(image: NdArray, weight: number, eps: number, maxNumIter: number): Work {
  const f32 = image.dtype === 'float32';
  // Empty: skimage iterates to max_num_iter on nothing and returns the empty image.
  if (image.size === 0) return f32 ? new Float32Array(0) : new Float64Array(0);
  const make = (len: number): Work => (f32 ? new Float32Array(len) : new Float64Array(len));
  const shape = [...image.shape];
  const nd = shape.length;
  const n = image.size;
  const img = (image.data as Work).subarray(image.offset, image.offset + n);
  const strides: number[] = [];
  for (let k = nd - 1, s = 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k] as number;
  }
  // p[ax], g[ax]: one plane per axis (skimage's leading axis of p and g).
  const p = Array.from({ length: nd }, () => make(n));
  const g = Array.from({ length: nd }, () => make(n));
  let d = make(n);
  let out: Work = img;
  const norm = make(n);
  const tmp = make(n);
  const sq = make(n);
  // Python scalars meet float32 arrays as float32 (NumPy 1.24 value-based casting).
  const cast = (x: number): number => (f32 ? Math.fround(x) : x);
  const tau = 1 / (2 * nd);
  const tauW = cast(tau);
  const scale = cast(tau / weight);
  const npSum = pairwiseTotal;
  let eInit = 0;
  let ePrev = 0;
  for (let i = 0; i < maxNumIter; i++) {
    if (i > 0) {
      // d = -p.sum(0); then d[1:, …] += p[ax][:-1, …] along each axis.
      d = make(n);
      for (let k = 0; k < n; k++) {
        let s = p[0]?.[k] as number;
        for (let ax = 1; ax < nd; ax++) s = cast(s + (p[ax]?.[k] as number));
        d[k] = -s;
      }
      for (let ax = 0; ax < nd; ax++) addShifted(d, p[ax] as Work, shape, strides, ax);
      out = make(n);
      for (let k = 0; k < n; k++) out[k] = (img[k] as number) + (d[k] as number);
    } else out = img;
    // E = (d ** 2).sum()
    for (let k = 0; k < n; k++) sq[k] = (d[k] as number) * (d[k] as number);
    let E = npSum(sq);
    // g[ax][…, :-1, …] = np.diff(out, axis=ax); the last slice along ax stays 0.
    for (let ax = 0; ax < nd; ax++) diffInto(g[ax] as Work, out, shape, strides, ax);
    // norm = sqrt((g ** 2).sum(axis=0))
    for (let k = 0; k < n; k++) {
      const g0 = g[0]?.[k] as number;
      sq[k] = g0 * g0;
    }
    for (let ax = 1; ax < nd; ax++) {
      const ga = g[ax] as Work;
      for (let k = 0; k < n; k++) {
        tmp[k] = (ga[k] as number) * (ga[k] as number);
        sq[k] = (sq[k] as number) + (tmp[k] as number);
      }
    }
    for (let k = 0; k < n; k++) norm[k] = Math.sqrt(sq[k] as number);
    // E += weight * norm.sum()  (a float32 sum becomes a float64 product, as in NumPy)
    E += weight * npSum(norm);
    // norm *= tau / weight; norm += 1.
    for (let k = 0; k < n; k++) {
      norm[k] = (norm[k] as number) * scale;
      norm[k] = (norm[k] as number) + 1;
    }
    // p -= tau * g; p /= norm
    for (let ax = 0; ax < nd; ax++) {
      const pa = p[ax] as Work;
      const ga = g[ax] as Work;
      for (let k = 0; k < n; k++) {
        tmp[k] = tauW * (ga[k] as number);
        pa[k] = (pa[k] as number) - (tmp[k] as number);
        pa[k] = (pa[k] as number) / (norm[k] as number);
      }
    }
    E /= n;
    if (i === 0) {
      eInit = E;
      ePrev = E;
    } else if (Math.abs(ePrev - E) < eps * eInit) break;
    else ePrev = E;
  }
  return out === img ? img.slice() : out;
}

/** d[…, 1:, …] += p[…, :-1, …] along `axis` (C order, contiguous). */
function addShifted(d: Work, p: Work, shape: number[], strides: number[], axis: number): void {
  const st = strides[axis] as number;
  const len = shape[axis] as number;
  const block = st * len;
  for (let base = 0; base < d.length; base += block) {
    for (let t = 1; t < len; t++) {
      const at = base + t * st;
      for (let e = 0; e < st; e++) d[at + e] = (d[at + e] as number) + (p[at - st + e] as number);
    }
  }
}

/** g[…, :-1, …] = out[…, 1:, …] − out[…, :-1, …] along `axis`. */
function diffInto(g: Work, out: Work, shape: number[], strides: number[], axis: number): void {
  const st = strides[axis] as number;
  const len = shape[axis] as number;
  const block = st * len;
  for (let base = 0; base < g.length; base += block) {
    for (let t = 0; t + 1 < len; t++) {
      const at = base + t * st;
      for (let e = 0; e < st; e++) g[at + e] = (out[at + st + e] as number) - (out[at + e] as number);
    }
  }
}
