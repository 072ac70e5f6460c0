/**
 * `@ndimage/core-array/testing`: helpers every package's tests import (Node only: reads files).
 *
 * @packageDocumentation
 */

export {
  type AsyncDocOptions,
  collectDocExamples,
  type DocCheck,
  type DocExample,
  docValuesMatch,
  runDocExample,
  runDocExampleAsync,
} from './doc-examples.js';
export { type CloseOptions, expectArrayClose, expectArrayEqual } from './expect-array-close.js';
export { expectNdImageError } from './expect-error.js';
export { loadNpyFixture } from './load-npy-fixture.js';
export { type NoiseOptions, noiseImage } from './noise.js';
