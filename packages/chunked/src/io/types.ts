/**
 * The chunked array abstraction: a source reads any box of a large array, a sink takes the output
 * chunk by chunk. Backends: Zarr v2/v3 (zarrita), big TIFF/PNG/JPEG (sharp) with a tiled TIFF
 * writer, `.npy` files, and in-memory arrays.
 */
import type { DType, NdArray } from '@ndimage/core-array';
import type { Box } from '../region.js';

/** A large array read box by box. */
export interface ChunkedSource {
  /** The array's shape. */
  readonly shape: readonly number[];
  /** Its element type. */
  readonly dtype: DType;
  /** Its natural chunk (tile) shape: the unit the backend reads cheaply. */
  readonly chunks: readonly number[];
  /** Zarr format of a Zarr source (2 or 3), for outputs that keep it. */
  readonly zarrFormat?: 2 | 3;
  /** A Zarr source's compressor/codec metadata, for outputs that keep it. */
  readonly codec?: ZarrCodec;
  /** Reads a box (inside the array) into a new C-contiguous array. */
  read(box: Box): Promise<NdArray>;
  /** Releases files and caches. */
  close(): Promise<void>;
}

/** A large array written chunk by chunk. */
export interface ChunkedSink {
  readonly shape: readonly number[];
  readonly dtype: DType;
  /** The chunk (tile) shape writes must be aligned to. */
  readonly chunks: readonly number[];
  /** Whether several threads (or machines) may write disjoint chunks at once. */
  readonly concurrentWrites: boolean;
  /** Writes a box made of whole chunks (edge chunks clipped to the array). */
  write(box: Box, data: NdArray): Promise<void>;
  /** Finishes the file (metadata, index, rename into place). */
  close(): Promise<void>;
  /** Removes what was written (after a failure). */
  abort(): Promise<void>;
}

/** A Zarr compressor: `null` for none, else a numcodecs-style id and its settings. */
export type ZarrCodec = null | { id: 'zlib' | 'gzip' | 'zstd' | 'blosc' | 'lz4'; [setting: string]: unknown };

/**
 * A serialisable description of a source: what a worker thread (or another machine) needs to open
 * the same array.
 */
export type SourceSpec =
  | {
      kind: 'zarr';
      /** A folder (Node) or an http(s) URL of the store. */
      location: string;
      /** Path of the array inside the store; for an OME-Zarr group, the multiscale level is used. */
      path?: string;
      /** OME-Zarr multiscale level (0 = full resolution). @defaultValue 0 */
      level?: number;
    }
  | { kind: 'image'; path: string; page?: number }
  | { kind: 'npy'; path: string };

/** A serialisable description of an output that exists already (created by {@link createSink}). */
export type SinkSpec =
  | { kind: 'zarr'; location: string; path?: string }
  | { kind: 'tiff'; path: string }
  | { kind: 'npy'; path: string };
