/**
 * `ndimage demo`: every figure's PNG is written, non-empty and readable, index.html shows them
 * all with their captions, and the counts it reports are the library's.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imread } from '@ndimage/io-image';
import { afterAll, expect, it } from 'vitest';
import { main } from '../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'ndimage-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes the chapter’s figures and an index.html', async () => {
  const out: string[] = [];
  const code = await main(['demo', join(dir, 'out')], {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: () => undefined },
  });
  expect(code).toBe(0);
  const html = readFileSync(join(dir, 'out', 'index.html'), 'utf8');
  const files = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string);
  expect(files.length).toBeGreaterThanOrEqual(20);
  for (const f of files) {
    const path = join(dir, 'out', f);
    expect(existsSync(path), f).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(100);
  }
  expect((await imread(join(dir, 'out', 'coins_labels.png'))).shape).toEqual([303, 384, 3]);
  expect(html).toMatch(/Figure 1-12.*\d+ objects; after a binary opening with a 9×5 box, twice: \d+ objects/s);
  expect(html).toContain("the book's algorithm: 43 iterations");
  expect(html).toMatch(/twice: \d+ objects, touching coins still merged .*the distance transform has \d+ peaks/);
  expect((await imread(join(dir, 'out', 'coins_watershed.png'))).shape).toEqual([303, 384, 3]);
  expect(out.join('')).toMatch(/images and index.html in/);
});
