/**
 * The morphology operations of `pnpm bench:scipy`, one list for SciPy (`py`, run by
 * morphology_compare.py on the same arrays, saved as .npy), opencv.js (`cv`) and
 * @ndimage/morphology (`js`).
 */
import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';
import * as M from '@ndimage/morphology';

/**
 * Inputs from NumPy's seed-0 legacy stream (core-array reproduces it bit for bit): `noisy`, a
 * thresholded blurred noise image (thousands of irregular objects); `clean`, a thousand
 * non-overlapping-ish discs; `grey`, the noise as uint8. The labels of `noisy` feed objectStats.
 */
export function makeInputs(n) {
  const noise = new nd.RandomState(0).random([n, n]);
  const noisy = nd.greater(F.gaussianFilter(noise, 2), 0.5);
  const grey = nd.mul(noise, 255).astype('uint8');
  const clean = nd.zeros([n, n], { dtype: 'bool' });
  const rs = new nd.RandomState(1);
  const c = clean.data;
  const discs = Math.round((1000 * n * n) / (2048 * 2048));
  const where = rs.random([discs, 3]).data;
  for (let k = 0; k < discs; k++) {
    const cy = Math.floor(where[3 * k] * n);
    const cx = Math.floor(where[3 * k + 1] * n);
    const r = 5 + Math.floor(where[3 * k + 2] * 20);
    for (let y = Math.max(0, cy - r); y < Math.min(n, cy + r + 1); y++)
      for (let x = Math.max(0, cx - r); x < Math.min(n, cx + r + 1); x++)
        if ((y - cy) ** 2 + (x - cx) ** 2 <= r * r) c[y * n + x] = 1;
  }
  const labels = M.label(noisy).labels;
  return {
    noisy,
    clean,
    grey,
    labels,
    box95: M.box([9, 5]),
    full: M.box([3, 3]),
    out: nd.zeros([n, n], { dtype: 'int32' }),
  };
}

/** The same inputs as OpenCV Mats (copied once, outside the timings), with reusable outputs. */
export function makeCvInputs(cv, { noisy, clean, grey }) {
  const [h, w] = noisy.shape;
  const mat = (arr) => {
    const m = new cv.Mat(h, w, cv.CV_8U);
    m.data.set(arr.data);
    return m;
  };
  return {
    noisy: mat(noisy),
    clean: mat(clean),
    grey: mat(grey),
    labels: new cv.Mat(),
    stats: new cv.Mat(),
    centroids: new cv.Mat(),
    dst: new cv.Mat(),
    k95: cv.Mat.ones(9, 5, cv.CV_8U),
    k5: cv.Mat.ones(5, 5, cv.CV_8U),
    cross: cv.getStructuringElement(cv.MORPH_CROSS, new cv.Size(3, 3)),
  };
}

/** SciPy's binary border (0 outside) for OpenCV's morphology, whose default border is "neutral". */
const zero = (cv) => [new cv.Point(-1, -1), 1, cv.BORDER_CONSTANT, new cv.Scalar(0)];

export const OPS = [
  {
    name: 'label 4-connected, noisy blobs',
    py: 'ndi.label(noisy)',
    js: ({ noisy }) => M.label(noisy),
    cv: (cv, m) => cv.connectedComponents(m.noisy, m.labels, 4, cv.CV_32S),
  },
  {
    name: 'label 8-connected, noisy',
    py: 'ndi.label(noisy, np.ones((3, 3)))',
    js: ({ noisy, full }) => M.label(noisy, { structure: full }),
    cv: (cv, m) => cv.connectedComponents(m.noisy, m.labels, 8, cv.CV_32S),
  },
  {
    name: 'label 4-connected, clean discs',
    py: 'ndi.label(clean)',
    js: ({ clean }) => M.label(clean),
    cv: (cv, m) => cv.connectedComponents(m.clean, m.labels, 4, cv.CV_32S),
  },
  {
    name: 'label into an output (out=)',
    py: 'ndi.label(noisy, output=lab_out)',
    js: ({ noisy, out }) => M.label(noisy, { output: out }),
    cv: (cv, m) => cv.connectedComponents(m.noisy, m.labels, 4, cv.CV_32S),
  },
  {
    name: 'binaryOpening ones(9, 5), 2 iterations',
    py: 'ndi.binary_opening(noisy, np.ones((9, 5)), iterations=2)',
    js: ({ noisy, box95 }) => M.binaryOpening(noisy, { structure: box95, iterations: 2 }),
    cv: (cv, m) => {
      const [a, , b, v] = zero(cv);
      cv.morphologyEx(m.noisy, m.dst, cv.MORPH_OPEN, m.k95, a, 2, b, v);
    },
  },
  {
    name: 'binaryClosing ones(9, 5), 2 iterations',
    py: 'ndi.binary_closing(noisy, np.ones((9, 5)), iterations=2)',
    js: ({ noisy, box95 }) => M.binaryClosing(noisy, { structure: box95, iterations: 2 }),
    cv: (cv, m) => {
      const [a, , b, v] = zero(cv);
      cv.morphologyEx(m.noisy, m.dst, cv.MORPH_CLOSE, m.k95, a, 2, b, v);
    },
  },
  {
    name: 'binaryErosion cross (not a box)',
    py: 'ndi.binary_erosion(noisy)',
    js: ({ noisy }) => M.binaryErosion(noisy),
    cv: (cv, m) => cv.erode(m.noisy, m.dst, m.cross, ...zero(cv)),
  },
  {
    name: 'binaryFillHoles',
    py: 'ndi.binary_fill_holes(noisy)',
    js: ({ noisy }) => M.binaryFillHoles(noisy),
  },
  {
    name: 'greyErosion size 5, uint8',
    py: 'ndi.grey_erosion(grey, size=5)',
    js: ({ grey }) => M.greyErosion(grey, 5),
    cv: (cv, m) => cv.erode(m.grey, m.dst, m.k5, new cv.Point(-1, -1), 1, cv.BORDER_REFLECT),
  },
  {
    name: 'objectStats (SciPy: 4 calls; opencv.js: with labelling)',
    py: 'object_stats(labels, grey)',
    js: ({ labels, grey }) => M.objectStats(labels, grey),
    cv: (cv, m) => cv.connectedComponentsWithStats(m.noisy, m.labels, m.stats, m.centroids, 4, cv.CV_32S),
  },
];
