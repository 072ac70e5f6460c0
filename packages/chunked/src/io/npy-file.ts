/**
 * `.npy` files as a source and a sink with memory-bounded reads and writes: the header is parsed
 * by core-array, then each box is read or written with positional file I/O, one run of the last
 * axis (or of whole trailing axes) at a time.
 */
import { type FileHandle, open } from 'node:fs/promises';
import {
  DTYPE_INFO,
  type DType,
  type NdArray,
  NdArray as NdArrayClass,
  NdImageError,
  type TypedArray,
} from '@ndimage/core-array';
import { allocate, formatNpyHeader, parseNpyHeader } from '@ndimage/core-array/internal';
import { type Box, boxShape, stridesOf } from '../region.js';
import { checkTarget, commit, discard, temporaryBeside } from './atomic-dir.js';
import type { ChunkedSink, ChunkedSource, SinkSpec, SourceSpec } from './types.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/**
 * Calls `run(fileOffsetElements, outOffsetElements, length)` for each contiguous run of `box` in a
 * C-order array of `shape`: whole trailing axes are merged into one run when the box spans them.
 */
function forEachRun(shape: readonly number[], box: Box, run: (src: number, dst: number, len: number) => void): void {
  const nd = shape.length;
  if (nd === 0) {
    run(0, 0, 1);
    return;
  }
  const bshape = boxShape(box);
  if (bshape.some((n) => n === 0)) return;
  // Merge trailing axes the box covers fully.
  let inner = nd - 1;
  let len = bshape[nd - 1] as number;
  while (inner > 0 && bshape[inner] === shape[inner]) {
    inner--;
    len *= bshape[inner] as number;
  }
  const fs = stridesOf(shape);
  const os = stridesOf(bshape);
  const idx = box.start.slice(0, inner);
  for (;;) {
    let src = 0;
    let dst = 0;
    for (let k = 0; k < inner; k++) {
      src += (idx[k] as number) * (fs[k] as number);
      dst += ((idx[k] as number) - (box.start[k] as number)) * (os[k] as number);
    }
    src += (box.start[inner] as number) * (fs[inner] as number);
    run(src, dst, len);
    let k = inner - 1;
    for (; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (box.stop[k] as number)) break;
      idx[k] = box.start[k] as number;
    }
    if (k < 0) return;
  }
}

