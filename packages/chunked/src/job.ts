/**
 * A chunk job: a plain, serialisable description of the work on one chunk — where to read
 * (a source spec), where to write (a sink spec, or back to the caller), what to do (an operation
 * or a labelling phase) and which chunk (its number in C order over the chunk grid). The same
 * object runs in the calling thread, in a worker thread, or — being plain data — on another
 * machine's worker.
 */
import { greater, less, type NdArray, NdArray as NdArrayClass, NdImageError } from '@ndimage/core-array';
import { computeCore } from './block.js';
import { openSink, openSource } from './io/open.js';
import type { ChunkedSink, ChunkedSource, SinkSpec, SourceSpec } from './io/types.js';
import { type ChunkScan, scanChunk } from './label-scan.js';
import { type Operation, operationDef } from './ops/operations.js';
import { chunkBox, chunkCoords, gridShape } from './region.js';
import { type StatsPartial, statsOfChunk } from './stats.js';

/** A source: a spec (serialisable) or, in the calling thread only, an open source. */
export type SourceRef = SourceSpec | ChunkedSource;
/** A sink: a spec (serialisable) or, in the calling thread only, an open sink. */
export type SinkRef = SinkSpec | ChunkedSink;

interface JobBase {
  /** The chunk grid's chunk shape. */
  chunks: number[];
  /** The chunk's number (C order over the grid). */
  index: number;
}

/** Compute the operation on the chunk + halo, keep the core. */
export interface MapJob extends JobBase {
  kind: 'map';
  source: SourceRef;
  /** Where the core goes; absent: returned to the caller. */
  sink?: SinkRef;
  operation: Operation;
}

/** Label the chunk on its own and report its objects' first elements and face labels. */
export interface LabelScanJob extends JobBase {
  kind: 'label-scan';
  source: SourceRef;
  structure?: unknown;
  /** Label the background instead (for fill holes). */
  invert?: boolean;
  /** Objects above (or below) a value instead of nonzero. */
  threshold?: { value: number; below?: boolean };
}

/** Label the chunk again and write the global labels (or, for fill holes, the filled mask). */
export interface LabelWriteJob extends JobBase {
  kind: 'label-write';
  source: SourceRef;
  sink?: SinkRef;
  structure?: unknown;
  /** Local → global label (from the merge). */
  map?: Int32Array;
  /** Fill holes: local background object → 1 when it touches the image border. */
  border?: Uint8Array;
  /** Objects above (or below) a value instead of nonzero. */
  threshold?: { value: number; below?: boolean };
}

/** Per-object partial sums of a label chunk (and an intensity chunk). */
export interface StatsJob extends JobBase {
  kind: 'stats';
  labels: SourceRef;
  input?: SourceRef;
}

export type ChunkJob = MapJob | LabelScanJob | LabelWriteJob | StatsJob;

/** What a job returns. */
export type JobResult =
  | { kind: 'written' }
  | { kind: 'core'; core: NdArray }
  | { kind: 'scan'; scan: ChunkScan }
  | { kind: 'stats'; stats: StatsPartial };

const isOpen = (x: unknown): x is ChunkedSource & ChunkedSink =>
  typeof (x as { read?: unknown; write?: unknown }).read === 'function' ||
  typeof (x as { write?: unknown }).write === 'function';

/** Open sources and sinks, shared by the jobs one thread runs. */
export class JobContext {
  private readonly sources = new Map<string, Promise<ChunkedSource>>();
  private readonly sinks = new Map<string, Promise<ChunkedSink>>();

  source(ref: SourceRef): Promise<ChunkedSource> {
    if (isOpen(ref)) return Promise.resolve(ref as ChunkedSource);
    const key = JSON.stringify(ref);
    let s = this.sources.get(key);
    if (s === undefined) {
      s = openSource(ref as SourceSpec);
      this.sources.set(key, s);
      s.catch(() => this.sources.delete(key));
    }
    return s;
  }

  sink(ref: SinkRef): Promise<ChunkedSink> {
    if (isOpen(ref)) return Promise.resolve(ref as ChunkedSink);
    const key = JSON.stringify(ref);
    let s = this.sinks.get(key);
    if (s === undefined) {
      s = openSink(ref as SinkSpec);
      this.sinks.set(key, s);
      s.catch(() => this.sinks.delete(key));
    }
    return s;
  }

