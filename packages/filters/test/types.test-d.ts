/**
 * Type tests (checked by `pnpm typecheck`; nothing runs): results carry SciPy's output rule in
 * their types — the input's dtype, or the `output` dtype or array.
 */
import { type DType, type NdArray, zeros } from '@ndimage/core-array';
import { describe, expectTypeOf, it } from 'vitest';
import {
  convolve,
  correlate1d,
  type GaussianFilterOptions,
  gaussianFilter,
  gaussianFilter1d,
  gaussianGradientMagnitude,
  genericFilter,
  genericFilter1d,
  laplace,
  maximumFilter,
  medianFilter,
  minimumFilter1d,
  percentileFilter,
  prewitt,
  rankFilter,
  sobel,
  uniformFilter,
} from '../src/index.js';

const u8 = zeros([4, 4], { dtype: 'uint8' });
const f32 = zeros([4, 4], { dtype: 'float32' });

describe('the input dtype carries through', () => {
  it('for every filter', () => {
    expectTypeOf(gaussianFilter(u8, 1)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(gaussianFilter(u8, 1, { mode: 'wrap' })).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(gaussianFilter1d(f32, 1)).toEqualTypeOf<NdArray<'float32'>>();
    expectTypeOf(sobel(u8)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(prewitt(f32, { axis: 0 })).toEqualTypeOf<NdArray<'float32'>>();
    expectTypeOf(laplace(u8)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(gaussianGradientMagnitude(u8, 2)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(uniformFilter(u8)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(correlate1d(u8, [1, 2, 1])).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(convolve(u8, zeros([3, 3]))).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(medianFilter(u8, 3)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(maximumFilter(u8, { footprint: zeros([3, 3]) })).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(minimumFilter1d(u8, 3)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(rankFilter(u8, 1, [3, 3])).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(percentileFilter(u8, 50, 3)).toEqualTypeOf<NdArray<'uint8'>>();
  });
  it('so a pixel reads as a number', () => {
    expectTypeOf(gaussianFilter(u8, 1).get(0, 0)).toEqualTypeOf<number>();
  });
});

describe('output names the result', () => {
  it('as a dtype', () => {
    expectTypeOf(gaussianFilter(u8, 1, { output: 'float64' })).toEqualTypeOf<NdArray<'float64'>>();
    expectTypeOf(sobel(u8, { output: 'int16' })).toEqualTypeOf<NdArray<'int16'>>();
    expectTypeOf(medianFilter(u8, 3, { output: 'float32' })).toEqualTypeOf<NdArray<'float32'>>();
    expectTypeOf(medianFilter(u8, { size: 3, output: 'float32' })).toEqualTypeOf<NdArray<'float32'>>();
  });
  it('as an array', () => {
    expectTypeOf(uniformFilter(u8, 3, { output: zeros([4, 4], { dtype: 'int32' }) })).toEqualTypeOf<NdArray<'int32'>>();
  });
  it('and options of the declared type give any dtype', () => {
    const o: GaussianFilterOptions = {};
    expectTypeOf(gaussianFilter(u8, 1, o)).toEqualTypeOf<NdArray<DType>>();
  });
});

describe('misspelt options are compile errors', () => {
  it('an unknown key', () => {
    // @ts-expect-error `mod` is not an option (did you mean `mode`?)
    gaussianFilter(u8, 1, { mod: 'wrap' });
  });
});

describe('filters with a function of yours', () => {
  it('keep the input dtype unless output says otherwise', () => {
    const mean = (w: Float64Array) => w.reduce((s, v) => s + v, 0) / w.length;
    expectTypeOf(genericFilter(u8, mean, 3)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(genericFilter(u8, mean, { size: 3 })).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(genericFilter(u8, mean, 3, { output: 'float64' })).toEqualTypeOf<NdArray<'float64'>>();
    expectTypeOf(genericFilter1d(f32, () => {}, 3)).toEqualTypeOf<NdArray<'float32'>>();
    expectTypeOf(genericFilter1d(f32, () => {}, 3, { output: 'int16' })).toEqualTypeOf<NdArray<'int16'>>();
  });
});
