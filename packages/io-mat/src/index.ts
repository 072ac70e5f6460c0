/**
 * `@ndimage/io-mat`: MATLAB .mat files for TypeScript — levels 4 and 5 (v5, v6, v7, compressed),
 * both byte orders, every class, with its own typed-array codec (see the README for why).
 *
 * Status: `loadmat` and `savemat` (level 5, compressed or not) are in place; `whosmat`, level-4
 * writing, v7.3 and SciPy's loadmat options come next (issue #7 is open).
 *
 * @packageDocumentation
 */
export { type LoadmatOptions, loadmat } from './loadmat.js';
export { type SavematOptions, type SaveValue, savemat } from './savemat.js';
export type { MatCell, MatComplex, MatSparse, MatStruct, MatStructArray, MatValue } from './values.js';