  /** Closes what this context opened (not the open objects it was handed). */
  async close(): Promise<void> {
    const all = [...this.sources.values(), ...this.sinks.values()];
    this.sources.clear();
    this.sinks.clear();
    for (const p of all) {
      const x = await p.catch(() => undefined);
      if (
        x !== undefined &&
        'close' in x &&
        !('finalLocation' in x && (x as { finalLocation?: string }).finalLocation)
      ) {
        if ('read' in x) await (x as ChunkedSource).close();
      }
    }
  }
}

async function deliver(
  ctx: JobContext,
  sinkRef: SinkRef | undefined,
  box: ReturnType<typeof chunkBox>,
  core: NdArray,
): Promise<JobResult> {
  if (sinkRef === undefined) return { kind: 'core', core };
  const sink = await ctx.sink(sinkRef);
  await sink.write(box, core);
  return { kind: 'written' };
}

/**
 * Runs one chunk job.
 *
 * @example
 * ```ts
 * const job = { kind: 'map', source: { kind: 'zarr', location: 'in.zarr' }, sink: { kind: 'zarr', location: 'out.zarr' },
 *               operation: { name: 'gaussianFilter', sigma: 4 }, chunks: [1024, 1024], index: 7 };
 * await runJob(job, new JobContext()); // { kind: 'written' }
 * ```
 */
export async function runJob(job: ChunkJob, ctx: JobContext): Promise<JobResult> {
  if (job.kind === 'stats') {
    const labels = await ctx.source(job.labels);
    const input = job.input === undefined ? undefined : await ctx.source(job.input);
    const box = chunkBox(chunkCoords(job.index, gridShape(labels.shape, job.chunks)), labels.shape, job.chunks);
    const l = await labels.read(box);
    const v = input === undefined ? undefined : await input.read(box);
    return { kind: 'stats', stats: statsOfChunk(l, v, box) };
  }
  const source = await ctx.source(job.source);
  const grid = gridShape(source.shape, job.chunks);
  const box = chunkBox(chunkCoords(job.index, grid), source.shape, job.chunks);
  switch (job.kind) {
    case 'map': {
      const def = operationDef(job.operation);
      const core = await computeCore(source, box, def, job.operation);
      return deliver(ctx, job.sink, box, core);
    }
    case 'label-scan': {
      const data = await readForLabel(source, box, job.invert ?? false, job.threshold);
      return { kind: 'scan', scan: scanChunk(data, box, source.shape, job.structure).scan };
    }
    case 'label-write': {
      const raw = thresholded(await source.read(box), job.threshold);
      const fill = job.border !== undefined;
      const data = fill ? invert(raw) : raw;
      const { labels } = scanChunk(data, box, source.shape, job.structure);
      let core: NdArray;
      if (fill) {
        // Output true where the input is true or the background object is a hole.
        const border = job.border as Uint8Array;
        const out = new Uint8Array(labels.length);
        const fg = raw.toContiguous().astype('bool').data as Uint8Array;
        for (let i = 0; i < labels.length; i++) {
          const l = labels[i] as number;
          out[i] = l === 0 ? (fg[i] === 0 ? 0 : 1) : border[l] === 1 ? 0 : 1;
        }
        core = new NdArrayClass(out, [...raw.shape], { dtype: 'bool' });
      } else {
        const map = job.map as Int32Array;
        const out = new Int32Array(labels.length);
        for (let i = 0; i < labels.length; i++) out[i] = map[labels[i] as number] as number;
        core = new NdArrayClass(out, [...raw.shape]);
      }
      return deliver(ctx, job.sink, box, core);
    }
    default:
      throw new NdImageError(
        'ERR_INVALID_ARGUMENT',
        `unknown job kind ${JSON.stringify((job as { kind: unknown }).kind)}`,
      );
  }
}

async function readForLabel(
  source: ChunkedSource,
  box: ReturnType<typeof chunkBox>,
  inv: boolean,
  threshold: LabelScanJob['threshold'],
): Promise<NdArray> {
  const raw = thresholded(await source.read(box), threshold);
  return inv ? invert(raw) : raw;
}

/** The mask `a > value` (or `a < value`), or `a` itself without a threshold. */
function thresholded(a: NdArray, t: LabelScanJob['threshold']): NdArray {
  if (t === undefined) return a;
  return t.below === true ? less(a, t.value) : greater(a, t.value);
}

/** Background as foreground: true where the input is zero. */
function invert(a: NdArray): NdArray {
  const b = a.toContiguous().astype('bool');
  const d = b.data as Uint8Array;
  for (let i = 0; i < d.length; i++) d[i] = d[i] === 0 ? 1 : 0;
  return b;
}
