/**
 * Bad input gets a clear NdImageError with a code and a message naming the argument — never a
 * crash, a hang or a silent wrong result (the project's hostile-input rules).
 */
import { array, ones, zeros } from '@ndimage/core-array';
import { expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

const x = array([1, 2, 3, 4]);
const img = ones([4, 6]);

describe('transforms refuse bad arguments', () => {
  it('n below 1, not an integer, or too large to allocate', () => {
    expectNdImageError(() => F.fft(x, { n: 0 }), 'ERR_INVALID_ARGUMENT', /`n`/);
    expectNdImageError(() => F.rfft(x, { n: 2.5 }), 'ERR_INVALID_ARGUMENT', /`n`/);
    expectNdImageError(() => F.irfft(array([1]), {}), 'ERR_INVALID_ARGUMENT', /`n`/); // 2·(1 − 1) = 0
    expectNdImageError(() => F.fft(x, { n: 2 ** 40 }), 'ERR_LIMIT');
  });

  it('axes out of range, 0-d input, unknown options and norms', () => {
    expectNdImageError(() => F.fft(x, { axis: 1 }), 'ERR_INVALID_ARGUMENT', /`axis`/);
    expectNdImageError(() => F.fft(array(3)), 'ERR_SHAPE', /0-d/);
    expectNdImageError(() => F.fft(x, { nn: 3 } as never), 'ERR_INVALID_ARGUMENT', /nn/);
    expectNdImageError(() => F.fft(x, { norm: 'orthonormal' as never }), 'ERR_INVALID_ARGUMENT', /`norm`/);
    expectNdImageError(() => F.fftn(img, { axes: [0, 2] }), 'ERR_INVALID_ARGUMENT', /`axes`/);
  });

  it('s and axes that disagree', () => {
    expectNdImageError(() => F.fftn(img, { s: [2, 3], axes: [0] }), 'ERR_SHAPE', /different lengths/);
    expectNdImageError(() => F.fftn(img, { s: [2, 3, 4] }), 'ERR_SHAPE', /`s`/);
    expectNdImageError(() => F.fftn(img, { s: [2, 0] }), 'ERR_INVALID_ARGUMENT', /s\[1\]/);
    expectNdImageError(() => F.rfftn(img, { axes: [] }), 'ERR_INVALID_ARGUMENT', /`axes`/);
  });

  it('frequencies and shifts', () => {
    expectNdImageError(() => F.fftfreq(-1), 'ERR_INVALID_ARGUMENT', /`n`/);
    expectNdImageError(() => F.fftfreq(4, Number.NaN), 'ERR_INVALID_ARGUMENT', /`d`/);
    expectNdImageError(() => F.fftshift(array(1)), 'ERR_SHAPE');
    expectNdImageError(() => F.fftshift(img, 2), 'ERR_INVALID_ARGUMENT', /`axes`/);
    expect(F.fftfreq(0).shape).toEqual([0]);
  });
});

describe('Fourier filters refuse bad arguments', () => {
  const spectrum = F.fft2(img);
  it('parameters: finite, one per axis', () => {
    expectNdImageError(() => F.fourierGaussian(spectrum, [1, 2, 3]), 'ERR_INVALID_ARGUMENT', /`sigma`/);
    expectNdImageError(() => F.fourierGaussian(spectrum, Number.POSITIVE_INFINITY), 'ERR_INVALID_ARGUMENT', /`sigma`/);
    expectNdImageError(() => F.fourierUniform(spectrum, 'big' as never), 'ERR_INVALID_ARGUMENT', /`size`/);
    expectNdImageError(() => F.fourierShift(spectrum, [1, Number.NaN]), 'ERR_INVALID_ARGUMENT', /shift\[1\]/);
  });

  it('n, axis and unknown options', () => {
    expectNdImageError(() => F.fourierGaussian(spectrum, 1, { n: 1.5 }), 'ERR_INVALID_ARGUMENT', /`n`/);
    expectNdImageError(() => F.fourierGaussian(spectrum, 1, { axis: 2 }), 'ERR_INVALID_ARGUMENT', /`axis`/);
    expectNdImageError(() => F.fourierGaussian(spectrum, 1, { sigma: 2 } as never), 'ERR_INVALID_ARGUMENT', /sigma/);
    expectNdImageError(() => F.fourierGaussian(array(1), 1), 'ERR_SHAPE', /0-d/);
  });

  it('outputs SciPy refuses: other dtypes, other shapes, real output for complex input', () => {
    expectNdImageError(() => F.fourierGaussian(img, 1, { output: 'uint8' }), 'ERR_DTYPE', /`output`/);
    expectNdImageError(() => F.fourierGaussian(spectrum, 1, { output: 'float64' }), 'ERR_DTYPE', /complex128/);
    expectNdImageError(() => F.fourierShift(img, 1, { output: 'float64' }), 'ERR_DTYPE', /`output`/);
    expectNdImageError(() => F.fourierGaussian(img, 1, { output: zeros([4, 5]) }), 'ERR_SHAPE', /`output`/);
    expectNdImageError(() => F.fourierEllipsoid(ones([2, 2, 2, 2]), 1), 'ERR_SHAPE', /3-d/);
  });

  it('an output array given is filled and returned, also in place', () => {
    const out = zeros([4, 6], { dtype: 'complex128' });
    expect(F.fourierGaussian(spectrum, 1, { output: out })).toBe(out);
    const copy = spectrum.copy();
    F.fourierGaussian(copy, 1, { output: copy });
    expect(copy.toArray()).toEqual(out.toArray());
  });
});
