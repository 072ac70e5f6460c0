/**
 * Large inputs chunk by chunk (@ndimage/chunked): a command runs on a `.zarr` folder (or URL),
 * or with `--chunk` on a big TIFF/PNG/JPEG or `.npy`, and writes Zarr, a tiled TIFF or `.npy`,
 * in bounded memory — about threads × (chunk + 2·halo)ⁿ × 24 bytes, plus 64 MiB of chunk
 * cache per thread. Chunked runs keep the array's dtype and SciPy's dtype rules, like `.npy`
 * inputs (no float conversion, no 8-bit scaling of the output).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChunkedRunOptions, type Operation, openSource, runChunked, specOf } from '@ndimage/chunked';
import type { ChunkedContext, CommandSpec } from './commands/command.js';
import type { Common } from './options.js';
import { UsageError } from './usage.js';

/** A Zarr store: a `.zarr` path, a folder holding Zarr metadata, or an http(s) URL. */
export function isZarr(path: string | undefined): boolean {
  if (path === undefined || path === '-') return false;
  if (/^https?:\/\//i.test(path) || /\.zarr\/?$/i.test(path)) return true;
  return (
    existsSync(path) &&
    statSync(path).isDirectory() &&
    ['.zarray', '.zgroup', 'zarr.json'].some((f) => existsSync(join(path, f)))
  );
}

/** Whether this run goes chunk by chunk. */
export function wantsChunked(
  spec: CommandSpec,
  input: string,
  output: string | undefined,
  o: Common & { chunk?: number[] },
): boolean {
  const chunked = o.chunk !== undefined || isZarr(input) || isZarr(output);
  if (chunked && spec.chunked === undefined) {
    throw new UsageError(`${spec.name} does not run chunk by chunk (--chunk, .zarr): read the whole array instead`);
  }
  if (chunked && (input === '-' || output === '-'))
    throw new UsageError('chunked runs read and write files, not - (stdin/stdout)');
  return chunked;
}

/** The chunked run's context: `--chunk`, `--jobs`, and progress lines on stderr (at most once a second). */
export function chunkedContext(
  o: Common & { chunk?: number | number[]; jobs?: number; quiet?: boolean },
  stderr: { write(s: string): unknown },
  what: string,
): ChunkedContext {
  let last = 0;
  return {
    chunks: o.chunk,
    threads: o.jobs,
    onProgress(p) {
      if (o.quiet) return;
      const now = performance.now();
      if (now - last < 1000 && p.done < p.total) return;
      last = now;
      const eta = p.done < p.total ? `, ${Math.ceil(p.etaMs / 1000)} s left` : '';
      stderr.write(`ndimage: ${what}: ${p.phase === 'map' ? '' : `${p.phase} `}chunk ${p.done}/${p.total}${eta}\n`);
    },
  };
}

/** Runs `operation` over `input` into `output` chunk by chunk (`--force` replaces an output). */
export async function runOperation(
  operation: Operation,
  input: string,
  output: string | undefined,
  o: Common,
  ctx: ChunkedContext,
): Promise<void> {
  if (output === undefined) throw new UsageError('a chunked run needs an output (OUT)');
  await runChunked(operation, input, output, runOptions(o, ctx));
}

/** The boundary options of a chunked filter, from `--mode` and `--cval`. */
export const chunkedBoundary = (o: Common): { mode?: string; cval?: number } => ({
  ...(o.mode?.boundary === undefined ? {} : { mode: o.mode.boundary }),
  ...(o.cval === undefined ? {} : { cval: o.cval }),
});

/** The rank of a chunked input (objects need a grey image or an array; colour is refused). */
export async function objectRank(input: string): Promise<number> {
  const src = await openSource(specOf(input));
  try {
    if (src.dtype !== 'bool' && src.shape.length === 3 && specOf(input).kind === 'image') {
      throw new UsageError(`${input} is a colour image; chunked object commands take grey images (or arrays)`);
    }
    return src.shape.length;
  } finally {
    await src.close();
  }
}

/** The mask step of `--threshold T [--below]`, if given. */
export const thresholdOf = (o: {
  threshold?: number;
  below?: boolean;
}): { value: number; below: boolean } | undefined =>
  o.threshold === undefined ? undefined : { value: o.threshold, below: o.below === true };

/** A temporary Zarr path for an intermediate result, removed by `done()`. */
export function temporaryZarr(): { path: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ndimage-chunked-'));
  return { path: join(dir, 'step.zarr'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The run options of a chunked context. */
export const runOptions = (o: Common, ctx: ChunkedContext): ChunkedRunOptions => ({
  ...(ctx.chunks === undefined ? {} : { chunks: ctx.chunks }),
  ...(ctx.threads === undefined ? {} : { threads: ctx.threads }),
  overwrite: o.force === true,
  onProgress: ctx.onProgress,
});
