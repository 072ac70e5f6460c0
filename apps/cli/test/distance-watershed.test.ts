/**
 * `ndimage distance` and `ndimage watershed` end to end through `main`: results equal to the
 * library calls on .npy, images written for images, and the mistakes refused with one line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { array, greater, mul, random, readNpy, writeNpy } from '@ndimage/core-array';
import { imread } from '@ndimage/io-image';
import { distanceTransformCdt, distanceTransformEdt, watershedIft } from '@ndimage/morphology';
import { describe, expect, it } from 'vitest';
import { copyData, run, tempFolder } from './helpers.js';

const { at } = tempFolder('distance');
copyData('coins.png', at('coins.png'));
const npy = (f: string) => readNpy(new Uint8Array(readFileSync(at(f))));
const mask = greater(random([24, 30], { seed: 3 }), 0.3);
writeFileSync(at('mask.npy'), writeNpy(mask));

describe('ndimage distance', () => {
  it('writes the EDT of a .npy mask, equal to distanceTransformEdt (sampling included)', async () => {
    const r = await run(['distance', at('mask.npy'), at('edt.npy'), '--sampling', '2,1', '--json']);
    expect(r.code, r.err).toBe(0);
    const want = distanceTransformEdt(mask, { sampling: [2, 1] });
    const got = npy('edt.npy');
    expect(got.dtype).toBe('float64');
    expect(Array.from(got.data as Float64Array)).toEqual(Array.from(want.data as Float64Array));
    expect(JSON.parse(r.out)).toHaveProperty('maxDistance');
  });

  it('writes chamfer distances and the indices (int32, [ndim, ...shape])', async () => {
    const r = await run(['distance', at('mask.npy'), at('cdt.npy'), '--metric', 'taxicab', '--indices', at('ix.npy')]);
    expect(r.code, r.err).toBe(0);
    const want = distanceTransformCdt(mask, { metric: 'taxicab', returnIndices: true });
    expect(Array.from(npy('cdt.npy').data as Int32Array)).toEqual(
      Array.from((want.distances as never as { data: Int32Array }).data),
    );
    const ix = npy('ix.npy');
    expect(ix.dtype).toBe('int32');
    expect(ix.shape).toEqual([2, 24, 30]);
    expect(Array.from(ix.data as Int32Array)).toEqual(Array.from(want.indices.data as Int32Array));
  });

  it('thresholds a photo and writes the distances as an image', async () => {
    const r = await run(['distance', at('coins.png'), at('dist.png'), '--threshold', '100']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^largest distance \d/);
    expect((await imread(at('dist.png'))).shape).toEqual([303, 384]);
  });

  it('refuses what does not fit, with one line and exit 2', async () => {
    for (const [args, message] of [
      [
        ['distance', at('mask.npy'), at('x.npy'), '--metric', 'chessboard', '--sampling', '2'],
        /--sampling is for --metric euclidean/,
      ],
      [['distance', at('mask.npy'), at('x.npy'), '--indices', at('ix.png')], /--indices writes an index array/],
      [['distance', at('mask.npy'), at('x.npy'), '--metric', 'manhattan'], /--metric must be/],
      [['distance', at('coins.png'), at('x.png')], /is not a mask/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('ndimage watershed', () => {
  const relief = mul(random([20, 24], { seed: 5 }), 255).astype('uint8');
  const markers = array(
    Array.from({ length: 20 * 24 }, (_, i) => (i % 24 === 0 ? -1 : i % 24 === 23 ? 2 : i === 250 ? 1 : 0)),
    {
      dtype: 'int32',
    },
  ).reshape([20, 24]);
  writeFileSync(at('relief.npy'), writeNpy(relief));
  writeFileSync(at('markers.npy'), writeNpy(markers));

  it('floods a .npy image from a markers file, as watershedIft does (8-connected with --connectivity 2)', async () => {
    for (const conn of ['1', '2']) {
      const r = await run([
        'watershed',
        at('relief.npy'),
        at(`ws${conn}.npy`),
        '--markers',
        at('markers.npy'),
        '--connectivity',
        conn,
      ]);
      expect(r.code, r.err).toBe(0);
      const want = watershedIft(relief, markers, {
        structure:
          conn === '2'
            ? array([
                [1, 1, 1],
                [1, 1, 1],
                [1, 1, 1],
              ])
            : undefined,
      });
      const w = want.data as Int32Array;
      // Negative (background) labels are written as 0.
      expect(Array.from(npy(`ws${conn}.npy`).data as Int32Array)).toEqual(Array.from(w, (v) => Math.max(v, 0)));
      expect(r.out.trim()).toBe(String(new Set(Array.from(w).filter((v) => v > 0)).size));
    }
  });

  it('splits the coins from the peaks of their distance transform and prints the count', async () => {
    const r = await run([
      'watershed',
      at('coins.png'),
      at('regions.png'),
      '--threshold',
      '100',
      '--fill-holes',
      '--open',
      '9x5',
      '--iterations',
      '2',
      '--min-distance',
      '8',
      '--min-area',
      '100',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ count: 24 });
    expect((await imread(at('regions.png'))).shape).toEqual([303, 384, 3]);
  });

  it('refuses what does not fit, with one line and exit 2', async () => {
    writeFileSync(at('float.npy'), writeNpy(random([4, 4], { seed: 1 })));
    writeFileSync(at('u8markers.npy'), writeNpy(relief));
    for (const [args, message] of [
      [['watershed', at('float.npy'), at('x.npy'), '--markers', at('markers.npy')], /uint8 or uint16/],
      [['watershed', at('relief.npy'), at('x.npy'), '--markers', at('u8markers.npy')], /signed integers/],
      [
        ['watershed', at('relief.npy'), at('x.npy'), '--markers', at('markers.npy'), '--threshold', '3'],
        /leave out --threshold/,
      ],
      [['watershed', at('coins.png'), at('x.png')], /is not a mask/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
