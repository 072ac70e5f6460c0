/**
 * Type tests (checked by `pnpm typecheck`; nothing runs): the denoised image and its texture are
 * float64, or float32 with `precision: 'float32'`.
 */
import { type NdArray, zeros } from '@ndimage/core-array';
import { expectTypeOf, it } from 'vitest';
import { denoise, denoiseTv } from '../src/index.js';

const im = zeros([8, 8], { dtype: 'uint8' });

it('results follow the precision', () => {
  expectTypeOf(denoise(im).u).toEqualTypeOf<NdArray<'float64'>>();
  expectTypeOf(denoise(im, { tvWeight: 10 }).texture).toEqualTypeOf<NdArray<'float64'>>();
  expectTypeOf(denoise(im, { precision: 'float32' }).u).toEqualTypeOf<NdArray<'float32'>>();
  expectTypeOf(denoiseTv(im, { weight: 10 }).u).toEqualTypeOf<NdArray<'float64'>>();
  expectTypeOf(denoiseTv(im, { precision: 'float32' }).texture).toEqualTypeOf<NdArray<'float32'>>();
  expectTypeOf(denoise(im).u.get(0, 0)).toEqualTypeOf<number>();
});
