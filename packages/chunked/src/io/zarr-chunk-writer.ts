/**
 * Writing Zarr chunks directly: each output chunk is packed from the result (any strides, so the
 * core of a block is never copied first), encoded with the array's codec (Node's zlib for
 * zlib/gzip, numcodecs' WebAssembly for Blosc, Zstandard and LZ4) and stored as its own file under
 * the v2 (`0.1`) or v3 (`c/0/1`) key. One copy and one encode per chunk; zarrita's general
 * `set` (which copies element by element through a selection) stays for reading.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { DTYPE_INFO, type DType, type NdArray, NdImageError, type TypedArray } from '@ndimage/core-array';
import { allocate } from '@ndimage/core-array/internal';
import type { Box } from '../region.js';

type Encode = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** The layout and codec of a Zarr array, from its metadata document. */
export interface ZarrLayout {
  format: 2 | 3;
  shape: number[];
  chunks: number[];
  dtype: DType;
  /** Folder of the array. */
  dir: string;
  /** Chunk key of grid coordinates. */
  key(coords: readonly number[]): string;
  encode: Encode;
}

async function numcodec(id: 'blosc' | 'zstd' | 'lz4', config: Record<string, unknown>): Promise<Encode> {
  const mod =
    id === 'blosc'
      ? await import('numcodecs/blosc')
      : id === 'zstd'
        ? await import('numcodecs/zstd')
        : await import('numcodecs/lz4');
  const codec = (
    mod.default as unknown as { fromConfig(c: unknown): { encode(b: Uint8Array): Promise<Uint8Array> } }
  ).fromConfig({
    id,
    ...config,
  });
  return (b) => codec.encode(b);
}

async function compressorOf(c: Record<string, unknown> | null | undefined, typesize: number): Promise<Encode> {
  if (c === null || c === undefined) return (b) => b;
  const level = typeof c.level === 'number' ? c.level : 1;
  switch (c.id) {
    case 'zlib':
      return (b) => deflateSync(b, { level });
    case 'gzip':
      return (b) => gzipSync(b, { level });
    case 'blosc': {
      const s = c.shuffle;
      const shuffle = typeof s === 'number' ? s : s === 'noshuffle' ? 0 : s === 'bitshuffle' ? 2 : 1;
      return numcodec('blosc', {
        cname: c.cname ?? 'lz4',
        clevel: c.clevel ?? 5,
        shuffle,
        blocksize: c.blocksize ?? 0,
        typesize,
      });
    }
    case 'zstd':
      return numcodec('zstd', { level });
    case 'lz4':
      return numcodec('lz4', { acceleration: c.acceleration ?? 1 });
    default:
      throw new NdImageError(
        'ERR_UNSUPPORTED',
        `writing Zarr with the ${String(c.id)} codec is not supported (use zstd, zlib, gzip, blosc or lz4)`,
      );
  }
}

/** Reads the layout of the array whose metadata document is `meta`, stored in folder `dir`. */
export async function zarrLayout(meta: Record<string, unknown>, dir: string): Promise<ZarrLayout> {
  const shape = meta.shape as number[];
  if (meta.zarr_format === 2) {
    const dtype = V2_DTYPES[meta.dtype as string];
    if (dtype === undefined || meta.order === 'F' || (Array.isArray(meta.filters) && meta.filters.length > 0)) {
      throw new NdImageError('ERR_UNSUPPORTED', `${dir}: writing needs a C-order little-endian array without filters`, {
        path: dir,
      });
    }
    const sep = (meta.dimension_separator as string | undefined) ?? '.';
    return {
      format: 2,
      shape,
      chunks: meta.chunks as number[],
      dtype,
      dir,
      key: (c) => (c.length === 0 ? '0' : c.join(sep)),
      encode: await compressorOf(meta.compressor as Record<string, unknown> | null, DTYPE_INFO[dtype].itemsize),
    };
  }
  const dtype = meta.data_type as DType;
  const grid = meta.chunk_grid as { configuration: { chunk_shape: number[] } };
  const keyEnc = meta.chunk_key_encoding as { name: string; configuration?: { separator?: string } };
  const sep = keyEnc.configuration?.separator ?? (keyEnc.name === 'v2' ? '.' : '/');
  const codecs = meta.codecs as { name: string; configuration?: Record<string, unknown> }[];
  if (codecs[0]?.name !== 'bytes' || codecs.length > 2 || (codecs[0].configuration?.endian ?? 'little') !== 'little') {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      `${dir}: writing needs the codecs [bytes (little endian), one compressor]`,
      { path: dir },
    );
  }
  const comp = codecs[1];
  return {
    format: 3,
    shape,
    chunks: grid.configuration.chunk_shape,
    dtype,
    dir,
    key: (c) => (keyEnc.name === 'v2' ? (c.length === 0 ? '0' : c.join(sep)) : ['c', ...c].join(sep)),
    encode: await compressorOf(
      comp === undefined ? null : { id: comp.name, ...comp.configuration },
      DTYPE_INFO[dtype].itemsize,
    ),
  };
}

