/**
 * Boxes of an n-dimensional grid (`[start, stop)` per axis) and the regular chunk grid over an
 * array: the geometry every other file speaks.
 */
import { NdImageError } from '@ndimage/core-array';

/** A box: per axis `start` (inclusive) and `stop` (exclusive). */
export interface Box {
  start: number[];
  stop: number[];
}

/** The box's extent per axis. */
export function boxShape(box: Box): number[] {
  return box.start.map((s, k) => (box.stop[k] as number) - s);
}

/** Chunks per axis of a regular grid. */
export function gridShape(shape: readonly number[], chunks: readonly number[]): number[] {
  return shape.map((n, k) => Math.ceil(n / (chunks[k] as number)));
}

/** Number of chunks of a regular grid (an empty array has one empty chunk: none). */
export function chunkCount(shape: readonly number[], chunks: readonly number[]): number {
  return gridShape(shape, chunks).reduce((a, b) => a * b, 1);
}

/** Grid coordinates of chunk number `index` (C order). */
export function chunkCoords(index: number, grid: readonly number[]): number[] {
  const out = new Array<number>(grid.length);
  let r = index;
  for (let k = grid.length - 1; k >= 0; k--) {
    const g = grid[k] as number;
    out[k] = r % g;
    r = Math.floor(r / g);
  }
  return out;
}

/** Chunk number (C order) of grid coordinates. */
export function chunkIndex(coords: readonly number[], grid: readonly number[]): number {
  let i = 0;
  for (let k = 0; k < grid.length; k++) i = i * (grid[k] as number) + (coords[k] as number);
  return i;
}

/** The box of the chunk at `coords`, clipped to the array. */
export function chunkBox(coords: readonly number[], shape: readonly number[], chunks: readonly number[]): Box {
  const start = coords.map((c, k) => c * (chunks[k] as number));
  const stop = start.map((s, k) => Math.min(shape[k] as number, s + (chunks[k] as number)));
  return { start, stop };
}

/**
 * Checks a chunk shape against an array's rank: positive integers, one per axis (or one for all).
 *
 * @example
 * ```ts
 * checkChunks(512, [1000, 800]); // [512, 512]
 * ```
 */
export function checkChunks(chunks: unknown, shape: readonly number[], name = 'chunks'): number[] {
  const list = Array.isArray(chunks) ? chunks : new Array<unknown>(shape.length).fill(chunks);
  if (list.length !== shape.length) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `\`${name}\` must be one size or one per axis (${shape.length}); got ${JSON.stringify(chunks)}`,
      { argument: name },
    );
  }
  return list.map((c, k) => {
    if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 1) {
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `\`${name}\` must hold integers ≥ 1; got ${JSON.stringify(chunks)}`,
        { argument: name },
      );
    }
    // A chunk longer than its axis is the whole axis (a zero-length axis keeps a chunk of 1).
    return Math.max(1, Math.min(c, shape[k] as number));
  });
}

/** C-order strides (in elements) of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    s[k] = acc;
    acc *= shape[k] as number;
  }
  return s;
}

/**
 * Copies box `src` (in coordinates of a C-contiguous `from` of shape `fromShape`, whose origin is
 * `fromOrigin`) into `to` (C-contiguous, shape `toShape`, origin `toOrigin`). Whole rows along the
 * last axis at a time.
 */
export function copyBox(
  from: { set?: unknown; subarray(a: number, b: number): ArrayLike<number | bigint> },
  fromShape: readonly number[],
  fromOrigin: readonly number[],
  to: { set(a: ArrayLike<number | bigint>, offset: number): void },
  toShape: readonly number[],
  toOrigin: readonly number[],
  box: Box,
): void {
  const nd = box.start.length;
  if (nd === 0) {
    to.set(from.subarray(0, 1), 0);
    return;
  }
  const fs = stridesOf(fromShape);
  const ts = stridesOf(toShape);
  const len = (box.stop[nd - 1] as number) - (box.start[nd - 1] as number);
  if (len <= 0 || box.start.some((st, k) => st >= (box.stop[k] as number))) return;
  const idx = box.start.slice();
  for (;;) {
    let fo = 0;
    let to_ = 0;
    for (let k = 0; k < nd; k++) {
      fo += ((idx[k] as number) - (fromOrigin[k] as number)) * (fs[k] as number);
      to_ += ((idx[k] as number) - (toOrigin[k] as number)) * (ts[k] as number);
    }
    to.set(from.subarray(fo, fo + len), to_);
    let k = nd - 2;
    for (; k >= 0; k--) {
      idx[k] = (idx[k] as number) + 1;
      if ((idx[k] as number) < (box.stop[k] as number)) break;
      idx[k] = box.start[k] as number;
    }
    if (k < 0) return;
  }
}
