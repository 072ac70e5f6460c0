/**
 * Runs the `@example` blocks of this package's TSDoc (see `runDocExample` in core-array/testing).
 */
import * as core from '@ndimage/core-array';
import { collectDocExamples, docValuesMatch, runDocExample } from '@ndimage/core-array/testing';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const examples = collectDocExamples(new URL('../src/', import.meta.url));
const scope = { ...core, ...api };

describe('TSDoc examples', () => {
  let checked = 0;
  for (const example of examples) {
    it(`${example.file} #${example.index}`, () => {
      const { checks } = runDocExample(example, scope);
      for (const c of checks) {
        if (!docValuesMatch(c.actual, c.expected))
          expect(c.actual, `${example.file}: ${c.comment}`).toEqual(c.expected);
      }
      checked += checks.length;
    });
  }
  it('checks the examples', () => {
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
