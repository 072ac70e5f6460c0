/**
 * Where a thread pool plugs in. This file is in the main (browser-safe) entry: it holds no
 * threads itself, only the backend that `@ndimage/core-array/parallel`'s `enableThreads()`
 * registers, so filters can ask for threads without importing Node modules.
 */
import { invalidArgument, NdImageError } from '../errors.js';

/** A unit of work for one thread: `module`'s export `fn` called with `args` (structured-cloneable). */
export interface ThreadTask {
  /** URL of an ES module the worker can import. */
  module: string;
  /** Name of the exported function to call. */
  fn: string;
  /** Its single argument. Typed arrays over SharedArrayBuffers are shared, not copied. */
  args: unknown;
}

/** What a registered pool offers. */
export interface ThreadBackend {
  /** Threads available, counting the calling one. */
  readonly size: number;
  /**
   * Runs every task, one per thread (the caller's thread takes the first one, through `local`),
   * and returns when all are done. Throws the first task error.
   */
  run(tasks: readonly ThreadTask[], local: (task: ThreadTask) => void): void;
}

/** The `threads` option of functions that can run in parallel. */
export interface ThreadsOptions {
  /**
   * Threads to use: `'auto'` uses the pool from `enableThreads()` when there is one and the input
   * is large, else one thread; a number requires that pool. Results are bit-identical whatever
   * the count. @defaultValue 1
   */
  threads?: 'auto' | number;
}

let backend: ThreadBackend | undefined;

/** Registers (or with `undefined`, removes) the thread backend. Called by `enableThreads()`. */
export function setThreadBackend(next: ThreadBackend | undefined): void {
  backend = next;
  if (next === undefined) scratch.length = 0;
}

const scratch: SharedArrayBuffer[] = [];

/**
 * A reusable SharedArrayBuffer of at least `bytes` for scratch `slot` (0, 1, …), kept until
 * threads are disabled. Parallel calls stage their input and output there instead of allocating
 * shared memory each time: fresh shared memory is slow to touch the first time (no huge pages;
 * 32 MB measured 70 ms, against 3 ms for an ordinary buffer).
 *
 * @example
 * ```ts
 * sharedScratch(0, 1024).byteLength >= 1024; // true
 * ```
 */
export function sharedScratch(slot: number, bytes: number): SharedArrayBuffer {
  const have = scratch[slot];
  if (have !== undefined && have.byteLength >= bytes) return have;
  const made = new SharedArrayBuffer(Math.max(bytes, 8));
  scratch[slot] = made;
  return made;
}

/** The registered thread backend, if any. */
export function threadBackend(): ThreadBackend | undefined {
  return backend;
}

/** Work below this many elements stays on one thread: starting bands costs more than it saves. */
export const MIN_PARALLEL_ELEMENTS: number = 1 << 18;

/**
 * How many threads a call should use for `elements` of work and its `threads` option.
 *
 * @throws NdImageError `ERR_UNSUPPORTED` when a count above 1 is asked for without a pool;
 *   `ERR_INVALID_ARGUMENT` for a count that is not a positive integer.
 * @example
 * ```ts
 * threadCount(undefined, 1e7); // 1
 * threadCount('auto', 100);    // 1 (too small to split)
 * ```
 */
export function threadCount(threads: 'auto' | number | undefined, elements: number): number {
  if (threads === undefined || threads === 1) return 1;
  if (threads === 'auto') {
    if (backend === undefined || elements < MIN_PARALLEL_ELEMENTS) return 1;
    return backend.size;
  }
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1) {
    throw invalidArgument('threads', "'auto' or an integer ≥ 1", threads);
  }
  if (backend === undefined) {
    throw new NdImageError(
      'ERR_UNSUPPORTED',
      "`threads` needs the worker pool: call enableThreads() from '@ndimage/core-array/parallel' once (Node only)",
      { argument: 'threads' },
    );
  }
  return elements < MIN_PARALLEL_ELEMENTS ? 1 : Math.min(threads, backend.size);
}

/**
 * Splits `n` rows into `parts` contiguous bands [start, end), as even as possible.
 *
 * @example
 * ```ts
 * bands(10, 3); // [[0, 3], [3, 6], [6, 10]]
 * ```
 */
export function bands(n: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, n));
  const out: [number, number][] = [];
  for (let p = 0; p < count; p++) out.push([Math.floor((p * n) / count), Math.floor(((p + 1) * n) / count)]);
  return out;
}

/**
 * A built file beside this module: `here` when running from the build, `fromSource` when running
 * from `src/` (the package's own tests, through the source export condition). Workers are plain
 * Node threads and load the built JavaScript either way, so tests need a build first.
 */
export function builtFile(moduleUrl: string, here: string, fromSource: string): URL {
  // e.g. builtFile('file:///p/src/pool.ts', './worker.js', '../dist/worker.js') → file:///p/dist/worker.js
  return new URL(moduleUrl.endsWith('.ts') ? fromSource : here, moduleUrl);
}

/**
 * A copy of a typed array in shared memory (or the array itself when it already is shared), so
 * workers see it without copying.
 *
 * @example
 * ```ts
 * const s = shared(new Float64Array([1, 2]));
 * s.buffer instanceof SharedArrayBuffer; // true
 * ```
 */
export function shared<T extends { buffer: ArrayBufferLike; byteOffset: number; length: number; constructor: unknown }>(
  a: T,
): T {
  if (typeof SharedArrayBuffer === 'undefined') {
    throw new NdImageError('ERR_UNSUPPORTED', 'shared memory (SharedArrayBuffer) is not available here');
  }
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (b: SharedArrayBuffer, o: number, n: number) => T & { set(x: T): void };
  const bytes = (a as unknown as { byteLength: number }).byteLength;
  const out = new Ctor(new SharedArrayBuffer(bytes), 0, a.length);
  out.set(a);
  return out;
}
