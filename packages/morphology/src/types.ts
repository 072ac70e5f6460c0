/**
 * What the morphology functions accept as an array: an `NdArray` (or any ndarray-like object), a
 * typed array, or nested JavaScript arrays (`[[0, 1], [1, 1]]`), read with core-array's `asarray`.
 */
import type { NdArrayLike, NestedInput, TypedArray } from '@ndimage/core-array';

export type ArrayInput = NdArrayLike | NestedInput | TypedArray;
