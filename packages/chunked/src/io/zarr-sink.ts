/**
 * Zarr v2/v3 outputs (optionally OME-Zarr): the metadata written here, the chunks encoded and
 * stored by zarrita. Chunks are independent files, so threads and machines write them at once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DType, type NdArray, NdImageError } from '@ndimage/core-array';
import type { Box } from '../region.js';
import { checkTarget, commit, discard, temporaryBeside } from './atomic-dir.js';
import { zarrDataType, zarrV2DType } from './dtype-map.js';
import type { ChunkedSink, SinkSpec, ZarrCodec } from './types.js';
import { writeZarrChunks, type ZarrLayout, zarrLayout } from './zarr-chunk-writer.js';
import { locateArray, openStore, readJson, storeKey } from './zarr-store.js';

/** How to create a Zarr output. */
export interface ZarrSinkOptions {
  shape: readonly number[];
  dtype: DType;
  chunks: readonly number[];
  /** Zarr format. @defaultValue 3 */
  format?: 2 | 3;
  /** Compressor (numcodecs style); `null` stores raw chunks. @defaultValue `{ id: 'zstd', level: 1 }` */
  codec?: ZarrCodec;
  /** Write an OME-Zarr image (a group with `multiscales`, the array at `0`). @defaultValue false */
  ome?: boolean | { axes?: unknown[]; scale?: number[]; name?: string };
  /** Replace an existing output. @defaultValue false */
  overwrite?: boolean;
}

function v3Codecs(dtype: DType, codec: ZarrCodec): unknown[] {
  const out: unknown[] = [{ name: 'bytes', configuration: { endian: 'little' } }];
  if (codec === null) return out;
  const { id, ...cfg } = codec;
  if (id === 'zlib' || id === 'gzip') out.push({ name: 'gzip', configuration: { level: cfg.level ?? 1 } });
  else if (id === 'zstd')
    out.push({ name: 'zstd', configuration: { level: cfg.level ?? 1, checksum: cfg.checksum ?? false } });
  else if (id === 'blosc') {
    const shuffle = cfg.shuffle;
    out.push({
      name: 'blosc',
      configuration: {
        cname: cfg.cname ?? 'lz4',
        clevel: cfg.clevel ?? 5,
        shuffle:
          typeof shuffle === 'string'
            ? shuffle
            : shuffle === 2
              ? 'bitshuffle'
              : shuffle === 0
                ? 'noshuffle'
                : 'shuffle',
        typesize: DTYPE_SIZE[dtype],
        blocksize: cfg.blocksize ?? 0,
      },
    });
  } else {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `the ${id} codec has no Zarr v3 equivalent here; use zstd, gzip or blosc`,
      {
        argument: 'codec',
      },
    );
  }
  return out;
}

const DTYPE_SIZE: Record<DType, number> = {
  bool: 1,
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  uint64: 8,
  int64: 8,
  float32: 4,
  float64: 8,
  complex64: 8,
  complex128: 16,
};