function bytesOf(a: TypedArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** A `.npy` file read box by box. */
export class NpySource implements ChunkedSource {
  readonly chunks: readonly number[];
  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    readonly shape: readonly number[],
    readonly dtype: DType,
    private readonly dataOffset: number,
    private readonly littleEndian: boolean,
  ) {
    // No natural chunking: a band of rows about 16 MiB.
    const row = shape.slice(1).reduce((a, b) => a * b, 1) * DTYPE_INFO[dtype].itemsize;
    this.chunks = shape.map((n, k) => (k === 0 ? Math.max(1, Math.min(n, Math.floor(2 ** 24 / Math.max(1, row)))) : n));
  }

  static async open(path: string): Promise<NpySource> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch (cause) {
      throw new NdImageError('ERR_IO', `cannot open ${path}: ${(cause as Error).message}`, { cause, path });
    }
    try {
      const head = new Uint8Array(12);
      const { bytesRead } = await fh.read(head, 0, 12, 0);
      if (bytesRead < 10 || MAGIC.some((b, i) => head[i] !== b)) {
        throw new NdImageError('ERR_FORMAT', `${path} is not a .npy file (no \\x93NUMPY magic)`, {
          path,
          byteOffset: 0,
        });
      }
      const major = head[6] as number;
      const dv = new DataView(head.buffer);
      const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
      const start = major === 1 ? 10 : 12;
      if (headerLen > 1 << 20)
        throw new NdImageError('ERR_FORMAT', `${path}: .npy header of ${headerLen} bytes`, { path });
      const text = new Uint8Array(headerLen);
      await fh.read(text, 0, headerLen, start);
      const h = parseNpyHeader(new TextDecoder('latin1').decode(text).trimEnd());
      if (h.fortranOrder) {
        throw new NdImageError('ERR_UNSUPPORTED', `${path} is in Fortran order; chunked reads need C order`, { path });
      }
      const stat = await fh.stat();
      const need = start + headerLen + h.shape.reduce((a, b) => a * b, 1) * DTYPE_INFO[h.dtype].itemsize;
      if (stat.size < need) {
        throw new NdImageError('ERR_FORMAT', `${path} is truncated: ${stat.size} bytes, the header needs ${need}`, {
          path,
        });
      }
      return new NpySource(fh, path, h.shape, h.dtype, start + headerLen, h.littleEndian);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async read(box: Box): Promise<NdArray> {
    const shape = boxShape(box);
    const out = allocate(
      this.dtype,
      shape.reduce((a, b) => a * b, 1),
    ) as TypedArray;
    const bytes = bytesOf(out);
    const size = DTYPE_INFO[this.dtype].itemsize;
    const runs: [number, number, number][] = [];
    forEachRun(this.shape, box, (s, d, n) => runs.push([s, d, n]));
    for (const [s, d, n] of runs) await this.fh.read(bytes, d * size, n * size, this.dataOffset + s * size);
    if (!this.littleEndian && size > 1) swapBytes(bytes, size);
    return new NdArrayClass(out as never, shape, { dtype: this.dtype });
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

function swapBytes(b: Uint8Array, size: number): void {
  for (let i = 0; i < b.length; i += size) b.subarray(i, i + size).reverse();
}

/** A `.npy` output written box by box in place. */
export class NpySink implements ChunkedSink {
  readonly concurrentWrites = true;
  finalPath: string | undefined;
  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    readonly shape: readonly number[],
    readonly dtype: DType,
    readonly chunks: readonly number[],
    private readonly dataOffset: number,
  ) {}

  /** Creates the file (header + its full size) under a temporary name. */
  static async create(
    path: string,
    o: { shape: readonly number[]; dtype: DType; chunks: readonly number[]; overwrite?: boolean },
  ): Promise<NpySink> {
    checkTarget(path, o.overwrite ?? false);
    const tmp = temporaryBeside(path);
    let text = formatNpyHeader(o.dtype, true, false, o.shape);
    // Pad so magic + version + length + header + newline is a multiple of 64 (NumPy's rule).
    const pad = (64 - ((10 + text.length + 1) % 64)) % 64;
    text = `${text}${' '.repeat(pad)}\n`;
    const head = new Uint8Array(10 + text.length);
    head.set(MAGIC, 0);
    head[6] = 1;
    head[7] = 0;
    new DataView(head.buffer).setUint16(8, text.length, true);
    head.set(new TextEncoder().encode(text), 10);
    const fh = await open(tmp, 'w+');
    await fh.write(head, 0, head.length, 0);
    await fh.truncate(head.length + o.shape.reduce((a, b) => a * b, 1) * DTYPE_INFO[o.dtype].itemsize);
    const sink = new NpySink(fh, tmp, o.shape, o.dtype, o.chunks, head.length);
    sink.finalPath = path;
    return sink;
  }

  /** Opens an existing output for writing (a worker's side). */
  static async open(path: string, chunks?: readonly number[]): Promise<NpySink> {
    const src = await NpySource.open(path);
    const { shape, dtype } = src;
    const offset = (src as unknown as { dataOffset: number }).dataOffset;
    await src.close();
    const fh = await open(path, 'r+');
    return new NpySink(fh, path, shape, dtype, chunks ?? shape, offset);
  }

  get spec(): SinkSpec {
    return { kind: 'npy', path: this.path };
  }

  async write(box: Box, data: NdArray): Promise<void> {
    const c = data.toContiguous();
    const bytes = bytesOf((c.data as TypedArray).subarray(c.offset, c.offset + c.size) as TypedArray);
    const size = DTYPE_INFO[this.dtype].itemsize;
    const runs: [number, number, number][] = [];
    forEachRun(this.shape, box, (s, d, n) => runs.push([s, d, n]));
    for (const [s, d, n] of runs) await this.fh.write(bytes, d * size, n * size, this.dataOffset + s * size);
  }

  async close(): Promise<void> {
    await this.fh.close();
    if (this.finalPath !== undefined) await commit(this.path, this.finalPath);
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    if (this.finalPath !== undefined) await discard(this.path);
  }
}

/** Opens a `.npy` source. */
export function openNpySource(spec: Extract<SourceSpec, { kind: 'npy' }>): Promise<NpySource> {
  return NpySource.open(spec.path);
}
