/**
 * The examples/ scripts run, and produce what they say.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a plain .mjs example without type declarations
import { textbookNoise } from '../examples/textbook-noise.mjs';
import { readNpy, sum } from '../src/index.js';

describe('examples', () => {
  it('textbook-noise writes the noisy image as .npy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndimage-example-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const noisy = textbookNoise(dir);
      const back = readNpy(readFileSync(join(dir, 'noisy.npy')));
      expect(back.shape).toEqual([500, 500]);
      expect(sum(back)).toBe(sum(noisy));
      // NumPy: im = zeros; steps of 128 and 255; + 30 * standard_normal with seed 0 → im[0, 0]
      expect(back.get(0, 0)).toBeCloseTo(52.92157037902992, 12);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^noisy: mean 51\.206, std 78\.355$/));
    } finally {
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
