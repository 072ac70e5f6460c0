/**
 * SciPy 1.10's own tests of the filters that take a function, ported: from test_filters.py
 * generic_filter1d01 and generic_filter01 (over SciPy's ten dtypes), generic_laplace01 (real
 * dtypes), generic_gradient_magnitude01, ticket_701 and the generic parts of valid_origins; from
 * test_c_api.py the generic filters with the Python functions (JavaScript here). SciPy's
 * `extra_keywords` have no JavaScript counterpart: they are passed as extra arguments.
 */
import { arange, array, type DType, type NdArray, ones, zeros } from '@ndimage/core-array';
import { expectArrayClose, expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

const TYPES: DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];
/** The dtypes our filters compute on (int64/uint64 are storage-only: convert first). */
const computable = (d: DType): DType => (d === 'int64' || d === 'uint64' ? 'float64' : d);

/** numpy's assert_array_almost_equal (6 decimals). */
function almostEqual(actual: NdArray, expected: NdArray): void {
  expect([...actual.shape]).toEqual([...expected.shape]);
  expectArrayClose(actual.astype('float64'), expected.astype('float64'), { atol: 1.5e-6, rtol: 0 });
}

describe.each(TYPES)('%s (test_filters.py)', (dtype) => {
  const a = arange(12, { dtype: computable(dtype) }).reshape([3, 4]);

  it('test_generic_filter1d01', () => {
    const weights = [1.1, 2.2, 3.3];
    const total = weights.reduce((s, w) => s + w, 0);
    const filterFunc = ((input: Float64Array, output: Float64Array, fltr: number[], t: number) => {
      const f = fltr.map((v) => v / t);
      for (let ii = 0; ii < input.length - 2; ii++) {
        output[ii] = (input[ii] as number) * (f[0] as number);
        output[ii] = (output[ii] as number) + (input[ii + 1] as number) * (f[1] as number);
        output[ii] = (output[ii] as number) + (input[ii + 2] as number) * (f[2] as number);
      }
    }) as F.LineFunction;
    const r1 = F.correlate1d(
      a,
      weights.map((w) => w / total),
      { axis: 0, origin: -1 },
    );
    const r2 = F.genericFilter1d(a, filterFunc, 3, { axis: 0, origin: -1, extraArguments: [weights, total] });
    almostEqual(r2, r1);
  });

  it('test_generic_filter01', () => {
    const footprint = [
      [1, 0],
      [0, 1],
    ];
    const cf = [1, 4];
    const filterFunc = ((buffer: Float64Array, weights: number[], total: number) => {
      let s = 0;
      for (let i = 0; i < buffer.length; i++) s += (buffer[i] as number) * ((weights[i] as number) / total);
      return s;
    }) as F.WindowFunction;
    const r1 = F.correlate(
      a,
      array([
        [1, 0],
        [0, 4],
      ]),
    );
    const expected = r1.dtype.startsWith('float')
      ? r1.astype('float64').toArray()
      : (r1.toArray() as number[][]).map((row) => row.map((v) => Math.floor(v / 5)));
    const scaled = r1.dtype.startsWith('float')
      ? (expected as number[][]).map((row) => row.map((v) => v / 5))
      : expected;
    const r2 = F.genericFilter(a, filterFunc, { footprint, extraArguments: [cf, 5] });
    almostEqual(r2, array(scaled as number[][]));
    // generic_filter doesn't allow a mode sequence
    expectNdImageError(
      () => F.genericFilter(a, filterFunc, { footprint, mode: ['reflect', 'reflect'], extraArguments: [cf, 5] }),
      'ERR_INVALID_ARGUMENT',
    );
  });

  it('test_generic_laplace01', () => {
    const derivative2 = ((
      input: NdArray,
      axis: number,
      output: DType | NdArray,
      mode: F.Mode,
      cval: number,
      aa: number,
      b: number,
    ) =>
      F.gaussianFilter(input, [aa, b / 2], {
        order: input.shape.map((_, i) => (i === axis ? 2 : 0)),
        output,
        mode,
        cval,
      })) as F.Derivative2;
    const x = array(
      [
        [3, 2, 5, 1, 4],
        [5, 8, 3, 7, 1],
        [5, 6, 9, 3, 5],
      ],
      { dtype: computable(dtype) },
    );
    const output = zeros(x.shape, { dtype: x.dtype });
    const tmp = F.genericLaplace(x, derivative2, { extraArguments: [1, 2] });
    F.gaussianLaplace(x, 1, { output });
    almostEqual(tmp, output);
  });
});

describe('test_filters.py, single cases', () => {
  it('test_generic_gradient_magnitude01', () => {
    const x = array([
      [3, 2, 5, 1, 4],
      [5, 8, 3, 7, 1],
      [5, 6, 9, 3, 5],
    ]);
    const derivative = ((
      input: NdArray,
      axis: number,
      output: DType | NdArray,
      mode: F.Mode,
      cval: number,
      aa: number,
      b: number,
    ) =>
      F.gaussianFilter(input, [aa, b / 2], {
        order: input.shape.map((_, i) => (i === axis ? 1 : 0)),
        output,
        mode,
        cval,
      })) as F.Derivative;
    almostEqual(
      F.genericGradientMagnitude(x, derivative, { extraArguments: [1, 2] }),
      F.gaussianGradientMagnitude(x, 1),
    );
  });

  it('test_ticket_701: size 1 and (1, 1) give the same', () => {
    const arr = arange(4).reshape([2, 2]);
    const min = (w: Float64Array) => Math.min(...w);
    expect(F.genericFilter(arr, min, 1).toArray()).toEqual(F.genericFilter(arr, min, [1, 1]).toArray());
  });

  it('test_valid_origins: generic filters refuse an origin outside the window', () => {
    const data = array([1, 2, 3, 4, 5]);
    expectNdImageError(() => F.genericFilter(data, (w) => w[0] as number, 3, { origin: 2 }), 'ERR_INVALID_ARGUMENT');
    expectNdImageError(() => F.genericFilter1d(data, () => {}, 3, { origin: 2 }), 'ERR_INVALID_ARGUMENT');
  });
});

describe('test_c_api.py (the Python functions, as JavaScript)', () => {
  it('test_generic_filter: a weighted sum over a cross', () => {
    const im = ones([20, 20]);
    im.slice([0, 10], [0, 10]).fill(0);
    const footprint = [
      [0, 1, 0],
      [1, 1, 1],
      [0, 1, 0],
    ];
    const weights = new Array(5).fill(1 / 5);
    const filter2d = ((w: Float64Array, k: number[]) =>
      w.reduce((s, v, i) => s + v * (k[i] as number), 0)) as F.WindowFunction;
    const res = F.genericFilter(im, filter2d, { footprint, extraArguments: [weights] });
    almostEqual(res, F.correlate(im, array(footprint.map((r) => r.map((v) => v / 5)))));
  });

  it('test_generic_filter1d: a running mean of 3', () => {
    const im = zeros([10, 20]);
    im.slice(null, [10, 20]).fill(1);
    const filter1d = ((input: Float64Array, output: Float64Array, size: number) => {
      for (let i = 0; i < output.length; i++) {
        output[i] = 0;
        for (let j = 0; j < size; j++) output[i] = (output[i] as number) + (input[i + j] as number);
        output[i] = (output[i] as number) / size;
      }
    }) as F.LineFunction;
    almostEqual(F.genericFilter1d(im, filter1d, 3, { extraArguments: [3] }), F.uniformFilter1d(im, 3));
  });
});
