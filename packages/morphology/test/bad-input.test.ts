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
    expectNdImageError(() => binaryErosion(im, { origin: [0, 0, 0] }), 'ERR_SHAPE', /origin/);
    expectNdImageError(() => binaryDilation(im, { mask: [1, 1] }), 'ERR_SHAPE', /mask/);
    expectNdImageError(() => binaryDilation(im, { output: zeros([3]) }), 'ERR_SHAPE', /output/);
    expectNdImageError(() => binaryErosion(array(1)), 'ERR_SHAPE', /input/);
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
