/**
 * `@ndimage/io-mat`: MATLAB .mat files for TypeScript — `loadmat` (levels 4 and 5, compressed, and
 * v7.3/HDF5 through the optional peer dependency h5wasm), `whosmat`, and `savemat` (levels 5 and
 * 4, SciPy's bytes), with a typed-array codec of its own (see the README for why).
 *
 * @packageDocumentation
 */
export { type LoadmatOptions, loadmat, type MatVariableInfo, whosmat } from './loadmat.js';
export { type SavematOptions, type SaveValue, savemat } from './savemat.js';
export type { Simplified } from './simplify.js';
export type { MatCell, MatComplex, MatSparse, MatStruct, MatStructArray, MatValue } from './values.js';
