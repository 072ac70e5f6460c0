/**
 * The variables of the files in test/fixtures/ours/: written by our savemat, read back by
 * scipy.io.loadmat in tools/fixtures/io_mat_readback.py (its verdicts committed in
 * ours/readback.json). The test rewrites them and checks they are unchanged, so a change in what
 * savemat writes shows in CI until the verdicts are regenerated.
 */
import { array, NdArray } from '@ndimage/core-array';
import type { MatCell, MatSparse, MatStructArray, SavematOptions, SaveValue } from '../src/index.js';

const sparse: MatSparse = {
  kind: 'sparse',
  shape: [3, 2],
  ir: Int32Array.of(0, 2, 1),
  jc: Int32Array.of(0, 2, 3),
  data: Float64Array.of(1.5, -2, 3),
  logical: false,
  toDense: () => {
    throw new Error('not needed');
  },
};
const cell: MatCell = {
  kind: 'cell',
  shape: [1, 3],
  values: [array([[1, 2]]), 'two', { kind: 'cell', shape: [0, 0], values: [] }],
};
const structs: MatStructArray = {
  kind: 'struct',
  shape: [1, 2],
  fieldNames: ['p', 'q'],
  elements: [
    [array([[1]]), 'a'],
    [array([[2]]), 'b'],
  ],
};

/** name → [variables, options]. */
export const OURS: Record<string, [Record<string, SaveValue>, SavematOptions]> = {
  numeric: [
    {
      d: array([
        [1, -2.5, Number.NaN],
        [Number.POSITIVE_INFINITY, -0, 3],
      ]),
      nd: new NdArray(
        Float64Array.from({ length: 24 }, (_, i) => i),
        [2, 3, 4],
        { dtype: 'float64' },
      ),
      i64: new NdArray(BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n), [1, 2], { dtype: 'int64' }),
      u8: array([[0, 255]], { dtype: 'uint8' }),
      f: array([[1.25, 2]], { dtype: 'float32' }),
      b: array([[true, false]]),
      x: 3.5,
      row: array([1, 2, 3]),
      z: { kind: 'complex', re: array([[1, 2]]), im: array([[3, -4]]) },
    },
    {},
  ],
  column: [{ row: array([1, 2, 3]) }, { onedAs: 'column' }],
  text: [{ s: 'hello', u: 'héllo €', empty: '', rows: ['ab', 'cde'] }, {}],
  containers: [{ c: cell, sa: structs, st: { a: 1, nested: { b: 'x' } }, sp: sparse }, {}],
  compressed: [
    {
      m: array([
        [1, 2],
        [3, 4],
      ]),
      s: 'zipped',
      st: { a: 1 },
    },
    { doCompression: true },
  ],
  v4: [
    {
      a: array([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      t: 'abc',
    },
    { format: '4' },
  ],
};
