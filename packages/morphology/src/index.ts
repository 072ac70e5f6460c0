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
export { type ObjectStats, objectStats } from './object-stats.js';
export { box, cross, disk, generateBinaryStructure, iterateStructure, square } from './structure.js';
export type { ArrayInput, BoolOutput, IntoArray } from './types.js';
