/**
 * Runs the `@example` blocks of TSDoc comments, so documentation that drifts from the code fails
 * a test: a line `expr; // value` must give `value` (arrays compared through `toArray()`), a line
 * `expr; // throws …` must throw. Imports of `@ndimage/*` packages are dropped (the caller
 * provides their exports as the scope); blocks that import anything else (Node's fs, say) or
 * reach for names the scope lacks are reported as skipped.
 *
 * Evaluation uses `new Function`: test tooling only, never the libraries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One `@example` code block. */
export interface DocExample {
  /** Source file, relative to the folder searched. */
  file: string;
  /** 1-based position among the file's examples. */
  index: number;
  code: string;
}

/** One checked line of an example. */
export interface DocCheck {
  comment: string;
  actual: unknown;
  expected: unknown;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every `@example` block in the `.ts` files below `srcDir` (tests excluded).
 *
 * @example
 * ```ts
 * import { collectDocExamples } from '@ndimage/core-array/testing';
 * const examples = collectDocExamples(new URL('../src/', import.meta.url));
 * ```
 */
export function collectDocExamples(srcDir: string | URL): DocExample[] {
  const root = typeof srcDir === 'string' ? srcDir : fileURLToPath(srcDir);
  const out: DocExample[] = [];
  for (const path of sources(root)) {
    const text = readFileSync(path, 'utf8');
    let index = 0;
    for (const m of text.matchAll(/@example\s*\n((?:\s*\*.*\n)+?)\s*\*\s*(?:@|\/)/g)) {
      const lines = (m[1] as string).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const code = lines.join('\n').match(/```ts\n([\s\S]*?)```/);
      if (code) out.push({ file: relative(root, path), index: ++index, code: code[1] as string });
    }
  }
  return out;
}

/** The value at the start of a comment (`[1, 2]  (a[::-1])` → `[1, 2]`; arrays, objects, scalars), or none. */
function leadingValue(comment: string): { ok: true; value: unknown } | { ok: false } {
  const c = comment.trim();
  let end = -1;
  if (c.startsWith('[') || c.startsWith('{')) {
    let depth = 0;
    for (let i = 0; i < c.length; i++) {
      if (c[i] === '[' || c[i] === '{') depth++;
      else if ((c[i] === ']' || c[i] === '}') && --depth === 0) {
        end = i + 1;
        break;
      }
    }
  } else {
    const m = c.match(/^('[^']*'|-?\d+(\.\d+)?(e[+-]?\d+)?n?|true|false|NaN|-?Infinity)(?=\s|$|\))/);
    if (m) end = (m[0] as string).length;
  }
  if (end < 0) return { ok: false };
  try {
    return { ok: true, value: new Function(`return (${c.slice(0, end)});`)() };
  } catch {
    return { ok: false };
  }
}

/**
 * Turns `expr; // value` lines into checks and drops `@ndimage/*` imports. `async`: the code runs
 * in an async function, so a `throws` line also catches a rejected promise.
 */
function instrument(code: string, async: boolean): string {
  return code
    .split('\n')
    .map((line) => {
      if (/^\s*import .* from '@ndimage\/[a-z-]+(\/[a-z-]+)?';\s*$/.test(line)) return '';
      const m = line.match(/^(\s*)(.*?);\s*\/\/\s*(.*)$/);
      if (!m || /^\s*(const|let|for|if|throw|try|\})/.test(m[2] as string)) return line;
      const [, indent, expr, comment] = m as unknown as [string, string, string, string];
      if (/^throws\b/.test(comment))
        return async
          ? `${indent}await __throws(async () => (${expr}), ${JSON.stringify(comment)});`
          : `${indent}__throws(() => (${expr}), ${JSON.stringify(comment)});`;
      if (!leadingValue(comment).ok) return line;
      return `${indent}__check((${expr}), ${JSON.stringify(comment)});`;
    })
    .join('\n');
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);

const toPlain = (v: unknown): unknown => {
  if (v !== null && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function') {
    return (v as { toArray(): unknown }).toArray();
  }
  return ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<unknown>) : v;
};

/**
 * Whether a documented value matches: equal structure, numbers equal within `rtol` of the larger
 * magnitude (documentation may show SciPy's digits where we differ in the last bit), NaN = NaN.
 *
 * @example
 * ```ts
 * docValuesMatch([0.1 + 0.2], [0.3]); // true
 * docValuesMatch([1, 2], [1, 3]);     // false
 * docValuesMatch({ n: 1 }, { n: 1 }); // true
 * ```
 */
