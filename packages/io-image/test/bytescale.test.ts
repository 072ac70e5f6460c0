/**
 * imsave's default scaling against the textbook's `scipy.misc.imsave`, whose `bytescale` (SciPy
 * 0.19–1.1) mapped min..max to 0..255 with `uint8(clip((v − min)·(255/(max − min)), 0, 255) + 0.5)`
 * in NumPy's types. Golden bytes from tools/fixtures/io_image_bytescale.py (numpy 1.24), through a
 * PNG and back: float64, float32 (computed in float32 — inputs chosen where float64 would give
 * another byte), unsigned and signed integers, colour, a constant image; int8 over its full range,
 * where SciPy's integer subtraction overflows and raises, is written exactly.
 */
import { readFileSync } from 'node:fs';
import { type DType, NdArray } from '@ndimage/core-array';
import { describe, expect, it } from 'vitest';
import { imread, imsave } from '../src/index.js';

interface Case {
  name: string;
  dtype: DType;
  shape: number[];
  input: number[];
  output: number[] | null;
  exact?: number[];
  scipy?: string;
  float64Differs?: number;
}

const manifest = JSON.parse(readFileSync(new URL('./fixtures/bytescale/manifest.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

const TYPED: Partial<Record<DType, new (values: number[]) => NdArray['data']>> = {
  float64: Float64Array,
  float32: Float32Array,
  uint16: Uint16Array,
  int16: Int16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int8: Int8Array,
};

describe("imsave's default: scipy.misc.imsave's bytescale", () => {
  it('has cases, and float32 cases that float64 arithmetic would get wrong', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(10);
    expect(manifest.cases.some((c) => (c.float64Differs ?? 0) > 50)).toBe(true);
  });

  for (const c of manifest.cases) {
    it(`${c.name} (${c.dtype} ${c.shape.join('×')})${c.scipy ? `; SciPy: ${c.scipy}` : ''}`, async () => {
      const Typed = TYPED[c.dtype] as new (values: number[]) => NdArray['data'];
      const a = new NdArray(new Typed(c.input), c.shape, { dtype: c.dtype });
      const expected = c.output ?? c.exact ?? [];
      // The default, and the policy by name (uint16 by default stays 16-bit in a PNG: JPEG-free 8-bit via bitDepth).
      const eightBit = c.dtype === 'uint16' ? { bitDepth: 8 as const } : {};
      for (const options of [eightBit, { ...eightBit, scale: 'stretch' as const }]) {
        const back = await imread(await imsave({ format: 'png' }, a, options));
        expect(back.shape).toEqual(c.shape);
        const got = Array.from(back.data as Uint8Array);
        let wrong = 0;
        for (let k = 0; k < got.length; k++) if (got[k] !== expected[k]) wrong++;
        expect(wrong).toBe(0);
      }
    });
  }
});
