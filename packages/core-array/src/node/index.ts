/**
 * `@ndimage/core-array/node`: Node-only helpers the I/O packages share (the main entry stays free
 * of `node:` imports so it runs in browsers).
 *
 * @packageDocumentation
 */

export { writeFileAtomic } from './write-atomic.js';
