/**
 * boxExtremumSequence against the chain of minimumFilter/maximumFilter calls it replaces, with the
 * WebAssembly kernels on and off: random images (narrow, wide, one row, one column), random
 * passes (sizes beyond the image, every origin, any cval), strided input and output.
 */
import { array, mul, NdArray, NdImageError, RandomState } from '@ndimage/core-array';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { maximumFilter, minimumFilter, setWasmKernels } from '../src/index.js';
import { type BoxPass, boxExtremumSequence } from '../src/internal.js';

afterEach(() => setWasmKernels(true));

/** Integers 0 … top − 1 as uint8, from NumPy's seeded stream. */
const randomBytes = (seed: number, shape: number[], top: number): NdArray =>
  mul(new RandomState(seed).random(shape), top).astype('uint8'); // the cast truncates

function chain(a: NdArray, passes: BoxPass[]): NdArray {
  let cur = a.copy();
  for (const p of passes) {
    const f = p.minimum ? minimumFilter : maximumFilter;
    cur = f(cur, [...p.size], { mode: 'constant', cval: p.cval ?? 0, origin: [...(p.origin ?? [0, 0])] });
  }
  return cur;
}

const pass = fc
  .tuple(
    fc.boolean(),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 12 }),
    fc.nat(),
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
  )
  .map(
    ([minimum, sy, sx, oy, ox, cval]): BoxPass => ({
      minimum,
      size: [sy, sx],
      origin: [(oy % sy) - (sy >> 1), (ox % sx) - (sx >> 1)],
      cval: cval % 3 === 0 ? 0 : cval,
    }),
  );

describe('boxExtremumSequence', () => {
  it('equals the chain of minimum/maximum filters, kernels on and off', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 70 }),
        fc.array(pass, { maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (h, w, passes, seed, binary) => {
          const r = randomBytes(seed, [h, w], binary ? 2 : 256);
          const expected = Array.from(chain(r, passes).data as Uint8Array);
          setWasmKernels(true);
          expect(Array.from(boxExtremumSequence(r, passes).data as Uint8Array)).toEqual(expected);
          setWasmKernels(false);
          expect(Array.from(boxExtremumSequence(r, passes).data as Uint8Array)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads strided input and writes into a strided output', () => {
    const big = randomBytes(3, [30, 50], 256);
    const view = big.slice([1, null, 2], [null, null, -3]); // 15 × 17, negative column stride
    const passes: BoxPass[] = [
      { minimum: true, size: [3, 5], origin: [1, -2], cval: 7 },
      { minimum: false, size: [4, 2] },
    ];
    const expected = chain(view.copy(), passes).toArray();
    const target = new NdArray(new Uint8Array(15 * 17 * 2), [15, 17], { dtype: 'uint8', strides: [34, 2] });
    expect(boxExtremumSequence(view, passes, target)).toBe(target);
    expect(target.toArray()).toEqual(expected);
    // In place: output = input.
    const x = view.copy();
    boxExtremumSequence(x, passes, x);
    expect(x.toArray()).toEqual(expected);
  });

  it('with no passes is a copy', () => {
    const a = array(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: 'uint8' },
    );
    const r = boxExtremumSequence(a, []);
    expect(r).not.toBe(a);
    expect(r.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('refuses bad input with NdImageError naming the argument', () => {
    const a = array(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: 'uint8' },
    );
    expect(() => boxExtremumSequence(array([[1.5]]), [])).toThrow(NdImageError);
    expect(() => boxExtremumSequence(array([[1.5]]), [])).toThrow('`input` must be uint8');
    expect(() => boxExtremumSequence(array([1, 2], { dtype: 'uint8' }), [])).toThrow('must be 2-D');
    expect(() => boxExtremumSequence(a, [{ minimum: true, size: [0, 1] }])).toThrow('`passes[0].size`');
    expect(() => boxExtremumSequence(a, [{ minimum: true, size: [3, 3], origin: [2, 0] }])).toThrow(
      '`passes[0].origin`',
    );
    expect(() => boxExtremumSequence(a, [{ minimum: true, size: [3, 3], cval: 256 }])).toThrow('`passes[0].cval`');
    expect(() => boxExtremumSequence(a, [{ minimum: 'yes' as never, size: [3, 3] }])).toThrow('`passes[0].minimum`');
    expect(() => boxExtremumSequence(a, [], array([[1, 2, 3]], { dtype: 'uint8' }))).toThrow('`output`');
  });
});
