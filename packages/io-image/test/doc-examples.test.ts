/**
 * Runs the `@example` blocks of this package's TSDoc. The synchronous ones go through core-array's
 * runner; the I/O ones are async, so they run here as async functions in a temporary folder that
 * holds the files they name (photo.jpg, scan.tif) and the arrays they use (photo, magnitude),
 * checking every `expr; // value` line.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@ndimage/core-array';
import { collectDocExamples, docValuesMatch, runDocExample } from '@ndimage/core-array/testing';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const examples = collectDocExamples(new URL('../src/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'io-image-doc-'));
const fixture = (f: string): string => new URL(`./fixtures/files/${f}`, import.meta.url).pathname;
copyFileSync(fixture('rgb.jpg'), join(dir, 'photo.jpg'));
copyFileSync(fixture('grey16.tif'), join(dir, 'scan.tif'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** Drops imports, rewrites file names into the temp folder, and turns `expr; // value` lines into checks. */
function instrument(code: string): string {
  return code
    .split('\n')
    .filter((line) => !/^\s*import\b/.test(line))
    .map((line) => line.replace(/'([\w.-]+\.(?:jpg|tif|png|pdf))'/g, (_, f: string) => JSON.stringify(join(dir, f))))
    .map((line) => {
      const m = /^(\s*)(?:const|let)\s/.test(line) ? null : /^(\s*)(.+?);\s*\/\/\s*(.+)$/.exec(line);
      return m ? `${m[1]}__check(${m[2]}, ${JSON.stringify(m[3])});` : line;
    })
    .join('\n');
}

/** The value a comment starts with (a number, a quoted string, an array), or undefined. */
function leading(comment: string): { ok: boolean; value?: unknown } {
  const text = comment.split(/\s{2,}|\s\(/)[0]?.trim() ?? '';
  try {
    return { ok: true, value: JSON.parse(text.replace(/'/g, '"')) };
  } catch {
    return { ok: false };
  }
}

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
      if (!/\bawait\b/.test(example.code)) {
        const { checks } = runDocExample(example, scope);
        for (const c of checks)
          if (!docValuesMatch(c.actual, c.expected)) expect(c.actual, c.comment).toEqual(c.expected);
        checked += checks.length;
        return;
      }
      const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'var');
      const checks: { actual: unknown; comment: string }[] = [];
      const fn = new AsyncFunction('__check', ...names, instrument(example.code));
      await fn((actual: unknown, comment: string) => checks.push({ actual, comment }), ...names.map((n) => scope[n]));
      for (const c of checks) {
        const e = leading(c.comment);
        if (e.ok) {
          expect(c.actual, c.comment).toEqual(e.value);
          checked++;
        }
      }
    });
  }
  it('checks the examples', () => {
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
