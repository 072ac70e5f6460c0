/**
 * Binary erosions and dilations with a rectangular (all-ones) structure on a 2-D image, run as one
 * chain of box minimum/maximum passes in @ndimage/filters' kernel memory: the textbook's opening
 * with `box([9, 5])` and 2 iterations is four passes with one copy in and one out.
 */
import { NdArray } from '@ndimage/core-array';
import { type BoxPass, boxExtremumSequence } from '@ndimage/filters/internal';
import type { Structure } from './structure.js';

/** A step of the chain: erode or dilate, `iterations` times. */
export type BoxStep = 'erode' | 'dilate';

/**
 * The 0/1 result of `steps` (each repeated `iterations` times) on `fg`, or undefined when the chain
 * does not apply (not 2-D, a structure that is not a full box).
 */
export function boxChain(
  fg: Uint8Array,
  shape: readonly number[],
  s: Structure,
  origin: readonly number[],
  iterations: number,
  border: number,
  steps: readonly BoxStep[],
): Uint8Array | undefined {
  if (shape.length !== 2 || iterations < 1 || !s.mask.every((v) => v === 1)) return undefined;
  const size = [s.shape[0] as number, s.shape[1] as number] as const;
  // Dilation as a maximum over the reflected box: the same box, origin −o (−o − 1 for even sizes).
  const reflected = origin.map((o, i) => -o - ((size[i] as number) % 2 === 0 ? 1 : 0));
  const passes: BoxPass[] = [];
  for (const step of steps) {
    const pass: BoxPass =
      step === 'erode'
        ? { minimum: true, size, origin: [origin[0] as number, origin[1] as number], cval: border }
        : { minimum: false, size, origin: [reflected[0] as number, reflected[1] as number], cval: border };
    for (let i = 0; i < iterations; i++) passes.push(pass);
  }
  const image = new NdArray(fg, [...shape], { dtype: 'uint8' });
  return boxExtremumSequence(image, passes).data as Uint8Array;
}
