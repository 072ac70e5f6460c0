/**
 * Reading images: sharp (libvips) decodes, this package does Pillow's conversions on the decoded
 * 8/16-bit pixels. Only integer pixels ever come out of sharp (its float output is a trap, see
 * the README); floats are made here.
 */

import { open } from 'node:fs/promises';
import { type DType, NdArray } from '@ndimage/core-array';
import { checkInteger, checkOneOf, checkOptions, invalidArgument, optionKeys } from '@ndimage/core-array/internal';
import { loadSharp } from './codecs.js';
import { codecError } from './errors.js';
import { type ImageMode, MODES, type Pixels, toMode } from './pillow.js';
import { type ImageSource, resolveSource } from './source.js';

const IMREAD_KEYS = optionKeys<ImreadOptions>({
  mode: true,
  dtype: true,
  page: true,
  limitInputPixels: true,
  autoOrient: true,
  maxBytes: true,
});

/** Options of {@link imread}. */
export interface ImreadOptions {
  /**
   * Convert as Pillow's `convert(mode)`: `'L'` grey (Pillow's integer luma), `'RGB'`, `'RGBA'`,
   * `'LA'`, `'1'` (bool, threshold 128, no dithering), `'F'` (float32 grey). @defaultValue the pixels as stored
   */
  mode?: ImageMode;
  /** Cast the result (no scaling: uint8 0–255 becomes float64 0–255, as `np.array(im, 'f')`). @defaultValue as stored */
  dtype?: DType;
  /** Page (frame) of a multi-page TIFF, GIF or WebP. @defaultValue 0 */
  page?: number;
  /** Refuse images with more pixels than this (a decompression bomb guard); `false` turns it off. @defaultValue 268,402,689 (sharp's) */
  limitInputPixels?: number | false;
  /** Apply the EXIF orientation (rotate/flip as a viewer shows the photo). @defaultValue false */
  autoOrient?: boolean;
  /** For a stream source: the most bytes read before giving up. @defaultValue 1 GiB */
  maxBytes?: number;
}

/** What {@link imreadWithInfo} reports about the file. */
export interface ImageInfo {
  /** Container format: 'png', 'jpeg', 'webp', 'tiff', 'gif', 'avif', 'heif', 'svg', … */
  format: string;
  width: number;
  height: number;
  /** Channels as stored (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA; palettes expanded). */
  channels: number;
  /** Bits per sample of the decoded pixels: 8 or 16. */
  depth: 8 | 16;
  /** Pixels per inch, when the file says. */
  density?: number;
  /** Whether the file carries an ICC colour profile (pixels are returned as stored, not converted). */
  hasIccProfile: boolean;
  /** Whether the file stores a palette (returned expanded to RGB or RGBA). */
  isPalette: boolean;
  /** EXIF orientation 1–8, when present. */
  orientation?: number;
  /** Pages (frames), for multi-page formats. */
  pages: number;
}

/**
 * Pillow's rule for 16-bit grey ('I;16') to 8-bit L: values above 255 clip to 255.
 */
const grey16ToL = (v: number): number => Math.min(v, 255);

/**
 * Reads an image into an `NdArray`: `[h, w]` for grey, `[h, w, c]` for colour (c = 2 grey + alpha,
 * 3 RGB, 4 RGBA), uint8 or uint16 as stored — or converted as Pillow's `convert(mode)`.
 *
 * @throws NdImageError `ERR_IO` for a missing or unreadable path, `ERR_FORMAT` for bytes that are
 *   not a readable image (truncated, corrupt, unsupported), `ERR_LIMIT` for more pixels than
 *   `limitInputPixels`; the path is named in the message. `ERR_UNSUPPORTED` for a URL that is not
 *   `file:` (fetch it, then pass the bytes).
 * @example
 * ```ts
 * const im = await imread('photo.jpg', { mode: 'L' }); // np.array(Image.open('photo.jpg').convert('L'))
 * im.dtype; // 'uint8'
 * ```
 * @see PIL.Image.open(f).convert(mode), then numpy.array
 */
export async function imread(source: ImageSource, options?: ImreadOptions): Promise<NdArray> {
  return (await imreadWithInfo(source, options)).image;
}

/**
 * {@link imread}, with what the file says about itself.
 *
 * @example
 * ```ts
 * const { image, info } = await imreadWithInfo('scan.tif');
 * info.depth;  // 16  (a 16-bit TIFF: its pixels stay uint16)
 * image.dtype; // 'uint16'
 * ```
 * @see PIL.Image.open(f).info, .mode, .size
 */
