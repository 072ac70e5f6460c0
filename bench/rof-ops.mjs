/**
 * The ROF rows of `pnpm bench:scipy`, one list for NumPy/scikit-image (`py`, run by
 * rof_compare.py on the same arrays, saved as .npy) and @ndimage/rof (`js`).
 */
import * as nd from '@ndimage/core-array';
import * as R from '@ndimage/rof';

/**
 * The textbook's synthetic test image at n×n (Solem §1.5 at n = 500): zeros, a square of 128 on
 * the middle three fifths, a square of 255 on the middle fifth, plus 30·N(0, 1) noise from NumPy's
 * seed-0 stream (core-array reproduces it bit for bit).
 */
export function synthetic(n) {
  const im = nd.zeros([n, n]);
  const a = Math.round(n / 5);
  const b = Math.round((4 * n) / 5);
  const c = Math.round((2 * n) / 5);
  const d = Math.round((3 * n) / 5);
  im.slice([a, b], [a, b]).fill(128);
  im.slice([c, d], [c, d]).fill(255);
  return nd.add(im, nd.mul(new nd.RandomState(0).standardNormal([n, n]), 30));
}

/** Inputs: the synthetic image at 500² and 2048², and both scaled to [0, 1] for skimage. */
export function makeInputs() {
  const s500 = synthetic(500);
  const s2048 = synthetic(2048);
  return { s500, s2048, u500: nd.div(s500, 255), u2048: nd.div(s2048, 255) };
}

/**
 * FGP iterations (periodic, λ = 100) to reach the objective the book's code stops at on `f`:
 * found once, untimed, so the timed run is exactly that many iterations and one final measure.
 */
export function iterationsToBookObjective(f) {
  const book = R.denoise(f);
  const target = periodicObjective(book.u, f, 100);
  let found = 0;
  R.denoiseTv(f, {
    weight: 100,
    boundary: 'periodic',
    checkEvery: 1,
    gapTolerance: 1e-12,
    maxIterations: 1000,
    onProgress: (i, _gap, objective) => {
      if (found === 0 && objective <= target) found = i;
    },
  });
  return { iterations: found, target };
}

/** E(u) = ½‖u − f‖² + λ·TV(u) with periodic forward differences (the book's objective). */
export function periodicObjective(u, f, weight) {
  const [h, w] = u.shape;
  const a = u.data;
  const b = f.data;
  let fid = 0;
  let tv = 0;
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) {
      const k = i * w + j;
      tv += Math.hypot(a[i * w + ((j + 1) % w)] - a[k], a[((i + 1) % h) * w + j] - a[k]);
      fid += (a[k] - b[k]) ** 2;
    }
  return 0.5 * fid + weight * tv;
}

/** Rows: name, Python statement (or none), our call, repeats (long rows run fewer times). */
export function ops(toBook500) {
  return [
    { name: 'book denoise 500² (its stop: 43 iterations)', py: 'book(s500)', js: (I) => R.denoise(I.s500), repeats: 7 },
    { name: 'book denoise 2048² (its stop)', py: 'book(s2048)', js: (I) => R.denoise(I.s2048), repeats: 3 },
    {
      name: `denoiseTv to the book's objective, 500² (FGP, ${toBook500} iterations; NumPy: the book's code)`,
      py: 'book(s500)',
      js: (I) =>
        R.denoiseTv(I.s500, {
          weight: 100,
          boundary: 'periodic',
          maxIterations: toBook500,
          checkEvery: toBook500,
          gapTolerance: 1e-12,
        }),
      repeats: 7,
    },
    { name: 'denoiseTv to gap 1e-3, 500² (FGP)', js: (I) => R.denoiseTv(I.s500, { weight: 100 }), repeats: 3 },
    { name: 'denoiseTv to gap 1e-3, 2048² (FGP)', js: (I) => R.denoiseTv(I.s2048, { weight: 100 }), repeats: 1 },
    {
      name: 'denoiseTv to gap 1e-3, 2048² (FGP, 2 threads)',
      js: (I) => R.denoiseTv(I.s2048, { weight: 100, threads: 2 }),
      repeats: 1,
    },
    {
      name: 'denoise_tv_chambolle 500², weight 0.1',
      py: 'denoise_tv_chambolle(u500, weight=0.1)',
      js: (I) => R.denoiseTvChambolle(I.u500, { weight: 0.1 }),
      repeats: 3,
    },
    {
      name: 'denoise_tv_chambolle 2048², weight 0.1',
      py: 'denoise_tv_chambolle(u2048, weight=0.1)',
      js: (I) => R.denoiseTvChambolle(I.u2048, { weight: 0.1 }),
      repeats: 1,
    },
  ];
}
