/**
 * A tiled TIFF writer for outputs larger than memory: tiles are appended to the file as they are
 * finished (in any order), and the directory — with every tile's offset and byte count — is
 * written last. Classic TIFF below 4 GiB, BigTIFF above. Uncompressed or Deflate (zlib), one
 * sample per pixel (grey) or 3/4 (RGB/RGBA), 8/16/32/64-bit integer or float samples.
 *
 * sharp (libvips) cannot write a TIFF tile by tile from a stream of regions, which is why the
 * format is written here; it is small (the TIFF 6.0 and BigTIFF layouts), and what libvips,
 * Pillow and tifffile read.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { DTYPE_INFO, type DType, type NdArray, NdImageError, type TypedArray } from '@ndimage/core-array';
import type { Box } from '../region.js';
import { checkTarget, commit, discard, temporaryBeside } from './atomic-dir.js';
import type { ChunkedSink } from './types.js';

/** Options of {@link TiffSink.create}. */
export interface TiffSinkOptions {
  shape: readonly number[];
  dtype: DType;
  /** Tile shape [rows, cols] (multiples of 16, as TIFF requires). @defaultValue [512, 512] */
  tile?: readonly number[];
  /** Tile compression. @defaultValue 'deflate' */
  compression?: 'none' | 'deflate';
  /** Replace an existing output. @defaultValue false */
  overwrite?: boolean;
}

const TAG = {
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  Photometric: 262,
  SamplesPerPixel: 277,
  PlanarConfiguration: 284,
  TileWidth: 322,
  TileLength: 323,
  TileOffsets: 324,
  TileByteCounts: 325,
  ExtraSamples: 338,
  SampleFormat: 339,
} as const;

const SHORT = 3;
const LONG = 4;
const LONG8 = 16;

/** Rounds a tile size up to a multiple of 16. */
export function tiffTileSize(n: number): number {
  return Math.max(16, Math.ceil(n / 16) * 16);
}

/** An output written as a tiled TIFF. */
export class TiffSink implements ChunkedSink {
  readonly concurrentWrites = false;
  readonly chunks: readonly number[];
  private end: number;
  private readonly offsets: number[];
  private readonly counts: number[];
  private readonly across: number;
  private readonly down: number;

  private constructor(
    private readonly fh: FileHandle,
    private readonly tmp: string,
    readonly path: string,
    readonly shape: readonly number[],
    readonly dtype: DType,
    private readonly tile: [number, number],
    private readonly compression: 'none' | 'deflate',
    private readonly big: boolean,
  ) {
    this.chunks = shape.length === 3 ? [tile[0], tile[1], shape[2] as number] : [tile[0], tile[1]];
    this.across = Math.ceil((shape[1] as number) / tile[1]);
    this.down = Math.ceil((shape[0] as number) / tile[0]);
    this.offsets = new Array<number>(this.across * this.down).fill(0);
    this.counts = new Array<number>(this.across * this.down).fill(0);
    this.end = big ? 16 : 8;
  }

  /** Creates the file under a temporary name beside `path`. */
  static async create(path: string, o: TiffSinkOptions): Promise<TiffSink> {
    const { shape, dtype } = o;
    if (shape.length !== 2 && !(shape.length === 3 && [1, 3, 4].includes(shape[2] as number))) {
      throw new NdImageError(
        'ERR_SHAPE',
        `a TIFF output holds [rows, cols] or [rows, cols, 1|3|4] arrays; got [${shape.join(', ')}]`,
        { argument: 'output' },
      );
    }
    if (dtype === 'int64' || dtype === 'uint64') {
      throw new NdImageError(
        'ERR_UNSUPPORTED',
        `TIFF outputs take up to 32-bit integers and floats; got ${dtype} (write Zarr)`,
        {
          argument: 'output',
        },
      );
    }
    checkTarget(path, o.overwrite ?? false);
    const t = o.tile ?? [512, 512];
    const tile: [number, number] = [tiffTileSize(t[0] as number), tiffTileSize(t[1] as number)];
    const channels = shape.length === 3 ? (shape[2] as number) : 1;
    const raw =
      Math.ceil((shape[0] as number) / tile[0]) *
      tile[0] *
      Math.ceil((shape[1] as number) / tile[1]) *
      tile[1] *
      channels *
      DTYPE_INFO[dtype].itemsize;
    // Deflate can grow incompressible tiles slightly; leave room before switching to BigTIFF.
    const big = raw * 1.01 + 2 ** 20 > 2 ** 32 - 1;
    const tmp = temporaryBeside(path);
    const fh = await open(tmp, 'w+');
    return new TiffSink(fh, tmp, path, shape, dtype, tile, o.compression ?? 'deflate', big);
  }