function v2Compressor(codec: ZarrCodec): unknown {
  if (codec === null) return null;
  if (codec.id === 'blosc') {
    const s = codec.shuffle;
    return {
      id: 'blosc',
      cname: codec.cname ?? 'lz4',
      clevel: codec.clevel ?? 5,
      shuffle: typeof s === 'number' ? s : s === 'noshuffle' ? 0 : s === 'bitshuffle' ? 2 : 1,
      blocksize: codec.blocksize ?? 0,
    };
  }
  return { level: 1, ...codec };
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function omeAttrs(
  ndim: number,
  ome: Exclude<ZarrSinkOptions['ome'], boolean | undefined> | true,
  version: string,
): Record<string, unknown> {
  const o = ome === true ? {} : ome;
  const names =
    ndim === 2 ? ['y', 'x'] : ndim === 3 ? ['z', 'y', 'x'] : Array.from({ length: ndim }, (_, k) => `dim_${k}`);
  const axes =
    Array.isArray(o.axes) && o.axes.length === ndim
      ? o.axes
      : names.map((name) => ({ name, type: name.startsWith('dim') ? undefined : 'space' }));
  const scale = Array.isArray(o.scale) && o.scale.length === ndim ? o.scale : new Array<number>(ndim).fill(1);
  return {
    ...(version === '0.4' ? { version } : {}),
    ...(o.name === undefined ? {} : { name: o.name }),
    axes,
    datasets: [{ path: '0', coordinateTransformations: [{ type: 'scale', scale }] }],
  };
}

/**
 * Writes the metadata of a new Zarr array (or OME-Zarr image) in a temporary folder beside
 * `location` and returns the sink; `close()` moves it into place.
 */
export async function createZarrSink(location: string, options: ZarrSinkOptions): Promise<ZarrSink> {
  if (/^https?:/i.test(location)) {
    throw new NdImageError('ERR_UNSUPPORTED', `Zarr outputs are folders; ${location} is a URL (read only)`, {
      path: location,
    });
  }
  checkTarget(location, options.overwrite ?? false);
  const format = options.format ?? 3;
  const codec = options.codec === undefined ? { id: 'zstd' as const, level: 1 } : options.codec;
  const tmp = temporaryBeside(location);
  const arrayDir = options.ome ? join(tmp, '0') : tmp;
  await mkdir(arrayDir, { recursive: true });
  const { shape, dtype, chunks } = options;
  try {
    if (format === 2) {
      await writeFile(
        join(arrayDir, '.zarray'),
        json({
          zarr_format: 2,
          shape,
          chunks,
          dtype: zarrV2DType(dtype),
          compressor: v2Compressor(codec === null || codec.id !== 'gzip' ? codec : { ...codec, id: 'zlib' }),
          fill_value: dtype === 'bool' ? false : 0,
          order: 'C',
          filters: null,
          dimension_separator: '.',
        }),
      );
      if (options.ome) {
        await writeFile(join(tmp, '.zgroup'), json({ zarr_format: 2 }));
        await writeFile(join(tmp, '.zattrs'), json({ multiscales: [omeAttrs(shape.length, options.ome, '0.4')] }));
      }
    } else {
      await writeFile(
        join(arrayDir, 'zarr.json'),
        json({
          zarr_format: 3,
          node_type: 'array',
          shape,
          data_type: zarrDataType(dtype),
          chunk_grid: { name: 'regular', configuration: { chunk_shape: chunks } },
          chunk_key_encoding: { name: 'default', configuration: { separator: '/' } },
          fill_value: dtype === 'bool' ? false : 0,
          codecs: v3Codecs(dtype, codec),
          attributes: {},
        }),
      );
      if (options.ome) {
        await writeFile(
          join(tmp, 'zarr.json'),
          json({
            zarr_format: 3,
            node_type: 'group',
            attributes: { ome: { version: '0.5', multiscales: [omeAttrs(shape.length, options.ome, '0.5')] } },
          }),
        );
      }
    }
  } catch (e) {
    await discard(tmp);
    throw e;
  }
  const sink = await openZarrSink({ kind: 'zarr', location: tmp });
  sink.finalLocation = location;
  return sink;
}

/** An open Zarr output. */
export class ZarrSink implements ChunkedSink {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly chunks: readonly number[];
  readonly concurrentWrites = true;
  /** Where `close()` moves the finished output (unset for a sink opened by a worker). */
  finalLocation: string | undefined;

  constructor(
    private readonly layout: ZarrLayout,
    readonly location: string,
  ) {
    this.shape = layout.shape.slice();
    this.dtype = layout.dtype;
    this.chunks = layout.chunks.slice();
  }

  /** The serialisable spec workers open this output with. */
  get spec(): SinkSpec {
    return { kind: 'zarr', location: this.location };
  }

  async write(box: Box, data: NdArray): Promise<void> {
    try {
      await writeZarrChunks(this.layout, box, data);
    } catch (cause) {
      if (NdImageError.isInstance(cause)) throw cause;
      throw new NdImageError('ERR_IO', `cannot write to ${this.location}: ${(cause as Error).message}`, {
        cause,
        path: this.location,
      });
    }
  }

  async close(): Promise<void> {
    if (this.finalLocation !== undefined) await commit(this.location, this.finalLocation);
  }

  async abort(): Promise<void> {
    if (this.finalLocation !== undefined) await discard(this.location);
  }
}

/** Opens an existing Zarr output (a folder) for writing: what a worker does with a {@link SinkSpec}. */
export async function openZarrSink(spec: Extract<SinkSpec, { kind: 'zarr' }>): Promise<ZarrSink> {
  const store = openStore(spec.location);
  const info = await locateArray(store, spec.location, spec.path ?? '');
  const meta = await readJson(store, storeKey(info.path, info.format === 2 ? '.zarray' : 'zarr.json'), spec.location);
  if (meta === undefined)
    throw new NdImageError('ERR_IO', `no Zarr array at ${spec.location}`, { path: spec.location });
  return new ZarrSink(await zarrLayout(meta, join(spec.location, info.path)), spec.location);
}
