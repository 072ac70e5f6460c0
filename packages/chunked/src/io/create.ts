/**
 * Creating outputs: the sink an output spec (or a path) names, with the defaults that keep the
 * input's Zarr format, codec, chunk shape and OME-Zarr metadata.
 */
import type { DType } from '@ndimage/core-array';
import { NdImageError } from '@ndimage/core-array';
import { MemorySink } from './memory.js';
import { NpySink } from './npy-file.js';
import { TiffSink, tiffTileSize } from './tiff-sink.js';
import type { ChunkedSink, ChunkedSource, ZarrCodec } from './types.js';
import { createZarrSink, type ZarrSinkOptions } from './zarr-sink.js';
import type { ZarrSource } from './zarr-source.js';

/** A Zarr output. */
export interface ZarrOutput {
  kind: 'zarr';
  /** The folder to create. */
  location: string;
  /** Zarr format. @defaultValue the input's (a Zarr input), else 3 */
  format?: 2 | 3;
  /** Compressor; `null` for none. @defaultValue the input's (a Zarr input), else zstd level 1 */
  codec?: ZarrCodec;
  /** Write OME-Zarr (a multiscale group, the array at `0`). @defaultValue whether the input is OME-Zarr */
  ome?: ZarrSinkOptions['ome'];
}

/** A tiled TIFF output. */
export interface TiffOutput {
  kind: 'tiff';
  path: string;
  /** @defaultValue 'deflate' */
  compression?: 'none' | 'deflate';
}

/** A `.npy` output. */
export interface NpyOutput {
  kind: 'npy';
  path: string;
}

/** Where a result goes: a path (`.zarr` folder, `.tif`/`.tiff`, `.npy`), a spec, or an open sink. */
export type OutputRef = string | ZarrOutput | TiffOutput | NpyOutput | ChunkedSink;

/**
 * The output spec a path names: `.npy`, `.tif`/`.tiff`, else a Zarr folder.
 *
 * @example
 * ```ts
 * outputSpecOf('out.tif');  // { kind: 'tiff', path: 'out.tif' }
 * outputSpecOf('out.zarr'); // { kind: 'zarr', location: 'out.zarr' }
 * ```
 * @see zarr.open (zarr-python), for what a Zarr output is
 */
export function outputSpecOf(path: string): ZarrOutput | TiffOutput | NpyOutput {
  const lower = path.toLowerCase().replace(/\/+$/, '');
  if (lower.endsWith('.npy')) return { kind: 'npy', path };
  if (/\.tiff?$/.test(lower)) return { kind: 'tiff', path };
  if (/\.(png|jpe?g|webp)$/.test(lower)) {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `${path}: large outputs are written as Zarr (.zarr), tiled TIFF (.tif) or .npy`,
      {
        path,
      },
    );
  }
  return { kind: 'zarr', location: path };
}

/** The chunk shape an output of `kind` will use for `chunks` (TIFF tiles are multiples of 16). */
export function outputChunks(kind: string, chunks: readonly number[], shape: readonly number[]): number[] {
  if (kind !== 'tiff') return chunks.slice();
  return chunks.map((c, k) => (k < 2 ? tiffTileSize(c) : (shape[k] as number)));
}

/**
 * Creates the sink for `output` (under a temporary name, moved into place by `close()`): Zarr
 * keeps a Zarr source's format, codec and OME-Zarr metadata unless the spec says otherwise.
 *
 * @example
 * ```ts
 * const sink = await createSink('out.zarr', { shape: [20000, 20000], dtype: 'uint8', chunks: [1024, 1024] });
 * await sink.write({ start: [0, 0], stop: [1024, 1024] }, tile);
 * await sink.close();
 * ```
 * @see zarr.create (zarr-python)
 */
export async function createSink(
  output: Exclude<OutputRef, ChunkedSink | string> | string,
  o: { shape: readonly number[]; dtype: DType; chunks: readonly number[]; source?: ChunkedSource; overwrite?: boolean },
): Promise<ChunkedSink> {
  const spec = typeof output === 'string' ? outputSpecOf(output) : output;
  switch (spec.kind) {
    case 'zarr': {
      const zs = o.source as Partial<ZarrSource> | undefined;
      const ome = spec.ome ?? (zs?.ome !== undefined ? { axes: zs.ome.axes, name: zs.ome.name } : false);
      return createZarrSink(spec.location, {
        shape: o.shape,
        dtype: o.dtype,
        chunks: o.chunks,
        format: spec.format ?? zs?.zarrFormat ?? 3,
        codec: spec.codec !== undefined ? spec.codec : zs?.codec !== undefined ? zs.codec : { id: 'zstd', level: 1 },
        ome,
        overwrite: o.overwrite,
      });
    }
    case 'tiff':
      return TiffSink.create(spec.path, {
        shape: o.shape,
        dtype: o.dtype,
        tile: o.chunks.slice(0, 2),
        compression: spec.compression,
        overwrite: o.overwrite,
      });
    case 'npy':
      return NpySink.create(spec.path, { shape: o.shape, dtype: o.dtype, chunks: o.chunks, overwrite: o.overwrite });
    default:
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `unknown output kind ${JSON.stringify((spec as { kind: unknown }).kind)}`,
        {
          argument: 'output',
        },
      );
  }
}

export { MemorySink };
