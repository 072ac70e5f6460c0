/**
 * `@ndimage/core-array/internal`: the helpers the sibling @ndimage packages build on — argument
 * validation with one message form, chunked line reads, the thread-pool registry, locating built
 * files. Not part of the public API: no semver promise, not in the API reference. Users import
 * `@ndimage/core-array`.
 *
 * @packageDocumentation
 * @internal
 */

export { readLine } from './chunks.js';
export { allocate } from './dtypes.js';
export { describeValue, invalidArgument } from './errors.js';
export { nextIndex } from './iterate.js';
export {
  bands,
  builtFile,
  MIN_PARALLEL_ELEMENTS,
  shared,
  sharedScratch,
  type ThreadBackend,
  type ThreadTask,
  threadBackend,
  threadCount,
} from './parallel/registry.js';
export { didYouMean } from './validate/did-you-mean.js';
export { checkOptions, optionKeys } from './validate/options.js';
export { checkOutput, type OutputRules, resolveOutput } from './validate/output.js';
export { requireAxes } from './validate/rank.js';
export { checkOrigin, checkOrigins, normalizeSequence } from './validate/sequence.js';
export {
  checkFiniteNumber,
  checkInteger,
  checkOneOf,
  checkShape,
  normalizeAxes,
  normalizeAxis,
} from './validate.js';
