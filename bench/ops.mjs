/**
 * The operations compared with NumPy: one list, so the Node and Python sides time the same work.
 * Each entry: a name, the NumPy statement (run by scipy_compare.py) and the JS function.
 */
import * as nd from '@ndimage/core-array';

/** Inputs for one run: a, b uniform [0,1) float64 N×N from NumPy's seed-0 stream; u = a·255 as uint8. */
export function makeInputs(n) {
  const rng = new nd.RandomState(0);
  const a = rng.random([n, n]);
  const b = rng.random([n, n]);
  const u = nd.mul(a, 255).astype('uint8');
  const v = nd.mul(b, 255).astype('uint8');
  const f = a.astype('float32');
  const out = nd.zeros([n, n]);
  const row = b.index(0);
  return { a, b, u, v, f, out, row };
}

export const OPS = [
  { name: 'add (new result)', py: 'a + b', js: ({ a, b }) => nd.add(a, b) },
  { name: 'add (out=)', py: 'np.add(a, b, out=o)', js: ({ a, b, out }) => nd.add(a, b, { out }) },
  { name: 'add row broadcast', py: 'a + row', js: ({ a, row }) => nd.add(a, row) },
  { name: 'mul scalar', py: 'a * 2.5', js: ({ a }) => nd.mul(a, 2.5) },
  { name: 'sub uint8', py: 'u - v', js: ({ u, v }) => nd.sub(u, v) },
  { name: 'add float32', py: 'f + f', js: ({ f }) => nd.add(f, f) },
  { name: 'sqrt', py: 'np.sqrt(a)', js: ({ a }) => nd.sqrt(a) },
  { name: 'exp', py: 'np.exp(a)', js: ({ a }) => nd.exp(a) },
  { name: 'hypot', py: 'np.hypot(a, b)', js: ({ a, b }) => nd.hypot(a, b) },
  { name: 'maximum', py: 'np.maximum(a, b)', js: ({ a, b }) => nd.maximum(a, b) },
  { name: 'less (threshold)', py: 'a < 0.5', js: ({ a }) => nd.less(a, 0.5) },
  { name: 'where', py: 'np.where(a < 0.5, a, b)', js: ({ a, b }) => nd.where(nd.less(a, 0.5), a, b) },
  { name: 'clip', py: 'np.clip(a, 0.2, 0.8)', js: ({ a }) => nd.clip(a, 0.2, 0.8) },
  { name: 'astype float64→uint8', py: "a.astype('uint8')", js: ({ a }) => a.astype('uint8') },
  { name: 'astype uint8→float64', py: "u.astype('float64')", js: ({ u }) => u.astype('float64') },
  { name: 'transpose copy', py: 'a.T.copy()', js: ({ a }) => a.transpose().copy() },
  { name: 'roll axis 1', py: 'np.roll(a, -1, axis=1)', js: ({ a }) => nd.roll(a, -1, 1) },
  { name: 'roll axis 0', py: 'np.roll(a, 1, axis=0)', js: ({ a }) => nd.roll(a, 1, 0) },
  { name: 'sum', py: 'a.sum()', js: ({ a }) => nd.sum(a) },
  { name: 'sum axis 0', py: 'a.sum(axis=0)', js: ({ a }) => nd.sum(a, { axis: 0 }) },
  { name: 'sum axis 1', py: 'a.sum(axis=1)', js: ({ a }) => nd.sum(a, { axis: 1 }) },
  { name: 'sum uint8', py: 'u.sum()', js: ({ u }) => nd.sum(u) },
  { name: 'mean', py: 'a.mean()', js: ({ a }) => nd.mean(a) },
  { name: 'std', py: 'a.std()', js: ({ a }) => nd.std(a) },
  { name: 'max', py: 'a.max()', js: ({ a }) => nd.max(a) },
  { name: 'argmax', py: 'a.argmax()', js: ({ a }) => nd.argmax(a) },
  { name: 'norm (linalg.norm)', py: 'np.linalg.norm(a)', js: ({ a }) => nd.norm(a) },
];
