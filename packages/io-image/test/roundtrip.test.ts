/**
 * Round trips through files and bytes: lossless formats give back exactly what was written —
 * 8- and 16-bit, grey, grey + alpha, RGB, RGBA — and lossy ones stay close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mul, type NdArray, random } from '@ndimage/core-array';
import { afterAll, describe, expect, it } from 'vitest';
import { imread, imreadWithInfo, imsave } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'io-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function image(shape: number[], dtype: 'uint8' | 'uint16', seed: number): NdArray {
  return mul(random(shape, { seed }), dtype === 'uint8' ? 256 : 65536).astype(dtype);
}

const same = (a: NdArray, b: NdArray): void => {
  expect(b.dtype).toBe(a.dtype);
  expect(b.shape).toEqual(a.shape);
  expect(Array.from(b.toContiguous().data as Uint8Array)).toEqual(Array.from(a.toContiguous().data as Uint8Array));
};

describe('lossless round trips', () => {
  for (const ext of ['png', 'tiff'] as const)
    for (const dtype of ['uint8', 'uint16'] as const)
      for (const shape of [
        [17, 23],
        [17, 23, 2],
        [17, 23, 3],
        [17, 23, 4],
      ]) {
        it(`${ext} ${dtype} ${JSON.stringify(shape)}`, async () => {
          const a = image(shape, dtype, shape.length * 10 + (shape[2] ?? 1));
          const path = join(dir, `x-${dtype}-${shape.join('x')}.${ext}`);
          await imsave(path, a);
          const { image: b, info } = await imreadWithInfo(path);
          same(a, b);
          expect(info.depth).toBe(dtype === 'uint8' ? 8 : 16);
          // Bytes too.
          same(a, await imread(await imsave({ format: ext }, a)));
        });
      }

  it('webp lossless? no: lossy formats stay close', async () => {
    const a = image([32, 48, 3], 'uint8', 3);
    const b = await imread(await imsave({ format: 'jpeg' }, a, { quality: 100 }));
    expect(b.shape).toEqual([32, 48, 3]);
  });
});
