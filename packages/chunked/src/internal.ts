/**
 * `@ndimage/chunked/internal`: the pieces a runner of chunk jobs builds on (the queue workers of
 * the distributed engine, the CLI): the serialisable job description and its runner, and the
 * backends' classes. No semver promise; users import `@ndimage/chunked`.
 *
 * @packageDocumentation
 * @internal
 */
export { ImageSource } from './io/image-source.js';
export { NpySink, NpySource } from './io/npy-file.js';
export { openSink } from './io/open.js';
export { TiffSink, type TiffSinkOptions } from './io/tiff-sink.js';
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
  type SinkRef,
  type SourceRef,
  type StatsJob,
} from './job.js';
export { mergeScans } from './label-merge.js';
export type { ChunkScan } from './label-scan.js';
export type { StatsPartial } from './stats.js';
