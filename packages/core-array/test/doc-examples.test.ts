/**
 * Runs the `@example` blocks of this package's TSDoc (see `runDocExample`; `runDocExampleAsync` for
 * the ones that `await`).
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as testing from '../src/testing/index.js';

const examples = testing.collectDocExamples(new URL('../src/', import.meta.url));
const scope = { ...api, ...testing };

describe('TSDoc examples', () => {
  let checked = 0;
  for (const example of examples) {
    it(`${example.file} #${example.index}`, async () => {
      const { checks } = /\bawait\b/.test(example.code)
        ? await testing.runDocExampleAsync(example, scope)
        : testing.runDocExample(example, scope);
      for (const c of checks) {
        if (!testing.docValuesMatch(c.actual, c.expected))
          expect(c.actual, `${example.file}: ${c.comment}`).toEqual(c.expected);
      }
      checked += checks.length;
    });
  }
  it('checks a good number of example lines', () => {
    // 121 at the time of writing: a sudden drop means the extraction broke, not the docs.
    expect(checked).toBeGreaterThan(100);
  });
});
