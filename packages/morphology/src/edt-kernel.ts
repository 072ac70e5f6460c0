/**
 * The exact Euclidean distance transform in linear time, one axis after another (Maurer, Qi and
 * Raghavan, PAMI 2003, as SciPy implements it; the lower envelope of parabolas of Felzenszwalb
 * and Huttenlocher is the same idea).
 *
 * After the pass along axis d, `sq[p]` holds the squared distance from element p to the nearest
 * background element among those that differ from p only on axes 0..d (Infinity: none yet), and
 * `ft[p]` that element's C-order linear index. Pass 0 is a nearest-neighbour search along each
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

/** Work arrays of one transform: squared distances, and features when asked for. */
export interface EdtState {
  sq: Float64Array;
  ft: Int32Array | undefined;
}

/**
 * Runs every pass over the C-order foreground `fg` (1 = object, 0 = background) of `shape`.
 * `sampling` (one spacing per axis) may be undefined for unit spacing. Returns false when there
 * is no background at all (then `sq` is Infinity and `ft` meaningless everywhere).
 */
export function edtPasses(
  fg: Uint8Array,
  shape: readonly number[],
  sampling: Float64Array | undefined,
  state: EdtState,
): boolean {
  const nd = shape.length;
  const n0 = shape[0] as number;
  const inner = fg.length / n0;
  if (!firstPass(fg, n0, inner, sampling ? (sampling[0] as number) : 1, state)) return false;
  const scratch = new Envelope(Math.max(...shape));
  let stride = inner;
  for (let d = 1; d < nd; d++) {
    const n = shape[d] as number;
    stride /= n;
    const s = sampling ? (sampling[d] as number) : 1;
    // Lines along axis d: `outer` blocks of n·stride elements, `stride` lines in each.
    const outer = fg.length / (n * stride);
    for (let o = 0; o < outer; o++) {
      const block = o * n * stride;
      for (let j = 0; j < stride; j++) scratch.line(state, block + j, n, stride, s);
    }
  }
  return true;
}

/**
 * Pass 0: along axis 0 each element takes the nearest background element of its axis-0 line,
 * the upper one on a tie. Two sweeps over whole rows (`inner` contiguous elements), so memory is
 * read in order: downwards, the last background row seen per column goes into `sq`; upwards, the
 * next one below is compared with it.
 */
function firstPass(fg: Uint8Array, n0: number, inner: number, s: number, { sq, ft }: EdtState): boolean {
  const last = new Int32Array(inner).fill(-1);
  let any = false;
  for (let y = 0, p = 0; y < n0; y++) {
    for (let x = 0; x < inner; x++, p++) {
      if (fg[p] === 0) last[x] = y;
      sq[p] = last[x] as number;
    }
  }
  last.fill(-1);
  for (let y = n0 - 1; y >= 0; y--) {
    const row = y * inner;
    for (let x = 0; x < inner; x++) {
      const p = row + x;
      if (fg[p] === 0) {
        last[x] = y;
        any = true;
      }
      const up = sq[p] as number;
      const down = last[x] as number;
      let g: number;
      if (up >= 0 && (down < 0 || y - up <= down - y)) g = up;
      else if (down >= 0) g = down;
      else {
        sq[p] = Number.POSITIVE_INFINITY;
        continue;
      }
      const t = (g - y) * s;
      sq[p] = t * t;
      if (ft) ft[p] = p + (g - y) * inner;
    }
  }
  return any;
}

/** The stack of one line's lower envelope: site positions, their R values and features. */
class Envelope {
  private readonly pos: Int32Array;
  private readonly r: Float64Array;
  private readonly feat: Int32Array;

  constructor(n: number) {
    this.pos = new Int32Array(n);
    this.r = new Float64Array(n);
    this.feat = new Int32Array(n);
  }

  /** One line of n elements from `base`, `stride` apart, spacing `s`, updated in place. */
  line({ sq, ft }: EdtState, base: number, n: number, stride: number, s: number): void {
    const pos = this.pos;
    const r = this.r;
    const feat = this.feat;
    let top = -1;
    for (let i = 0, p = base; i < n; i++, p += stride) {
      const w = sq[p] as number;
      if (w === Number.POSITIVE_INFINITY) continue;
      while (top >= 1) {
        const v = pos[top] as number;
        const u = pos[top - 1] as number;
        const a = (v - u) * s;
        const b = (i - v) * s;
        const c = a + b;
        // SciPy's test, term by term in its order: keep v unless it is strictly hidden.
        if (c * (r[top] as number) - b * (r[top - 1] as number) - a * w - a * b * c <= 0) break;
        top--;
      }
      top++;
      pos[top] = i;
      r[top] = w;
      if (ft) feat[top] = ft[p] as number;
    }
    if (top < 0) return;
    let l = 0;
    let g = pos[0] as number;
    for (let x = 0, p = base; x < n; x++, p += stride) {
      let t = (g - x) * s;
      let d1 = (r[l] as number) + t * t;
      while (l < top) {
        const g2 = pos[l + 1] as number;
        t = (g2 - x) * s;
        const d2 = (r[l + 1] as number) + t * t;
        if (d1 <= d2) break;
        d1 = d2;
        l++;
        g = g2;
      }
      sq[p] = d1;
      if (ft) ft[p] = feat[l] as number;
    }
  }
}
