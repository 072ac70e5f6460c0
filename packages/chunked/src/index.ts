/**
 * `@ndimage/chunked`: images larger than memory. Filters, morphology, labelling and ROF run chunk
 * by chunk over Zarr (v2/v3, OME-Zarr; folders or http), big TIFF/PNG/JPEG (read region by region
 * through sharp) and `.npy`, each chunk read with the halo its operation needs, so results equal
 * the whole-image call bit for bit, in bounded memory, on a pool of worker threads.
 *
 * @packageDocumentation
 */
export { type AxisWindow, axisWindow } from './block.js';
export {
  createSink,
  type NpyOutput,
  type OutputRef,
  outputSpecOf,
  type TiffOutput,
  type ZarrOutput,
} from './io/create.js';
export { MemorySink, MemorySource } from './io/memory.js';
export { openSource, specOf } from './io/open.js';
export type { ChunkedSink, ChunkedSource, SinkSpec, SourceSpec, ZarrCodec } from './io/types.js';
export {
  fillHolesChunked,
  type LabelChunkedOptions,
  type LabelChunkedResult,
  labelChunked,
  type ObjectStatsChunkedOptions,
  objectStatsChunked,
} from './label.js';
export { OPERATIONS, type Operation, type OperationDef, type OperationName, type Params } from './ops/operations.js';
export type { Box } from './region.js';
export { type ChunkedResult, type ChunkedRunOptions, type InputRef, type Progress, runChunked } from './run.js';
