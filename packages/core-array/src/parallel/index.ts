/**
 * `@ndimage/core-array/parallel`: the worker pool (Node only). Import it and call
 * `enableThreads()` once; functions with a `threads` option then split large inputs into bands
 * across threads, with results bit-identical to one thread.
 *
 * @packageDocumentation
 */
export { disableThreads, enableThreads, workerExecArgv } from './pool.js';
export {
  bands,
  builtFile,
  MIN_PARALLEL_ELEMENTS,
  shared,
  type ThreadBackend,
  type ThreadsOptions,
  type ThreadTask,
  threadBackend,
  threadCount,
} from './registry.js';
