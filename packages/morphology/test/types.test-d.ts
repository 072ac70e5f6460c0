/**
 * Type tests (checked by `pnpm typecheck`; nothing runs): bool results are `NdArray<'bool'>`,
 * grey morphology keeps the input's dtype, labels are int32, and a measurement returns a number
 * for one label and a list for a list of labels.
 */
import { array, type NdArray, zeros } from '@ndimage/core-array';
import { describe, expectTypeOf, it } from 'vitest';
import {
  binaryClosing,
  binaryErosion,
  binaryFillHoles,
  binaryOpening,
  centerOfMass,
  type DistanceWithIndices,
  distanceTransformBf,
  distanceTransformCdt,
  distanceTransformEdt,
  greyErosion,
  label,
  maximumPosition,
  mean,
  morphologicalLaplace,
  sumLabels,
  valueIndices,
  watershedIft,
  whiteTophat,
} from '../src/index.js';

const u8 = zeros([4, 4], { dtype: 'uint8' });
const mask = zeros([4, 4], { dtype: 'bool' });
const labels = array([
  [0, 1],
  [2, 2],
]);

describe('binary morphology', () => {
  it('gives bool, or the output array’s dtype', () => {
    expectTypeOf(binaryErosion(mask)).toEqualTypeOf<NdArray<'bool'>>();
    expectTypeOf(binaryOpening(u8, { iterations: 2 })).toEqualTypeOf<NdArray<'bool'>>();
    expectTypeOf(binaryClosing(mask, { output: 'uint8' })).toEqualTypeOf<NdArray<'bool'>>();
    expectTypeOf(binaryFillHoles(mask, { output: zeros([4, 4], { dtype: 'uint8' }) })).toEqualTypeOf<
      NdArray<'uint8'>
    >();
  });
});

describe('grey morphology', () => {
  it('keeps the input dtype unless output says otherwise', () => {
    expectTypeOf(greyErosion(u8, 3)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(whiteTophat(u8, { size: 3 })).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(greyErosion(u8, 3, { output: 'float64' })).toEqualTypeOf<NdArray<'float64'>>();
  });
});

describe('label and measurements', () => {
  it('labels are int32 unless output says otherwise', () => {
    expectTypeOf(label(mask).labels).toEqualTypeOf<NdArray<'int32'>>();
    expectTypeOf(label(mask, { output: 'uint16' }).labels).toEqualTypeOf<NdArray<'uint16'>>();
  });
  it('one label gives a number, a list of labels a list', () => {
    expectTypeOf(mean(u8)).toEqualTypeOf<number>();
    expectTypeOf(mean(u8, labels, 1)).toEqualTypeOf<number>();
    expectTypeOf(sumLabels(u8, labels, [1, 2])).toEqualTypeOf<number[]>();
    expectTypeOf(centerOfMass(u8, labels, 2)).toEqualTypeOf<number[]>();
    expectTypeOf(maximumPosition(u8, labels, [1, 2])).toEqualTypeOf<number[][]>();
  });
});

describe('distance transforms, watershed, value indices', () => {
  it('give SciPy’s dtypes: float64 EDT, int32 CDT, float64 or uint32 BF, int32 indices', () => {
    expectTypeOf(distanceTransformEdt(mask)).toEqualTypeOf<NdArray<'float64'>>();
    expectTypeOf(distanceTransformEdt(mask, { returnIndices: true })).toEqualTypeOf<DistanceWithIndices<'float64'>>();
    expectTypeOf(distanceTransformEdt(mask, { returnIndices: true }).indices).toEqualTypeOf<NdArray<'int32'>>();
    expectTypeOf(distanceTransformCdt(mask)).toEqualTypeOf<NdArray<'int32'>>();
    expectTypeOf(distanceTransformBf(mask)).toEqualTypeOf<NdArray<'float64'>>();
    expectTypeOf(distanceTransformBf(mask, { metric: 'taxicab' })).toEqualTypeOf<NdArray<'uint32'>>();
  });
  it('watershed labels have the markers’ dtype unless output says otherwise', () => {
    const markers = zeros([4, 4], { dtype: 'int16' });
    expectTypeOf(watershedIft(u8, markers)).toEqualTypeOf<NdArray<'int16'>>();
    expectTypeOf(watershedIft(u8, markers, { output: 'int32' })).toEqualTypeOf<NdArray<'int32'>>();
  });
  it('value indices are keyed by number, or bigint for 64-bit arrays', () => {
    expectTypeOf(valueIndices(u8)).toEqualTypeOf<Map<number, NdArray<'int32'>[]>>();
    expectTypeOf(valueIndices(zeros([2], { dtype: 'int64' }))).toEqualTypeOf<Map<bigint, NdArray<'int32'>[]>>();
  });
  it('the morphological Laplacian keeps the input dtype unless output says otherwise', () => {
    expectTypeOf(morphologicalLaplace(u8, 3)).toEqualTypeOf<NdArray<'uint8'>>();
    expectTypeOf(morphologicalLaplace(u8, 3, { output: 'int16' })).toEqualTypeOf<NdArray<'int16'>>();
  });
});
