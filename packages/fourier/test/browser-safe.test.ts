/**
 * The main entry must run unchanged in browsers (DESIGN §1): no `node:` imports and no Node
 * globals anywhere in `src/`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('browser safety of the main entry', () => {
  const files = sources(src);
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const file of files) {
    it(file.slice(src.length), () => {
      // Code only: doc comments may show Node usage in examples.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(text).not.toMatch(/from ['"]node:/);
      expect(text).not.toMatch(/\b(Buffer|process|require)\s*[.(]/);
    });
  }
});
