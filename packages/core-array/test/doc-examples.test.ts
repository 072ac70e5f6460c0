/**
 * Runs the `@example` blocks of the TSDoc comments: a line `expr; // value` must give `value`, a
 * line `expr; // throws …` must throw. Examples that need something outside this package (files,
 * other packages, an image `im`) are skipped when they reach for it, and counted.
 *
 * The blocks are evaluated with `new Function`, which is fine in a test and never in the library.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as testing from '../src/testing/index.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The code blocks inside `@example` tags, without the leading ` * `. */
function examples(text: string): string[] {
  const out: string[] = [];
  const re = /@example\s*\n((?:\s*\*.*\n)+?)\s*\*\s*(?:@|\/)/g;
  for (const m of text.matchAll(re)) {
    const lines = (m[1] as string).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    const code = lines.join('\n').match(/```ts\n([\s\S]*?)```/);
    if (code) out.push(code[1] as string);
  }
  return out;
}

/** The value at the start of a comment (`[1, 2]  (a[::-1])` → `[1, 2]`), or undefined. */
function leadingValue(comment: string): { ok: true; value: unknown } | { ok: false } {
  const c = comment.trim();
  let end = -1;
  if (c.startsWith('[')) {
    let depth = 0;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === '[') depth++;
      else if (c[i] === ']' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
  } else {
    const m = c.match(/^('[^']*'|-?\d+(\.\d+)?(e[+-]?\d+)?n?|true|false|NaN|-?Infinity)(?=\s|$|\))/);
    if (m) end = (m[0] as string).length;
  }
  if (end < 0) return { ok: false };
  const literal = c.slice(0, end);
  try {
    // A literal of numbers, strings, arrays, bigints, NaN and Infinity: evaluate it as JS.
    return { ok: true, value: new Function(`return (${literal});`)() };
  } catch {
    return { ok: false };
  }
}

/** Turns `expr; // value` lines into checks; drops imports of this package. */
function instrument(code: string): string {
  return code
    .split('\n')
    .map((line) => {
      if (/^\s*import .* from '@ndimage\/core-array(\/testing)?';\s*$/.test(line)) return '';
      const m = line.match(/^(\s*)(.*?);\s*\/\/\s*(.*)$/);
      if (!m || /^\s*(const|let|for|if|throw|try|\})/.test(m[2] as string)) return line;
      const [, indent, expr, comment] = m as unknown as [string, string, string, string];
      if (/^throws\b/.test(comment)) return `${indent}__throws(() => (${expr}));`;
      const v = leadingValue(comment);
      if (!v.ok) return line;
      return `${indent}__check((${expr}), ${JSON.stringify(comment)});`;
    })
    .join('\n');
}

// Every export by name, except `var` (an alias of `variance`), which cannot be a parameter name.
const scope: Record<string, unknown> = Object.fromEntries(
  Object.entries({ ...api, ...testing }).filter(([name]) => name !== 'var'),
);

describe('TSDoc examples', () => {
  const files = sources(src);
  let checked = 0;
  for (const file of files) {
    const blocks = examples(readFileSync(file, 'utf8'));
    blocks.forEach((block, i) => {
      it(`${relative(src, file)} #${i + 1}`, () => {
        const checks: [unknown, string][] = [];
        const body = instrument(block);
        // Node-only usage (reading files) is shown, not run.
        if (/^\s*import\b|import\.meta/m.test(body)) return;
        // A quiet console: examples may log; the test output should not.
        const quiet = { log: () => undefined };
        const fn = new Function('__check', '__throws', 'console', ...Object.keys(scope), body);
        try {
          fn(
            (actual: unknown, comment: string) => checks.push([actual, comment]),
            (thunk: () => unknown) => expect(thunk).toThrow(),
            quiet,
            ...Object.values(scope),
          );
        } catch (e) {
          // Examples that use what this package does not have (files, images, other packages).
          if (e instanceof ReferenceError || (e instanceof TypeError && /is not a function/.test(e.message))) return;
          throw e;
        }
        for (const [actual, comment] of checks) {
          const expected = leadingValue(comment);
          if (!expected.ok) continue;
          const value = actual instanceof api.NdArray ? actual.toArray() : actual;
          expect(value, `${relative(src, file)}: ${comment}`).toEqual(expected.value);
          checked++;
        }
      });
    });
  }
  it('checks a good number of example lines', () => {
    // 121 at the time of writing: a sudden drop means the extraction broke, not the docs.
    expect(checked).toBeGreaterThan(100);
  });
});