  async write(box: Box, data: NdArray): Promise<void> {
    const [th, tw] = this.tile;
    const c = data.toContiguous();
    const src = (c.data as TypedArray).subarray(c.offset, c.offset + c.size) as TypedArray;
    const channels = this.shape.length === 3 ? (this.shape[2] as number) : 1;
    const item = DTYPE_INFO[this.dtype].itemsize;
    const bh = (box.stop[0] as number) - (box.start[0] as number);
    const bw = (box.stop[1] as number) - (box.start[1] as number);
    const srcBytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
    for (let y0 = box.start[0] as number; y0 < (box.stop[0] as number); y0 += th) {
      for (let x0 = box.start[1] as number; x0 < (box.stop[1] as number); x0 += tw) {
        if (y0 % th !== 0 || x0 % tw !== 0) {
          throw new NdImageError(
            'ERR_INVALID_ARGUMENT',
            `TIFF writes must be aligned to ${th}×${tw} tiles; got a box at [${y0}, ${x0}]`,
          );
        }
        // Edge tiles are stored full size, padded with zeros (TIFF 6.0, section 15).
        const tileBytes = new Uint8Array(th * tw * channels * item);
        const rows = Math.min(th, (box.start[0] as number) + bh - y0);
        const cols = Math.min(tw, (box.start[1] as number) + bw - x0);
        const rowBytes = cols * channels * item;
        for (let r = 0; r < rows; r++) {
          const from = ((y0 - (box.start[0] as number) + r) * bw + (x0 - (box.start[1] as number))) * channels * item;
          tileBytes.set(srcBytes.subarray(from, from + rowBytes), r * tw * channels * item);
        }
        if (this.dtype === 'bool') for (let k = 0; k < tileBytes.length; k++) tileBytes[k] = tileBytes[k] === 0 ? 0 : 1;
        const stored = this.compression === 'deflate' ? deflateSync(tileBytes, { level: 1 }) : tileBytes;
        const at = (y0 / th) * this.across + x0 / tw;
        const offset = this.end;
        this.end += stored.length + (stored.length & 1); // word-aligned, as TIFF recommends
        if (!this.big && this.end > 2 ** 32 - 2 ** 20) {
          throw new NdImageError('ERR_LIMIT', `${this.path}: the tiles outgrew classic TIFF's 4 GiB`, {
            path: this.path,
          });
        }
        await this.fh.write(stored, 0, stored.length, offset);
        this.offsets[at] = offset;
        this.counts[at] = stored.length;
      }
    }
  }

