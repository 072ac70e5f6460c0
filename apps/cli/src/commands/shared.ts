/**
 * What the commands' jobs share: reading an input (images as float64, colour per channel),
 * writing a result with a scale policy, the object mask of label/count/morph, structures.
 *
 * Images are processed in float64, colour per channel (2-D filters on each of R, G, B), and
 * written with a scale policy (clip for smoothing, denoising and morphology; stretch for signed
 * results such as derivatives). `.npy` and `.mat` arrays keep SciPy's semantics and dtypes: any
 * rank, every axis filtered, uint8 in → uint8 out where SciPy does so.
 */
import { greater, less, max, min, type NdArray, stack } from '@ndimage/core-array';
import type { Mode } from '@ndimage/filters';
import { colorizeLabels, type Scale } from '@ndimage/io-image';
import { box, cross } from '@ndimage/morphology';
import { kindOf, readArray, readSource, writeArray } from '../files.js';
import type { Common } from '../options.js';
import { UsageError } from '../usage.js';
import type { JobContext, Report } from './command.js';

/** An input array, and whether it is an image (images get per-channel filters and scale policies). */
export interface Input {
  a: NdArray;
  image: boolean;
}

/** Reads `path`; images become float64 (results then keep sign and fractions). */
export async function read(path: string, o: Common, ctx: JobContext, mode?: 'L' | 'RGB'): Promise<Input> {
  const { array, kind } = await readSource(path, {
    variable: o.var,
    mode: mode ?? o.mode?.image,
    streams: ctx.streams,
  });
  return kind === 'image' ? { a: array.astype('float64'), image: true } : { a: array, image: false };
}

/** Writes `a` to `out` with the scale policy `scale` unless `--scale` says otherwise. */
export async function write(
  out: string,
  a: NdArray,
  o: Common,
  ctx: JobContext,
  inputs: string[],
  scale: Scale,
): Promise<void> {
  await writeArray(out, a, {
    force: o.force,
    variable: o.outVar,
    scale: o.scale ?? scale,
    inputs,
    format: o.format,
    streams: ctx.streams,
  });
}

/** `fn` on each channel of a colour image (a 2-D filter per channel), else on the whole array. */
export function perChannel(image: boolean, a: NdArray, fn: (x: NdArray) => NdArray): NdArray {
  if (!image || a.ndim !== 3) return fn(a);
  const channels: NdArray[] = [];
  for (let c = 0; c < (a.shape[2] as number); c++) channels.push(fn(a.channel(c)));
  return stack(channels, 2);
}

/** The filters' boundary options from `--mode` and `--cval`. */
export const boundary = (o: Common): { mode?: Mode; cval?: number } => ({ mode: o.mode?.boundary, cval: o.cval });

/** The flags of the object commands (label, count, morph). */
export interface ThresholdFlags {
  threshold?: number;
  below?: boolean;
}

/**
 * The mask of objects: the input thresholded (above T, or below with `--below`), or as it is.
 * An image without `--threshold` must already be a mask (two values, such as 0 and 255): a grey
 * photo would otherwise be one object (every pixel but black ones is "true", as SciPy reads it),
 * which is never what was meant. Arrays (.npy, .mat) keep SciPy's rule: nonzero is true.
 */
export async function mask(input: string, o: Common & ThresholdFlags, ctx: JobContext): Promise<NdArray> {
  // Images are thresholded in grey (the textbook's `array(Image.open(f).convert('L'))`).
  const { a, image } = await read(input, o, ctx, o.mode?.image ?? 'L');
  if (o.threshold === undefined) {
    if (image) refuseGrey(a, input);
    return a;
  }
  return o.below ? less(a, o.threshold) : greater(a, o.threshold);
}

/** Refuses an image with values other than 0 and one other value (not a mask). */
function refuseGrey(a: NdArray, input: string): void {
  if (a.size === 0) return;
  const lo = min(a) as number;
  const hi = max(a) as number;
  const d = a.toContiguous().data as Float64Array;
  for (let i = a.offset; i < a.offset + a.size; i++) {
    const v = d[i] as number;
    if (v !== 0 && v !== hi) {
      throw new UsageError(
        `${input} is not a mask (its values run from ${lo} to ${hi}); give --threshold T to choose the objects (pixels above T, or below with --below)`,
      );
    }
  }
}

/** The structure of `--connectivity` for `label` (SciPy's default cross, or the full 3×…×3 box). */
export const connectivity = (a: NdArray, n: number): NdArray | undefined => {
  if (n !== 1 && n !== 2) throw new UsageError(`--connectivity must be 1 or 2; got '${n}'`);
  return n === 2 ? box(a.shape.map(() => 3)) : undefined;
};

/** Labels written as an image get distinct colours (the textbook's Figure 1-12); arrays stay int32. */
export async function writeLabels(
  out: string,
  labels: NdArray,
  o: Common,
  ctx: JobContext,
  input: string,
): Promise<void> {
  const image = kindOf(out, o.format) === 'image';
  if (image && labels.ndim === 2) await write(out, colorizeLabels(labels), o, ctx, [input], 'none');
  else await write(out, image ? labels.astype('float64') : labels, o, ctx, [input], 'stretch');
}

/** The report of an object count. */
export const countReport = (n: number): Report => ({ text: `${n}`, json: { count: n } });

/** `--axis` must name an axis of the (per-channel) array. */
export function checkAxis(axis: number | undefined, x: NdArray, input: string): void {
  if (axis !== undefined && axis >= x.ndim)
    throw new UsageError(`--axis must be below ${x.ndim} for ${input}; got '${axis}'`);
}

/**
 * `--structure`: 'cross', an HxW box, or a .npy file. The text is checked at once (a usage error
 * before any file is read); the structure is made for the input's rank once it is known.
 */
export function structureOf(text: string): (ndim: number) => Promise<NdArray> {
  if (text === 'cross') return async (ndim) => cross(ndim);
  if (text.toLowerCase().endsWith('.npy')) return async () => readArray(text);
  const m = /^(\d+)[xX×](\d+)$/.exec(text);
  if (m === null || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new UsageError(
      `--structure must be HxW with positive sizes (like 9x5), 'cross' or a .npy file; got '${text}'`,
    );
  const size: [number, number] = [Number(m[1]), Number(m[2])];
  return async () => box(size);
}
