/**
 * From a serialisable spec (or a path) to an open source or sink: what the coordinator and every
 * worker call, so the same job description works in a thread or on another machine.
 */
import { NdImageError } from '@ndimage/core-array';
import { ImageSource } from './image-source.js';
import { NpySink, openNpySource } from './npy-file.js';
import type { ChunkedSink, ChunkedSource, SinkSpec, SourceSpec } from './types.js';
import { openZarrSink } from './zarr-sink.js';
import { openZarrSource } from './zarr-source.js';

/**
 * The spec a path names: a `.zarr` folder (or any folder, or an http(s) URL) is Zarr, `.npy` is
 * NumPy, `.tif`/`.tiff`/`.png`/`.jpg`/`.jpeg` are images.
 *
 * @example
 * ```ts
 * specOf('scan.zarr'); // { kind: 'zarr', location: 'scan.zarr' }
 * specOf('slide.tif'); // { kind: 'image', path: 'slide.tif' }
 * ```
 * @see dask_image.imread.imread, which opens images lazily the same way
 */
export function specOf(path: string): SourceSpec {
  if (typeof path !== 'string' || path === '') {
    throw new NdImageError('ERR_INVALID_ARGUMENT', `an input must be a path or URL; got ${JSON.stringify(path)}`, {
      argument: 'input',
    });
  }
  const lower = path.toLowerCase().replace(/\/+$/, '');
  if (lower.endsWith('.npy')) return { kind: 'npy', path };
  if (/\.(tiff?|png|jpe?g|webp)$/.test(lower)) return { kind: 'image', path };
  return { kind: 'zarr', location: path };
}

/**
 * Opens a source from its spec: a Zarr array (or OME-Zarr image), an image read region by region,
 * or a `.npy` file.
 *
 * @example
 * ```ts
 * const src = await openSource({ kind: 'zarr', location: 'https://example.org/slide.zarr' });
 * const tile = await src.read({ start: [0, 0], stop: [512, 512] });
 * await src.close();
 * ```
 * @see zarr.open (zarr-python), dask.array.from_zarr
 */
export async function openSource(spec: SourceSpec): Promise<ChunkedSource> {
  switch (spec.kind) {
    case 'zarr':
      return openZarrSource(spec);
    case 'image':
      return ImageSource.open(spec);
    case 'npy':
      return openNpySource(spec);
    default:
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `unknown source kind ${JSON.stringify((spec as { kind: unknown }).kind)}`,
        {
          argument: 'source',
        },
      );
  }
}

/** Opens an existing sink for writing from its spec (TIFF outputs are written by the coordinator only). */
export async function openSink(spec: SinkSpec): Promise<ChunkedSink> {
  switch (spec.kind) {
    case 'zarr':
      return openZarrSink(spec);
    case 'npy':
      return NpySink.open(spec.path);
    default:
      throw new NdImageError(
        'ERR_UNSUPPORTED',
        `a ${spec.kind} output is written by the coordinator, not opened by workers`,
        {
          argument: 'sink',
        },
      );
  }
}
