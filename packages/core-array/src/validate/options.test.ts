import { describe, expect, it } from 'vitest';
import { zeros } from '../creation.js';
import { NdImageError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { checkOptions, optionKeys } from './options.js';

const KEYS = optionKeys<{ iterations?: number; mask?: unknown; borderValue?: number }>({
  iterations: true,
  mask: true,
  borderValue: true,
});

function errorOf(f: () => unknown): NdImageError {
  try {
    f();
  } catch (e) {
    if (NdImageError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('checkOptions', () => {
  it('returns {} for undefined and null, and the object itself otherwise', () => {
    expect(checkOptions(undefined, KEYS)).toEqual({});
    expect(checkOptions(null, KEYS)).toEqual({});
    const o = { iterations: 2 };
    expect(checkOptions(o, KEYS)).toBe(o);
    expect(checkOptions(Object.create(null) as object, KEYS)).toEqual({});
  });

  it('refuses an unknown key, naming it, suggesting the closest and listing the valid ones', () => {
    const e = errorOf(() => checkOptions({ iteration: 2 }, KEYS));
    expect(e.code).toBe('ERR_INVALID_ARGUMENT');
    expect(e.argument).toBe('options.iteration');
    expect(e.message).toBe(
      "invalid argument: `options` has an unknown key 'iteration' (did you mean 'iterations'?); valid keys: 'iterations', 'mask', 'borderValue'",
    );
    expect(errorOf(() => checkOptions({ zzz: 1 }, KEYS)).message).not.toMatch(/did you mean/);
  });

  it('lets an undefined value under any key pass (forwarded options lose nothing)', () => {
    expect(checkOptions({ iterations: 1, other: undefined }, KEYS)).toEqual({ iterations: 1, other: undefined });
  });

  it.each([
    [2, 'got 2'],
    ['x', "got 'x'"],
    [[1, 2], 'got an array [1, 2]'],
    [new Float64Array(2), 'got a Float64Array'],
    [new Map(), 'got an instance of Map'],
  ])('refuses %o where an options object belongs', (value, tail) => {
    const e = errorOf(() => checkOptions(value as never, KEYS, 'opts'));
    expect(e.message).toBe(`invalid argument: \`opts\` must be a plain object of options; ${tail}`);
    expect(e.argument).toBe('opts');
  });

  it('refuses an NdArray passed where the options belong (SciPy passes output positionally)', () => {
    expect(errorOf(() => checkOptions(zeros([2]) as never, KEYS)).message).toMatch(/got an instance of NdArray/);
  });

  it('says when a function takes no options', () => {
    expect(errorOf(() => checkOptions({ a: 1 }, [])).message).toMatch(/it takes no options/);
  });
});

describe('didYouMean', () => {
  it('suggests near misses only', () => {
    expect(didYouMean('iteration', ['iterations', 'mask'])).toBe('iterations');
    expect(didYouMean('mod', ['mode', 'cval'])).toBe('mode');
    expect(didYouMean('Mode', ['mode', 'cval'])).toBe('mode');
    expect(didYouMean('xyz', ['iterations', 'mask'])).toBeUndefined();
    expect(didYouMean('a', [])).toBeUndefined();
  });
});
