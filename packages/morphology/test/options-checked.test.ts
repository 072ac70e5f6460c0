/**
 * Every public function of the package that takes an options bag checks it (issue 12): an
 * unknown key is ERR_INVALID_ARGUMENT naming it, never silently ignored. The measurements take
 * SciPy's positional arguments (input, labels, index) and no bag.
 */
import { ones } from '@ndimage/core-array';
import { expectNdImageError } from '@ndimage/core-array/testing';
import { expect, it } from 'vitest';
import * as M from '../src/index.js';

const x = ones([6, 6]);
const bogus = { zzzUnknown: 1 } as never;
const calls: Record<string, () => unknown> = {
  binaryErosion: () => M.binaryErosion(x, bogus),
  binaryDilation: () => M.binaryDilation(x, bogus),
  binaryOpening: () => M.binaryOpening(x, bogus),
  binaryClosing: () => M.binaryClosing(x, bogus),
  binaryHitOrMiss: () => M.binaryHitOrMiss(x, bogus),
  binaryPropagation: () => M.binaryPropagation(x, bogus),
  binaryFillHoles: () => M.binaryFillHoles(x, bogus),
  greyErosion: () => M.greyErosion(x, 3, bogus),
  greyDilation: () => M.greyDilation(x, 3, bogus),
  greyOpening: () => M.greyOpening(x, 3, bogus),
  greyClosing: () => M.greyClosing(x, 3, bogus),
  morphologicalGradient: () => M.morphologicalGradient(x, 3, bogus),
  whiteTophat: () => M.whiteTophat(x, 3, bogus),
  blackTophat: () => M.blackTophat(x, 3, bogus),
  label: () => M.label(x, bogus),
  distanceTransformEdt: () => M.distanceTransformEdt(x, bogus),
  distanceTransformCdt: () => M.distanceTransformCdt(x, bogus),
  distanceTransformBf: () => M.distanceTransformBf(x, bogus),
  morphologicalLaplace: () => M.morphologicalLaplace(x, 3, bogus),
  watershedIft: () => M.watershedIft(x.astype('uint8'), x.astype('int32'), bogus),
  valueIndices: () => M.valueIndices(x.astype('int32'), bogus),
  labeledComprehension: () => M.labeledComprehension(x, undefined, undefined, (v) => v.length, 0, bogus),
};
const WITHOUT_OPTIONS = [
  'box',
  'centerOfMass',
  'cross',
  'disk',
  'extrema',
  'findObjects',
  'generateBinaryStructure',
  'histogram',
  'iterateStructure',
  'maximum',
  'maximumPosition',
  'mean',
  'median',
  'minimum',
  'minimumPosition',
  'objectStats',
  'square',
  'standardDeviation',
  'sum',
  'sumLabels',
  'variance',
];

it('covers every exported function that takes options', () => {
  const functions = Object.entries(M)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k)
    .filter((f) => !WITHOUT_OPTIONS.includes(f));
  expect(functions.sort()).toEqual(Object.keys(calls).sort());
});

it.each(Object.entries(calls))('%s refuses an unknown option', (_name, call) => {
  const e = expectNdImageError(call, 'ERR_INVALID_ARGUMENT');
  expect(e.message).toContain("unknown key 'zzzUnknown'");
});
