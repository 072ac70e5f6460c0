/**
 * Zarr v2/v3 arrays (and OME-Zarr images) as a {@link ChunkedSource}: a box is assembled from the
 * chunks it meets, each decoded once by zarrita and kept in a small cache.
 */
import { type DType, NdArray, NdImageError, type TypedArray } from '@ndimage/core-array';
import { allocate } from '@ndimage/core-array/internal';
import type * as zarr from 'zarrita';
import { type Box, boxShape, stridesOf } from '../region.js';
import { ChunkCache } from './chunk-cache.js';
import { fromZarrDataType } from './dtype-map.js';
import type { ChunkedSource, SourceSpec, ZarrCodec } from './types.js';
import { locateArray, type OmeMultiscale, openStore, openZarrArray, type ZarrStore } from './zarr-store.js';

/** Options of {@link openZarrSource}. */
export interface ZarrSourceOptions {
  /** Bytes of decoded chunks kept for halo reads. @defaultValue 64 MiB */
  cacheBytes?: number;
}

interface Decoded {
  data: TypedArray;
  shape: number[];
  stride: number[];
  byteLength: number;
}

/** An open Zarr array. */
export class ZarrSource implements ChunkedSource {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly chunks: readonly number[];
  readonly zarrFormat: 2 | 3;
  readonly codec: ZarrCodec;
  /** The OME-Zarr multiscale metadata of the group the array came from, if any. */
  readonly ome: OmeMultiscale | undefined;
  private readonly cache: ChunkCache<Decoded>;

  constructor(
    private readonly arr: zarr.Array<zarr.DataType, ZarrStore>,
    readonly where: string,
    format: 2 | 3,
    codec: ZarrCodec,
    ome: OmeMultiscale | undefined,
    cacheBytes: number,
  ) {
    this.shape = arr.shape.slice();
    this.dtype = fromZarrDataType(String(arr.dtype), where);
    this.chunks = arr.chunks.slice();
    this.zarrFormat = format;
    this.codec = codec;
    this.ome = ome;
    this.cache = new ChunkCache(cacheBytes);
  }

  private chunk(coords: number[]): Promise<Decoded> {
    return this.cache.get(coords.join(','), async () => {
      let c: zarr.Chunk<zarr.DataType>;
      try {
        c = await this.arr.getChunk(coords);
      } catch (cause) {
        throw new NdImageError(
          'ERR_IO',
          `cannot read chunk [${coords.join(', ')}] of ${this.where}: ${(cause as Error).message}`,
          {
            cause,
            path: this.where,
          },
        );
      }
      const raw = c.data as unknown as { buffer: ArrayBuffer; byteOffset: number; length: number; byteLength: number };
      // zarrita's BoolArray wraps bytes; core-array's bool is a Uint8Array of 0/1.
      const data = (this.dtype === 'bool' ? new Uint8Array(raw.buffer, raw.byteOffset, raw.length) : raw) as TypedArray;
      return { data, shape: c.shape, stride: c.stride, byteLength: raw.byteLength };
    });
  }

  async read(box: Box): Promise<NdArray> {
    const shape = boxShape(box);
    const size = shape.reduce((a, b) => a * b, 1);
    const out = allocate(this.dtype, size) as TypedArray;
    const nd = shape.length;
    if (size === 0) return new NdArray(out as never, shape, { dtype: this.dtype });
    const lo = box.start.map((s, k) => Math.floor(s / (this.chunks[k] as number)));
    const hi = box.stop.map((s, k) => Math.ceil(s / (this.chunks[k] as number)));
    const coords = lo.slice();
    const outStrides = stridesOf(shape);
    const jobs: Promise<void>[] = [];
    for (;;) {
      const at = coords.slice();
      jobs.push(this.chunk(at).then((c) => this.place(c, at, box, out, outStrides)));
      let k = nd - 1;
      for (; k >= 0; k--) {
        coords[k] = (coords[k] as number) + 1;
        if ((coords[k] as number) < (hi[k] as number)) break;
        coords[k] = lo[k] as number;
      }
      if (k < 0) break;
    }
    await Promise.all(jobs);
    return new NdArray(out as never, shape, { dtype: this.dtype });
  }

  /** Copies the part of chunk `c` at grid `coords` that lies in `box` into `out`. */
  private place(c: Decoded, coords: number[], box: Box, out: TypedArray, outStrides: number[]): void {
    const nd = coords.length;
    const c0 = coords.map((g, k) => g * (this.chunks[k] as number));
    const from = c0.map((s, k) => Math.max(s, box.start[k] as number));
    const to = c0.map((s, k) => Math.min(s + (this.chunks[k] as number), box.stop[k] as number));
    if (from.some((f, k) => f >= (to[k] as number))) return;
    const last = nd - 1;
    const len = (to[last] as number) - (from[last] as number);
    const rowContiguous = c.stride[last] === 1;
    const idx = from.slice();
    for (;;) {
      let src = 0;
      let dst = 0;
      for (let k = 0; k < nd; k++) {
        src += ((idx[k] as number) - (c0[k] as number)) * (c.stride[k] as number);
        dst += ((idx[k] as number) - (box.start[k] as number)) * (outStrides[k] as number);
      }
      if (rowContiguous) {
        (out as Uint8Array).set((c.data as Uint8Array).subarray(src, src + len), dst);
      } else {
        const st = c.stride[last] as number;
        for (let j = 0; j < len; j++) (out as Uint8Array)[dst + j] = (c.data as Uint8Array)[src + j * st] as number;
      }
      let k = last - 1;
      for (; k >= 0; k--) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (to[k] as number)) break;
        idx[k] = from[k] as number;
      }
      if (k < 0) return;
    }
  }

  async close(): Promise<void> {
    this.cache.clear();
  }
}

/**
 * Opens a Zarr v2 or v3 array — a folder, or an http(s) URL read with fetch — or the full
 * resolution level of an OME-Zarr image.
 *
 * @throws NdImageError `ERR_IO` when nothing is there, `ERR_FORMAT` for bad metadata,
 *   `ERR_UNSUPPORTED` for data types other than bool, integers and floats.
 * @example
 * ```ts
 * const src = await openZarrSource({ kind: 'zarr', location: 'scan.zarr' });
 * src.shape;  // [20000, 20000]
 * src.chunks; // [1024, 1024]
 * const tile = await src.read({ start: [0, 0], stop: [256, 256] });
 * ```
 */
export async function openZarrSource(
  spec: Extract<SourceSpec, { kind: 'zarr' }>,
  options: ZarrSourceOptions = {},
): Promise<ZarrSource> {
  const store = openStore(spec.location);
  const info = await locateArray(store, spec.location, spec.path ?? '', spec.level ?? 0);
  const arr = await openZarrArray(store, info, spec.location);
  return new ZarrSource(arr, spec.location, info.format, info.codec, info.ome, options.cacheBytes ?? 64 * 2 ** 20);
}
