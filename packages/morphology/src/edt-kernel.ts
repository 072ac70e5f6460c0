/**
 * The exact Euclidean distance transform in linear time, one axis after another (Maurer, Qi and
 * Raghavan, PAMI 2003, as SciPy implements it; the lower envelope of parabolas of Felzenszwalb
 * and Huttenlocher is the same idea).
 *
 * After the pass along axis d, `sq[p]` holds the squared distance from element p to the nearest
 * background element among those that differ from p only on axes 0..d (Infinity: none yet), and
 * with features, `idx[k·size + p]` that element's coordinate on axis k for k ≤ d (its other
 * coordinates are p's own) — SciPy's index array, written in place. Pass 0 is a nearest-neighbour search along each
 * axis-0 line; pass d > 0 takes, along each axis-d line, the lower envelope of the parabolas
 * `R_i + ((i − x)·s)²` of the elements i that have a feature (R_i = sq[i]).
 *
 * Ties and rounding follow SciPy bit for bit, so the feature transform (which element among
 * equidistant ones) is SciPy's: pass 0 keeps the nearer element with ties to the lower index;
 * later passes drop a parabola from the envelope only when SciPy's test
 * `c·R_v − b·R_u − a·R_w − a·b·c > 0` says so (u, v, w consecutive sites, a = (v − u)s,
 * b = (w − v)s, c = a + b, evaluated in that order), and the query moves to the next parabola only
 * when it is strictly lower. Squared distances are summed axis by axis in increasing axis order,
 * as NumPy's `add.reduce` sums SciPy's per-axis terms, so distances are bit-identical too.
 */

/** Work arrays of one transform: squared distances, and the index array when features are asked for. */
export interface EdtState {
  sq: Float64Array;
  /** `[ndim, ...shape]` in C order: row k holds the axis-k coordinates of the features. */
  idx: Int32Array | undefined;
}

// Each loop lives in its own small function, without and with features: V8 then compiles each
// with the type feedback of its own first calls (one function with several long loops is
// compiled on-stack while its later loops have never run, and deoptimises).

/**
 * Runs every pass over the C-order foreground `fg` (1 = object, 0 = background) of `shape`.
 * `sampling` (one spacing per axis) may be undefined for unit spacing. Returns false when there
 * is no background at all (then `sq` is Infinity and `idx` meaningless everywhere).
 */
export function edtPasses(
  fg: Uint8Array,
  shape: readonly number[],
  sampling: Float64Array | undefined,
  state: EdtState,
): boolean {
  const nd = shape.length;
  const n0 = shape[0] as number;
  const size = fg.length;
  const inner = size / n0;
  const { sq, idx } = state;
  // Pass 0: along axis 0 each element takes the nearest background element of its axis-0 line,
  // the upper one on a tie. Two sweeps over whole rows (`inner` contiguous elements), so memory
  // is read in order: downwards, the last background row seen per column goes into `sq`;
  // upwards, the next one below is compared with it.
  const last = new Int32Array(inner);
  sweepDown(fg, sq, last, n0, inner);
  const s0 = sampling ? (sampling[0] as number) : 1;
  const any = idx ? sweepUpFeatures(fg, sq, idx, last, n0, inner, s0) : sweepUp(fg, sq, last, n0, inner, s0);
  if (!any) return false;
  const env = new Envelope(Math.max(...shape), nd);
  let stride = inner;
  for (let d = 1; d < nd; d++) {
    const n = shape[d] as number;
    stride /= n;
    const s = sampling ? (sampling[d] as number) : 1;
    // Lines along axis d: `outer` blocks of n·stride elements, `stride` lines in each.
    const outer = size / (n * stride);
    if (idx) env.blockFeatures(sq, idx, size, d, outer, n, stride, s);
    else env.block(sq, outer, n, stride, s);
  }
  return true;
}

/** Downwards: `sq[p]` = the row of the last background element at or above p in its column, or −1. */
function sweepDown(fg: Uint8Array, sq: Float64Array, last: Int32Array, n0: number, inner: number): void {
  last.fill(-1);
  for (let y = 0, p = 0; y < n0; y++) {
    for (let x = 0; x < inner; x++, p++) {
      if (fg[p] === 0) last[x] = y;
      sq[p] = last[x] as number;
    }
  }
}

