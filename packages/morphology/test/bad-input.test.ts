/**
 * Bad arguments get an NdImageError naming the argument (DESIGN §5; reference/bad-input.md #23),
 * never an internal assertion, a crash or a hang.
 */
import { array, ones, zeros } from '@ndimage/core-array';
import { expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import {
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryOpening,
  findObjects,
  greyErosion,
  histogram,
  iterateStructure,
  label,
  mean,
  minimum,
  objectStats,
} from '../src/index.js';

const im = array([
  [0, 1, 1],
  [1, 0, 1],
]);

describe('issue 12: found by using the package as a new user would', () => {
  const coinsLike = zeros([20, 20], { dtype: 'uint8' });
  it('SciPy’s positional style is refused, not silently ignored', () => {
    // binary_opening(bin, structure, 2) in SciPy; here the 2 landed on the options (it returned 90 objects).
    expectNdImageError(
      // biome-ignore lint/suspicious/noExplicitAny: SciPy's positional call, as a JavaScript user would write it
      () => (binaryOpening as any)(coinsLike, ones([9, 5]), 2),
      'ERR_INVALID_ARGUMENT',
      /options/,
    );
    expectNdImageError(
      () => binaryOpening(coinsLike, 2 as never),
      'ERR_INVALID_ARGUMENT',
      /plain object of options; got 2/,
    );
  });
  it('a misspelt option from a variable is refused with a did-you-mean', () => {
    const opts = { iteration: 2 } as Record<string, unknown>;
    expectNdImageError(() => binaryOpening(coinsLike, opts), 'ERR_INVALID_ARGUMENT', /did you mean 'iterations'/);
    expectNdImageError(
      () => greyErosion(coinsLike, 3, { structur: ones([3, 3]) } as never),
      'ERR_INVALID_ARGUMENT',
      /did you mean 'structure'/,
    );
    expectNdImageError(() => label(coinsLike, { struct: ones([3, 3]) } as never), 'ERR_INVALID_ARGUMENT', /structure/);
  });
  it('grey morphology of int64 with a structure is ERR_DTYPE like the flat path (a raw TypeError before)', () => {
    const big = zeros([4, 4], { dtype: 'int64' });
    expectNdImageError(() => greyErosion(big, { structure: ones([3, 3]) }), 'ERR_DTYPE', /int64/);
    expectNdImageError(() => greyErosion(big, 3), 'ERR_DTYPE', /int64/);
  });
  it('grey erosion with a window far larger than the image runs as 1-D passes (a RangeError before)', () => {
    const x = array([
      [3, 1],
      [2, 5],
    ]);
    expect(greyErosion(x, 100000).toArray()).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
  it('0-d input with iterations 1: SciPy 1.10’s value (the input as bool); other counts are refused', () => {
    for (const v of [0, 1, 5.5]) {
      for (const f of [binaryErosion, binaryDilation, binaryOpening, binaryClosing]) {
        const r = f(array(v));
        expect(r.shape).toEqual([]);
        expect(r.dtype).toBe('bool');
        expect(r.item()).toBe(v !== 0 ? 1 : 0);
      }
    }
    // SciPy: binary_erosion(np.array(1), structure=np.array(0)) is True, binary_dilation(np.array(0), structure=np.array(1)) False.
    expect(binaryErosion(array(1), { structure: array(0) }).item()).toBe(1);
    expect(binaryDilation(array(0), { structure: array(1) }).item()).toBe(0);
    const out = zeros([], { dtype: 'uint8' });
    expect(binaryDilation(array(1), { output: out })).toBe(out);
    expect(out.item()).toBe(1);
    expectNdImageError(() => binaryErosion(array(1), { iterations: 2 }), 'ERR_SHAPE', /iterations/);
    expectNdImageError(() => binaryErosion(array(1), { structure: ones([3]) }), 'ERR_SHAPE', /structure/);
  });
});

describe('bad input', () => {
  it('label: structure rank, size, symmetry; output dtype too small', () => {
    expectNdImageError(() => label(im, { structure: [1, 1, 1] }), 'ERR_SHAPE', /structure/);
    expectNdImageError(() => label(im, { structure: ones([3, 5]) }), 'ERR_SHAPE', /3 along every axis/);
    expectNdImageError(
      () =>
        label(im, {
          structure: [
            [1, 1, 0],
            [0, 1, 0],
            [0, 0, 0],
          ],
        }),
      'ERR_INVALID_ARGUMENT',
      /symmetric/,
    );
    expectNdImageError(() => label(im, { output: zeros([3, 3], { dtype: 'int32' }) }), 'ERR_SHAPE', /output/);
    const checker = array(Array.from({ length: 30 }, (_, i) => Array.from({ length: 30 }, (_, j) => (i + j) % 2)));
    expectNdImageError(() => label(checker, { output: 'int8' }), 'ERR_LIMIT', /450 objects/);
  });

  it('binary morphology: iterations, structure rank, origins, mask and output shapes, empty structures', () => {
    expectNdImageError(() => binaryErosion(im, { iterations: 1.5 }), 'ERR_INVALID_ARGUMENT', /iterations/);
    expectNdImageError(() => binaryErosion(im, { structure: [1, 1] }), 'ERR_SHAPE', /structure/);
    expectNdImageError(() => binaryErosion(im, { structure: zeros([0, 3]) }), 'ERR_INVALID_ARGUMENT', /structure/);
    expectNdImageError(() => binaryErosion(im, { origin: [2, 0] }), 'ERR_INVALID_ARGUMENT', /origin\[0\]/);
    expectNdImageError(() => binaryErosion(im, { origin: [0, 0, 0] }), 'ERR_INVALID_ARGUMENT', /origin/);
    expectNdImageError(() => binaryDilation(im, { mask: [1, 1] }), 'ERR_SHAPE', /mask/);
    expectNdImageError(() => binaryDilation(im, { output: zeros([3]) }), 'ERR_SHAPE', /output/);
    expectNdImageError(() => binaryFillHoles(array(1)), 'ERR_SHAPE', /input/);
    expectNdImageError(() => binaryClosing(im, { pad: 'yes' as never }), 'ERR_INVALID_ARGUMENT', /pad/);
    expectNdImageError(() => iterateStructure(ones([3, 3]), 2.5), 'ERR_INVALID_ARGUMENT', /iterations/);
  });

  it('iterating to stability that never settles is an error, not a hang', () => {
    // A structure without its centre flips a checkerboard back and forth forever.
    const board = array([
      [1, 0, 1, 0],
      [0, 1, 0, 1],
      [1, 0, 1, 0],
    ]);
    const ring = [
      [0, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
    ];
    expectNdImageError(() => binaryDilation(board, { structure: ring, iterations: 0 }), 'ERR_LIMIT', /cycle/);
    expect(binaryFillHoles(board).shape).toEqual([3, 4]);
  });

  it('grey morphology: a window is required; sizes and modes are checked', () => {
    expectNdImageError(() => greyErosion(im, {}), 'ERR_INVALID_ARGUMENT', /size/);
    expectNdImageError(() => greyErosion(im, [3, 3, 3]), 'ERR_SHAPE', /size/);
    expectNdImageError(() => greyErosion(im, { structure: [1, 2] }), 'ERR_SHAPE', /structure/);
    expectNdImageError(
      () => greyErosion(im, { structure: [[1, 2]], mode: 'bogus' as never }),
      'ERR_INVALID_ARGUMENT',
      /mode/,
    );
  });

  it('measurements: labels that do not broadcast, bad index, empty selections', () => {
    expectNdImageError(() => mean(im, [1, 2]), 'ERR_SHAPE', /labels/);
    expectNdImageError(() => mean(im, im, Number.NaN), 'ERR_INVALID_ARGUMENT', /index/);
    expectNdImageError(() => mean(im, undefined, 1), 'ERR_INVALID_ARGUMENT', /index/);
    expectNdImageError(() => minimum(im, im, 7), 'ERR_INVALID_ARGUMENT', /label 7/);
    expectNdImageError(() => histogram(im, 0, 1, 0), 'ERR_INVALID_ARGUMENT', /bins/);
    expectNdImageError(() => findObjects(array([0.5, 1.5])), 'ERR_DTYPE', /maxLabel/);
    expectNdImageError(() => objectStats(array([1.5])), 'ERR_INVALID_ARGUMENT', /integers/);
    expectNdImageError(() => objectStats(im, [1, 2]), 'ERR_SHAPE', /input/);
  });
});
