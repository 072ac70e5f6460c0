/**
 * SciPy 1.10's own tests, ported: the distance transforms of test_morphology.py (134 items: bf01–07,
 * cdt01–04, edt01–06, over SciPy's ten dtypes), morphological_laplace01/02 and the bool top-hats
 * 03/04, and from test_measurements.py watershed_ift01–08 and value_indices01–03. Expected values
 * are SciPy's; assert_array_almost_equal is 6 decimals.
 */
import { array, type DType, mul, type NdArray, zeros } from '@ndimage/core-array';
import { expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as M from '../src/index.js';

/** tests/__init__.py's `types`. */
const TYPES: DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'];

const DATA = [
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 1, 1, 1, 0, 0, 0],
  [0, 0, 1, 1, 1, 1, 1, 0, 0],
  [0, 0, 1, 1, 1, 1, 1, 0, 0],
  [0, 0, 1, 1, 1, 1, 1, 0, 0],
  [0, 0, 0, 1, 1, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
];
const data = (dtype: DType): NdArray => array(DATA, { dtype });

/** numpy's assert_array_almost_equal: |a − b| < 1.5·10⁻⁶ everywhere, shapes equal. */
function almostEqual(actual: NdArray | undefined, expected: unknown): void {
  expect(actual).toBeDefined();
  const got = (actual as NdArray).astype('float64').toArray() as unknown;
  const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [Number(v)]);
  const shape = (v: unknown): number[] => (Array.isArray(v) ? [v.length, ...shape(v[0])] : []);
  const want =
    expected instanceof Object && 'toArray' in (expected as object) ? (expected as NdArray).toArray() : expected;
  expect(shape(got)).toEqual(shape(want));
  const g = flat(got);
  const w = flat(want);
  for (let i = 0; i < w.length; i++) expect(Math.abs((g[i] as number) - (w[i] as number))).toBeLessThan(1.5e-6);
}

/** SciPy's `numpy.indices(shape, dtype=int32)` (what the tests pass as an `indices` output). */
function indicesOf(shape: number[]): NdArray<'int32'> {
  const out = zeros([shape.length, ...shape], { dtype: 'int32' }) as NdArray<'int32'>;
  const size = shape.reduce((p, n) => p * n, 1);
  const d = out.data as Int32Array;
  for (let p = 0; p < size; p++) {
    let f = p;
    for (let k = shape.length - 1; k >= 0; k--) {
      d[k * size + p] = f % (shape[k] as number);
      f = Math.floor(f / (shape[k] as number));
    }
  }
  return out;
}

const BF_EUCLIDEAN_SQ = [
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 1, 1, 1, 0, 0, 0],
  [0, 0, 1, 2, 4, 2, 1, 0, 0],
  [0, 0, 1, 4, 8, 4, 1, 0, 0],
  [0, 0, 1, 2, 4, 2, 1, 0, 0],
  [0, 0, 0, 1, 1, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0],
];
const ROWS = Array.from({ length: 9 }, (_, i) => new Array(9).fill(i));
const COLS = Array.from({ length: 9 }, () => [0, 1, 2, 3, 4, 5, 6, 7, 8]);
const withRows = (changes: Record<number, number[]>) => ROWS.map((r, i) => changes[i] ?? r);
const withCols = (changes: Record<number, number[]>) => COLS.map((r, i) => changes[i] ?? r);
const BF_EUCLIDEAN_FT = [
  withRows({
    2: [2, 2, 2, 2, 1, 2, 2, 2, 2],
    3: [3, 3, 3, 2, 1, 2, 3, 3, 3],
    4: [4, 4, 4, 4, 6, 4, 4, 4, 4],
    5: [5, 5, 6, 6, 7, 6, 6, 5, 5],
    6: [6, 6, 6, 7, 7, 7, 6, 6, 6],
  }),
  withCols({
    2: [0, 1, 2, 2, 4, 6, 6, 7, 8],
    3: [0, 1, 1, 2, 4, 6, 7, 7, 8],
    4: [0, 1, 1, 1, 6, 7, 7, 7, 8],
    5: [0, 1, 2, 2, 4, 6, 6, 7, 8],
  }),
];

