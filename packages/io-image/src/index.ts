/**
 * `@ndimage/io-image`: Images in and out (PNG, JPEG, WebP, TIFF, AVIF, GIF; PDF out) through sharp, as PIL/NumPy users expect.
 *
 * This package is a shell until its issue (#6) lands: it builds, publishes and has no exports yet.
 *
 * @packageDocumentation
 */
export {};