export async function imreadWithInfo(
  source: ImageSource,
  options?: ImreadOptions,
): Promise<{ image: NdArray; info: ImageInfo }> {
  const o = checkOptions(options, IMREAD_KEYS);
  const mode = o.mode === undefined ? undefined : checkOneOf(o.mode, 'mode', MODES);
  const page = o.page === undefined ? 0 : checkInteger(o.page, 'page', { min: 0 });
  const limit = o.limitInputPixels;
  if (limit !== undefined && limit !== false && !(Number.isInteger(limit) && limit > 0))
    throw invalidArgument('limitInputPixels', 'a positive integer or false', limit);
  const maxBytes = o.maxBytes === undefined ? 2 ** 30 : checkInteger(o.maxBytes, 'maxBytes', { min: 1 });
  const { input, origin } = await resolveSource(source, maxBytes);
  const sharp = await loadSharp();
  const open = () =>
    sharp(input, {
      page,
      limitInputPixels: limit === undefined ? true : limit === false ? false : limit,
      // Truncated files fail (as Pillow's "image file is truncated"); harmless warnings do not.
      failOn: 'truncated',
    });
  let info: ImageInfo;
  let pixels: Pixels;
  let bits1 = false;
  try {
    const meta = await open().metadata();
    const depth16 = meta.depth === 'ushort' || meta.depth === 'short';
    bits1 = meta.bitsPerSample === 1;
    const grey = meta.channels === 1 || meta.channels === 2 ? !meta.isPalette : false;
    let pipeline = open();
    if (o.autoOrient === true) pipeline = pipeline.autoOrient();
    // Keep the stored interpretation: sharp would otherwise convert grey to sRGB (3 channels) and
    // 16-bit to 8-bit.
    // 8-bit grey + alpha is the exception: 'b-w' output drops its alpha, so it is read as sRGB + alpha
    // (R = G = B) and the grey and alpha channels picked out below.
    const greyAlpha8 = grey && meta.channels === 2 && !depth16;
    pipeline = pipeline.toColourspace(grey && !greyAlpha8 ? (depth16 ? 'grey16' : 'b-w') : depth16 ? 'rgb16' : 'srgb');
    const { data, info: out } = await pipeline
      .raw({ depth: depth16 ? 'ushort' : 'uchar' })
      .toBuffer({ resolveWithObject: true });
    // sharp's output buffer becomes the array's memory (no copy); 16-bit samples need a 2-byte
    // aligned start, which a fresh output buffer has, else they are copied.
    let samples: Uint8Array | Uint16Array = depth16
      ? data.byteOffset % 2 === 0
        ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength >> 1)
        : new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    let channels = out.channels;
    if (greyAlpha8 && channels === 4) {
      const n = out.width * out.height;
      const la = new Uint8Array(2 * n);
      for (let k = 0; k < n; k++) {
        la[2 * k] = samples[4 * k] as number;
        la[2 * k + 1] = samples[4 * k + 3] as number;
      }
      samples = la;
      channels = 2;
    }
    pixels = { data: samples, width: out.width, height: out.height, channels, bits: depth16 ? 16 : 8 };
    if (meta.format === 'png' && channels === 4 && !meta.isPalette)
      pixels.rgbTransparency = (await pngColourType(input)) === 2;
    info = {
      format: meta.format ?? 'unknown',
      width: out.width,
      height: out.height,
      channels,
      depth: depth16 ? 16 : 8,
      density: meta.density,
      hasIccProfile: meta.hasProfile === true,
      isPalette: meta.isPalette === true,
      orientation: meta.orientation,
      pages: meta.pages ?? 1,
    };
  } catch (e) {
    throw codecError(e, origin);
  }
  // A bilevel (1-bit) image is bool as stored, as Pillow's mode '1' (libvips decodes it as 0/255).
  const bilevel = info.channels === 1 && !info.isPalette && bits1;
  let image = mode === undefined && bilevel ? fromBilevel(pixels) : fromPixels(pixels, mode);
  if (o.dtype !== undefined) image = image.astype(o.dtype);
  return { image, info };
}

/** A bilevel image's 0/255 pixels as bool. */
function fromBilevel(p: Pixels): NdArray {
  const out = new Uint8Array(p.width * p.height);
  for (let k = 0; k < out.length; k++) out[k] = (p.data[k] as number) !== 0 ? 1 : 0;
  return new NdArray(out, [p.height, p.width], { dtype: 'bool' });
}

/** An NdArray of decoded (and possibly converted) pixels. */
function fromPixels(p: Pixels, mode: ImageMode | undefined): NdArray {
  const shape = (c: number): number[] => (c === 1 ? [p.height, p.width] : [p.height, p.width, c]);
  if (mode === undefined) return new NdArray(p.data, shape(p.channels), { dtype: p.bits === 16 ? 'uint16' : 'uint8' });
  const c = toMode(p, mode, grey16ToL);
  const dtype = mode === 'F' ? 'float32' : mode === '1' ? 'bool' : 'uint8';
  return new NdArray(c.data, shape(c.channels), { dtype });
}

/** The colour type byte of a PNG's IHDR (2 = RGB, 6 = RGBA, …), or -1 when it cannot be read. */
async function pngColourType(input: string | Buffer): Promise<number> {
  const PNG_COLOUR_TYPE = 25; // 8 signature + 4 length + 4 'IHDR' + 4 width + 4 height + 1 depth
  if (typeof input !== 'string') return input.length > PNG_COLOUR_TYPE ? (input[PNG_COLOUR_TYPE] as number) : -1;
  const file = await open(input, 'r');
  try {
    const head = Buffer.alloc(PNG_COLOUR_TYPE + 1);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead > PNG_COLOUR_TYPE ? (head[PNG_COLOUR_TYPE] as number) : -1;
  } finally {
    await file.close();
  }
}
