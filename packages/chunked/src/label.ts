/**
 * Global operations over chunks: `label` (SciPy's numbering exactly), `binaryFillHoles`
 * (background connected to the border, across chunks) and `objectStats` (partials reduced).
 */
import { type NdArray, NdImageError } from '@ndimage/core-array';
import { checkOptions, optionKeys } from '@ndimage/core-array/internal';
import type { ObjectStats } from '@ndimage/morphology';
import type { OutputRef } from './io/create.js';
import type { MemorySink } from './io/memory.js';
import type { SourceSpec } from './io/types.js';
import type { ChunkJob, SinkRef, SourceRef } from './job.js';
import { mergeScans } from './label-merge.js';
import { type ChunkScan, structureOffsets } from './label-scan.js';
import { checkChunks, chunkBox, chunkCoords, chunkCount, gridShape } from './region.js';
import {
  type ChunkedRunOptions,
  finishRun,
  type InputRef,
  prepareRun,
  resolveInput,
  runJobs,
  threadsOf,
} from './run.js';
import { reduceStats, type StatsPartial } from './stats.js';

/** Options of {@link labelChunked} and {@link fillHolesChunked}. */
export interface LabelChunkedOptions extends ChunkedRunOptions {
  /** Connectivity, as `label`'s (3 along every axis, symmetric). @defaultValue the cross */
  structure?: unknown;
  /** Objects are where the input is above `value` (below, with `below: true`) instead of nonzero. */
  threshold?: { value: number; below?: boolean };
}

const LABEL_KEYS = optionKeys<LabelChunkedOptions>({
  chunks: true,
  threads: true,
  onProgress: true,
  overwrite: true,
  structure: true,
  threshold: true,
});

/** What {@link labelChunked} returns. */
export interface LabelChunkedResult {
  /** Number of objects (as `label(...).count` on the whole image). */
  count: number;
  /** The labels, when no output was given. */
  labels?: NdArray;
  /** Chunk shape of the work. */
  chunks: number[];
}

async function twoPass(
  input: InputRef,
  output: OutputRef | undefined,
  options: LabelChunkedOptions | undefined,
  fill: boolean,
): Promise<{ count: number; array?: NdArray; chunks: number[] }> {
  const o = checkOptions(options, LABEL_KEYS);
  const threads = threadsOf(o.threads);
  const plan = await prepareRun(input, output, o, () => (fill ? 'bool' : 'int32'));
  const nd = plan.shape.length;
  let failed = true;
  try {
    if (nd === 0)
      throw new NdImageError('ERR_SHAPE', 'labelling needs an array with at least one axis', { argument: 'input' });
    const offsets = structureOffsets(o.structure, nd);
    if (fill) {
      for (let k = 0; k < nd; k++) {
        for (const s of [-1, 1]) {
          if (!offsets.some((off) => off.every((v, j) => v === (j === k ? s : 0)))) {
            throw new NdImageError(
              'ERR_UNSUPPORTED',
              'chunked fill holes needs a structure that holds the face neighbours (±1 along each axis)',
              {
                argument: 'structure',
              },
            );
          }
        }
      }
    }
    const total = chunkCount(plan.shape, plan.chunks);
    const onWorkers = threads > 1 && plan.parallel;
    const source: SourceRef = onWorkers ? (plan.spec as SourceSpec) : plan.source;
    const sink: SinkRef | undefined = onWorkers ? plan.sinkSpec : plan.sink.concurrentWrites ? plan.sink : undefined;
    const scans = new Array<ChunkScan>(total);
    const base = {
      chunks: plan.chunks,
      structure: o.structure,
      ...(o.threshold === undefined ? {} : { threshold: o.threshold }),
    };
    await runJobs(
      total,
      (index): ChunkJob => ({ kind: 'label-scan', source, invert: fill, index, ...base }),
      onWorkers ? threads : 1,
      (index, r) => {
        if (r.kind === 'scan') scans[index] = r.scan;
      },
      o.onProgress,
      'scan',
    );
    const merged = mergeScans(scans, plan.shape, plan.chunks, offsets);
    scans.length = 0;
    const grid = gridShape(plan.shape, plan.chunks);
    await runJobs(
      total,
      (index): ChunkJob => ({
        kind: 'label-write',
        source,
        sink,
        index,
        ...base,
        ...(fill ? { border: merged.border[index] } : { map: merged.maps[index] }),
      }),
      onWorkers ? threads : 1,
      async (index, r) => {
        if (r.kind === 'core')
          await plan.sink.write(chunkBox(chunkCoords(index, grid), plan.shape, plan.chunks), r.core);
      },
      o.onProgress,
      'write',
    );
    failed = false;
    return {
      count: merged.count,
      ...(plan.returnArray ? { array: (plan.sink as MemorySink).array } : {}),
      chunks: plan.chunks,
    };
  } finally {
    await finishRun(plan, failed);
  }
}

