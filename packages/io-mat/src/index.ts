/**
 * `@ndimage/io-mat`: MATLAB .mat files for TypeScript — levels 4 and 5 (v5, v6, v7, compressed),
 * both byte orders, every class, with its own typed-array codec (see the README for why).
 *
 * Status: `loadmat` (with SciPy's options), `whosmat` and `savemat` (level 5, compressed or not) are
 * in place; level-4 writing and v7.3 come next (issue #7 is open).
 *
 * @packageDocumentation
 */
export { type LoadmatOptions, loadmat, type MatVariableInfo, whosmat } from './loadmat.js';
export { type SavematOptions, type SaveValue, savemat } from './savemat.js';
export type { Simplified } from './simplify.js';
export type { MatCell, MatComplex, MatSparse, MatStruct, MatStructArray, MatValue } from './values.js';
