/**
 * The README's examples, run: documentation that drifts from the code fails here.
 */
import { array, clip, full, greater, less, max, mul, NdImageError, sub, where, zeros } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import {
  binaryClosing,
  binaryErosion,
  binaryOpening,
  box,
  distanceTransformEdt,
  findObjects,
  label,
  objectStats,
  sum,
  watershedIft,
} from '../src/index.js';

describe('README examples', () => {
  it('the textbook’s object count', () => {
    const im = full([10, 16], 200, { dtype: 'uint8' });
    im.slice([1, 5], [1, 6]).fill(40);
    im.slice([2, 4], [6, 10]).fill(60);
    im.slice([1, 6], [10, 15]).fill(30);
    im.slice([7, 9], [2, 4]).fill(50);
    im.set(8, 12, 20);
    const dark = less(im, 128);
    const { labels, count } = label(dark);
    expect(count).toBe(3);
    expect(sum(dark, labels, [1, 2, 3])).toEqual([53, 4, 1]);
    const opened = binaryOpening(dark, { structure: box([3, 3]) });
    const after = label(opened);
    expect(after.count).toBe(2);
    expect(findObjects(after.labels)).toEqual([
      [
        [1, 5],
        [1, 6],
      ],
      [
        [1, 6],
        [10, 15],
      ],
    ]);
    expect(objectStats(after.labels, im)).toEqual([
      {
        label: 1,
        area: 20,
        bbox: [
          [1, 5],
          [1, 6],
        ],
        centroid: [2.5, 3],
        meanIntensity: 40,
        minIntensity: 40,
        maxIntensity: 40,
      },
      {
        label: 2,
        area: 25,
        bbox: [
          [1, 6],
          [10, 15],
        ],
        centroid: [3, 12],
        meanIntensity: 30,
        minIntensity: 30,
        maxIntensity: 30,
      },
    ]);
  });

  it('the closing border trap and its way out', () => {
    expect(binaryClosing(array([1, 1, 0, 1, 1, 0, 0, 1])).toArray()).toEqual([0, 1, 1, 1, 1, 1, 1, 0]);
    expect(binaryClosing(array([1, 1, 0, 1, 1, 0, 0, 1]), { pad: true }).toArray()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('errors name the argument', () => {
    expect(() => binaryErosion(array([1, 0, 1]), { iterations: 1.5 })).toThrow(NdImageError);
    expect(() => binaryErosion(array([1, 0, 1]), { iterations: 1.5 })).toThrow('`iterations`');
    expect(() => label(array([[1, 0]]), { structure: box([3, 5]) })).toThrow('3 along every axis');
  });

  it('touching objects: distance transform and watershed', () => {
    const discs = zeros([20, 32], { dtype: 'bool' });
    for (let y = 0; y < 20; y++)
      for (let x = 0; x < 32; x++) if ((y - 10) ** 2 + Math.min((x - 10) ** 2, (x - 21) ** 2) <= 49) discs.set(y, x, 1);
    expect(label(discs).count).toBe(1);
    const dist = distanceTransformEdt(discs);
    expect(max(dist)).toBe(7.0710678118654755);
    const peaks = label(greater(dist, 5));
    expect(peaks.count).toBe(2);
    const markers = where(discs, peaks.labels, -1).astype('int32');
    const relief = sub(255, clip(mul(dist, 30), 0, 255)).astype('uint8');
    const parts = watershedIft(relief, markers);
    const d = parts.data as Int32Array;
    const count = (k: number) => d.filter((v) => v === k).length;
    expect([count(1), count(2)]).toEqual([133, 149]);
    expect(count(-1) + count(1) + count(2)).toBe(640);
  });
});
