/**
 * The filter operations of `pnpm bench:scipy`, one list for all three sides: SciPy (the `py`
 * statement, run by filters_compare.py), opencv.js (`cv`, where OpenCV has the same operation)
 * and @ndimage/filters (`js`). Rows the issue sets targets for come first.
 */
import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';

/**
 * Inputs from NumPy's seed-0 legacy stream (core-array reproduces it bit for bit): a = 255·U[0,1)
 * float64 N×N, u = a as uint8, rgb = 255·U[0,1) as uint8 N×N×3 (drawn after a).
 */
export function makeInputs(n) {
  const rng = new nd.RandomState(0);
  const a = nd.mul(rng.random([n, n]), 255);
  const u = a.astype('uint8');
  const rgb = nd.mul(rng.random([n, n, 3]), 255).astype('uint8');
  // Copies in shared memory (SharedArrayBuffer), where the worker pool reads and writes in place.
  const shared = (x) => new nd.NdArray(nd.shared(x.data), [...x.shape], { dtype: x.dtype });
  return { a, u, rgb, out: nd.zeros([n, n]), as: shared(a), os: shared(nd.zeros([n, n])) };
}

/** The same inputs as OpenCV Mats (copied once, outside the timings), with reusable outputs. */
export function makeCvInputs(cv, { a, u, rgb }) {
  const [h, w] = a.shape;
  const mat = (arr, type) => {
    const m = new cv.Mat(h, w, type);
    m.data.set(new Uint8Array(arr.data.buffer, arr.data.byteOffset, arr.data.byteLength));
    return m;
  };
  const kernel = (weights) => cv.matFromArray(1, weights.length, cv.CV_64F, Array.from(weights));
  // SciPy's σ=5 kernels (radius 20) for sepFilter2D: SciPy correlates with the reversed kernel.
  const g5 = F.gaussianKernel1d(5, 0, 20).reverse();
  const d5 = F.gaussianKernel1d(5, 1, 20).reverse();
  return {
    a: mat(a, cv.CV_64F),
    u: mat(u, cv.CV_8U),
    rgb: mat(rgb, cv.CV_8UC3),
    dst: new cv.Mat(),
    g5: kernel(g5),
    d5: kernel(d5),
    rect5: cv.Mat.ones(5, 5, cv.CV_8U),
  };
}

/** SciPy's `reflect` is OpenCV's BORDER_REFLECT (d c b a | a b c d); ksize = 2·radius + 1. */
const gaussCv = (src, sigma) => (cv, m) =>
  cv.GaussianBlur(
    m[src],
    m.dst,
    new cv.Size(2 * Math.trunc(4 * sigma + 0.5) + 1, 2 * Math.trunc(4 * sigma + 0.5) + 1),
    sigma,
    sigma,
    cv.BORDER_REFLECT,
  );

