/**
 * Replays test/fixtures/manifest.json, written with Pillow 9.4 and NumPy by
 * tools/fixtures/io_image.py: for every file, `imread(f)` against `np.array(Image.open(f))` and
 * `imread(f, { mode })` against `np.array(Image.open(f).convert(mode))`, exactly for lossless
 * formats. Where this package deliberately differs from Pillow's "as stored" array, the test
 * compares with what it returns instead (said per case). JPEG: sharp decodes with mozjpeg, Pillow
 * with libjpeg-turbo 2.1.5; their IDCTs differ by a grey level or two, so JPEG pixels are compared
 * within 3 (and 1e-9 relative agreement is not expected).
 */
import { readFileSync } from 'node:fs';
import { NdArray } from '@ndimage/core-array';
import { loadNpyFixture } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import { type ImageMode, imread, imreadWithInfo } from '../src/index.js';

interface FileCase {
  file: string;
  format: string;
  mode: string;
  stored: string;
  info?: { transparency?: unknown; exifOrientation?: number };
  convert: Record<string, string | { error: string }>;
}

const dir = new URL('./fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { files: FileCase[] };
const load = (f: string): NdArray => loadNpyFixture(new URL(f, dir));
const path = (f: string): string => new URL(f, dir).pathname;

/** Element-wise comparison; `tolerance` > 0 for JPEG. */
function compare(actual: NdArray, expected: NdArray, tolerance: number): void {
  expect(actual.shape).toEqual(expected.shape);
  const a = actual.astype('float64').toContiguous().data as Float64Array;
  const e = expected.astype('float64').toContiguous().data as Float64Array;
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs((a[k] as number) - (e[k] as number)));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

const MODES: ImageMode[] = ['L', 'RGB', 'RGBA', 'LA', 'F', '1'];

describe('Pillow golden data', () => {
  for (const c of manifest.files) {
    const jpeg = c.format === 'JPEG';
    const tol = jpeg ? 3 : 0;
    it(`${c.file}: as stored`, async () => {
      const { image, info } = await imreadWithInfo(path(c.file));
      const trns = c.info?.transparency !== undefined;
      if (c.mode === 'P') {
        // Pillow returns palette indices; libvips expands palettes: compare with the colours.
        expect(info.isPalette).toBe(true);
        compare(image, load(c.convert[trns ? 'RGBA' : 'RGB'] as string), 0);
      } else if (trns) {
        // A grey/RGB PNG with a transparent colour: libvips adds the alpha channel Pillow adds on convert.
        compare(image, load(c.convert[c.mode === 'L' ? 'LA' : 'RGBA'] as string), 0);
      } else if (c.mode === 'I') {
        // Pillow opens a 16-bit grey PNG as int32 (mode I); the values are the stored uint16 ones.
        expect(image.dtype).toBe('uint16');
        compare(image, load(c.stored), 0);
      } else if (c.file.includes('16.png') && c.mode.startsWith('RGB')) {
        // 16-bit colour: Pillow keeps the high byte; imread keeps all 16 bits.
        expect(image.dtype).toBe('uint16');
        const high = new NdArray(
          Uint8Array.from(image.toContiguous().data as Uint16Array, (v) => v >> 8),
          [...image.shape],
          {
            dtype: 'uint8',
          },
        );
        compare(high, load(c.stored), 0);
      } else {
        const expected = load(c.stored);
        expect(image.dtype).toBe(expected.dtype);
        compare(image, expected, tol);
      }
      // EXIF orientation is applied only when asked (Pillow never applies it).
      if (c.info?.exifOrientation === 6) {
        expect(info.orientation).toBe(6);
        const turned = await imread(path(c.file), { autoOrient: true });
        expect(turned.shape.slice(0, 2)).toEqual([image.shape[1], image.shape[0]]);
      }
    });
    for (const mode of MODES) {
      const expected = c.convert[mode];
      if (typeof expected !== 'string') continue;
      it(`${c.file}: convert('${mode}')${mode === '1' ? ' (dither NONE)' : ''}`, async () => {
        const image = await imread(path(c.file), { mode });
        const e = load(expected);
        expect(image.dtype).toBe(e.dtype);
        compare(image, e, mode === 'F' && jpeg ? 3 : mode === '1' && jpeg ? 1 : tol);
      });
    }
  }
});