/** Upwards: the nearer of the background elements above (in `sq`) and below; true if any exists. */
function sweepUp(fg: Uint8Array, sq: Float64Array, last: Int32Array, n0: number, inner: number, s: number): boolean {
  last.fill(-1);
  let any = false;
  for (let y = n0 - 1; y >= 0; y--) {
    for (let x = 0, p = y * inner; x < inner; x++, p++) {
      if (fg[p] === 0) {
        last[x] = y;
        any = true;
      }
      const up = sq[p] as number;
      const down = last[x] as number;
      const g = up >= 0 && (down < 0 || y - up <= down - y) ? up : down;
      if (g < 0) sq[p] = Number.POSITIVE_INFINITY;
      else {
        const t = (g - y) * s;
        sq[p] = t * t;
      }
    }
  }
  return any;
}

/** {@link sweepUp}, also writing each element's feature row (its axis-0 coordinate) into `idx`. */
function sweepUpFeatures(
  fg: Uint8Array,
  sq: Float64Array,
  idx: Int32Array,
  last: Int32Array,
  n0: number,
  inner: number,
  s: number,
): boolean {
  last.fill(-1);
  let any = false;
  for (let y = n0 - 1; y >= 0; y--) {
    for (let x = 0, p = y * inner; x < inner; x++, p++) {
      if (fg[p] === 0) {
        last[x] = y;
        any = true;
      }
      const up = sq[p] as number;
      const down = last[x] as number;
      const g = up >= 0 && (down < 0 || y - up <= down - y) ? up : down;
      if (g < 0) sq[p] = Number.POSITIVE_INFINITY;
      else {
        const t = (g - y) * s;
        sq[p] = t * t;
        idx[p] = g;
      }
    }
  }
  return any;
}

/**
 * The stack of one line's lower envelope: site positions, their R values and, with features,
 * their coordinates on the axes before the line's (`nd` slots per site).
 */
class Envelope {
  private readonly pos: Int32Array;
  private readonly r: Float64Array;
  private readonly feat: Int32Array;

  constructor(n: number, nd: number) {
    this.pos = new Int32Array(n);
    this.r = new Float64Array(n);
    this.feat = new Int32Array(n * nd);
  }

  /** Every line along an axis: `outer` blocks of `n·stride` elements, `stride` lines each. */
  block(sq: Float64Array, outer: number, n: number, stride: number, s: number): void {
    for (let o = 0; o < outer; o++) {
      const b = o * n * stride;
      for (let j = 0; j < stride; j++) {
        const top = this.sites(sq, b + j, n, stride, s);
        if (top >= 0) this.query(sq, b + j, n, stride, s, top);
      }
    }
  }

  /** {@link block} with features: lines along axis `d` of an index array with rows of `size`. */
  blockFeatures(
    sq: Float64Array,
    idx: Int32Array,
    size: number,
    d: number,
    outer: number,
    n: number,
    stride: number,
    s: number,
  ): void {
    for (let o = 0; o < outer; o++) {
      const b = o * n * stride;
      for (let j = 0; j < stride; j++) {
        const top =
          d === 1 ? this.sites1(sq, idx, b + j, n, stride, s) : this.sitesN(sq, idx, size, d, b + j, n, stride, s);
        if (top < 0) continue;
        if (d === 1) this.query1(sq, idx, size, b + j, n, stride, s, top);
        else this.queryN(sq, idx, size, d, b + j, n, stride, s, top);
      }
    }
  }

  /**
   * The lower envelope of one line's parabolas (n elements from `base`, `stride` apart): pushes
   * each site, first dropping the sites SciPy's test finds strictly hidden. Returns the top index.
   */
  private sites(sq: Float64Array, base: number, n: number, stride: number, s: number): number {
    const pos = this.pos;
    const r = this.r;
    let top = -1;
    for (let i = 0, p = base; i < n; i++, p += stride) {
      const w = sq[p] as number;
      if (w === Number.POSITIVE_INFINITY) continue;
      while (top >= 1) {
        const v = pos[top] as number;
        const a = (v - (pos[top - 1] as number)) * s;
        const b = (i - v) * s;
        const c = a + b;
        // SciPy's test, term by term in its order: keep v unless it is strictly hidden.
        if (c * (r[top] as number) - b * (r[top - 1] as number) - a * w - a * b * c <= 0) break;
        top--;
      }
      top++;
      pos[top] = i;
      r[top] = w;
    }
    return top;
  }