/**
 * Labels the objects of a large image chunk by chunk: each chunk labelled on its own, objects
 * joined across chunk borders by a union–find, and numbered exactly as `scipy.ndimage.label`
 * numbers the whole image (raster order of each object's first element) — not relabelled in
 * chunk order as dask-image does.
 *
 * Memory: the chunks in flight, plus the labels of every chunk's faces and about 20 bytes per
 * object part (an object cut by k chunk borders counts k + 1 times).
 *
 * @example
 * ```ts
 * const im = array([[1, 0, 1, 1], [1, 0, 0, 1], [1, 1, 0, 1]]);
 * const { count, labels } = await labelChunked(im, undefined, { chunks: [2, 2], threads: 1 });
 * count;            // 2
 * labels.toArray(); // [[1, 0, 2, 2], [1, 0, 0, 2], [1, 1, 0, 2]]
 * ```
 * @see scipy.ndimage.label
 */
export async function labelChunked(
  input: InputRef,
  output?: OutputRef,
  options?: LabelChunkedOptions,
): Promise<LabelChunkedResult> {
  const r = await twoPass(input, output, options, false);
  return { count: r.count, chunks: r.chunks, ...(r.array === undefined ? {} : { labels: r.array }) };
}

/**
 * Fills the holes of a large binary image chunk by chunk: background connected to the image
 * border (through chunks, under `structure`) stays background, the rest becomes foreground —
 * `scipy.ndimage.binary_fill_holes` exactly.
 *
 * @example
 * ```ts
 * const ring = array([[0, 0, 0, 0, 0], [0, 1, 1, 1, 0], [0, 1, 0, 1, 0], [0, 1, 1, 1, 0], [0, 0, 0, 0, 0]]);
 * const { array: filled } = await fillHolesChunked(ring, undefined, { chunks: [2, 2], threads: 1 });
 * filled.toArray()[2]; // [0, 1, 1, 1, 0]  (bool)
 * ```
 * @see scipy.ndimage.binary_fill_holes
 */
export async function fillHolesChunked(
  input: InputRef,
  output?: OutputRef,
  options?: LabelChunkedOptions,
): Promise<{ array?: NdArray; chunks: number[] }> {
  const r = await twoPass(input, output, options, true);
  return { chunks: r.chunks, ...(r.array === undefined ? {} : { array: r.array }) };
}

/** Options of {@link objectStatsChunked}. */
export interface ObjectStatsChunkedOptions {
  chunks?: number | readonly number[];
  threads?: number;
  onProgress?: ChunkedRunOptions['onProgress'];
}

const STATS_KEYS = optionKeys<ObjectStatsChunkedOptions>({ chunks: true, threads: true, onProgress: true });

/**
 * Per-object area, bounding box, centroid and (with `input`) mean/min/max intensity of a large
 * label image, chunk by chunk — morphology's `objectStats` of the whole image. Counts, boxes,
 * centroids and integer intensities are exact; float intensity sums add per chunk, so their
 * means may differ from a whole-image sum in the last bits.
 *
 * @example
 * ```ts
 * const lbl = array([[1, 1, 0], [0, 0, 2]]);
 * const stats = await objectStatsChunked(lbl, array([[10, 20, 0], [0, 0, 5]]), { chunks: [1, 2], threads: 1 });
 * stats[0].meanIntensity; // 15
 * stats[1].bbox;          // [[1, 2], [2, 3]]
 * ```
 * @see scipy.ndimage.find_objects, scipy.ndimage.center_of_mass, scipy.ndimage.mean
 */
export async function objectStatsChunked(
  labels: InputRef,
  input?: InputRef,
  options?: ObjectStatsChunkedOptions,
): Promise<ObjectStats[]> {
  const o = checkOptions(options, STATS_KEYS);
  const threads = threadsOf(o.threads);
  const l = await resolveInput(labels);
  const v = input === undefined ? undefined : await resolveInput(input);
  try {
    const shape = [...l.source.shape];
    if (v !== undefined && (v.source.shape.length !== shape.length || v.source.shape.some((n, k) => n !== shape[k]))) {
      throw new NdImageError('ERR_SHAPE', `\`input\` has shape [${v.source.shape}]; \`labels\` has shape [${shape}]`, {
        argument: 'input',
      });
    }
    const chunks = checkChunks(o.chunks ?? l.source.chunks, shape);
    const total = chunkCount(shape, chunks);
    const onWorkers = threads > 1 && l.spec !== undefined && (v === undefined || v.spec !== undefined);
    const parts = new Array<StatsPartial>(total);
    await runJobs(
      total,
      (index): ChunkJob => ({
        kind: 'stats',
        labels: onWorkers ? (l.spec as SourceSpec) : l.source,
        ...(v === undefined ? {} : { input: onWorkers ? (v.spec as SourceSpec) : v.source }),
        chunks,
        index,
      }),
      onWorkers ? threads : 1,
      (index, r) => {
        if (r.kind === 'stats') parts[index] = r.stats;
      },
      o.onProgress,
      'stats',
    );
    return reduceStats(parts);
  } finally {
    if (l.owned) await l.source.close();
    if (v?.owned) await v.source.close();
  }
}
