/**
 * Big TIFF, PNG and JPEG files read box by box through sharp: `extract(region)` lets libvips read
 * only the tiles (or, for strip images, the rows) a region needs, so memory follows the region,
 * not the image.
 */
import { NdArray, NdImageError } from '@ndimage/core-array';
import type SharpFn from 'sharp';
import type { Box } from '../region.js';
import type { ChunkedSource, SourceSpec } from './types.js';

type Sharp = typeof SharpFn;
let sharpModule: Promise<Sharp> | undefined;

/** sharp, loaded on first use (a native module: only image sources need it), with its cache off. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => {
    const s = ((m as unknown as { default?: Sharp }).default ?? m) as Sharp;
    // Bounded memory: libvips' operation cache would keep decoded regions alive.
    s.cache(false);
    return s;
  });
  return sharpModule;
}

/** An image file read region by region. */
export class ImageSource implements ChunkedSource {
  readonly chunks: readonly number[];
  private constructor(
    private readonly sharp: Sharp,
    readonly path: string,
    private readonly page: number,
    readonly shape: readonly number[],
    readonly dtype: 'uint8' | 'uint16',
    private readonly colourspace: string,
  ) {
    this.chunks = shape.map((n, k) => (k < 2 ? Math.min(n, 1024) : n));
  }

  static async open(spec: Extract<SourceSpec, { kind: 'image' }>): Promise<ImageSource> {
    const sharp = await loadSharp();
    const page = spec.page ?? 0;
    let meta: Awaited<ReturnType<ReturnType<Sharp>['metadata']>>;
    try {
      meta = await sharp(spec.path, { page, limitInputPixels: false }).metadata();
    } catch (cause) {
      throw new NdImageError('ERR_IO', `cannot read ${spec.path}: ${(cause as Error).message}`, {
        cause,
        path: spec.path,
      });
    }
    const { width, height, channels, depth } = meta;
    if (width === undefined || height === undefined || channels === undefined) {
      throw new NdImageError('ERR_FORMAT', `${spec.path}: the image has no size`, { path: spec.path });
    }
    const deep = depth === 'ushort' || depth === 'short';
    if (depth !== 'uchar' && depth !== 'char' && !deep) {
      throw new NdImageError(
        'ERR_UNSUPPORTED',
        `${spec.path} has ${depth} samples; chunked image reads take 8- and 16-bit images (use Zarr for others)`,
        { path: spec.path },
      );
    }
    const grey = (channels === 1 || channels === 2) && !meta.isPalette;
    if (grey && channels === 2) {
      throw new NdImageError('ERR_UNSUPPORTED', `${spec.path} is grey + alpha; convert it to grey or RGBA first`, {
        path: spec.path,
      });
    }
    const outChannels = grey ? 1 : channels === 4 || meta.hasAlpha ? 4 : 3;
    const colourspace = grey ? (deep ? 'grey16' : 'b-w') : deep ? 'rgb16' : 'srgb';
    const shape = outChannels === 1 ? [height, width] : [height, width, outChannels];
    return new ImageSource(sharp, spec.path, page, shape, deep ? 'uint16' : 'uint8', colourspace);
  }

  async read(box: Box): Promise<NdArray> {
    const [top, left] = box.start as [number, number];
    const height = (box.stop[0] as number) - top;
    const width = (box.stop[1] as number) - left;
    const channels = this.shape.length === 3 ? (this.shape[2] as number) : 1;
    let data: Buffer;
    try {
      data = await this.sharp(this.path, { page: this.page, limitInputPixels: false, failOn: 'truncated' })
        .extract({ left, top, width, height })
        .toColourspace(this.colourspace as never)
        .raw({ depth: this.dtype === 'uint16' ? 'ushort' : 'uchar' })
        .toBuffer();
    } catch (cause) {
      throw new NdImageError(
        'ERR_IO',
        `cannot read region [${box.start}]–[${box.stop}] of ${this.path}: ${(cause as Error).message}`,
        {
          cause,
          path: this.path,
        },
      );
    }
    const samples =
      this.dtype === 'uint16'
        ? new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (samples.length !== height * width * channels) {
      throw new NdImageError(
        'ERR_FORMAT',
        `${this.path}: sharp returned ${samples.length} samples for a ${height}×${width}×${channels} region`,
        {
          path: this.path,
        },
      );
    }
    let a = new NdArray(samples as never, channels === 1 ? [height, width] : [height, width, channels]);
    if (channels > 1) {
      const c0 = box.start[2] as number;
      const c1 = box.stop[2] as number;
      if (c0 !== 0 || c1 !== channels) a = a.slice(null, null, [c0, c1]).copy();
    }
    return a;
  }

  async close(): Promise<void> {}
}
