/**
 * Level-4 writing: the corpus' level-4 files (written by SciPy) read and written back give SciPy's
 * bytes exactly; round trips; what level 4 cannot hold is refused.
 */
import { readFileSync } from 'node:fs';
import { array, NdImageError } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { loadmat, type MatValue, savemat } from '../src/index.js';

const file = (f: string): URL => new URL(`./fixtures/files/${f}`, import.meta.url);

describe("savemat format '4'", () => {
  for (const f of ['v4_double.mat', 'v4_text.mat', 'v4_sparse.mat']) {
    it(`${f}: read and written back, byte for byte as SciPy wrote it`, async () => {
      const original = readFileSync(file(f));
      const vars = await loadmat(new Uint8Array(original));
      const again = await savemat(null, vars as Record<string, MatValue>, { format: '4' });
      expect(Buffer.from(again).equals(original)).toBe(true);
    });
  }

  it('round trips numeric classes, complex and text', async () => {
    const bytes = await savemat(
      null,
      {
        d: array([
          [1.5, -2],
          [3, 4],
        ]),
        f: array([[1, 2]], { dtype: 'float32' }),
        i: array([[-7, 8]], { dtype: 'int32' }),
        u: array([[0, 255]], { dtype: 'uint8' }),
        c: { kind: 'complex', re: array([[1, 2]]), im: array([[3, 4]]) },
        t: ['ab', 'cd'],
      },
      { format: '4' },
    );
    const v = await loadmat(bytes);
    expect((v.d as { toArray(): unknown }).toArray()).toEqual([
      [1.5, -2],
      [3, 4],
    ]);
    expect((v.i as { toArray(): unknown }).toArray()).toEqual([[-7, 8]]);
    expect((v.u as { toArray(): unknown }).toArray()).toEqual([[0, 255]]);
    expect(v.t).toEqual(['ab', 'cd']);
  });

  it('refuses what level 4 cannot hold', async () => {
    await expect(savemat(null, { s: { a: 1 } }, { format: '4' })).rejects.toThrow(NdImageError);
    await expect(savemat(null, { x: array([[1n]], { dtype: 'int64' }) }, { format: '4' })).rejects.toThrow(
      "uint8 or bool (all level 4 holds); got 'int64'",
    );
    await expect(savemat(null, { x: 1 }, { format: '6' as never })).rejects.toThrow('`format`');
  });
});