describe.each(TYPES)('distance transforms of %s data (test_morphology.py)', (dtype) => {
  it('test_distance_transform_bf01', () => {
    const r = M.distanceTransformBf(data(dtype), { metric: 'euclidean', returnIndices: true });
    almostEqual(mul(r.distances as NdArray, r.distances as NdArray), BF_EUCLIDEAN_SQ);
    almostEqual(r.indices, BF_EUCLIDEAN_FT);
  });

  it('test_distance_transform_bf02', () => {
    const r = M.distanceTransformBf(data(dtype), { metric: 'cityblock', returnIndices: true });
    almostEqual(r.distances, [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 1, 1, 0, 0, 0],
      [0, 0, 1, 2, 2, 2, 1, 0, 0],
      [0, 0, 1, 2, 3, 2, 1, 0, 0],
      [0, 0, 1, 2, 2, 2, 1, 0, 0],
      [0, 0, 0, 1, 1, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    almostEqual(r.indices, [
      withRows({
        2: [2, 2, 2, 2, 1, 2, 2, 2, 2],
        3: [3, 3, 3, 3, 1, 3, 3, 3, 3],
        4: [4, 4, 4, 4, 7, 4, 4, 4, 4],
        5: [5, 5, 6, 7, 7, 7, 6, 5, 5],
        6: [6, 6, 6, 7, 7, 7, 6, 6, 6],
      }),
      withCols({ 2: [0, 1, 2, 2, 4, 6, 6, 7, 8], 3: [0, 1, 1, 1, 4, 7, 7, 7, 8], 4: [0, 1, 1, 1, 4, 7, 7, 7, 8] }),
    ]);
  });

  it('test_distance_transform_bf03', () => {
    const r = M.distanceTransformBf(data(dtype), { metric: 'chessboard', returnIndices: true });
    almostEqual(r.distances, [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 1, 1, 0, 0, 0],
      [0, 0, 1, 1, 2, 1, 1, 0, 0],
      [0, 0, 1, 2, 2, 2, 1, 0, 0],
      [0, 0, 1, 1, 2, 1, 1, 0, 0],
      [0, 0, 0, 1, 1, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    almostEqual(r.indices, [
      withRows({
        2: [2, 2, 2, 2, 1, 2, 2, 2, 2],
        3: [3, 3, 4, 2, 2, 2, 4, 3, 3],
        4: [4, 4, 5, 6, 6, 6, 5, 4, 4],
        5: [5, 5, 6, 6, 7, 6, 6, 5, 5],
        6: [6, 6, 6, 7, 7, 7, 6, 6, 6],
      }),
      withCols({
        2: [0, 1, 2, 2, 5, 6, 6, 7, 8],
        3: [0, 1, 1, 2, 6, 6, 7, 7, 8],
        4: [0, 1, 1, 2, 6, 7, 7, 7, 8],
        5: [0, 1, 2, 2, 6, 6, 7, 7, 8],
        6: [0, 1, 2, 4, 5, 6, 6, 7, 8],
      }),
    ]);
  });

  it('test_distance_transform_bf04 (every output combination)', () => {
    const x = data(dtype);
    const t = M.distanceTransformBf(x, { returnIndices: true });
    const dts: NdArray[] = [];
    const fts: NdArray[] = [];
    let dt = zeros(x.shape, { dtype: 'float64' });
    M.distanceTransformBf(x, { distances: dt });
    dts.push(dt);
    fts.push(M.distanceTransformBf(x, { returnDistances: false, returnIndices: true }).indices);
    let ft = indicesOf([...x.shape]);
    M.distanceTransformBf(x, { returnDistances: false, returnIndices: true, indices: ft });
    fts.push(ft);
    const both = M.distanceTransformBf(x, { returnIndices: true });
    dts.push(both.distances as NdArray);
    fts.push(both.indices);
    dt = zeros(x.shape, { dtype: 'float64' });
    fts.push(M.distanceTransformBf(x, { distances: dt, returnIndices: true }).indices);
    dts.push(dt);
    ft = indicesOf([...x.shape]);
    dts.push(M.distanceTransformBf(x, { returnIndices: true, indices: ft }).distances as NdArray);
    fts.push(ft);
    dt = zeros(x.shape, { dtype: 'float64' });
    ft = indicesOf([...x.shape]);
    M.distanceTransformBf(x, { distances: dt, returnIndices: true, indices: ft });
    dts.push(dt);
    fts.push(ft);
    for (const d of dts) almostEqual(d, t.distances);
    for (const f of fts) almostEqual(f, t.indices);
  });

  it('test_distance_transform_bf05 (sampling [2, 2])', () => {
    const r = M.distanceTransformBf(data(dtype), { metric: 'euclidean', returnIndices: true, sampling: [2, 2] });
    almostEqual(
      mul(r.distances as NdArray, r.distances as NdArray),
      BF_EUCLIDEAN_SQ.map((row) => row.map((v) => 4 * v)),
    );
    almostEqual(r.indices, BF_EUCLIDEAN_FT);
  });

  it('test_distance_transform_bf06 (sampling [2, 1])', () => {
    const r = M.distanceTransformBf(data(dtype), { metric: 'euclidean', returnIndices: true, sampling: [2, 1] });
    almostEqual(mul(r.distances as NdArray, r.distances as NdArray), [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 4, 1, 0, 0, 0],
      [0, 0, 1, 4, 8, 4, 1, 0, 0],
      [0, 0, 1, 4, 9, 4, 1, 0, 0],
      [0, 0, 1, 4, 8, 4, 1, 0, 0],
      [0, 0, 0, 1, 4, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    almostEqual(r.indices, [
      withRows({ 3: [3, 3, 3, 3, 2, 3, 3, 3, 3], 5: [5, 5, 5, 5, 6, 5, 5, 5, 5], 6: [6, 6, 6, 6, 7, 6, 6, 6, 6] }),
      withCols({
        2: [0, 1, 2, 2, 6, 6, 6, 7, 8],
        3: [0, 1, 1, 1, 6, 7, 7, 7, 8],
        4: [0, 1, 1, 1, 7, 7, 7, 7, 8],
        5: [0, 1, 1, 1, 6, 7, 7, 7, 8],
        6: [0, 1, 2, 2, 4, 6, 6, 7, 8],
      }),
    ]);
  });

  it('test_distance_transform_cdt01 (cityblock)', () => {
    const x = data(dtype);
    const r = M.distanceTransformCdt(x, { metric: 'cityblock', returnIndices: true });
    almostEqual(r.distances, M.distanceTransformBf(x, { metric: 'cityblock' }));
    almostEqual(r.indices, [
      withRows({
        2: [2, 2, 2, 1, 1, 1, 2, 2, 2],
        3: [3, 3, 2, 1, 1, 1, 2, 3, 3],
        4: [4, 4, 4, 4, 1, 4, 4, 4, 4],
        5: [5, 5, 5, 5, 7, 7, 6, 5, 5],
        6: [6, 6, 6, 6, 7, 7, 6, 6, 6],
      }),
      withCols({ 4: [0, 1, 1, 1, 4, 7, 7, 7, 8], 5: [0, 1, 1, 1, 4, 5, 6, 7, 8], 6: [0, 1, 2, 2, 4, 5, 6, 7, 8] }),
    ]);
  });

  it('test_distance_transform_cdt02 (chessboard)', () => {
    const x = data(dtype);
    const r = M.distanceTransformCdt(x, { metric: 'chessboard', returnIndices: true });
    almostEqual(r.distances, M.distanceTransformBf(x, { metric: 'chessboard' }));
    almostEqual(r.indices, [
      withRows({
        2: [2, 2, 2, 1, 1, 1, 2, 2, 2],
        3: [3, 3, 2, 2, 1, 2, 2, 3, 3],
        4: [4, 4, 3, 2, 2, 2, 3, 4, 4],
        5: [5, 5, 4, 6, 7, 6, 4, 5, 5],
        6: [6, 6, 6, 6, 7, 7, 6, 6, 6],
      }),
      withCols({
        2: [0, 1, 2, 2, 3, 4, 6, 7, 8],
        3: [0, 1, 1, 2, 2, 6, 6, 7, 8],
        4: [0, 1, 1, 1, 2, 6, 7, 7, 8],
        5: [0, 1, 1, 2, 6, 6, 7, 7, 8],
        6: [0, 1, 2, 2, 5, 6, 6, 7, 8],
      }),
    ]);
  });

  it('test_distance_transform_cdt03 (every output combination)', () => {
    const x = data(dtype);
    const t = M.distanceTransformCdt(x, { returnIndices: true });
    const dts: NdArray[] = [];
    const fts: NdArray[] = [];
    let dt = zeros(x.shape, { dtype: 'int32' });
    M.distanceTransformCdt(x, { distances: dt });
    dts.push(dt);
    fts.push(M.distanceTransformCdt(x, { returnDistances: false, returnIndices: true }).indices);
    let ft = indicesOf([...x.shape]);
    M.distanceTransformCdt(x, { returnDistances: false, returnIndices: true, indices: ft });
    fts.push(ft);
    const both = M.distanceTransformCdt(x, { returnIndices: true });
    dts.push(both.distances as NdArray);
    fts.push(both.indices);
    dt = zeros(x.shape, { dtype: 'int32' });
    fts.push(M.distanceTransformCdt(x, { distances: dt, returnIndices: true }).indices);
    dts.push(dt);
    ft = indicesOf([...x.shape]);
    dts.push(M.distanceTransformCdt(x, { returnIndices: true, indices: ft }).distances as NdArray);
    fts.push(ft);
    dt = zeros(x.shape, { dtype: 'int32' });
    ft = indicesOf([...x.shape]);
    M.distanceTransformCdt(x, { distances: dt, returnIndices: true, indices: ft });
    dts.push(dt);
    fts.push(ft);
    for (const d of dts) almostEqual(d, t.distances);
    for (const f of fts) almostEqual(f, t.indices);
  });

  it('test_distance_transform_edt01', () => {
    const x = data(dtype);
    const r = M.distanceTransformEdt(x, { returnIndices: true });
    const bf = M.distanceTransformBf(x, { metric: 'euclidean' });
    almostEqual(bf, r.distances);
    // The distances again from the indices.
    const f = r.indices.data as Int32Array;
    const d = new Float64Array(81);
    for (let p = 0; p < 81; p++)
      d[p] = Math.hypot((f[p] as number) - Math.floor(p / 9), (f[81 + p] as number) - (p % 9));
    almostEqual(bf, array(d).reshape([9, 9]));
  });

  it('test_distance_transform_edt02 (every output combination)', () => {
    const x = data(dtype);
    const t = M.distanceTransformEdt(x, { returnIndices: true });
    const dts: NdArray[] = [];
    const fts: NdArray[] = [];
    let dt = zeros(x.shape, { dtype: 'float64' });
    M.distanceTransformEdt(x, { distances: dt });
    dts.push(dt);
    fts.push(M.distanceTransformEdt(x, { returnDistances: false, returnIndices: true }).indices);
    let ft = indicesOf([...x.shape]);
    M.distanceTransformEdt(x, { returnDistances: false, returnIndices: true, indices: ft });
    fts.push(ft);
    const both = M.distanceTransformEdt(x, { returnIndices: true });
    dts.push(both.distances as NdArray);
    fts.push(both.indices);
    dt = zeros(x.shape, { dtype: 'float64' });
    fts.push(M.distanceTransformEdt(x, { distances: dt, returnIndices: true }).indices);
    dts.push(dt);
    ft = indicesOf([...x.shape]);
    dts.push(M.distanceTransformEdt(x, { returnIndices: true, indices: ft }).distances as NdArray);
    fts.push(ft);
    dt = zeros(x.shape, { dtype: 'float64' });
    ft = indicesOf([...x.shape]);
    M.distanceTransformEdt(x, { distances: dt, returnIndices: true, indices: ft });
    dts.push(dt);
    fts.push(ft);
    for (const d of dts) almostEqual(d, t.distances);
    for (const f of fts) almostEqual(f, t.indices);
  });

  it('test_distance_transform_edt03 (sampling [2, 2])', () => {
    const x = data(dtype);
    almostEqual(M.distanceTransformEdt(x, { sampling: [2, 2] }), M.distanceTransformBf(x, { sampling: [2, 2] }));
  });

  it('test_distance_transform_edt4 (sampling [2, 1])', () => {
    const x = data(dtype);
    almostEqual(M.distanceTransformEdt(x, { sampling: [2, 1] }), M.distanceTransformBf(x, { sampling: [2, 1] }));
  });
});

describe('distance transforms: argument checks (test_morphology.py)', () => {
  const x = data('int64');
  it('test_distance_transform_bf07: no result asked for', () => {
    expectNdImageError(
      () => M.distanceTransformBf(x, { returnDistances: false, returnIndices: false }),
      'ERR_INVALID_ARGUMENT',
    );
  });
  it('test_distance_transform_cdt04: indices without returnIndices', () => {
    const indices = zeros([2, 9, 9], { dtype: 'int32' });
    expectNdImageError(
      () => M.distanceTransformBf(x, { returnDistances: true, returnIndices: false, indices }),
      'ERR_INVALID_ARGUMENT',
    );
  });
  it('test_distance_transform_edt5: a 0-d false gives [0]', () => {
    almostEqual(M.distanceTransformEdt(array(false)), [0]);
  });
  it('test_distance_transform_edt6: distances without returnDistances', () => {
    const distances = zeros([9, 9], { dtype: 'float64' });
    expectNdImageError(
      () => M.distanceTransformBf(x, { returnIndices: true, returnDistances: false, distances }),
      'ERR_INVALID_ARGUMENT',
    );
  });
});

describe('morphological Laplace and bool top-hats (test_morphology.py)', () => {
  const a = array([
    [3, 2, 5, 1, 4],
    [7, 6, 9, 3, 5],
    [5, 8, 3, 7, 1],
  ]);
  const footprint = [
    [1, 0, 1],
    [1, 1, 0],
  ];
  const structure = [
    [0, 0, 0],
    [0, 0, 0],
  ];
  const expected = () => {
    const d = M.greyDilation(a, { footprint, structure }).toArray() as number[][];
    const e = M.greyErosion(a, { footprint, structure }).toArray() as number[][];
    const x = a.toArray() as number[][];
    return d.map((row, i) => row.map((v, j) => v + (e[i]?.[j] as number) - 2 * (x[i]?.[j] as number)));
  };
  it('test_morphological_laplace01 (into an output array)', () => {
    const output = zeros(a.shape, { dtype: a.dtype });
    M.morphologicalLaplace(a, { footprint, structure, output });
    almostEqual(output, expected());
  });
  it('test_morphological_laplace02', () => {
    almostEqual(M.morphologicalLaplace(a, { footprint, structure }), expected());
  });
  const b = array(
    [
      [1, 0, 0, 0, 0, 0, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 1, 1, 1, 0, 1, 0],
      [0, 1, 1, 1, 1, 1, 0],
      [0, 0, 0, 0, 0, 0, 1],
    ],
    { dtype: 'bool' },
  );
  const ones = array(
    [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ],
    { dtype: 'bool' },
  );
  it('test_white_tophat03', () => {
    const out = M.whiteTophat(b, { structure: ones });
    expect(out.dtype).toBe('bool');
    expect(out.toArray()).toEqual([
      [0, 1, 1, 0, 0, 0, 0],
      [1, 0, 0, 1, 1, 1, 0],
      [1, 0, 0, 1, 1, 1, 0],
      [0, 1, 1, 0, 0, 0, 1],
      [0, 1, 1, 0, 1, 0, 1],
      [0, 1, 1, 0, 0, 0, 1],
      [0, 0, 0, 1, 1, 1, 1],
    ]);
  });
  it('test_white_tophat04 (a float64 output)', () => {
    const output = zeros(b.shape, { dtype: 'float64' });
    expect(
      M.whiteTophat(
        array(
          [
            [1, 0],
            [0, 1],
          ],
          { dtype: 'bool' },
        ),
        { structure: ones.slice([0, 2], [0, 2]), output: zeros([2, 2]) },
      ).dtype,
    ).toBe('float64');
    expect(M.whiteTophat(b, { structure: ones, output })).toBe(output);
  });
  it('test_black_tophat03', () => {
    const out = M.blackTophat(b, { structure: ones });
    expect(out.toArray()).toEqual([
      [0, 1, 1, 1, 1, 1, 1],
      [1, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      [1, 0, 0, 0, 1, 0, 1],
      [1, 0, 0, 0, 0, 0, 1],
      [1, 1, 1, 1, 1, 1, 0],
    ]);
  });
  it('test_black_tophat04 (a float64 output)', () => {
    const output = zeros(b.shape, { dtype: 'float64' });
    expect(M.blackTophat(b, { structure: ones, output })).toBe(output);
  });
});

describe('watershed_ift (test_measurements.py)', () => {
  const RING = [
    [0, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 1, 1, 1, 0],
    [0, 1, 0, 0, 0, 1, 0],
    [0, 1, 0, 0, 0, 1, 0],
    [0, 1, 0, 0, 0, 1, 0],
    [0, 1, 1, 1, 1, 1, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
  ];
  const CENTRE = RING.map((row, i) => row.map((_, j) => (i === 0 && j === 0 ? -1 : i === 3 && j === 3 ? 1 : 0)));
  const FULL = [
    [1, 1, 1],
    [1, 1, 1],
    [1, 1, 1],
  ];
  const u8 = (v: number[][]) => array(v, { dtype: 'uint8' });
  const i8 = (v: number[][]) => array(v, { dtype: 'int8' });
  it('test_watershed_ift01', () => {
    const out = M.watershedIft(u8(RING), i8(CENTRE), { structure: FULL });
    almostEqual(out, [
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
    ]);
  });
  it('test_watershed_ift02', () => {
    almostEqual(M.watershedIft(u8(RING), i8(CENTRE)), [
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, -1, 1, 1, 1, -1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, 1, 1, 1, 1, 1, -1],
      [-1, -1, 1, 1, 1, -1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
    ]);
  });
  const WALL = [
    [0, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 1, 1, 1, 0],
    [0, 1, 0, 1, 0, 1, 0],
    [0, 1, 0, 1, 0, 1, 0],
    [0, 1, 0, 1, 0, 1, 0],
    [0, 1, 1, 1, 1, 1, 0],
    [0, 0, 0, 0, 0, 0, 0],
  ];
  const twoMarkers = (a: number, b: number) =>
    WALL.map((row, i) =>
      row.map((_, j) => (i === 3 && j === 2 ? a : i === 3 && j === 4 ? b : i === 6 && j === 6 ? -1 : 0)),
    );
  it('test_watershed_ift03', () => {
    almostEqual(M.watershedIft(u8(WALL), i8(twoMarkers(2, 3))), [
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, -1, 2, -1, 3, -1, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, -1, 2, -1, 3, -1, -1],
      [-1, -1, -1, -1, -1, -1, -1],
    ]);
  });
  it('test_watershed_ift04', () => {
    almostEqual(M.watershedIft(u8(WALL), i8(twoMarkers(2, 3)), { structure: FULL }), [
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, 2, 2, 3, 3, 3, -1],
      [-1, -1, -1, -1, -1, -1, -1],
    ]);
  });
  it('test_watershed_ift05', () => {
    almostEqual(M.watershedIft(u8(WALL), i8(twoMarkers(3, 2)), { structure: FULL }), [
      [-1, -1, -1, -1, -1, -1, -1],
      [-1, 3, 3, 2, 2, 2, -1],
      [-1, 3, 3, 2, 2, 2, -1],
      [-1, 3, 3, 2, 2, 2, -1],
      [-1, 3, 3, 2, 2, 2, -1],
      [-1, 3, 3, 2, 2, 2, -1],
      [-1, -1, -1, -1, -1, -1, -1],
    ]);
  });
  const CUP = [
    [0, 1, 0, 0, 0, 1, 0],
    [0, 1, 0, 0, 0, 1, 0],
    [0, 1, 0, 0, 0, 1, 0],
    [0, 1, 1, 1, 1, 1, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
  ];
  const CUP_MARKERS = CUP.map((row, i) => row.map((_, j) => (i === 0 && j === 0 ? -1 : i === 1 && j === 3 ? 1 : 0)));
  const CUP_EXPECTED = [
    [-1, 1, 1, 1, 1, 1, -1],
    [-1, 1, 1, 1, 1, 1, -1],
    [-1, 1, 1, 1, 1, 1, -1],
    [-1, 1, 1, 1, 1, 1, -1],
    [-1, -1, -1, -1, -1, -1, -1],
    [-1, -1, -1, -1, -1, -1, -1],
  ];
  it('test_watershed_ift06', () => {
    almostEqual(M.watershedIft(u8(CUP), i8(CUP_MARKERS), { structure: FULL }), CUP_EXPECTED);
  });
  it('test_watershed_ift07 (transposed input and output views)', () => {
    const data = zeros([7, 6], { dtype: 'uint8' }).transpose();
    const src = u8(CUP);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 7; j++) data.set(i, j, src.get(i, j));
    const out = zeros([7, 6], { dtype: 'int16' }).transpose();
    expect(M.watershedIft(data, i8(CUP_MARKERS), { structure: FULL, output: out })).toBe(out);
    almostEqual(out, CUP_EXPECTED);
  });
  it('test_watershed_ift08 (costs above 255, gh-10069)', () => {
    const out = M.watershedIft(
      array(
        [
          [256, 0],
          [0, 0],
        ],
        { dtype: 'uint16' },
      ),
      i8([
        [1, 0],
        [0, 0],
      ]),
    );
    almostEqual(out, [
      [1, 1],
      [1, 1],
    ]);
  });
});

describe('value_indices (test_measurements.py)', () => {
  /** NumPy's `np.where(a == k)`: the coordinates of the elements equal to k, in C order. */
  const where = (a: NdArray, k: number): number[][] => {
    const out: number[][] = a.shape.map(() => []);
    const d = a.toContiguous().data as Int32Array;
    for (let p = 0; p < a.size; p++) {
      if (d[p] !== k) continue;
      let f = p;
      for (let ax = a.ndim - 1; ax >= 0; ax--) {
        (out[ax] as number[]).push(f % (a.shape[ax] as number));
        f = Math.floor(f / (a.shape[ax] as number));
      }
    }
    return out;
  };
  it('test_value_indices01 (keys and entries)', () => {
    const d = array(
      [
        [1, 0, 0, 0, 0, 0],
        [0, 0, 2, 2, 0, 0],
        [0, 0, 2, 2, 2, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 4, 4, 0],
      ],
      { dtype: 'int32' },
    );
    const vi = M.valueIndices(d, { ignoreValue: 0 });
    expect([...vi.keys()]).toEqual([1, 2, 4]);
    for (const k of [1, 2, 4]) expect(vi.get(k)?.map((ix) => ix.toArray())).toEqual(where(d, k));
  });
  it('test_value_indices02 (input checking)', () => {
    const e = expectNdImageError(() => M.valueIndices(zeros([5, 4], { dtype: 'float32' })), 'ERR_DTYPE');
    expect(e.message).toContain('must be an integer array');
  });
  it('test_value_indices03 (ranks 1 to 4)', () => {
    for (const shape of [[36], [18, 2], [3, 3, 4], [3, 3, 2, 2]]) {
      const a = array([...new Array(12).fill(1), ...new Array(12).fill(2), ...new Array(12).fill(3)], {
        dtype: 'int32',
      }).reshape(shape);
      const vi = M.valueIndices(a);
      expect([...vi.keys()]).toEqual([1, 2, 3]);
      for (const k of [1, 2, 3]) expect(vi.get(k)?.map((ix) => ix.toArray())).toEqual(where(a, k));
    }
  });
});
