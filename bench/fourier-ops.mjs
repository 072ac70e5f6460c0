/**
 * The Fourier rows of `pnpm bench:scipy`: one list for numpy.fft / scipy.ndimage (`py`, run by
 * fourier_compare.py) and @ndimage/fourier (`js`), on the same data (NumPy's seed-0 stream, which
 * core-array reproduces bit for bit).
 */
import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/fourier';

/** Inputs: uniform noise of 2048² and 1000 × 1500 (seed 0), and the spectrum of the first. */
export function makeInputs() {
  const rng = new nd.RandomState(0);
  const a = rng.random([2048, 2048]);
  const b = rng.random([1000, 1500]);
  return { a, b, A: F.fft2(a) };
}

/** Python's side builds the same inputs. */
export const PY_SETUP =
  'np.random.seed(0); a = np.random.random((2048, 2048)); b = np.random.random((1000, 1500)); A = np.fft.fft2(a)';

export const OPS = [
  { name: 'fftn 2048²', py: 'np.fft.fftn(a)', js: ({ a }) => F.fftn(a), repeats: 7 },
  { name: 'rfftn 2048²', py: 'np.fft.rfftn(a)', js: ({ a }) => F.rfftn(a), repeats: 7 },
  { name: 'ifftn 2048² (complex)', py: 'np.fft.ifftn(A)', js: ({ A }) => F.ifftn(A), repeats: 7 },
  { name: 'fftn 1000×1500', py: 'np.fft.fftn(b)', js: ({ b }) => F.fftn(b), repeats: 11 },
  { name: 'rfftn 1000×1500', py: 'np.fft.rfftn(b)', js: ({ b }) => F.rfftn(b), repeats: 11 },
  {
    name: 'irfftn 1000×1500',
    py: 'np.fft.irfftn(np.fft.rfftn(b), b.shape)',
    js: ({ b }) => F.irfftn(F.rfftn(b), { s: [1000, 1500] }),
    repeats: 11,
  },
  {
    name: 'fourierGaussian 2048² σ 3',
    py: 'ndimage.fourier_gaussian(A, 3)',
    js: ({ A }) => F.fourierGaussian(A, 3),
    repeats: 7,
  },
  {
    name: 'fourierShift 2048² (2.5, −1)',
    py: 'ndimage.fourier_shift(A, (2.5, -1))',
    js: ({ A }) => F.fourierShift(A, [2.5, -1]),
    repeats: 5,
  },
];
