/**
 * The operations of the distance/watershed/generic-filter table of `pnpm bench:scipy`, one list
 * for SciPy (`py`, run by distance_compare.py on the same arrays, saved as .npy), opencv.js (`cv`,
 * where it has the operation) and ours (`js`).
 */
import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';
import * as M from '@ndimage/morphology';
import { makeInputs as morphologyInputs } from './morphology-ops.mjs';

/** The side of the small image the Python-function row runs on (SciPy calls Python per pixel). */
export const SMALL = 256;

/**
 * Inputs: `noisy` (thresholded blurred noise: thousands of irregular objects, from
 * morphology-ops.mjs), `clean` (a thousand discs, many touching), and the touching-discs
 * watershed: `wsImage`, the discs' distance transform inverted to uint8, and `wsMarkers`, one
 * label per distance peak (distance > 4, labelled) and −1 on the background.
 */
export function makeInputs(n) {
  const { noisy, clean } = morphologyInputs(n);
  const d = M.distanceTransformEdt(clean);
  const wsImage = nd.sub(255, nd.clip(nd.mul(d, 8), 0, 255)).astype('uint8');
  const peaks = M.label(nd.greater(d, 4)).labels;
  const wsMarkers = nd.where(clean, peaks, -1).astype('int32');
  const grey = nd.mul(new nd.RandomState(2).random([n, n]), 255);
  const small = grey.slice([0, SMALL], [0, SMALL]).copy();
  return { noisy, clean, wsImage, wsMarkers, grey, small };
}

/** The 3×3 mean as a window function: what SciPy's LowLevelCallable `_ctest.filter2d` computes. */
const mean9 = (w) => (w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + w[6] + w[7] + w[8]) / 9;

export const OPS = [
  {
    name: 'distanceTransformEdt, noisy blobs',
    py: 'ndi.distance_transform_edt(noisy)',
    js: ({ noisy }) => M.distanceTransformEdt(noisy),
    cv: (cv, m) => cv.distanceTransform(m.noisy, m.dst, cv.DIST_L2, cv.DIST_MASK_PRECISE),
  },
  {
    name: 'distanceTransformEdt + indices',
    py: 'ndi.distance_transform_edt(noisy, return_indices=True)',
    js: ({ noisy }) => M.distanceTransformEdt(noisy, { returnIndices: true }),
  },
  {
    name: 'distanceTransformEdt, discs, sampling [1, 0.5]',
    py: 'ndi.distance_transform_edt(clean, sampling=[1, 0.5])',
    js: ({ clean }) => M.distanceTransformEdt(clean, { sampling: [1, 0.5] }),
  },
  {
    name: 'distanceTransformCdt chessboard',
    py: 'ndi.distance_transform_cdt(noisy)',
    js: ({ noisy }) => M.distanceTransformCdt(noisy),
    cv: (cv, m) => cv.distanceTransform(m.noisy, m.dst, cv.DIST_C, 3),
  },
  {
    name: 'distanceTransformCdt taxicab',
    py: "ndi.distance_transform_cdt(noisy, metric='taxicab')",
    js: ({ noisy }) => M.distanceTransformCdt(noisy, { metric: 'taxicab' }),
    cv: (cv, m) => cv.distanceTransform(m.noisy, m.dst, cv.DIST_L1, 3),
  },
  {
    name: 'distanceTransformCdt + indices',
    py: 'ndi.distance_transform_cdt(noisy, return_indices=True)',
    js: ({ noisy }) => M.distanceTransformCdt(noisy, { returnIndices: true }),
  },
  {
    name: 'watershedIft, touching discs (inverted distance)',
    py: 'ndi.watershed_ift(ws_image, ws_markers)',
    js: ({ wsImage, wsMarkers }) => M.watershedIft(wsImage, wsMarkers),
  },
  {
    name: 'watershedIft, 8-connected',
    py: 'ndi.watershed_ift(ws_image, ws_markers, structure=np.ones((3, 3)))',
    js: ({ wsImage, wsMarkers }) => M.watershedIft(wsImage, wsMarkers, { structure: M.box([3, 3]) }),
  },
  {
    name: 'genericFilter 3×3 mean, JS function vs LowLevelCallable',
    py: 'ndi.generic_filter(grey, mean9_c, size=3)',
    js: ({ grey }) => F.genericFilter(grey, mean9, 3),
  },
  {
    name: `genericFilter 3×3 mean, JS vs Python function, ${SMALL}²`,
    py: 'ndi.generic_filter(small, mean9_py, size=3)',
    js: ({ small }) => F.genericFilter(small, mean9, 3),
    repeats: 3,
  },
];
