/**
 * Runs the `@example` blocks of this package's TSDoc that need no files (see
 * `runDocExampleAsync` in core-array/testing).
 */
import * as core from '@ndimage/core-array';
import { collectDocExamples, docValuesMatch, runDocExampleAsync } from '@ndimage/core-array/testing';
import * as filters from '@ndimage/filters';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as internal from '../src/internal.js';
import { checkChunks } from '../src/region.js';

const examples = collectDocExamples(new URL('../src/', import.meta.url)).filter(
  (e) => !/\.(zarr|tif|npy)'/.test(e.code),
);
const scope = { ...core, ...filters, ...api, ...internal, checkChunks };

describe('TSDoc examples', () => {
  let checked = 0;
  for (const example of examples) {
    it(`${example.file} #${example.index}`, async () => {
      const { checks } = await runDocExampleAsync(example, scope);
      for (const c of checks) {
        if (!docValuesMatch(c.actual, c.expected))
          expect(c.actual, `${example.file}: ${c.comment}`).toEqual(c.expected);
      }
      checked += checks.length;
    });
  }
  it('checks the examples', () => {
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
