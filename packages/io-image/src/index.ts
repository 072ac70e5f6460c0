/**
 * `@ndimage/io-image`: images in and out through sharp (libvips), as `NdArray`s, with Pillow's
 * conversions (`convert('L')` and friends) and the textbook's `imsave` scaling.
 *
 * @packageDocumentation
 */
export { type ColorizeOptions, colorizeLabels } from './colorize.js';
export type { ImageMode } from './pillow.js';
export { type ImageInfo, type ImreadOptions, imread, imreadWithInfo } from './read.js';
export type { Scale } from './scale.js';
export type { ImageSource } from './source.js';
export { type ImageFormat, type ImsaveOptions, imsave } from './write.js';
