/**
 * `@ndimage/io-mat`: MATLAB .mat files (v4, v5/v6/v7, v7.3) read and write, interoperable with SciPy and MATLAB.
 *
 * This package is a shell until its issue (#7) lands: it builds, publishes and has no exports yet.
 *
 * @packageDocumentation
 */
export {};
