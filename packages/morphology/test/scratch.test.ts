import { array } from '@ndimage/core-array';
import { it } from 'vitest';
import * as M from '../src/index.js';

it('scratch', () => {
  const a = array([
    [0, 1, 1, 1, 1],
    [0, 0, 1, 1, 1],
    [0, 1, 1, 1, 1],
    [0, 1, 1, 1, 0],
    [0, 1, 1, 0, 0],
  ]);
  console.log(JSON.stringify(M.distanceTransformCdt(a).toArray()));
  console.log(JSON.stringify(M.distanceTransformCdt(a, { metric: 'taxicab', returnIndices: true }).indices.toArray()));
  console.log(JSON.stringify(M.distanceTransformBf(a, { returnIndices: true }).indices.toArray()));
  const im = array(
    [
      [0, 0, 9, 0, 0],
      [0, 0, 9, 0, 0],
    ],
    { dtype: 'uint8' },
  );
  const markers = array(
    [
      [1, 0, 0, 0, 2],
      [0, 0, 0, 0, 0],
    ],
    { dtype: 'int32' },
  );
  console.log(JSON.stringify(M.watershedIft(im, markers).toArray()));
  const vi = M.valueIndices(
    array(
      [
        [0, 0, 1],
        [2, 2, 0],
      ],
      { dtype: 'int32' },
    ),
    { ignoreValue: 0 },
  );
  console.log(
    [...vi.keys()],
    vi.get(2)!.map((x) => x.toArray()),
  );
  console.log(M.morphologicalLaplace(array([0, 0, 5, 0, 0, 3, 3, 3]), 3).toArray());
  console.log(M.morphologicalLaplace(array([0, 0, 5, 0], { dtype: 'uint8' }), 3).toArray());
});
