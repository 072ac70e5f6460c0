/**
 * Bad arguments to the distance transforms, watershedIft, valueIndices and morphologicalLaplace
 * get an NdImageError naming the argument (DESIGN §5; reference/bad-input.md #22–#24), never a
 * crash, a hang or a silently wrong result; degenerate inputs (empty, 0-d, no background) get a
 * defined result.
 */
import { array, ones, RandomState, zeros } from '@ndimage/core-array';
import { expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as M from '../src/index.js';

const im = array([
  [0, 1, 1],
  [1, 1, 1],
]);

describe('distance transforms', () => {
  it('refuse a bad sampling', () => {
    for (const sampling of [-1, 0, Number.NaN, Number.POSITIVE_INFINITY, [1], [1, 2, 3], 'x', [1, -2]]) {
      expectNdImageError(
        () => M.distanceTransformEdt(im, { sampling: sampling as never }),
        'ERR_INVALID_ARGUMENT',
        /sampling/,
      );
      expectNdImageError(
        () => M.distanceTransformBf(im, { sampling: sampling as never }),
        'ERR_INVALID_ARGUMENT',
        /sampling/,
      );
    }
  });
  it('refuse output flags that do not fit (SciPy: RuntimeError)', () => {
    expectNdImageError(
      () => M.distanceTransformEdt(im, { returnDistances: false }),
      'ERR_INVALID_ARGUMENT',
      /returnDistances/,
    );
    expectNdImageError(
      () => M.distanceTransformCdt(im, { returnIndices: 1 as never }),
      'ERR_INVALID_ARGUMENT',
      /returnIndices/,
    );
    expectNdImageError(
      () => M.distanceTransformEdt(im, { indices: zeros([2, 2, 3], { dtype: 'int32' }) }),
      'ERR_INVALID_ARGUMENT',
      /returnIndices/,
    );
    expectNdImageError(
      () =>
        M.distanceTransformCdt(im, {
          returnDistances: false,
          returnIndices: true,
          distances: zeros([2, 3], { dtype: 'int32' }),
        }),
      'ERR_INVALID_ARGUMENT',
      /returnDistances/,
    );
    expectNdImageError(
      () => M.distanceTransformEdt(im, { distances: [[0]] as never }),
      'ERR_INVALID_ARGUMENT',
      /distances/,
    );
  });
  it('check output arrays before computing anything', () => {
    expectNdImageError(
      () => M.distanceTransformEdt(im, { distances: zeros([2, 3], { dtype: 'float32' }) }),
      'ERR_DTYPE',
      /float64/,
    );
    expectNdImageError(() => M.distanceTransformEdt(im, { distances: zeros([3, 2]) }), 'ERR_SHAPE', /distances/);
    expectNdImageError(() => M.distanceTransformCdt(im, { distances: zeros([2, 3]) }), 'ERR_DTYPE', /int32/);
    expectNdImageError(
      () => M.distanceTransformBf(im, { metric: 'taxicab', distances: zeros([2, 3]) }),
      'ERR_DTYPE',
      /uint32/,
    );
    expectNdImageError(
      () => M.distanceTransformEdt(im, { returnIndices: true, indices: zeros([2, 3], { dtype: 'int32' }) }),
      'ERR_SHAPE',
      /indices/,
    );
    expectNdImageError(
      () => M.distanceTransformEdt(im, { returnIndices: true, indices: zeros([2, 2, 3], { dtype: 'int16' }) }),
      'ERR_DTYPE',
      /indices/,
    );
  });
  it('refuse unknown metrics and malformed structures', () => {
    expectNdImageError(
      () => M.distanceTransformCdt(im, { metric: 'euclidean' as never }),
      'ERR_INVALID_ARGUMENT',
      /metric/,
    );
    expectNdImageError(
      () => M.distanceTransformBf(im, { metric: 'chebyshev' as never }),
      'ERR_INVALID_ARGUMENT',
      /metric/,
    );
    expectNdImageError(() => M.distanceTransformCdt(im, { metric: ones([3, 4]) }), 'ERR_SHAPE', /metric/);
    expectNdImageError(() => M.distanceTransformCdt(im, { metric: ones([3, 3, 3]) }), 'ERR_SHAPE', /metric/);
  });
  it("refuse a brute-force feature transform beyond the budget, before SciPy's quadratic work", () => {
    const big = new RandomState(0).random([1500, 1500]).data.map((v) => (v < 0.5 ? 1 : 0));
    const x = array(big).reshape([1500, 1500]);
    expectNdImageError(() => M.distanceTransformBf(x, { returnIndices: true }), 'ERR_LIMIT', /comparisons/);
    // The distances alone are computed the linear-time way, whatever the size.
    expect(M.distanceTransformBf(x).shape).toEqual([1500, 1500]);
  });
  it('give defined results for degenerate inputs', () => {
    expect(M.distanceTransformEdt(zeros([0, 3])).shape).toEqual([0, 3]);
    expect(M.distanceTransformCdt(zeros([2, 0]), { returnIndices: true }).indices.shape).toEqual([2, 2, 0]);
    expect(M.distanceTransformEdt(array(1)).toArray()).toEqual([1]); // 0-d → [1], as SciPy
    expect(M.distanceTransformCdt(array(1)).toArray()).toBe(-1); // SciPy fails on 0-d here
    expect(M.distanceTransformCdt(ones([2, 2])).toArray()).toEqual([
      [-1, -1],
      [-1, -1],
    ]);
    expect(M.distanceTransformBf(ones([2]), { metric: 'chessboard' }).toArray()).toEqual([4294967295, 4294967295]);
  });
});

describe('watershedIft', () => {
  const u8 = zeros([3, 4], { dtype: 'uint8' });
  const markers = zeros([3, 4], { dtype: 'int32' });
  it('refuses input, markers and output dtypes SciPy refuses', () => {
    expectNdImageError(() => M.watershedIft(zeros([3, 4]), markers), 'ERR_DTYPE', /input/);
    expectNdImageError(() => M.watershedIft(u8, zeros([3, 4], { dtype: 'uint8' })), 'ERR_DTYPE', /markers/);
    expectNdImageError(() => M.watershedIft(u8, zeros([3, 4], { dtype: 'float64' })), 'ERR_DTYPE', /markers/);
    expectNdImageError(() => M.watershedIft(u8, markers, { output: 'uint16' }), 'ERR_DTYPE', /output/);
    expectNdImageError(() => M.watershedIft(u8, markers, { output: zeros([3, 4]) }), 'ERR_DTYPE', /output/);
  });
  it('refuses shapes that do not match', () => {
    expectNdImageError(() => M.watershedIft(u8, zeros([4, 3], { dtype: 'int32' })), 'ERR_SHAPE', /markers/);
    expectNdImageError(
      () => M.watershedIft(u8, markers, { output: zeros([4, 3], { dtype: 'int32' }) }),
      'ERR_SHAPE',
      /output/,
    );
    expectNdImageError(() => M.watershedIft(u8, markers, { structure: ones([5, 5]) }), 'ERR_SHAPE', /structure/);
    expectNdImageError(() => M.watershedIft(u8, markers, { structure: ones([3]) }), 'ERR_SHAPE', /structure/);
  });
  it('gives defined results for degenerate inputs', () => {
    expect(M.watershedIft(zeros([0, 4], { dtype: 'uint8' }), zeros([0, 4], { dtype: 'int8' })).shape).toEqual([0, 4]);
    // No markers: nothing is flooded (SciPy: the markers, zeros).
    expect(M.watershedIft(u8, markers).toArray()).toEqual(markers.toArray());
    // A uint16 image reaching 65535 floods (SciPy 1.10's 16-bit costs overflow there and flood nothing).
    const top = array([[0, 65535, 0]], { dtype: 'uint16' });
    expect(M.watershedIft(top, array([[1, 0, 0]], { dtype: 'int32' })).toArray()).toEqual([[1, 1, 1]]);
  });
  it('does not step from the end of a row to the start of the next (SciPy 1.10 does)', () => {
    const ridge = array(
      [
        [0, 0, 0, 9],
        [9, 0, 0, 0],
      ],
      { dtype: 'uint8' },
    );
    const m = array(
      [
        [0, 0, 0, 5],
        [0, 0, 0, 7],
      ],
      { dtype: 'int32' },
    );
    // SciPy 1.10: [[7, 7, 7, 5], [5, 7, 7, 7]] — the 5 at the end of row 0 floods (1, 0), the start of
    // row 1, at cost |9 − 9| = 0, as if they were neighbours.
    expect(M.watershedIft(ridge, m).toArray()).toEqual([
      [7, 7, 7, 5],
      [7, 7, 7, 7],
    ]);
  });
});

describe('valueIndices and morphologicalLaplace', () => {
  it('valueIndices refuses non-integer arrays and a bad ignoreValue', () => {
    expectNdImageError(() => M.valueIndices(zeros([2, 2])), 'ERR_DTYPE', /integer/);
    expectNdImageError(() => M.valueIndices(zeros([2], { dtype: 'bool' })), 'ERR_DTYPE', /integer/);
    expectNdImageError(
      () => M.valueIndices(zeros([2], { dtype: 'int32' }), { ignoreValue: Number.NaN }),
      'ERR_INVALID_ARGUMENT',
      /ignoreValue/,
    );
  });
  it('valueIndices of an empty array is empty; int64 keys are bigints', () => {
    expect(M.valueIndices(zeros([0, 3], { dtype: 'int16' })).size).toBe(0);
    const vi = M.valueIndices(array([5, 5, 2], { dtype: 'int64' }));
    expect([...vi.keys()]).toEqual([2n, 5n]);
  });
  it('morphologicalLaplace needs a window and a numeric result', () => {
    expectNdImageError(() => M.morphologicalLaplace(im, undefined as never), 'ERR_INVALID_ARGUMENT', /size/);
    expectNdImageError(() => M.morphologicalLaplace(im.astype('bool'), 3), 'ERR_DTYPE', /output/);
    expect(M.morphologicalLaplace(im.astype('bool'), 3, { output: 'int8' }).dtype).toBe('int8');
  });
});
