/**
 * `@ndimage/filters`: scipy.ndimage's filters in TypeScript — Gaussian smoothing and derivatives,
 * Sobel/Prewitt, Laplace, uniform, minimum/maximum, median/rank/percentile, and the 1-D and n-D
 * correlation they are built on. Results match SciPy 1.10 (1e-12 for float64, exactly for
 * integer outputs, dtype rules included).
 *
 * @packageDocumentation
 */

export { type CorrelateOptions, convolve, correlate } from './correlate.js';
export { type Correlate1dOptions, convolve1d, correlate1d, type Weights1d } from './correlate1d.js';
export type { FootprintOptions } from './footprint.js';
export {
  type GaussianFilter1dOptions,
  type GaussianFilterOptions,
  type GaussianOptions,
  gaussianFilter,
  gaussianFilter1d,
} from './gaussian-filter.js';
export { gaussianKernel1d, gaussianRadius } from './gaussian-kernel.js';
export {
  type GenericFilter1dOptions,
  type GenericFilterOptions,
  genericFilter,
  genericFilter1d,
  type LineFunction,
  type WindowFunction,
} from './generic-filter.js';
export {
  type Derivative,
  type GaussianGradientMagnitudeOptions,
  type GenericGradientMagnitudeOptions,
  type GradientMagnitudeOptions,
  gaussianGradientMagnitude,
  genericGradientMagnitude,
} from './gradient-magnitude.js';
export {
  type Derivative2,
  type GaussianLaplaceOptions,
  type GenericLaplaceOptions,
  gaussianLaplace,
  genericLaplace,
  type LaplaceOptions,
  laplace,
} from './laplace.js';
export {
  type MinMaxFilter1dOptions,
  type MinMaxFilterOptions,
  maximumFilter,
  maximumFilter1d,
  minimumFilter,
  minimumFilter1d,
} from './min-max-filter.js';
export { MODES, type Mode } from './modes.js';
export type { BoundaryOptions } from './options.js';
export type { OutputOptions } from './output.js';
export { medianFilter, percentileFilter, type RankFilterOptions, rankFilter } from './rank-filter.js';
export { type GradientOptions, prewitt, sobel } from './sobel.js';
export {
  type UniformFilter1dOptions,
  type UniformFilterOptions,
  uniformFilter,
  uniformFilter1d,
} from './uniform-filter.js';
export { loadWasmKernels, setWasmKernels, wasmKernelsActive } from './wasm.js';