export function docValuesMatch(actual: unknown, expected: unknown, rtol = 1e-12): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Number.isNaN(actual) || Number.isNaN(expected)) return Number.isNaN(actual) && Number.isNaN(expected);
    if (actual === expected) return true;
    return Math.abs(actual - expected) <= rtol * Math.max(Math.abs(actual), Math.abs(expected));
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length === expected.length && actual.every((v, i) => docValuesMatch(v, expected[i], rtol));
  }
  if (isPlainObject(actual) && isPlainObject(expected)) {
    const keys = Object.keys(expected);
    return (
      Object.keys(actual).length === keys.length &&
      keys.every((k) => k in actual && docValuesMatch(actual[k], expected[k], rtol))
    );
  }
  return Object.is(actual, expected) || actual === expected;
}

/** The checks of one run, and the callbacks the instrumented code calls to record them. */
function recorder() {
  const checks: DocCheck[] = [];
  return {
    checks,
    check: (actual: unknown, comment: string): void => {
      const expected = leadingValue(comment);
      if (expected.ok) checks.push({ comment, actual: toPlain(actual), expected: expected.value });
    },
    throws: (thunk: () => unknown, comment: string): void => {
      let threw = false;
      try {
        thunk();
      } catch {
        threw = true;
      }
      checks.push({ comment, actual: threw, expected: true });
    },
    throwsAsync: async (thunk: () => Promise<unknown>, comment: string): Promise<void> => {
      let threw = false;
      try {
        await thunk();
      } catch {
        threw = true;
      }
      checks.push({ comment, actual: threw, expected: true });
    },
  };
}

/** Names of `scope` usable as parameters (identifiers, and not `var`). */
const paramNames = (scope: Record<string, unknown>): string[] =>
  Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'var');

/** An example that needs a name outside the scope (or an API the scope's values lack) is skipped. */
const missingName = (e: unknown): boolean =>
  e instanceof ReferenceError || (e instanceof TypeError && /is not a function/.test(e.message));

const QUIET = { log: () => undefined };

/**
 * Runs one example with `scope`'s names defined, and returns its checks (`skipped` when the
 * example needs something outside the scope). Names that are not identifiers (`var`) are left out.
 */
export function runDocExample(
  example: DocExample,
  scope: Record<string, unknown>,
): { skipped: boolean; checks: DocCheck[] } {
  const body = instrument(example.code, false);
  if (/^\s*import\b|import\.meta/m.test(body)) return { skipped: true, checks: [] };
  const names = paramNames(scope);
  const r = recorder();
  const fn = new Function('__check', '__throws', 'console', ...names, body);
  try {
    fn(r.check, r.throws, QUIET, ...names.map((n) => scope[n]));
  } catch (e) {
    if (missingName(e)) return { skipped: true, checks: [] };
    throw e;
  }
  return { skipped: false, checks: r.checks };
}

/** Options of {@link runDocExampleAsync}. */
export interface AsyncDocOptions {
  /** Rewrites each line first: point the file names an example reads or writes into a temp folder. */
  rewrite?: (line: string) => string;
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/**
 * {@link runDocExample} for examples that `await` (file I/O): the code runs as an async function,
 * and `throws` lines also catch rejected promises.
 *
 * @example
 * ```ts
 * const dir = mkdtempSync(join(tmpdir(), 'doc-'));
 * const { checks } = await runDocExampleAsync(example, scope, {
 *   rewrite: (line) => line.replace(/'(\w+\.png)'/g, (_, f) => JSON.stringify(join(dir, f))),
 * });
 * ```
 */
export async function runDocExampleAsync(
  example: DocExample,
  scope: Record<string, unknown>,
  options: AsyncDocOptions = {},
): Promise<{ skipped: boolean; checks: DocCheck[] }> {
  const rewrite = options.rewrite;
  const code = rewrite === undefined ? example.code : example.code.split('\n').map(rewrite).join('\n');
  const body = instrument(code, true);
  if (/^\s*import\b|import\.meta/m.test(body)) return { skipped: true, checks: [] };
  const names = paramNames(scope);
  const r = recorder();
  const fn = new AsyncFunction('__check', '__throws', 'console', ...names, body);
  try {
    await fn(r.check, r.throwsAsync, QUIET, ...names.map((n) => scope[n]));
  } catch (e) {
    if (missingName(e)) return { skipped: true, checks: [] };
    throw e;
  }
  return { skipped: false, checks: r.checks };
}
