import { describe, expect, it } from 'vitest';
import { checkDType } from './dtypes.js';
import { describeValue, invalidArgument, NdImageError } from './errors.js';
import { checkFiniteNumber, checkInteger, checkOneOf, normalizeAxes, normalizeAxis } from './validate.js';

describe('NdImageError', () => {
  it('carries a code and the argument, and is recognised across copies by its registered symbol', () => {
    const e = invalidArgument('sigma', 'a finite number ≥ 0', -1);
    expect(e.message).toBe('invalid argument: `sigma` must be a finite number ≥ 0; got -1');
    expect(e.code).toBe('ERR_INVALID_ARGUMENT');
    expect(e.argument).toBe('sigma');
    expect(e.name).toBe('NdImageError');
    expect(e).toBeInstanceOf(Error);
    expect(NdImageError.isInstance(e)).toBe(true);
    // An error from another installed copy: a different class, the same Symbol.for brand.
    const foreign = Object.create(Object.defineProperty({}, Symbol.for('@ndimage/NdImageError'), { value: true }));
    expect(NdImageError.isInstance(foreign)).toBe(true);
    expect(NdImageError.isInstance(new Error('x'))).toBe(false);
    expect(NdImageError.isInstance(null)).toBe(false);
  });

  it('describes values briefly', () => {
    expect(describeValue([1, 'a'])).toBe("[1, 'a']");
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(new Float32Array(3))).toBe('Float32Array(3)');
    expect(describeValue('x'.repeat(500)).length).toBeLessThanOrEqual(120);
  });
});

describe('argument checks', () => {
  it('name the argument, the value and the expectation', () => {
    expect(() => checkInteger(1.5, 'iterations', { min: 0 })).toThrow('`iterations` must be an integer ≥ 0; got 1.5');
    expect(() => checkFiniteNumber(Number.NaN, 'sigma', { min: 0 })).toThrow(
      '`sigma` must be a finite number ≥ 0; got NaN',
    );
    expect(() => checkFiniteNumber(Infinity, 'truncate')).toThrow('`truncate` must be a finite number; got Infinity');
    expect(() => normalizeAxis(2, 2)).toThrow('`axis` must be an integer in [-2, 2); got 2');
    expect(() => checkOneOf('bogus', 'mode', ['reflect', 'wrap'])).toThrow(
      "`mode` must be one of 'reflect', 'wrap'; got 'bogus'",
    );
    expect(() => checkDType('float16')).toThrow(/`dtype` must be one of bool, uint8/);
  });

  it('normalise axes', () => {
    expect(normalizeAxis(-1, 3)).toBe(2);
    expect(normalizeAxes([-1, 0], 3)).toEqual([0, 2]);
    expect(normalizeAxes(undefined, 2)).toEqual([0, 1]);
    expect(() => normalizeAxes([0, -2], 2)).toThrow(/distinct axes/);
  });
});
