/**
 * `@ndimage/rof`: Rudin–Osher–Fatemi total-variation denoising — the textbook's algorithm exactly
 * (`denoise`), a solver that converges to the minimiser (`denoiseTv`), and scikit-image's
 * `denoise_tv_chambolle` (`denoiseTvChambolle`), on the `NdArray` of `@ndimage/core-array`.
 *
 * @packageDocumentation
 */
export { type DenoiseOptions, type DenoiseResult, denoise } from './book.js';
export type { Precision, RunOptions } from './options.js';
export { type DenoiseTvChambolleOptions, denoiseTvChambolle } from './skimage.js';
export { type DenoiseTvOptions, type DenoiseTvResult, denoiseTv, type TvMethod } from './tv.js';
export type { Boundary } from './tv-grid.js';
