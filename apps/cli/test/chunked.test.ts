/**
 * Chunk-by-chunk runs from the terminal: `.zarr` inputs and outputs (and `--chunk` on a TIFF or
 * `.npy`) give the same arrays as the library's whole-image calls, with SciPy's dtypes.
 */
import { writeFileSync } from 'node:fs';
import { openSource } from '@ndimage/chunked';
import { greater, writeNpy } from '@ndimage/core-array';
import { gaussianFilter, sobel } from '@ndimage/filters';
import { imread } from '@ndimage/io-image';
import { binaryFillHoles, binaryOpening, box, label } from '@ndimage/morphology';
import { describe, expect, it } from 'vitest';
import { run, tempFolder } from './helpers.js';

const { at } = tempFolder('chunked');
// The coins photograph in grey, as an array file (chunked runs keep the array's dtype).
const coins = await imread(new URL('./data/coins.png', import.meta.url).pathname, { mode: 'L' });
writeFileSync(at('coins.npy'), writeNpy(coins));

const readZarr = async (p: string) => {
  const s = await openSource({ kind: 'zarr', location: p });
  return s.read({ start: [0, 0], stop: [...s.shape] });
};
const same = (a: { toArray(): unknown; dtype: string }, b: { toArray(): unknown; dtype: string }) => {
  expect(a.dtype).toBe(b.dtype);
  expect(a.toArray()).toEqual(b.toArray());
};

describe('ndimage on large inputs', () => {
  it('gaussian: .npy in, .zarr out (implied chunking), then .zarr in and out', async () => {
    const r = await run([
      'gaussian',
      at('coins.npy'),
      at('g.zarr'),
      '--sigma',
      '3',
      '--chunk',
      '100,64',
      '-q',
      '-j',
      '1',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    same(await readZarr(at('g.zarr')), gaussianFilter(coins, 3));
    const r2 = await run(['sobel', at('g.zarr'), at('s.zarr'), '--axis', '0', '--mode', 'nearest', '-j', '1']);
    expect(r2.code).toBe(0);
    expect(r2.err).toMatch(/chunk \d+\/\d+/);
    same(await readZarr(at('s.zarr')), sobel(gaussianFilter(coins, 3), { axis: 0, mode: 'nearest' }));
  });

  it('label and count with a threshold, chunk by chunk: the whole-image numbers', async () => {
    const m = greater(coins, 100);
    const whole = label(m);
    const r = await run([
      'label',
      at('coins.npy'),
      at('lab.zarr'),
      '--threshold',
      '100',
      '--chunk',
      '64',
      '-q',
      '-j',
      '1',
    ]);
    expect(r.out.trim()).toBe(String(whole.count));
    same(await readZarr(at('lab.zarr')), whole.labels);
    const opened = binaryOpening(m, { structure: box([5, 5]), iterations: 2 });
    const c = await run([
      'count',
      at('coins.npy'),
      '--threshold',
      '100',
      '--open',
      '5x5',
      '--iterations',
      '2',
      '--chunk',
      '80',
      '-q',
      '-j',
      '1',
    ]);
    expect(c.code).toBe(0);
    expect(c.out.trim()).toBe(String(label(opened).count));
  });

  it('morph open and fill-holes chunk by chunk', async () => {
    const m = greater(coins, 100);
    const r = await run([
      'morph',
      'open',
      at('coins.npy'),
      at('o.zarr'),
      '--threshold',
      '100',
      '--structure',
      '9x5',
      '--iterations',
      '2',
      '--chunk',
      '70',
      '-q',
      '-j',
      '1',
    ]);
    expect(r.code).toBe(0);
    same(await readZarr(at('o.zarr')), binaryOpening(m, { structure: box([9, 5]), iterations: 2 }));
    const f = await run([
      'morph',
      'fill-holes',
      at('coins.npy'),
      at('f.zarr'),
      '--threshold',
      '100',
      '--chunk',
      '50',
      '-q',
      '-j',
      '1',
    ]);
    expect(f.err).toBe('');
    same(await readZarr(at('f.zarr')), binaryFillHoles(m, { structure: box([3, 3]) })); // morph's default --structure 3x3
  });

  it('refuses what a chunked run cannot do, with a usage error', async () => {
    const r = await run(['denoise', at('coins.npy'), at('d.zarr'), '-q']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/chunk by chunk/);
    const e = await run(['gaussian', at('coins.npy'), '-', '--sigma', '1', '--chunk', '64']);
    expect(e.code).not.toBe(0);
  });
});
