/**
 * `@ndimage/chunked`: images larger than memory. Filters, morphology, labelling and ROF run chunk
 * by chunk over Zarr (v2/v3, OME-Zarr; folders or http), big TIFF/PNG/JPEG (read region by region
 * through sharp) and `.npy`, each chunk read with the halo its operation needs, so results equal
 * the whole-image call bit for bit, in bounded memory, on a pool of worker threads.
 *
 * @packageDocumentation
 */
export { axisWindow } from './block.js';
export {
  createSink,
  type NpyOutput,
  type OutputRef,
  outputSpecOf,
  type TiffOutput,
  type ZarrOutput,
} from './io/create.js';
export { ImageSource } from './io/image-source.js';
export { MemorySink, MemorySource } from './io/memory.js';
export { NpySink, NpySource } from './io/npy-file.js';
export { openSink, openSource, specOf } from './io/open.js';
export { TiffSink, type TiffSinkOptions } from './io/tiff-sink.js';
export type { ChunkedSink, ChunkedSource, SinkSpec, SourceSpec, ZarrCodec } from './io/types.js';
export { createZarrSink, openZarrSink, ZarrSink, type ZarrSinkOptions } from './io/zarr-sink.js';
export { openZarrSource, ZarrSource, type ZarrSourceOptions } from './io/zarr-source.js';
export {
  type ChunkJob,
  JobContext,
  type JobResult,
  type LabelScanJob,
  type LabelWriteJob,
  type MapJob,
  runJob,
  type StatsJob,
} from './job.js';
export {
  fillHolesChunked,
  type LabelChunkedOptions,
  type LabelChunkedResult,
  labelChunked,
  type ObjectStatsChunkedOptions,
  objectStatsChunked,
} from './label.js';
export { OPERATIONS, type Operation, type OperationName } from './ops/operations.js';
export type { Box } from './region.js';
export { type ChunkedResult, type ChunkedRunOptions, type InputRef, type Progress, runChunked } from './run.js';
