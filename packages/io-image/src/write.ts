/**
 * Writing images: the array becomes 8- or 16-bit samples here (sharp turns float input into zeros,
 * see the README), then sharp encodes; a path is written atomically.
 */
import { extname } from 'node:path';
import { asarray, type NdArrayLike, NdImageError } from '@ndimage/core-array';
import {
  checkInteger,
  checkOneOf,
  checkOptions,
  describeValue,
  invalidArgument,
  optionKeys,
} from '@ndimage/core-array/internal';
import { writeFileAtomic } from '@ndimage/core-array/node';
import { loadSharp } from './codecs.js';
import { codecError } from './errors.js';
import { pdfOfPng } from './pdf.js';
import { type Scale, toSamples } from './scale.js';

const IMSAVE_KEYS = optionKeys<ImsaveOptions>({
  scale: true,
  quality: true,
  compression: true,
  bitDepth: true,
  format: true,
});

/** The formats imsave writes. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'tiff' | 'avif' | 'gif' | 'pdf';

/** Options of {@link imsave}. */
export interface ImsaveOptions {
  /**
   * How data that are not uint8 or bool become pixels: `'stretch'` (the textbook's
   * `scipy.misc.imsave`: min–max to 0–255, SciPy's `bytescale`), `'clip'` (round and clamp to
   * 0–255, for data already in that range) or `'none'` (refuse to scale).
   * @defaultValue 'stretch'; uint16 data into PNG or TIFF are written as 16-bit samples unscaled
   */
  scale?: Scale;
  /** JPEG, WebP, AVIF quality 1–100. @defaultValue 75 for JPEG (Pillow's), 80 WebP, 50 AVIF */
  quality?: number;
  /** PNG zlib level 0–9. @defaultValue 6 */
  compression?: number;
  /** 16 for 16-bit PNG/TIFF (the default for uint16 data), 8 for 8-bit. @defaultValue 8, or 16 for uint16 data in PNG/TIFF */
  bitDepth?: 8 | 16;
  /** With a bytes target: the format. @defaultValue from the path's extension */
  format?: ImageFormat;
}

const EXTENSIONS: Record<string, ImageFormat> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.avif': 'avif',
  '.gif': 'gif',
  '.pdf': 'pdf',
};
const FORMATS: readonly ImageFormat[] = [...new Set(Object.values(EXTENSIONS))];

/**
 * Saves an array as an image file (format from the extension) or, with `{ format }` as the target,
 * returns the encoded bytes. `[h, w]` is grey, `[h, w, c]` grey + alpha (c = 2), RGB (3) or RGBA
 * (4). uint8 and bool (0/255) are written as they are, uint16 as 16-bit PNG/TIFF; other dtypes are
 * stretched min–max to 0–255 as the textbook's `scipy.misc.imsave` did (a [0, 1] float image
 * becomes 0–255; pass `scale: 'clip'` for data already in 0–255). A path is written atomically: on
 * any failure an existing file is left untouched.
 *
 * @throws NdImageError `ERR_SHAPE` for an array that is not an image; `ERR_DTYPE` for data that
 *   needs a scale with `scale: 'none'`; `ERR_INVALID_ARGUMENT` for an unknown extension or option,
 *   NaN values (or ±Infinity to stretch), or alpha in a JPEG; `ERR_IO` when the file cannot be written.
 * @example
 * ```ts
 * await imsave('edges.png', magnitude); // scipy.misc.imsave('edges.png', magnitude): min–max to 0–255
 * const jpeg = await imsave({ format: 'jpeg' }, photo, { quality: 90 }); // the encoded bytes
 * jpeg.subarray(0, 2).toString('hex'); // 'ffd8'  (a JPEG's first marker)
 * ```
 * @see scipy.misc.imsave (SciPy ≤ 1.1; its bytescale is the default `scale: 'stretch'`);
 *   PIL.Image.fromarray(a).save(path) for uint8 data and `scale: 'clip'`
 */
