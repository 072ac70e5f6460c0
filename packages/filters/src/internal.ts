/**
 * `@ndimage/filters/internal`: what sibling packages build on — the kernels morphology reuses
 * (run-length rows for labelling, chains of box minima/maxima for binary morphology) and the
 * boundary-mode index map. Not part of the public API: no semver promise, not in the API
 * reference. Users import `@ndimage/filters`.
 *
 * @packageDocumentation
 * @internal
 */

export { type BoxPass, boxExtremumSequence } from './box-sequence.js';
export { type BoundaryMode, boundaryMode, mapIndex } from './modes.js';
export { type RowRuns, rowRuns } from './row-runs.js';