  async close(): Promise<void> {
    try {
      await this.writeDirectory();
    } finally {
      await this.fh.close();
    }
    await commit(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await discard(this.tmp);
  }

  private async writeDirectory(): Promise<void> {
    const missing = this.counts.indexOf(0);
    if (missing >= 0) {
      throw new NdImageError('ERR_IO', `${this.path}: tile ${missing} was never written`, { path: this.path });
    }
    const channels = this.shape.length === 3 ? (this.shape[2] as number) : 1;
    const info = DTYPE_INFO[this.dtype];
    const bits = this.dtype === 'bool' ? 8 : info.itemsize * 8;
    const format = info.kind === 'f' ? 3 : info.kind === 'i' ? 2 : 1;
    const big = this.big;
    const ptr = big ? LONG8 : LONG;
    const ptrSize = big ? 8 : 4;
    // Entries: tag, type, values (written inline when they fit, else in the data area after the IFD).
    const entries: [number, number, number[]][] = [
      [TAG.ImageWidth, LONG, [this.shape[1] as number]],
      [TAG.ImageLength, LONG, [this.shape[0] as number]],
      [TAG.BitsPerSample, SHORT, new Array<number>(channels).fill(bits)],
      [TAG.Compression, SHORT, [this.compression === 'deflate' ? 8 : 1]],
      [TAG.Photometric, SHORT, [channels >= 3 ? 2 : 1]],
      [TAG.SamplesPerPixel, SHORT, [channels]],
      [TAG.PlanarConfiguration, SHORT, [1]],
      [TAG.TileWidth, LONG, [this.tile[1]]],
      [TAG.TileLength, LONG, [this.tile[0]]],
      [TAG.TileOffsets, ptr, this.offsets],
      [TAG.TileByteCounts, ptr, this.counts],
      ...(channels === 4 ? [[TAG.ExtraSamples, SHORT, [2]] as [number, number, number[]]] : []),
      [TAG.SampleFormat, SHORT, new Array<number>(channels).fill(format)],
    ];
    const typeSize = (t: number) => (t === SHORT ? 2 : t === LONG ? 4 : 8);
    const entrySize = big ? 20 : 12;
    const ifdStart = this.end + (this.end & 1);
    const ifdSize = (big ? 8 : 2) + entries.length * entrySize + ptrSize;
    let extra = ifdStart + ifdSize;
    const extras: [number, Uint8Array][] = [];
    const ifd = new Uint8Array(ifdSize);
    const dv = new DataView(ifd.buffer);
    let p = 0;
    if (big) {
      dv.setBigUint64(p, BigInt(entries.length), true);
      p += 8;
    } else {
      dv.setUint16(p, entries.length, true);
      p += 2;
    }
    const put = (view: DataView, at: number, type: number, v: number) => {
      if (type === SHORT) view.setUint16(at, v, true);
      else if (type === LONG) view.setUint32(at, v, true);
      else view.setBigUint64(at, BigInt(v), true);
    };
    for (const [tag, type, values] of entries) {
      dv.setUint16(p, tag, true);
      dv.setUint16(p + 2, type, true);
      if (big) dv.setBigUint64(p + 4, BigInt(values.length), true);
      else dv.setUint32(p + 4, values.length, true);
      const valueAt = p + (big ? 12 : 8);
      const bytes = values.length * typeSize(type);
      if (bytes <= ptrSize) {
        values.forEach((v, i) => {
          put(dv, valueAt + i * typeSize(type), type, v);
        });
      } else {
        const block = new Uint8Array(bytes + (bytes & 1));
        const bv = new DataView(block.buffer);
        values.forEach((v, i) => {
          put(bv, i * typeSize(type), type, v);
        });
        if (big) dv.setBigUint64(valueAt, BigInt(extra), true);
        else dv.setUint32(valueAt, extra, true);
        extras.push([extra, block]);
        extra += block.length;
      }
      p += entrySize;
    }
    // Next IFD: none (already zero).
    await this.fh.write(ifd, 0, ifd.length, ifdStart);
    for (const [at, block] of extras) await this.fh.write(block, 0, block.length, at);
    const header = new Uint8Array(big ? 16 : 8);
    const hv = new DataView(header.buffer);
    header[0] = 0x49;
    header[1] = 0x49;
    if (big) {
      hv.setUint16(2, 43, true);
      hv.setUint16(4, 8, true);
      hv.setUint16(6, 0, true);
      hv.setBigUint64(8, BigInt(ifdStart), true);
    } else {
      hv.setUint16(2, 42, true);
      hv.setUint32(4, ifdStart, true);
    }
    await this.fh.write(header, 0, header.length, 0);
  }
}
