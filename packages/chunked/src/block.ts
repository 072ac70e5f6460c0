/**
 * One chunk with its halo: which parts of the image to read, how to lay them out, and how to cut
 * the chunk's own result (the "core") out of the operation's result on the block.
 *
 * Exactness for every boundary mode rests on one rule per axis:
 * - where chunk + halo stays inside the image, the block holds real neighbouring data, and the
 *   in-memory function's own boundary handling at the block's cut edges only spoils elements
 *   within the halo, which are thrown away;
 * - where it reaches past the image edge, the block is **clipped at the true edge**, so the
 *   in-memory function applies the mode there itself, to the same data, exactly as on the whole
 *   image — for every step of a multi-step operation (separable passes stored in the output
 *   dtype, erosion then dilation, iterations), which a pre-padded block could not reproduce
 *   (`constant` would pad intermediate results with filtered cval, `nearest` would clamp to
 *   the wrong element);
 * - except for periodic (`wrap`) axes, whose extension comes from the far side of the image:
 *   there the halo is read from the far side, modulo the axis length (a periodic index map
 *   commutes with every operation along any axis, so this is exact too).
 * When chunk + halo covers a whole axis, the block holds the whole axis and nothing differs.
 */
import { NdArray, NdImageError, type TypedArray } from '@ndimage/core-array';
import { allocate } from '@ndimage/core-array/internal';
import type { ChunkedSource } from './io/types.js';
import type { OperationDef } from './ops/operations.js';
import { type Box, boxShape, copyBox } from './region.js';

/** How one axis of the block is read. */
export interface AxisWindow {
  /** Source ranges `[start, stop)` in image coordinates, laid out one after another in the block. */
  runs: [number, number][];
  /** Where the chunk's core starts in the block. */
  coreOffset: number;
}

/**
 * The window of one axis for core `[a, b)` of an axis of length `n` with halo `h`.
 *
 * @example
 * ```ts
 * axisWindow(0, 4, 10, 2, false); // { runs: [[0, 6]], coreOffset: 0 }   clipped at the true edge
 * axisWindow(0, 4, 10, 2, true);  // { runs: [[8, 10], [0, 6]], coreOffset: 2 }   periodic
 * ```
 * @see dask.array.overlap (which pads every chunk; here the block is clipped at true edges)
 */
export function axisWindow(a: number, b: number, n: number, h: number, wrap: boolean): AxisWindow {
  const lo = a - h;
  const hi = b + h;
  if (lo <= 0 && hi >= n) return { runs: [[0, n]], coreOffset: a };
  if (!wrap) {
    const s = Math.max(0, lo);
    return { runs: [[s, Math.min(n, hi)]], coreOffset: a - s };
  }
  const runs: [number, number][] = [];
  for (let at = lo; at < hi; ) {
    const m = ((at % n) + n) % n;
    const end = Math.min(hi, at + (n - m));
    runs.push([m, m + end - at]);
    at = end;
  }
  return { runs, coreOffset: h };
}

/** Reads the block of `core` with per-axis `halo` and `wrap`. */
async function readBlock(
  source: ChunkedSource,
  core: Box,
  halo: readonly number[],
  wrap: readonly boolean[],
): Promise<{ block: NdArray; coreOffset: number[] }> {
  const nd = source.shape.length;
  const windows = core.start.map((a, k) =>
    axisWindow(a, core.stop[k] as number, source.shape[k] as number, halo[k] ?? 0, wrap[k] ?? false),
  );
  const coreOffset = windows.map((w) => w.coreOffset);
  if (windows.every((w) => w.runs.length === 1)) {
    const box: Box = { start: windows.map((w) => w.runs[0]![0]), stop: windows.map((w) => w.runs[0]![1]) };
    return { block: await source.read(box), coreOffset };
  }
  // A periodic gather: read each combination of runs and place it.
  const shape = windows.map((w) => w.runs.reduce((s, [x, y]) => s + y - x, 0));
  const out = allocate(
    source.dtype,
    shape.reduce((a, b) => a * b, 1),
  ) as TypedArray;
  const pick = new Array<number>(nd).fill(0);
  for (;;) {
    const box: Box = { start: [], stop: [] };
    const at: number[] = [];
    for (let k = 0; k < nd; k++) {
      const runs = windows[k]!.runs;
      const [s, e] = runs[pick[k] as number]!;
      box.start.push(s);
      box.stop.push(e);
      let off = 0;
      for (let j = 0; j < (pick[k] as number); j++) off += runs[j]![1] - runs[j]![0];
      at.push(off);
    }
    const part = (await source.read(box)).toContiguous();
    const local: Box = { start: new Array<number>(nd).fill(0), stop: boxShape(box) };
    copyBox(
      (part.data as TypedArray).subarray(part.offset) as never,
      boxShape(box),
      local.start,
      out as never,
      shape,
      at.map((o) => -o),
      local,
    );
    let k = nd - 1;
    for (; k >= 0; k--) {
      pick[k] = (pick[k] as number) + 1;
      if ((pick[k] as number) < windows[k]!.runs.length) break;
      pick[k] = 0;
    }
    if (k < 0) break;
  }
  return { block: new NdArray(out as never, shape, { dtype: source.dtype }), coreOffset };
}

/** Runs `def` on the block of `core` and returns the core of the result (a view: sinks copy it once, as they store it). */
export async function computeCore(
  source: ChunkedSource,
  core: Box,
  def: OperationDef,
  params: Record<string, unknown>,
): Promise<NdArray> {
  const halo = def.halo(params, source.shape);
  const wrap = def.wrap(params, source.shape.length);
  const { block, coreOffset } = await readBlock(source, core, halo, wrap);
  const result = def.run(block, params);
  if (result.ndim !== block.ndim || result.shape.some((n, k) => n !== block.shape[k])) {
    throw new NdImageError(
      'ERR_SHAPE',
      `the operation returned shape [${result.shape}] for a block of shape [${block.shape}]`,
    );
  }
  const shape = boxShape(core);
  if (shape.every((n, k) => n === block.shape[k])) return result;
  return result.slice(...shape.map((n, k) => [coreOffset[k] as number, (coreOffset[k] as number) + n] as const));
}
