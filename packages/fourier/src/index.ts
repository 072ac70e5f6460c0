/**
 * `@ndimage/fourier`: `numpy.fft` (complex and real transforms of any length, one axis or n,
 * frequencies and shifts) and `scipy.ndimage`'s Fourier-domain filters, in TypeScript.
 *
 * No `node:` imports: runs unchanged in Node and browsers.
 *
 * @packageDocumentation
 */

export { fft, ifft } from './fft.js';
export { fft2, fftn, ifft2, ifftn, irfft2, irfftn, rfft2, rfftn } from './fftn.js';
export { fourierEllipsoid } from './fourier-ellipsoid.js';
export type { FourierFilterOptions } from './fourier-filter.js';
export { fourierGaussian } from './fourier-gaussian.js';
export { fourierShift } from './fourier-shift.js';
export { fourierUniform } from './fourier-uniform.js';
export { fftfreq, fftshift, ifftshift, rfftfreq } from './freq.js';
export type { FftnOptions, FftOptions, Norm, NormOptions } from './options.js';
export { irfft, rfft } from './rfft.js';
