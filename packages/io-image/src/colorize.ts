/**
 * Colour pictures of label images (the textbook's Figure 1-12b/d): every object its own colour,
 * background black.
 */
import { asarray, NdArray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import { checkOptions, describeValue, invalidArgument, optionKeys } from '@ndimage/core-array/internal';

const COLORIZE_KEYS = optionKeys<ColorizeOptions>({ background: true });

/** Options of {@link colorizeLabels}. */
export interface ColorizeOptions {
  /** Colour of label 0, as [r, g, b]. @defaultValue [0, 0, 0] */
  background?: readonly [number, number, number];
}

/**
 * An RGB uint8 image of a label image: label 0 black, each other label a bright colour from the
 * golden-ratio walk around the hue circle (neighbouring labels get well-separated hues; the same
 * label always gets the same colour).
 *
 * @throws NdImageError `ERR_SHAPE` for labels that are not 2-D; `ERR_INVALID_ARGUMENT` for
 *   negative or fractional labels or a bad background.
 * @example
 * ```ts
 * import { array } from '@ndimage/core-array';
 * const rgb = colorizeLabels(array([[0, 1], [2, 2]]));
 * rgb.shape;              // [2, 2, 3]
 * rgb.index(0, 0).toArray(); // [0, 0, 0]
 * ```
 * @see skimage.color.label2rgb (another palette)
 */
export function colorizeLabels(labels: NdArrayLike, options?: ColorizeOptions): NdArray {
  const o = checkOptions(options, COLORIZE_KEYS);
  const a = asarray(labels);
  if (a.ndim !== 2)
    throw new NdImageError('ERR_SHAPE', `\`labels\` must be 2-D; got shape ${describeValue([...a.shape])}`, {
      argument: 'labels',
    });
  const bg = o.background ?? [0, 0, 0];
  if (!Array.isArray(bg) || bg.length !== 3 || !bg.every((v) => Number.isInteger(v) && v >= 0 && v <= 255))
    throw invalidArgument('background', '[r, g, b] with integers 0–255', bg);
  const c = a.astype('float64').toContiguous();
  const d = c.data as Float64Array;
  const n = c.size;
  const out = new Uint8Array(n * 3);
  const cache = new Map<number, [number, number, number]>();
  for (let k = 0; k < n; k++) {
    const v = d[c.offset + k] as number;
    if (!(Number.isInteger(v) && v >= 0)) throw invalidArgument('labels', 'integers ≥ 0 at every pixel', v);
    let rgb: readonly [number, number, number];
    if (v === 0) rgb = bg as [number, number, number];
    else {
      let hit = cache.get(v);
      if (hit === undefined) {
        hit = colourOf(v);
        cache.set(v, hit);
      }
      rgb = hit;
    }
    out[3 * k] = rgb[0];
    out[3 * k + 1] = rgb[1];
    out[3 * k + 2] = rgb[2];
  }
  return new NdArray(out, [...a.shape, 3], { dtype: 'uint8' });
}

/** Label k's colour: hue k·φ⁻¹ around the circle, saturation and value varied a little by k. */
function colourOf(k: number): [number, number, number] {
  const hue = (k * 0.618033988749895) % 1;
  const s = 0.65 + 0.3 * (((k * 7) % 5) / 4);
  const v = 0.8 + 0.2 * (((k * 3) % 4) / 3);
  const i = Math.floor(hue * 6);
  const f = hue * 6 - i;
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  const [r, g, b] = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ][i % 6] as [number, number, number];
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}
