/**
 * objectStats in one pass equals the SciPy-checked functions it replaces: findObjects,
 * centerOfMass of ones, sum, mean, minimum and maximum per label.
 */
import { greater, mul, ones, random } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { centerOfMass, findObjects, label, maximum, mean, minimum, objectStats, sum } from '../src/index.js';

describe('objectStats', () => {
  it.each([
    [60, 70, 3],
    // Thousands of objects: the 2-D tables grow past their first 1,024 labels.
    [300, 310, 5],
  ])('matches the per-function measurements exactly on labelled noise (%i × %i)', (h, w, seed) => {
    const im = mul(random([h, w], { seed }), 255);
    const { labels, count } = label(greater(im, 150));
    if (h > 100) expect(count).toBeGreaterThan(2000);
    const stats = objectStats(labels, im);
    expect(stats.length).toBe(count);
    const index = stats.map((s) => s.label);
    const boxes = findObjects(labels);
    const centres = centerOfMass(ones(labels.shape), labels, index) as number[][];
    const areas = sum(ones(labels.shape), labels, index) as number[];
    const means = mean(im, labels, index) as number[];
    const mins = minimum(im, labels, index) as number[];
    const maxs = maximum(im, labels, index) as number[];
    stats.forEach((s, i) => {
      expect(s.bbox).toEqual(boxes[s.label - 1]);
      expect(s.centroid).toEqual(centres[i]);
      expect(s.area).toBe(areas[i]);
      expect(s.meanIntensity).toBe(means[i]);
      expect(s.minIntensity).toBe(mins[i]);
      expect(s.maxIntensity).toBe(maxs[i]);
    });
  });

  it('without an input: shape statistics only; absent labels are skipped', () => {
    const s = objectStats([
      [0, 3, 3],
      [0, 0, 1],
    ]);
    expect(s).toEqual([
      {
        label: 1,
        area: 1,
        bbox: [
          [1, 2],
          [2, 3],
        ],
        centroid: [1, 2],
      },
      {
        label: 3,
        area: 2,
        bbox: [
          [0, 1],
          [1, 3],
        ],
        centroid: [0, 1.5],
      },
    ]);
  });
});
