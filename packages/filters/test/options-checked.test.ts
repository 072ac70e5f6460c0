/**
 * Every public function of the package checks its options bag (issue 12): an unknown key is
 * ERR_INVALID_ARGUMENT naming it, never silently ignored.
 */
import { ones } from '@ndimage/core-array';
import { expectNdImageError } from '@ndimage/core-array/testing';
import { expect, it } from 'vitest';
import * as F from '../src/index.js';

const x = ones([6, 6]);
const bogus = { zzzUnknown: 1 } as never;
const calls: Record<string, () => unknown> = {
  correlate: () => F.correlate(x, ones([3, 3]), bogus),
  convolve: () => F.convolve(x, ones([3, 3]), bogus),
  correlate1d: () => F.correlate1d(x, [1, 2, 1], bogus),
  convolve1d: () => F.convolve1d(x, [1, 2, 1], bogus),
  gaussianFilter: () => F.gaussianFilter(x, 1, bogus),
  gaussianFilter1d: () => F.gaussianFilter1d(x, 1, bogus),
  gaussianGradientMagnitude: () => F.gaussianGradientMagnitude(x, 1, bogus),
  gaussianLaplace: () => F.gaussianLaplace(x, 1, bogus),
  genericGradientMagnitude: () => F.genericGradientMagnitude(x, (a) => a, bogus),
  genericLaplace: () => F.genericLaplace(x, (a) => a, bogus),
  laplace: () => F.laplace(x, bogus),
  sobel: () => F.sobel(x, bogus),
  prewitt: () => F.prewitt(x, bogus),
  uniformFilter: () => F.uniformFilter(x, 3, bogus),
  uniformFilter1d: () => F.uniformFilter1d(x, 3, bogus),
  minimumFilter: () => F.minimumFilter(x, 3, bogus),
  maximumFilter: () => F.maximumFilter(x, 3, bogus),
  minimumFilter1d: () => F.minimumFilter1d(x, 3, bogus),
  maximumFilter1d: () => F.maximumFilter1d(x, 3, bogus),
  medianFilter: () => F.medianFilter(x, 3, bogus),
  rankFilter: () => F.rankFilter(x, 1, 3, bogus),
  percentileFilter: () => F.percentileFilter(x, 50, 3, bogus),
  genericFilter: () => F.genericFilter(x, (w) => w[0] as number, 3, bogus),
  genericFilter1d: () => F.genericFilter1d(x, () => {}, 3, bogus),
};

it('lists every exported function that takes options', () => {
  const functions = Object.entries(F)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k);
  const withoutOptions = [
    'gaussianKernel1d',
    'gaussianRadius',
    'loadWasmKernels',
    'setWasmKernels',
    'wasmKernelsActive',
  ];
  expect(functions.filter((f) => !withoutOptions.includes(f)).sort()).toEqual(Object.keys(calls).sort());
});

it.each(Object.entries(calls))('%s refuses an unknown option', (_name, call) => {
  const e = expectNdImageError(call, 'ERR_INVALID_ARGUMENT');
  expect(e.message).toContain("unknown key 'zzzUnknown'");
});
