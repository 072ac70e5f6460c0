/**
 * `@ndimage/core-array`: the NumPy-like n-dimensional array under every `@ndimage` package.
 *
 * No runtime dependencies, no `node:` imports: runs unchanged in Node and browsers.
 *
 * @packageDocumentation
 */

// Creation
export { type ArrayOptions, array, asarray, isNdArrayLike, type NdArrayLike, type NestedInput } from './array.js';
export { type Casting, castInto, rint } from './cast.js';
export { arange, type DTypeOptions, empty, full, fullLike, ones, onesLike, zeros, zerosLike } from './creation.js';
export {
  checkDType,
  type DataOf,
  DTYPE_INFO,
  DTYPES,
  type DType,
  type DTypeDataMap,
  type DTypeInfo,
  dtypeOfData,
  isBigIntDType,
  isDType,
  isFloatDType,
  isIntegerDType,
  type NumericDType,
  type NumericTypedArray,
  type TypedArray,
  type ValueOf,
} from './dtypes.js';
export { abs, add, div, maximum, minimum, mul, neg, pow, square, sub } from './elementwise/arithmetic.js';
export { equal, greater, greaterEqual, less, lessEqual, notEqual } from './elementwise/compare.js';
// Element-wise functions
export type { Operand, OutOptions } from './elementwise/engine.js';
export { logicalAnd, logicalNot, logicalOr } from './elementwise/logical.js';
export { arctan2, exp, hypot, log, sqrt } from './elementwise/math.js';
export { clip, where } from './elementwise/select.js';
// Errors
export {
  NdImageError,
  type NdImageErrorCode,
  type NdImageErrorDetails,
} from './errors.js';
export type { IndexSpec, SliceRange } from './indexing.js';
export { forEachRun, type RunCallback } from './iterate.js';
export { concatenate, stack } from './join.js';
export type { Layout } from './layout.js';
// The array and its element types
export { type AstypeOptions, NdArray, type NdArrayOptions, type NestedArray } from './ndarray.js';
// .npy
export { type ReadNpyOptions, readNpy } from './npy/read-npy.js';
export { writeNpy } from './npy/write-npy.js';
// Threads: the option only (no Node imports); the pool itself is '@ndimage/core-array/parallel'
export type { ThreadsOptions } from './parallel/registry.js';
export { floatResultType, minScalarType, promoteTypes, resultType, type Scalar } from './promote.js';
export { type RandomNormalOptions, type RandomOptions, RandomState, random, randomNormal } from './random.js';
// Reductions
export type { ArrayReduceOptions, ReduceOptions, ScalarReduceOptions } from './reduce/engine.js';
export { type ArgOptions, argmax, argmin, max, min } from './reduce/extrema.js';
export { type MomentOptions, mean, norm, std, sum, variance, variance as var } from './reduce/statistics.js';
// Result types of functions with SciPy's `output` argument
export type { DTypeOf, NoOutput, OutputAs } from './result-types.js';
// Rearranging
export { roll } from './roll.js';
// Shapes, dtypes and casting
export { broadcastShapes, cStrides, shapeSize, shapesEqual } from './shape.js';
