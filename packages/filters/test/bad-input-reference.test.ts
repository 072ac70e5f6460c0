/**
 * The cases of the project's bad-input reference (reference/bad-input.md) that concern the
 * filters: #22 filter parameters, #23 shape mismatches, #24 parameter-driven allocation. Each is
 * an NdImageError naming the parameter — where SciPy silently returns the input (sigma −1, NaN,
 * size 0), raises OverflowError (sigma ∞) or MemoryError (sigma 1e8).
 */
import { ones, zeros } from '@ndimage/core-array';
import { expectArrayClose, expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as F from '../src/index.js';

const x = ones([5, 5]);

describe('#22 filter parameters', () => {
  it.each([
    ['sigma −1', () => F.gaussianFilter(x, -1), 'sigma'],
    ['sigma NaN', () => F.gaussianFilter(x, Number.NaN), 'sigma'],
    ['sigma ∞', () => F.gaussianFilter(x, Number.POSITIVE_INFINITY), 'sigma'],
    ['sigma −∞ on one axis', () => F.gaussianFilter(x, [1, Number.NEGATIVE_INFINITY]), 'sigma[1]'],
    ['gaussianFilter1d sigma −1', () => F.gaussianFilter1d(x, -1), 'sigma'],
    ['gaussianLaplace sigma NaN', () => F.gaussianLaplace(x, Number.NaN), 'sigma'],
    ['gaussianGradientMagnitude sigma ∞', () => F.gaussianGradientMagnitude(x, Number.POSITIVE_INFINITY), 'sigma'],
    ['truncate NaN', () => F.gaussianFilter(x, 1, { truncate: Number.NaN }), 'truncate'],
    ['truncate −1', () => F.gaussianFilter(x, 1, { truncate: -1 }), 'truncate'],
    ['order −1', () => F.gaussianFilter(x, 1, { order: -1 }), 'order'],
    ['order 1.5', () => F.gaussianFilter1d(x, 1, { order: 1.5 }), 'order'],
    ['radius −2', () => F.gaussianFilter(x, 1, { radius: -2 }), 'radius'],
    ['size 0', () => F.uniformFilter(x, 0), 'size'],
    ['size −3', () => F.medianFilter(x, -3), 'size'],
    ['size 2.5', () => F.minimumFilter1d(x, 2.5), 'size'],
    ['size NaN', () => F.maximumFilter(x, Number.NaN), 'size'],
    ['unknown mode', () => F.gaussianFilter(x, 1, { mode: 'edge' as never }), 'mode'],
    ['unknown mode on one axis', () => F.uniformFilter(x, 3, { mode: ['reflect', 'bogus'] as never }), 'mode[1]'],
    ['cval a string', () => F.sobel(x, { cval: '0' as never }), 'cval'],
    ['percentile 101', () => F.percentileFilter(x, 101, 3), 'percentile'],
    ['rank beyond the window', () => F.rankFilter(x, 9, 3), 'rank'],
    ['origin beyond the window', () => F.uniformFilter1d(x, 3, { origin: 2 }), 'origin'],
  ])('%s', (_name, call, argument) => {
    const e = expectNdImageError(call, 'ERR_INVALID_ARGUMENT');
    expect(e.argument).toBe(argument);
    expect(e.message).toContain(`\`${argument}\``);
  });
});

describe('#23 shape mismatches', () => {
  it.each([
    ['sigma list of 3 on 2-D', () => F.gaussianFilter(x, [1, 1, 1]), 'ERR_INVALID_ARGUMENT', 'sigma'],
    ['size list of 1 on 2-D', () => F.uniformFilter(x, [3]), 'ERR_INVALID_ARGUMENT', 'size'],
    ['origin list of 3 on 2-D', () => F.minimumFilter(x, 3, { origin: [0, 0, 0] }), 'ERR_INVALID_ARGUMENT', 'origin'],
    ['axis 2 of 2-D', () => F.sobel(x, { axis: 2 }), 'ERR_INVALID_ARGUMENT', 'axis'],
    ['axis −3 of 2-D', () => F.correlate1d(x, [1, 1], { axis: -3 }), 'ERR_INVALID_ARGUMENT', 'axis'],
    ['weights of rank 1 for 2-D', () => F.correlate(x, [1, 2, 1]), 'ERR_SHAPE', 'weights'],
    ['footprint of rank 3 for 2-D', () => F.medianFilter(x, { footprint: ones([3, 3, 3]) }), 'ERR_SHAPE', 'footprint'],
    ['output of another shape', () => F.gaussianFilter(x, 1, { output: zeros([4, 5]) }), 'ERR_SHAPE', 'output'],
    ['empty weights', () => F.correlate1d(x, []), 'ERR_INVALID_ARGUMENT', 'weights'],
  ])('%s', (_name, call, code, argument) => {
    const e = expectNdImageError(call, code as never);
    expect(e.argument).toBe(argument);
  });
});

describe('#24 parameter-driven allocation', () => {
  it('sigma 1e8 on a 5 × 5 image: ERR_LIMIT before allocating a 6 GiB kernel (SciPy: MemoryError)', () => {
    const before = process.memoryUsage().arrayBuffers;
    const e = expectNdImageError(() => F.gaussianFilter(x, 1e8), 'ERR_LIMIT');
    expect(e.argument).toBe('sigma');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 << 20);
  });
  it('a radius of 1e9: ERR_LIMIT naming radius', () => {
    expect(expectNdImageError(() => F.gaussianFilter(x, 1, { radius: 1e9 }), 'ERR_LIMIT').argument).toBe('radius');
  });
  it('sigma 1e5 (a kernel far larger than the image, within the budget) gives a finite result', () => {
    expectArrayClose(F.gaussianFilter(x, 1e5, { mode: 'nearest' }), x, { rtol: 1e-12 });
  });
});
