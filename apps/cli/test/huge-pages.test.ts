/**
 * The restart with huge pages (src/huge-pages.ts): a large input runs the command in a child with
 * `glibc.malloc.hugetlb=1` added to GLIBC_TUNABLES, its exit code passed on; small inputs, an
 * environment that has the tunable already, and `NDIMAGE_HUGE_PAGES=0` stay in this process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_PAGES_FROM, withHugePages } from '../src/huge-pages.js';
import { tempFolder } from './helpers.js';

const { at } = tempFolder('huge');
const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
const glibc = process.platform === 'linux' && typeof report?.header?.glibcVersionRuntime === 'string';

describe.runIf(glibc)('withHugePages', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    writeFileSync(at('big.bin'), new Uint8Array(HUGE_PAGES_FROM));
    writeFileSync(at('small.bin'), new Uint8Array(1024));
    // The child records its tunables and its arguments, and exits with 7.
    writeFileSync(
      at('child.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(at('seen.json'))}, JSON.stringify({ tunables: process.env.GLIBC_TUNABLES, argv: process.argv.slice(2) }));\nprocess.exit(7);\n`,
    );
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('restarts for a large input, adding the tunable to those already set', async () => {
    delete process.env.NDIMAGE_HUGE_PAGES;
    process.env.GLIBC_TUNABLES = 'glibc.malloc.arena_max=2';
    expect(await withHugePages(['info', at('big.bin'), '--json'], at('child.mjs'))).toBe(7);
    const seen = JSON.parse(readFileSync(at('seen.json'), 'utf8'));
    expect(seen).toEqual({
      tunables: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
      argv: ['info', at('big.bin'), '--json'],
    });
  });

  it('stays in this process for small inputs, when the tunable is set, or when turned off', async () => {
    delete process.env.GLIBC_TUNABLES;
    delete process.env.NDIMAGE_HUGE_PAGES;
    expect(await withHugePages(['info', at('small.bin')], at('child.mjs'))).toBeUndefined();
    expect(await withHugePages(['--version'], at('child.mjs'))).toBeUndefined();
    process.env.GLIBC_TUNABLES = 'glibc.malloc.hugetlb=1';
    expect(await withHugePages(['info', at('big.bin')], at('child.mjs'))).toBeUndefined();
    delete process.env.GLIBC_TUNABLES;
    process.env.NDIMAGE_HUGE_PAGES = '0';
    expect(await withHugePages(['info', at('big.bin')], at('child.mjs'))).toBeUndefined();
  });
});
