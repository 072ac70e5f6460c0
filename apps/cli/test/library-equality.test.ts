/**
 * Every command on `.npy` (and `.mat`) data gives exactly what the library call gives, in
 * SciPy's result dtype; images are processed in float64, colour per channel.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { array, greater, less, mul, type NdArray, random, readNpy, stack, writeNpy } from '@ndimage/core-array';
import { gaussianFilter, gaussianGradientMagnitude, genericGradientMagnitude, prewitt, sobel } from '@ndimage/filters';
import { imread } from '@ndimage/io-image';
import { loadmat, savemat } from '@ndimage/io-mat';
import { binaryClosing, binaryOpening, box, cross, label } from '@ndimage/morphology';
import { denoise, denoiseTv } from '@ndimage/rof';
import { describe, expect, it } from 'vitest';
import { run, tempFolder } from './helpers.js';

const { at } = tempFolder('equal');
const npy = (f: string): NdArray => readNpy(new Uint8Array(readFileSync(at(f))));
const same = (got: NdArray, want: NdArray): void => {
  expect(got.dtype).toBe(want.dtype);
  expect(got.shape).toEqual(want.shape);
  expect(Array.from(got.toContiguous().data as ArrayLike<number>)).toEqual(
    Array.from(want.toContiguous().data as ArrayLike<number>),
  );
};
async function ok(...argv: string[]): Promise<string> {
  const r = await run(argv);
  expect(r.code, r.err).toBe(0);
  return r.out;
}

const u8 = mul(random([24, 31], { seed: 7 }), 255).astype('uint8');
const f64 = mul(random([3, 16, 20], { seed: 8 }), 100);
writeFileSync(at('u8.npy'), writeNpy(u8));
writeFileSync(at('f64.npy'), writeNpy(f64));
const mask = greater(u8, 128);
writeFileSync(at('mask.npy'), writeNpy(mask));

describe('.npy through the commands equals the library', () => {
  it('gaussian: uint8 stays uint8; per-axis sigma, order, mode and cval pass through', async () => {
    await ok('gaussian', at('u8.npy'), at('g1.npy'), '--sigma', '1.5');
    same(npy('g1.npy'), gaussianFilter(u8, 1.5));
    await ok(
      'gaussian',
      at('f64.npy'),
      at('g2.npy'),
      '--sigma',
      '0,2,1',
      '--order',
      '0,1,0',
      '--mode',
      'constant',
      '--cval',
      '3',
    );
    same(npy('g2.npy'), gaussianFilter(f64, [0, 2, 1], { order: [0, 1, 0], mode: 'constant', cval: 3 }));
    await ok('gaussian', at('f64.npy'), at('g3.npy'), '--sigma', '2', '--radius', '1', '--mode', 'wrap');
    same(npy('g3.npy'), gaussianFilter(f64, 2, { radius: 1, mode: 'wrap' }));
    await ok('gaussian', at('f64.npy'), at('g4.npy'), '-s', '3', '--truncate', '2', '--mode', 'grid-mirror');
    same(npy('g4.npy'), gaussianFilter(f64, 3, { truncate: 2, mode: 'grid-mirror' }));
  });

  it('sobel and prewitt: an axis (SciPy’s dtype, uint8 wraps as in SciPy) or the magnitude over every axis', async () => {
    await ok('sobel', at('u8.npy'), at('s0.npy'), '--axis', '0');
    same(npy('s0.npy'), sobel(u8, { axis: 0 }));
    await ok('prewitt', at('f64.npy'), at('p.npy'), '--mode', 'nearest');
    same(npy('p.npy'), prewitt(f64, { axis: -1, mode: 'nearest' }));
    await ok('sobel', at('f64.npy'), at('sm.npy'), '--magnitude');
    same(
      npy('sm.npy'),
      genericGradientMagnitude(f64, (x, axis, output, mode, cval) => sobel(x, { axis, output, mode, cval })),
    );
  });

  it('derivative: gaussian_filter with order 1 on the axis, or gaussian_gradient_magnitude', async () => {
    await ok('derivative', at('f64.npy'), at('d1.npy'), '--sigma', '2', '--axis', '2');
    same(npy('d1.npy'), gaussianFilter(f64, 2, { order: [0, 0, 1] }));
    await ok('derivative', at('f64.npy'), at('dm.npy'), '--sigma', '2', '--magnitude');
    same(npy('dm.npy'), gaussianGradientMagnitude(f64, 2));
  });

  it('label and count: int32 labels and the count, 4- and 8-connectivity, thresholds both ways', async () => {
    const out = await ok('label', at('mask.npy'), at('l.npy'));
    const want = label(mask);
    same(npy('l.npy'), want.labels);
    expect(Number(out)).toBe(want.count);
    const out8 = await ok('label', at('u8.npy'), at('l8.npy'), '--threshold', '128', '--connectivity', '2', '--json');
    const want8 = label(greater(u8, 128), { structure: box([3, 3]) });
    same(npy('l8.npy'), want8.labels);
    expect(JSON.parse(out8)).toEqual({ count: want8.count });
    const below = await ok('count', at('u8.npy'), '--threshold', '50', '--below', '--open', '2x2');
    expect(Number(below)).toBe(label(binaryOpening(less(u8, 50), { structure: box([2, 2]) })).count);
  });

  it('morph: the binary operations with structure, iterations and border value', async () => {
    await ok('morph', 'open', at('mask.npy'), at('mo.npy'), '--structure', '3x2', '--iterations', '2');
    same(npy('mo.npy'), binaryOpening(mask, { structure: box([3, 2]), iterations: 2 }));
    await ok('morph', 'close', at('mask.npy'), at('mc.npy'), '--structure', 'cross', '--border-value', '1');
    same(npy('mc.npy'), binaryClosing(mask, { structure: cross(2), borderValue: 1 }));
    writeFileSync(
      at('st.npy'),
      writeNpy(
        array([
          [0, 1, 0],
          [1, 1, 1],
          [0, 1, 1],
        ]).astype('bool'),
      ),
    );
    await ok('morph', 'open', at('mask.npy'), at('ms.npy'), '--structure', at('st.npy'));
    same(
      npy('ms.npy'),
      binaryOpening(mask, {
        structure: array([
          [0, 1, 0],
          [1, 1, 1],
          [0, 1, 1],
        ]).astype('bool'),
      }),
    );
  });

  it('denoise: the book’s algorithm and the converging solver, with the texture', async () => {
    const im = mul(random([20, 22], { seed: 3 }), 255);
    writeFileSync(at('im.npy'), writeNpy(im));
    const out = await ok('denoise', at('im.npy'), at('u.npy'), '--texture', at('t.npy'), '--json');
    const want = denoise(im);
    same(npy('u.npy'), want.u);
    same(npy('t.npy'), want.texture);
    expect(JSON.parse(out)).toMatchObject({ iterations: want.iterations, converged: true });
    await ok('denoise', at('im.npy'), at('u2.npy'), '--method', 'chambolle-pock', '--tv-weight', '20');
    same(npy('u2.npy'), denoiseTv(im, { weight: 20, method: 'chambolle-pock' }).u);
  });

  it('.mat in (by --var) and out (--out-var), read back by loadmat', async () => {
    await savemat(at('two.mat'), { a: f64.index(0), b: u8 });
    await ok('gaussian', at('two.mat'), at('gb.mat'), '--var', 'b', '--sigma', '1', '--out-var', 'blurred');
    const back = await loadmat(at('gb.mat'));
    same((back.blurred as NdArray).toContiguous(), gaussianFilter(u8, 1));
  });
});

describe('images', () => {
  it('colour is filtered per channel, in float64, and written clipped', async () => {
    const astronaut = new URL('../assets/astronaut.png', import.meta.url).pathname;
    await ok('gaussian', astronaut, at('a.npy'), '--sigma', '2');
    const rgb = (await imread(astronaut)).astype('float64');
    same(npy('a.npy'), gaussianFilter(rgb, [2, 2, 0]));
    same(
      npy('a.npy'),
      stack(
        [0, 1, 2].map((c) => gaussianFilter(rgb.channel(c), 2)),
        2,
      ),
    );
    await ok('sobel', astronaut, at('as.npy'), '--axis', '0');
    const perChannel = stack(
      [0, 1, 2].map((c) => sobel(rgb.channel(c), { axis: 0 })),
      2,
    );
    same(npy('as.npy'), perChannel);
    await ok('sobel', astronaut, at('asl.npy'), '--axis', '0', '--mode', 'L');
    same(npy('asl.npy'), sobel((await imread(astronaut, { mode: 'L' })).astype('float64'), { axis: 0 }));
  });
});
