/**
 * SciPy 1.10's own tests of the Fourier filters (`scipy/ndimage/tests/test_fourier.py`), ported:
 * the same shapes, dtypes, parameters and decimals (assert_almost_equal's `decimal` d means
 * |actual − desired| < 1.5·10^−d). Our transforms stand in for numpy.fft; dtypes follow NumPy
 * (the transforms give complex128 whatever the input).
 */
import { arange, array, type DType, imag, type NdArray, ones, real, sum, zeros } from '@ndimage/core-array';
import { expectArrayClose, expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import {
  fft,
  fourierEllipsoid,
  fourierGaussian,
  fourierShift,
  fourierUniform,
  ifft,
  irfft,
  rfft,
} from '../src/index.js';

const almost = (actual: number, desired: number, decimal: number): void => {
  expect(Math.abs(actual - desired)).toBeLessThan(1.5 * 10 ** -decimal);
};

type Filter = typeof fourierGaussian;
const filters: [string, Filter, { real: [DType, number][]; complex: [DType, number][] }][] = [
  [
    'gaussian',
    fourierGaussian,
    {
      real: [
        ['float32', 6],
        ['float64', 14],
      ],
      complex: [
        ['complex64', 6],
        ['complex128', 14],
      ],
    },
  ],
  [
    'uniform',
    fourierUniform,
    {
      real: [
        ['float32', 6],
        ['float64', 14],
      ],
      complex: [
        ['complex64', 6],
        ['complex128', 14],
      ],
    },
  ],
  [
    'ellipsoid',
    fourierEllipsoid,
    {
      real: [
        ['float32', 5],
        ['float64', 14],
      ],
      complex: [
        ['complex64', 5],
        ['complex128', 14],
      ],
    },
  ],
];

function impulse(shape: [number, number], dtype: DType): NdArray {
  const a = zeros(shape, { dtype });
  a.set(0, 0, 1);
  return a;
}

describe('scipy test_fourier.py', () => {
  for (const [name, filter, cases] of filters) {
    for (const shape of [
      [32, 16],
      [31, 15],
      [1, 10],
    ] as [number, number][]) {
      for (const [dtype, dec] of cases.real) {
        it(`test_fourier_${name}_real01 ${shape} ${dtype}`, () => {
          let a: NdArray = rfft(impulse(shape, dtype), { n: shape[0], axis: 0 });
          a = fft(a, { n: shape[1], axis: 1 });
          a = filter(a, [5.0, 2.5], { n: shape[0], axis: 0 });
          a = ifft(a, { n: shape[1], axis: 1 });
          a = irfft(a, { n: shape[0], axis: 0 });
          almost(sum(a) as number, 1, dec);
        });
      }
    }
    for (const shape of [
      [32, 16],
      [31, 15],
    ] as [number, number][]) {
      for (const [dtype, dec] of cases.complex) {
        it(`test_fourier_${name}_complex01 ${shape} ${dtype}`, () => {
          let a: NdArray = fft(impulse(shape, dtype), { n: shape[0], axis: 0 });
          a = fft(a, { n: shape[1], axis: 1 });
          a = filter(a, [5.0, 2.5], { n: -1, axis: 0 });
          a = ifft(a, { n: shape[1], axis: 1 });
          a = ifft(a, { n: shape[0], axis: 0 });
          almost(sum(real(a)) as number, 1.0, dec);
        });
      }
    }
  }

  for (const shape of [
    [32, 16],
    [31, 15],
  ] as [number, number][]) {
    for (const [dtype, dec] of [
      ['float32', 4],
      ['float64', 11],
    ] as [DType, number][]) {
      it(`test_fourier_shift_real01 ${shape} ${dtype}`, () => {
        const expected = arange(shape[0] * shape[1], { dtype }).reshape(shape);
        let a: NdArray = rfft(expected, { n: shape[0], axis: 0 });
        a = fft(a, { n: shape[1], axis: 1 });
        a = fourierShift(a, [1, 1], { n: shape[0], axis: 0 });
        a = ifft(a, { n: shape[1], axis: 1 });
        a = irfft(a, { n: shape[0], axis: 0 });
        expectArrayClose(a.slice([1, null], [1, null]), expected.slice([null, -1], [null, -1]), {
          atol: 1.5 * 10 ** -dec,
          rtol: 0,
        });
      });
    }
    for (const [dtype, dec] of [
      ['complex64', 6],
      ['complex128', 11],
    ] as [DType, number][]) {
      it(`test_fourier_shift_complex01 ${shape} ${dtype}`, () => {
        const expected = arange(shape[0] * shape[1], { dtype: 'float64' })
          .reshape(shape)
          .astype(dtype);
        let a: NdArray = fft(expected, { n: shape[0], axis: 0 });
        a = fft(a, { n: shape[1], axis: 1 });
        a = fourierShift(a, [1, 1], { n: -1, axis: 0 });
        a = ifft(a, { n: shape[1], axis: 1 });
        a = ifft(a, { n: shape[0], axis: 0 });
        const exp = real(expected);
        expectArrayClose(real(a).slice([1, null], [1, null]), exp.slice([null, -1], [null, -1]), {
          atol: 1.5 * 10 ** -dec,
          rtol: 0,
        });
        expectArrayClose(imag(a), zeros(shape), { atol: 1.5 * 10 ** -dec, rtol: 0 });
      });
    }
  }

  it('test_fourier_ellipsoid_unimplemented_ndim', () => {
    expectNdImageError(
      () => fourierEllipsoid(ones([4, 6, 8, 10], { dtype: 'complex128' }), 3),
      'ERR_SHAPE',
      /1-, 2- and 3-d/,
    );
  });

  it('test_fourier_ellipsoid_1d_complex: the 1-d ellipsoid is the uniform filter', () => {
    for (const shape of [32, 31]) {
      for (const [dtype, dec] of [
        ['complex64', 5],
        ['complex128', 14],
      ] as [DType, number][]) {
        const x = ones([shape], { dtype });
        const a = fourierEllipsoid(x, 5, { n: -1, axis: 0 });
        const b = fourierUniform(x, 5, { n: -1, axis: 0 });
        expectArrayClose(a, b, { atol: 1.5 * 10 ** -dec, rtol: 0 });
      }
    }
  });

  for (const shape of [[0], [0, 10], [10, 0]]) {
    for (const dtype of ['float32', 'float64', 'complex64', 'complex128'] as DType[]) {
      for (const [name, fn] of [
        ['ellipsoid', fourierEllipsoid],
        ['gaussian', fourierGaussian],
        ['uniform', fourierUniform],
      ] as [string, Filter][]) {
        it(`test_fourier_zero_length_dims ${name} ${shape} ${dtype}`, () => {
          const a = ones(shape, { dtype });
          const b = fn(a, 3);
          expect(b.shape).toEqual(a.shape);
          expect(b.dtype).toBe(a.dtype);
        });
      }
    }
  }

  it('imaginary parts of the shifted real transform are zero', () => {
    const x = array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const shifted = ifft(fourierShift(fft(x, { axis: 1 }), [0, 1]), { axis: 1 });
    expectArrayClose(
      real(shifted),
      array([
        [3, 1, 2],
        [6, 4, 5],
      ]),
      { rtol: 1e-12, atol: 1e-12 },
    );
  });
});