export async function imsave(target: string, image: NdArrayLike, options?: ImsaveOptions): Promise<undefined>;
export async function imsave(
  target: { format: ImageFormat },
  image: NdArrayLike,
  options?: ImsaveOptions,
): Promise<Buffer>;
export async function imsave(
  target: string | { format: ImageFormat },
  image: NdArrayLike,
  options?: ImsaveOptions,
): Promise<Buffer | undefined> {
  const o = checkOptions(options, IMSAVE_KEYS);
  const path = typeof target === 'string' ? target : undefined;
  let format: ImageFormat | undefined;
  if (path !== undefined) {
    format = EXTENSIONS[extname(path).toLowerCase()];
    if (format === undefined)
      throw invalidArgument('target', `a path ending in ${Object.keys(EXTENSIONS).join(', ')}`, path);
  } else {
    format = checkOneOf((target as { format?: unknown } | null)?.format ?? o.format, 'format', FORMATS);
  }
  const a = asarray(image);
  if (!(a.ndim === 2 || (a.ndim === 3 && (a.shape[2] as number) >= 1 && (a.shape[2] as number) <= 4)) || a.size === 0)
    throw new NdImageError(
      'ERR_SHAPE',
      `\`image\` must be [h, w] or [h, w, c] with c from 1 to 4 and no empty axis; got shape ${describeValue([...a.shape])}`,
      { argument: 'image' },
    );
  const [h, w] = a.shape as [number, number];
  const channels = (a.ndim === 3 ? a.shape[2] : 1) as 1 | 2 | 3 | 4;
  const deep = format === 'png' || format === 'tiff';
  if (o.bitDepth !== undefined && o.bitDepth !== 8 && o.bitDepth !== 16)
    throw invalidArgument('bitDepth', '8 or 16', o.bitDepth);
  if (o.bitDepth === 16 && !deep)
    throw invalidArgument('bitDepth', `8 for ${format}, which stores 8 bits (16 needs PNG or TIFF)`, o.bitDepth);
  if (format === 'jpeg' && (channels === 2 || channels === 4))
    throw invalidArgument(
      'image',
      '[h, w] or [h, w, 3] for JPEG, which cannot store alpha (Pillow refuses too; drop it or write PNG)',
      [...a.shape],
    );
  const maxBits = deep && o.bitDepth !== 8 ? 16 : 8;
  const samples = toSamples(a, o.scale, maxBits, 'image');
  if (o.bitDepth === 16 && samples.bits === 8) {
    // 8-bit data asked for 16 bits: widen exactly (v·257 maps 0–255 onto 0–65535).
    const wide = new Uint16Array(samples.data.length);
    for (let k = 0; k < wide.length; k++) wide[k] = (samples.data[k] as number) * 257;
    samples.data = wide;
    samples.bits = 16;
  }
  const quality = o.quality === undefined ? undefined : checkInteger(o.quality, 'quality', { min: 1, max: 100 });
  const compression = o.compression === undefined ? 6 : checkInteger(o.compression, 'compression', { min: 0, max: 9 });
  const origin = path !== undefined ? { path } : { what: `the ${format} output` };
  let bytes: Buffer;
  const sharp = await loadSharp();
  try {
    // sharp's raw input takes the typed array as it is: uint16 samples make a ushort image.
    let pipeline = sharp(samples.data, { raw: { width: w, height: h, channels } });
    const grey = channels <= 2;
    // Grey stays one channel only with a grey colour space (sharp's default writes three).
    pipeline = pipeline.toColourspace(
      grey ? (samples.bits === 16 ? 'grey16' : 'b-w') : samples.bits === 16 ? 'rgb16' : 'srgb',
    );
    switch (format) {
      case 'png':
      case 'pdf':
        pipeline = pipeline.png({ compressionLevel: compression });
        break;
      case 'jpeg':
        // Pillow's defaults: no Huffman-table optimisation (a second pass), 4:2:0 chroma.
        pipeline = pipeline.jpeg({ quality: quality ?? 75, optimiseCoding: false });
        break;
      case 'webp':
        pipeline = pipeline.webp({ quality: quality ?? 80 });
        break;
      case 'tiff':
        // Lossless (sharp's default TIFF compression is JPEG).
        pipeline = pipeline.tiff({ compression: 'lzw' });
        break;
      case 'avif':
        pipeline = pipeline.avif({ quality: quality ?? 50 });
        break;
      case 'gif':
        pipeline = pipeline.gif();
        break;
    }
    bytes = await pipeline.toBuffer();
    if (format === 'pdf') bytes = await pdfOfPng(bytes, w, h);
  } catch (e) {
    throw codecError(e, origin, true);
  }
  if (path === undefined) return bytes;
  await writeFileAtomic(path, bytes);
  return undefined;
}
