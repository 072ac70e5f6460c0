/**
 * Runs the `@example` blocks of this package's TSDoc. They are async (files), so they run here as
 * async functions in a temporary folder holding the test.mat they read (x = [1 2; 3 4]), and every
 * `expr; // value` line is checked (values as JSON).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@ndimage/core-array';
import { collectDocExamples } from '@ndimage/core-array/testing';
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

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** Drops imports, points file names into the temp folder, turns `expr; // value` lines into checks. */
function instrument(code: string): string {
  return code
    .split('\n')
    .filter((line) => !/^\s*import\b/.test(line))
    .map((line) => line.replace(/'([\w.-]+\.mat)'/g, (_, f: string) => JSON.stringify(join(dir, f))))
    .map((line) => {
      const m = /^(\s*)(?:const|let)\s/.test(line) ? null : /^(\s*)(.+?);\s*\/\/\s*(.+)$/.exec(line);
      return m ? `${m[1]}__check(${m[2]}, ${JSON.stringify(m[3])});` : line;
    })
    .join('\n');
}

/** The value a comment starts with (JSON), or undefined. */
function leading(comment: string): { ok: boolean; value?: unknown } {
  const text = comment.split(/\s{2,}|\s\(/)[0]?.trim() ?? '';
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

describe('TSDoc examples', () => {
  const scope: Record<string, unknown> = { ...core, ...api };
  let checked = 0;
  for (const example of examples) {
    it(`${example.file} #${example.index}`, async () => {
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
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