  /** {@link sites} for the pass along axis 1, keeping each site's axis-0 coordinate. */
  private sites1(sq: Float64Array, idx: Int32Array, base: number, n: number, stride: number, s: number): number {
    const pos = this.pos;
    const r = this.r;
    const feat = this.feat;
    let top = -1;
    for (let i = 0, p = base; i < n; i++, p += stride) {
      const w = sq[p] as number;
      if (w === Number.POSITIVE_INFINITY) continue;
      while (top >= 1) {
        const v = pos[top] as number;
        const a = (v - (pos[top - 1] as number)) * s;
        const b = (i - v) * s;
        const c = a + b;
        if (c * (r[top] as number) - b * (r[top - 1] as number) - a * w - a * b * c <= 0) break;
        top--;
      }
      top++;
      pos[top] = i;
      r[top] = w;
      feat[top] = idx[p] as number;
    }
    return top;
  }

  /** {@link sites} for the pass along axis d ≥ 2, keeping each site's coordinates on axes 0..d−1. */
  private sitesN(
    sq: Float64Array,
    idx: Int32Array,
    size: number,
    d: number,
    base: number,
    n: number,
    stride: number,
    s: number,
  ): number {
    const pos = this.pos;
    const r = this.r;
    const feat = this.feat;
    let top = -1;
    for (let i = 0, p = base; i < n; i++, p += stride) {
      const w = sq[p] as number;
      if (w === Number.POSITIVE_INFINITY) continue;
      while (top >= 1) {
        const v = pos[top] as number;
        const a = (v - (pos[top - 1] as number)) * s;
        const b = (i - v) * s;
        const c = a + b;
        if (c * (r[top] as number) - b * (r[top - 1] as number) - a * w - a * b * c <= 0) break;
        top--;
      }
      top++;
      pos[top] = i;
      r[top] = w;
      for (let k = 0; k < d; k++) feat[top * d + k] = idx[k * size + p] as number;
    }
    return top;
  }

  /** Each element of the line takes the lowest parabola, moving on only to a strictly lower one. */
  private query(sq: Float64Array, base: number, n: number, stride: number, s: number, top: number): void {
    const pos = this.pos;
    const r = this.r;
    let l = 0;
    for (let x = 0, p = base; x < n; x++, p += stride) {
      let t = ((pos[l] as number) - x) * s;
      let d1 = (r[l] as number) + t * t;
      while (l < top) {
        t = ((pos[l + 1] as number) - x) * s;
        const d2 = (r[l + 1] as number) + t * t;
        if (d1 <= d2) break;
        d1 = d2;
        l++;
      }
      sq[p] = d1;
    }
  }

  /** {@link query} for axis 1: the feature's axis-0 coordinate from the site, its axis-1 coordinate is the site's position. */
  private query1(
    sq: Float64Array,
    idx: Int32Array,
    size: number,
    base: number,
    n: number,
    stride: number,
    s: number,
    top: number,
  ): void {
    const pos = this.pos;
    const r = this.r;
    const feat = this.feat;
    let l = 0;
    for (let x = 0, p = base; x < n; x++, p += stride) {
      let t = ((pos[l] as number) - x) * s;
      let d1 = (r[l] as number) + t * t;
      while (l < top) {
        t = ((pos[l + 1] as number) - x) * s;
        const d2 = (r[l + 1] as number) + t * t;
        if (d1 <= d2) break;
        d1 = d2;
        l++;
      }
      sq[p] = d1;
      idx[p] = feat[l] as number;
      idx[size + p] = pos[l] as number;
    }
  }

  /** {@link query} for axis d ≥ 2. */
  private queryN(
    sq: Float64Array,
    idx: Int32Array,
    size: number,
    d: number,
    base: number,
    n: number,
    stride: number,
    s: number,
    top: number,
  ): void {
    const pos = this.pos;
    const r = this.r;
    const feat = this.feat;
    let l = 0;
    for (let x = 0, p = base; x < n; x++, p += stride) {
      let t = ((pos[l] as number) - x) * s;
      let d1 = (r[l] as number) + t * t;
      while (l < top) {
        t = ((pos[l + 1] as number) - x) * s;
        const d2 = (r[l + 1] as number) + t * t;
        if (d1 <= d2) break;
        d1 = d2;
        l++;
      }
      sq[p] = d1;
      for (let k = 0; k < d; k++) idx[k * size + p] = feat[l * d + k] as number;
      idx[d * size + p] = pos[l] as number;
    }
  }
}
