/**
 * Bad input gets NdImageError naming the argument (reference/bad-input.md #25): non-finite pixels,
 * non-positive or non-finite weights and tolerances, steps out of range, wrong shapes, unknown
 * options — never the textbook's silent one-iteration exit on NaN.
 */
import { array, NdImageError } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { denoise, denoiseTv, denoiseTvChambolle } from '../src/index.js';

const im = array([
  [1, 2, 3],
  [4, 5, 6],
]);

function expectError(fn: () => unknown, code: string, argument: string, text?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(NdImageError);
  expect((caught as NdImageError).code).toBe(code);
  expect((caught as NdImageError).argument).toBe(argument);
  if (text !== undefined) expect((caught as Error).message).toContain(text);
}

describe('bad input', () => {
  it('non-finite pixels', () => {
    const nan = array([
      [1, Number.NaN],
      [3, 4],
    ]);
    expectError(() => denoise(nan), 'ERR_INVALID_ARGUMENT', 'im', 'got NaN (at [0, 1])');
    expectError(() => denoiseTv(array([[1, Number.POSITIVE_INFINITY]])), 'ERR_INVALID_ARGUMENT', 'im', 'Infinity');
    // skimage's denoise_tv_chambolle spreads one NaN over the whole image: refused here as the
    // other denoisers refuse it, naming where it is.
    expectError(() => denoiseTvChambolle(nan), 'ERR_INVALID_ARGUMENT', 'image', 'got NaN (at [0, 1])');
    expectError(
      () =>
        denoiseTvChambolle(
          array([
            [
              [0, 1],
              [2, Number.NEGATIVE_INFINITY],
            ],
          ]),
          { channelAxis: -1 },
        ),
      'ERR_INVALID_ARGUMENT',
      'image',
      'got -Infinity (at [0, 1, 1])',
    );
    expectError(
      () => denoiseTvChambolle(array([[1, Number.NaN]], { dtype: 'float32' })),
      'ERR_INVALID_ARGUMENT',
      'image',
      'NaN',
    );
    expectError(
      () => denoise(nan.slice(null, null).copy().fill(1), { uInit: nan }),
      'ERR_INVALID_ARGUMENT',
      'uInit',
      'got NaN',
    );
  });

  it('weights, tolerances and steps', () => {
    for (const v of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1']) {
      expectError(() => denoise(im, { tvWeight: v as number }), 'ERR_INVALID_ARGUMENT', 'tvWeight');
      expectError(() => denoise(im, { tolerance: v as number }), 'ERR_INVALID_ARGUMENT', 'tolerance');
      expectError(() => denoiseTv(im, { weight: v as number }), 'ERR_INVALID_ARGUMENT', 'weight');
      expectError(() => denoiseTv(im, { gapTolerance: v as number }), 'ERR_INVALID_ARGUMENT', 'gapTolerance');
    }
    expectError(() => denoise(im, { tau: 0.3 }), 'ERR_INVALID_ARGUMENT', 'tau', 'in (0, 0.25]');
    expectError(() => denoise(im, { maxIterations: 0 }), 'ERR_INVALID_ARGUMENT', 'maxIterations');
    expectError(() => denoiseTv(im, { maxIterations: 2.5 }), 'ERR_INVALID_ARGUMENT', 'maxIterations');
    expectError(() => denoiseTv(im, { timeLimitMs: -5 }), 'ERR_INVALID_ARGUMENT', 'timeLimitMs');
    expectError(() => denoiseTvChambolle(im, { weight: 0 }), 'ERR_INVALID_ARGUMENT', 'weight');
    expectError(() => denoiseTvChambolle(im, { maxNumIter: 0 }), 'ERR_INVALID_ARGUMENT', 'maxNumIter');
  });

  it('shapes and options', () => {
    expectError(() => denoise(array([1, 2, 3])), 'ERR_SHAPE', 'im', '[h, w] or [h, w, channels]');
    expectError(() => denoiseTv(array([[[[1]]]])), 'ERR_SHAPE', 'im');
    expectError(() => denoise(im, { uInit: array([[1, 2]]) }), 'ERR_SHAPE', 'uInit');
    expectError(() => denoise(im, { dualInit: 'ones' as never }), 'ERR_INVALID_ARGUMENT', 'dualInit');
    expectError(() => denoiseTv(im, { method: 'admm' as never }), 'ERR_INVALID_ARGUMENT', 'method');
    expectError(() => denoiseTv(im, { boundary: 'reflect' as never }), 'ERR_INVALID_ARGUMENT', 'boundary');
    expectError(() => denoiseTv(im, { precision: 'float16' as never }), 'ERR_INVALID_ARGUMENT', 'precision');
    expectError(
      () => denoiseTv(im, { channels: 'coupled', method: 'chambolle-pock' }),
      'ERR_INVALID_ARGUMENT',
      'method',
    );
    expectError(() => denoiseTv(im, { onProgress: 3 as never }), 'ERR_INVALID_ARGUMENT', 'onProgress');
    expectError(() => denoiseTv(im, { signal: {} as never }), 'ERR_INVALID_ARGUMENT', 'signal');
    expectError(() => denoiseTvChambolle(im, { channelAxis: 5 }), 'ERR_INVALID_ARGUMENT', 'channelAxis');
    expectError(() => denoise(im, 'fast' as never), 'ERR_INVALID_ARGUMENT', 'options');
  });

  it('an already-aborted signal stops before the first iteration', () => {
    const c = new AbortController();
    c.abort();
    expectError(() => denoise(im, { signal: c.signal }), 'ERR_ABORTED', 'signal');
  });
});
