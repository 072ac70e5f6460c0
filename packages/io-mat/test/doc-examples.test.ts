/**
 * Runs the `@example` blocks of this package's TSDoc with core-array's `runDocExampleAsync` (they
 * read and write files), their file names pointed into a temporary folder holding the test.mat
 * they read (x = [1 2; 3 4]).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@ndimage/core-array';
import { collectDocExamples, docValuesMatch, runDocExampleAsync } from '@ndimage/core-array/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const examples = collectDocExamples(new URL('../src/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'io-mat-doc-'));
beforeAll(async () => {
  await api.savemat(join(dir, 'test.mat'), {
    x: core.array([
      [1, 2],
      [3, 4],
    ]),
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Points the file names the examples read into the temp folder. */
const rewrite = (line: string): string =>
  line.replace(/'([\w.-]+\.mat)'/g, (_, f: string) => JSON.stringify(join(dir, f)));

describe('TSDoc examples', () => {
  const scope: Record<string, unknown> = { ...core, ...api };
  let checked = 0;
  for (const example of examples) {
    it(`${example.file} #${example.index}`, async () => {
      const { checks } = await runDocExampleAsync(example, scope, { rewrite });
      for (const c of checks)
        if (!docValuesMatch(c.actual, c.expected)) expect(c.actual, c.comment).toEqual(c.expected);
      checked += checks.length;
    });
  }
  it('checks the examples', () => {
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
