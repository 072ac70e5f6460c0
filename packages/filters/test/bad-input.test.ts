/**
 * Bad input found by using the package as a new user would (issue 12): each ends in an
 * NdImageError with a code, before any large allocation; windows larger than the image that fit
 * the budget give SciPy's answer (test/fixtures/large-windows.json, from
 * tools/fixtures/filters_large_windows.py).
 */
import { readFileSync } from 'node:fs';
import { array, type NdArray, ones, zeros } from '@ndimage/core-array';
import { expectArrayClose, expectNdImageError } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import {
  gaussianFilter,
  maximumFilter1d,
  medianFilter,
  minimumFilter,
  minimumFilter1d,
  percentileFilter,
  rankFilter,
  uniformFilter,
  uniformFilter1d,
} from '../src/index.js';
import { MAX_FOOTPRINT, MAX_WINDOW } from '../src/limits.js';

const golden = JSON.parse(readFileSync(new URL('./fixtures/large-windows.json', import.meta.url), 'utf8')) as {
  input: number[][];
  cases: Record<string, number[][]>;
};
const input = array(golden.input);
const MODES = ['reflect', 'wrap', 'mirror', 'nearest', 'constant'] as const;

describe('windows larger than the image, within the budget: SciPy’s answer', () => {
  const run: Record<string, (mode: (typeof MODES)[number]) => NdArray> = {
    'uniformFilter 37': (mode) => uniformFilter(input, 37, { mode, cval: 2 }),
    'uniformFilter1d 101': (mode) => uniformFilter1d(input, 101, { mode, cval: 2 }),
    'medianFilter 9': (mode) => medianFilter(input, 9, { mode, cval: 2 }),
    'minimumFilter 100000': (mode) => minimumFilter(input, 100000, { mode, cval: 2 }),
    'maximumFilter1d 100000': (mode) => maximumFilter1d(input, 100000, { mode, cval: -1 }),
  };
  for (const [name, f] of Object.entries(run)) {
    for (const mode of MODES) {
      it(`${name} ${mode}`, () => {
        const want = golden.cases[`${name} ${mode}`];
        expect(want, 'fixture present').toBeDefined();
        expectArrayClose(f(mode), array(want as number[][]), { rtol: 1e-12, relativeTo: 'max' });
      });
    }
  }
});

describe('windows beyond the budget: ERR_LIMIT naming the size, before allocating', () => {
  const five = ones([5, 5]);
  it.each([
    ['uniformFilter 1e9', () => uniformFilter(five, 1e9)],
    ['uniformFilter 1e7', () => uniformFilter(five, 1e7)],
    ['uniformFilter [3, 1e9]', () => uniformFilter(five, [3, 1e9])],
    ['uniformFilter1d 1e9', () => uniformFilter1d(five, 1e9)],
    ['minimumFilter1d 1e9', () => minimumFilter1d(five, 1e9)],
    ['maximumFilter1d 1e9', () => maximumFilter1d(five, 1e9)],
    ['minimumFilter 1e9', () => minimumFilter(five, 1e9)],
  ])('%s', (_name, f) => {
    const before = process.memoryUsage().arrayBuffers;
    const e = expectNdImageError(f, 'ERR_LIMIT');
    expect(e.argument).toMatch(/^size/);
    expect(e.message).toContain(`longer than ${MAX_WINDOW}`);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 << 20);
  });

  it.each([
    ['medianFilter', () => medianFilter(five, 1e5)],
    ['percentileFilter', () => percentileFilter(five, 50, 1e5)],
    ['rankFilter', () => rankFilter(five, 0, [1e5, 1e5])],
  ])('%s with a 10¹⁰-element box (a RangeError before)', (_name, f) => {
    const e = expectNdImageError(f, 'ERR_LIMIT');
    expect(e.message).toContain('10000000000 elements');
    expect(e.message).toContain(String(MAX_FOOTPRINT));
  });

  it('minimumFilter with a 10¹⁰-element box runs as 1-D passes (a RangeError before)', () => {
    expectArrayClose(minimumFilter(five, 1e5), ones([5, 5]));
  });
});

describe('options that are not options', () => {
  it('an array where the options belong (SciPy passes output positionally)', () => {
    const im = ones([4, 4]);
    const e = expectNdImageError(() => gaussianFilter(im, 5, zeros(im.shape) as never), 'ERR_INVALID_ARGUMENT');
    expect(e.message).toContain('must be a plain object of options');
  });
  it('a misspelt key, with a did-you-mean and the valid keys', () => {
    const e = expectNdImageError(() => gaussianFilter(ones([4]), 1, { mod: 'wrap' } as never), 'ERR_INVALID_ARGUMENT');
    expect(e.message).toMatch(/unknown key 'mod' \(did you mean 'mode'\?\); valid keys: 'mode', 'cval'/);
  });
  it.each([
    ['uniformFilter', () => uniformFilter(ones([4]), 3, { sizes: 3 } as never)],
    ['medianFilter', () => medianFilter(ones([4]), 3, { footprnt: ones([3]) } as never)],
    ['minimumFilter1d', () => minimumFilter1d(ones([4]), 3, { axes: 0 } as never)],
  ])('%s refuses an unknown key', (_name, f) => {
    expectNdImageError(f, 'ERR_INVALID_ARGUMENT');
  });
});