export const OPS = [
  {
    name: 'gaussian σ=2 float64',
    py: 'ndi.gaussian_filter(a, 2)',
    js: ({ a }, threads) => F.gaussianFilter(a, 2, { threads }),
    cv: gaussCv('a', 2),
  },
  {
    name: 'gaussian σ=5 float64',
    py: 'ndi.gaussian_filter(a, 5)',
    js: ({ a }, threads) => F.gaussianFilter(a, 5, { threads }),
    cv: gaussCv('a', 5),
  },
  {
    name: 'gaussian σ=2 uint8',
    py: 'ndi.gaussian_filter(u, 2)',
    js: ({ u }, threads) => F.gaussianFilter(u, 2, { threads }),
    cv: gaussCv('u', 2),
  },
  {
    name: 'gaussian σ=5 uint8',
    py: 'ndi.gaussian_filter(u, 5)',
    js: ({ u }, threads) => F.gaussianFilter(u, 5, { threads }),
    cv: gaussCv('u', 5),
  },
  {
    name: 'gaussian σ=5 order (0,1) float64',
    py: 'ndi.gaussian_filter(a, 5, order=(0, 1))',
    js: ({ a }, threads) => F.gaussianFilter(a, 5, { order: [0, 1], threads }),
    cv: (cv, m) => cv.sepFilter2D(m.a, m.dst, cv.CV_64F, m.d5, m.g5, new cv.Point(-1, -1), 0, cv.BORDER_REFLECT),
  },
  {
    name: 'sobel axis 0 float64',
    py: 'ndi.sobel(a, axis=0)',
    js: ({ a }, threads) => F.sobel(a, { axis: 0, threads }),
    cv: (cv, m) => cv.Sobel(m.a, m.dst, cv.CV_64F, 0, 1, 3, 1, 0, cv.BORDER_REFLECT),
  },
  {
    name: 'sobel axis 1 float64',
    py: 'ndi.sobel(a, axis=1)',
    js: ({ a }, threads) => F.sobel(a, { axis: 1, threads }),
    cv: (cv, m) => cv.Sobel(m.a, m.dst, cv.CV_64F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT),
  },
  {
    name: 'sobel axis 1 float64 (out=)',
    py: 'ndi.sobel(a, axis=1, output=o)',
    js: ({ a, out }, threads) => F.sobel(a, { axis: 1, output: out, threads }),
    cv: (cv, m) => cv.Sobel(m.a, m.dst, cv.CV_64F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT),
  },
  {
    name: 'sobel axis 1 float64 (shared in/out)',
    py: 'ndi.sobel(a, axis=1, output=o)',
    js: ({ as, os }, threads) => F.sobel(as, { axis: 1, output: os, threads }),
    cv: (cv, m) => cv.Sobel(m.a, m.dst, cv.CV_64F, 1, 0, 3, 1, 0, cv.BORDER_REFLECT),
  },
  {
    name: 'sobel axis 1 uint8',
    py: 'ndi.sobel(u, axis=1)',
    js: ({ u }, threads) => F.sobel(u, { axis: 1, threads }),
  },
  {
    name: 'colour: gaussian (5,5,0) rgb uint8',
    py: 'ndi.gaussian_filter(rgb, (5, 5, 0))',
    js: ({ rgb }, threads) => F.gaussianFilter(rgb, [5, 5, 0], { threads }),
    cv: gaussCv('rgb', 5),
  },
  {
    name: 'uniform size 15 float64',
    py: 'ndi.uniform_filter(a, 15)',
    js: ({ a }) => F.uniformFilter(a, 15),
    cv: (cv, m) => cv.blur(m.a, m.dst, new cv.Size(15, 15), new cv.Point(-1, -1), cv.BORDER_REFLECT),
  },
  {
    name: 'uniform size 15 float64 (out=)',
    py: 'ndi.uniform_filter(a, 15, output=o)',
    js: ({ a, out }) => F.uniformFilter(a, 15, { output: out }),
    cv: (cv, m) => cv.blur(m.a, m.dst, new cv.Size(15, 15), new cv.Point(-1, -1), cv.BORDER_REFLECT),
  },
  {
    name: 'median size 5 float64',
    py: 'ndi.median_filter(a, 5)',
    js: ({ a }) => F.medianFilter(a, 5),
  },
  {
    name: 'median size 5 uint8',
    py: 'ndi.median_filter(u, 5)',
    js: ({ u }) => F.medianFilter(u, 5),
    // OpenCV's medianBlur always replicates the border (SciPy: reflect); the interior is the same.
    cv: (cv, m) => cv.medianBlur(m.u, m.dst, 5),
  },
  {
    name: 'maximum size 5 float64',
    py: 'ndi.maximum_filter(a, 5)',
    js: ({ a }) => F.maximumFilter(a, 5),
    cv: (cv, m) => cv.dilate(m.a, m.dst, m.rect5, new cv.Point(-1, -1), 1, cv.BORDER_REFLECT),
  },
];
