/**
 * The README's example, run in a temporary folder with the arrays it names.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mul, NdArray, random } from '@ndimage/core-array';
import { afterAll, expect, it } from 'vitest';
import { colorizeLabels, imread, imreadWithInfo, imsave } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'io-image-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the README example', async () => {
  copyFileSync(new URL('./fixtures/files/rgb.jpg', import.meta.url), join(dir, 'empire.jpg'));
  copyFileSync(new URL('./fixtures/files/grey16.tif', import.meta.url), join(dir, 'scan.tif'));
  const at = (f: string): string => join(dir, f);
  const gradientMagnitude = mul(random([20, 30], { seed: 1 }), -40);
  const labels = new NdArray(
    Int32Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? 0 : (i % 5) + 1)),
    [20, 30],
    { dtype: 'int32' },
  );
  const u = mul(random([20, 30], { seed: 2 }), 255);
  const photo = mul(random([20, 30, 3], { seed: 3 }), 255).astype('uint8');

  const im = await imread(at('empire.jpg'), { mode: 'L' });
  expect(im.shape).toEqual([53, 37]);
  expect(im.dtype).toBe('uint8');
  const { image, info } = await imreadWithInfo(at('scan.tif'));
  expect(image.dtype).toBe('uint16');
  expect(info.depth).toBe(16);
  await imsave(at('edges.png'), gradientMagnitude);
  const edges = await imread(at('edges.png'));
  expect(Math.min(...(edges.data as Uint8Array))).toBe(0);
  expect(Math.max(...(edges.data as Uint8Array))).toBe(255);
  await imsave(at('objects.png'), colorizeLabels(labels));
  expect((await imread(at('objects.png'))).shape).toEqual([20, 30, 3]);
  await imsave(at('synth_rof.pdf'), u);
  expect(readFileSync(at('synth_rof.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  const bytes = await imsave({ format: 'webp' }, photo, { quality: 90 });
  expect((await imread(bytes)).shape).toEqual([20, 30, 3]);
});
