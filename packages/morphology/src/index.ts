/**
 * `@ndimage/morphology`: scipy.ndimage's labelling, binary and grey morphology and measurements in
 * TypeScript, on the `NdArray` of `@ndimage/core-array`.
 *
 * @packageDocumentation
 */
export {
  type BinaryClosingOptions,
  type BinaryIterOptions,
  type BinaryOptions,
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryHitOrMiss,
  binaryOpening,
  binaryPropagation,
  type HitOrMissOptions,
  type PropagationOptions,
} from './binary.js';
export type { DistanceOutputOptions, DistanceWithIndices } from './distance-outputs.js';
export {
  type BfDType,
  type BfMetric,
  type DistanceTransformBfOptions,
  distanceTransformBf,
  MAX_BF_COMPARISONS,
} from './distance-transform-bf.js';
export {
  type ChamferMetric,
  type DistanceTransformCdtOptions,
  distanceTransformCdt,
} from './distance-transform-cdt.js';
export { type DistanceTransformEdtOptions, distanceTransformEdt } from './distance-transform-edt.js';
export {
  blackTophat,
  type GreyOptions,
  greyClosing,
  greyDilation,
  greyErosion,
  greyOpening,
  morphologicalGradient,
  whiteTophat,
} from './grey.js';
export { type LabelOptions, type LabelResult, label } from './label.js';
export type { Index } from './measure-data.js';
export {
  type ComprehensionOptions,
  centerOfMass,
  extrema,
  findObjects,
  histogram,
  labeledComprehension,
  maximum,
  maximumPosition,
  mean,
  median,
  minimum,
  minimumPosition,
  standardDeviation,
  sum,
  sumLabels,
  variance,
} from './measurements.js';
export { morphologicalLaplace } from './morphological-laplace.js';
export { type ObjectStats, objectStats } from './object-stats.js';
export { box, cross, disk, generateBinaryStructure, iterateStructure, square } from './structure.js';
export type { ArrayInput, BoolOutput, IntoArray } from './types.js';
export { type ValueIndicesOptions, type ValueKey, valueIndices } from './value-indices.js';
export { type WatershedIftOptions, watershedIft } from './watershed-ift.js';