const V2_DTYPES: Record<string, DType> = {
  '|b1': 'bool',
  '|u1': 'uint8',
  '|i1': 'int8',
  '<u2': 'uint16',
  '<i2': 'int16',
  '<u4': 'uint32',
  '<i4': 'int32',
  '<u8': 'uint64',
  '<i8': 'int64',
  '<f4': 'float32',
  '<f8': 'float64',
};

/**
 * Writes the chunks that make up `box` (edge chunks clipped to the array) from `data` (the box's
 * values, any strides). Each chunk is stored full size, padded with the fill value 0.
 */
export async function writeZarrChunks(layout: ZarrLayout, box: Box, data: NdArray): Promise<void> {
  const nd = layout.shape.length;
  const { chunks } = layout;
  const lo = box.start.map((s, k) => Math.floor(s / (chunks[k] as number)));
  const hi = box.stop.map((s, k) => Math.ceil(s / (chunks[k] as number)));
  if (box.start.some((s, k) => s % (chunks[k] as number) !== 0)) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `Zarr writes must start on chunk boundaries; got [${box.start}] for chunks [${chunks}]`,
    );
  }
  const size = chunks.reduce((a, b) => a * b, 1);
  const cstr = new Array<number>(nd);
  for (let k = nd - 1, acc = 1; k >= 0; k--) {
    cstr[k] = acc;
    acc *= chunks[k] as number;
  }
  const src = data.data as TypedArray;
  const coords = lo.slice();
  const dirs = new Set<string>();
  const buf = scratch(layout.dtype, size);
  try {
    for (;;) {
      // Edge chunks: the part outside the array is the fill value.
      if (box.stop.some((s, k) => s - (coords[k] as number) * (chunks[k] as number) < (chunks[k] as number)))
        buf.fill((layout.dtype === 'int64' || layout.dtype === 'uint64' ? 0n : 0) as never);
      const c0 = coords.map((g, k) => g * (chunks[k] as number));
      const c1 = c0.map((s, k) => Math.min(s + (chunks[k] as number), box.stop[k] as number));
      const last = nd - 1;
      const len = (c1[last] as number) - (c0[last] as number);
      const idx = c0.slice();
      const sst = data.strides[last] as number;
      for (;;) {
        let s = data.offset;
        let d = 0;
        for (let k = 0; k < nd; k++) {
          s += ((idx[k] as number) - (box.start[k] as number)) * (data.strides[k] as number);
          d += ((idx[k] as number) - (c0[k] as number)) * (cstr[k] as number);
        }
        if (sst === 1) (buf as Uint8Array).set((src as Uint8Array).subarray(s, s + len), d);
        else for (let j = 0; j < len; j++) (buf as Uint8Array)[d + j] = (src as Uint8Array)[s + j * sst] as number;
        let k = last - 1;
        for (; k >= 0; k--) {
          idx[k] = (idx[k] as number) + 1;
          if ((idx[k] as number) < (c1[k] as number)) break;
          idx[k] = c0[k] as number;
        }
        if (k < 0 || nd === 1) break;
      }
      const bytes = await layout.encode(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
      const file = join(layout.dir, layout.key(coords));
      const parent = dirname(file);
      if (!dirs.has(parent)) {
        await mkdir(parent, { recursive: true });
        dirs.add(parent);
      }
      await writeFile(file, bytes);
      let k = nd - 1;
      for (; k >= 0; k--) {
        coords[k] = (coords[k] as number) + 1;
        if ((coords[k] as number) < (hi[k] as number)) break;
        coords[k] = lo[k] as number;
      }
      if (k < 0) return;
    }
  } finally {
    release(buf);
  }
}

/**
 * Chunk buffers reused from write to write: a fresh multi-megabyte buffer costs a page fault per
 * 4 KiB on first touch (measured: as long as packing the chunk).
 */
const spare = new Map<string, TypedArray[]>();

function scratch(dtype: DType, size: number): TypedArray {
  // keyed by the typed array's length: a complex element is two floats
  const list = spare.get(`${DTYPE_CTOR[dtype]}:${size * DTYPE_INFO[dtype].lanes}`);
  return list?.pop() ?? (allocate(dtype, size) as TypedArray);
}

function release(buf: TypedArray): void {
  const key = `${dtypeOf(buf)}:${buf.length}`;
  const list = spare.get(key) ?? [];
  if (list.length < 2) list.push(buf);
  spare.set(key, list);
}

const dtypeOf = (b: TypedArray): string => b.constructor.name;
const DTYPE_CTOR: Record<DType, string> = {
  bool: 'Uint8Array',
  uint8: 'Uint8Array',
  int8: 'Int8Array',
  uint16: 'Uint16Array',
  int16: 'Int16Array',
  uint32: 'Uint32Array',
  int32: 'Int32Array',
  uint64: 'BigUint64Array',
  int64: 'BigInt64Array',
  float32: 'Float32Array',
  float64: 'Float64Array',
  complex64: 'Float32Array',
  complex128: 'Float64Array',
};
