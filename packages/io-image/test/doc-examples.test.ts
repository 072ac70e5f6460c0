/**
 * Runs the `@example` blocks of this package's TSDoc through core-array's runners: the I/O ones
 * (`await`) with `runDocExampleAsync`, their file names pointed into a temporary folder that holds
 * the files they read (photo.jpg, scan.tif); the scope adds the arrays they use (photo, magnitude).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@ndimage/core-array';
import { collectDocExamples, docValuesMatch, runDocExample, runDocExampleAsync } from '@ndimage/core-array/testing';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const examples = collectDocExamples(new URL('../src/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'io-image-doc-'));
const fixture = (f: string): string => new URL(`./fixtures/files/${f}`, import.meta.url).pathname;
copyFileSync(fixture('rgb.jpg'), join(dir, 'photo.jpg'));
copyFileSync(fixture('grey16.tif'), join(dir, 'scan.tif'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Points the file names the examples read and write into the temp folder. */
const rewrite = (line: string): string =>
  line.replace(/'([\w.-]+\.(?:jpg|tif|png|pdf))'/g, (_, f: string) => JSON.stringify(join(dir, f)));

describe('TSDoc examples', () => {
  const scope: Record<string, unknown> = {
    ...core,
    ...api,
    photo: new core.NdArray(
      Uint8Array.from({ length: 6 * 4 * 3 }, (_, i) => i * 3),
      [6, 4, 3],
      { dtype: 'uint8' },
    ),
    magnitude: core.mul(core.random([6, 4], { seed: 1 }), 1000),
  };
  let checked = 0;
  for (const example of examples) {
    it(`${example.file} #${example.index}`, async () => {
      const { checks } = /\bawait\b/.test(example.code)
        ? await runDocExampleAsync(example, scope, { rewrite })
        : runDocExample(example, scope);
      for (const c of checks)
        if (!docValuesMatch(c.actual, c.expected)) expect(c.actual, c.comment).toEqual(c.expected);
      checked += checks.length;
    });
  }
  it('checks the examples', () => {
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
