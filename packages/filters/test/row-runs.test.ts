/**
 * rowRuns against a plain per-pixel reference, on the WebAssembly kernels and on the TypeScript
 * twin: every width (word and vector tails), unaligned views, bytes other than 0/1 (the low bit
 * counts), reuse of the bounds buffer, and an image tall enough to need several strips.
 */
import { NdImageError } from '@ndimage/core-array';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setWasmKernels } from '../src/index.js';
import { rowRuns } from '../src/internal.js';

afterEach(() => setWasmKernels(true));

function reference(bits: Uint8Array, h: number, w: number): { bounds: number[]; rowStart: number[] } {
  const bounds: number[] = [];
  const rowStart: number[] = [];
  for (let r = 0; r < h; r++) {
    rowStart.push(bounds.length);
    let prev = 0;
    for (let c = 0; c < w; c++) {
      const v = (bits[r * w + c] as number) & 1;
      if (v !== prev) bounds.push(c);
      prev = v;
    }
    if (prev) bounds.push(w);
  }
  rowStart.push(bounds.length);
  return { bounds, rowStart };
}

const image = fc
  .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 3 }))
  .chain(([h, w, offset]) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: h * w, maxLength: h * w }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
      )
      .map(([raw, density, anyBytes]) => {
        // A view at `offset` into a larger buffer, so words may be unaligned.
        const buffer = new Uint8Array(h * w + offset);
        const bits = buffer.subarray(offset);
        raw.forEach((v, i) => {
          bits[i] = anyBytes ? v * 85 + (v & 1) : v / 3 < density ? 1 : 0;
        });
        return { bits, h, w };
      }),
  );

describe('rowRuns', () => {
  for (const wasm of [true, false]) {
    it(`matches the per-pixel reference (${wasm ? 'WebAssembly' : 'TypeScript'})`, () => {
      setWasmKernels(wasm);
      fc.assert(
        fc.property(image, ({ bits, h, w }) => {
          const expected = reference(bits, h, w);
          const { bounds, rowStart } = rowRuns(bits, h, w, new Int32Array(3));
          expect(Array.from(rowStart)).toEqual(expected.rowStart);
          expect(Array.from(bounds.subarray(0, rowStart[h]))).toEqual(expected.bounds);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('covers a tall image in several strips of the kernels’ memory', () => {
    const h = 4_200_000;
    const bits = new Uint8Array(h);
    for (let i = 0; i < h; i++) bits[i] = (i * 7919) % 3 === 0 ? 1 : 0;
    const { bounds, rowStart } = rowRuns(bits, h, 1);
    const expected = reference(bits, h, 1);
    expect(rowStart[h]).toBe(expected.bounds.length);
    expect(Array.from(rowStart.subarray(h - 5))).toEqual(expected.rowStart.slice(h - 4 - 1));
    expect(Array.from(bounds.subarray(rowStart[h - 3], rowStart[h]))).toEqual(
      expected.bounds.slice(expected.rowStart[h - 3], expected.rowStart[h]),
    );
  });

  it('refuses a shape that is not the image’s', () => {
    expect(() => rowRuns(new Uint8Array(6), 2, 4)).toThrow(NdImageError);
    expect(() => rowRuns(new Uint8Array(6), 2, 4)).toThrow('`h` × `w` must be the image');
  });
});
