/**
 * In-memory arrays as a source and a sink: for small data, tests, and comparing a chunked run
 * with the whole-image call. They cannot be handed to worker threads (not serialisable).
 */
import { asarray, type DType, type NdArray, type NdArrayLike, zeros } from '@ndimage/core-array';
import type { Box } from '../region.js';
import type { ChunkedSink, ChunkedSource } from './types.js';

const ranges = (box: Box) => box.start.map((s, k) => [s, box.stop[k] as number] as const);

/**
 * An in-memory array as a source, with a chunk shape of your choice (runs in the calling thread).
 *
 * @example
 * ```ts
 * const src = new MemorySource(arange(12).reshape([3, 4]), [2, 2]);
 * (await src.read({ start: [1, 1], stop: [3, 3] })).toArray(); // [[5, 6], [9, 10]]
 * ```
 */
export class MemorySource implements ChunkedSource {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly chunks: readonly number[];
  private readonly a: NdArray;
  constructor(array: NdArrayLike, chunks?: readonly number[]) {
    this.a = asarray(array);
    this.shape = this.a.shape.slice();
    this.dtype = this.a.dtype;
    this.chunks = chunks ?? this.shape.slice();
  }
  async read(box: Box): Promise<NdArray> {
    return this.a.ndim === 0 ? this.a.copy() : this.a.slice(...ranges(box)).copy();
  }
  async close(): Promise<void> {}
}

/**
 * An in-memory output: `array` holds the result.
 *
 * @example
 * ```ts
 * const sink = new MemorySink([2, 3], 'uint8', [1, 3]);
 * await sink.write({ start: [1, 0], stop: [2, 3] }, array([[7, 8, 9]], { dtype: 'uint8' }));
 * sink.array.toArray(); // [[0, 0, 0], [7, 8, 9]]
 * ```
 */
export class MemorySink implements ChunkedSink {
  readonly concurrentWrites = false;
  readonly array: NdArray;
  constructor(
    readonly shape: readonly number[],
    readonly dtype: DType,
    readonly chunks: readonly number[],
  ) {
    this.array = zeros(shape, { dtype });
  }
  async write(box: Box, data: NdArray): Promise<void> {
    const view = this.array.ndim === 0 ? this.array : this.array.slice(...ranges(box));
    const c = data.toContiguous();
    // Copy element runs through the view's layout (the view is not contiguous in general).
    const flat = c.data.subarray(c.offset, c.offset + c.size);
    let i = 0;
    const nd = view.ndim;
    if (nd === 0) {
      (view.data as unknown as { [k: number]: unknown })[view.offset] = flat[0];
      return;
    }
    const idx = new Array<number>(nd).fill(0);
    const last = nd - 1;
    const n = view.shape[last] as number;
    const dst = view.data as unknown as { [k: number]: unknown };
    for (;;) {
      let at = view.offset;
      for (let k = 0; k < last; k++) at += (idx[k] as number) * (view.strides[k] as number);
      const st = view.strides[last] as number;
      for (let j = 0; j < n; j++) dst[at + j * st] = flat[i++];
      let k = last - 1;
      for (; k >= 0; k--) {
        idx[k] = (idx[k] as number) + 1;
        if ((idx[k] as number) < (view.shape[k] as number)) break;
        idx[k] = 0;
      }
      if (k < 0 || n === 0) return;
    }
  }
  async close(): Promise<void> {}
  async abort(): Promise<void> {}
}
