/**
 * The one vitest setup every package tests with. The `@ndimage/source` condition makes imports
 * of sibling packages resolve to their `src/`, so tests need no build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export function packageTests() {
  return defineConfig({
    resolve: { conditions: ['@ndimage/source'] },
    ssr: { resolve: { conditions: ['@ndimage/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: [fileURLToPath(new URL('./fast-check-seed.ts', import.meta.url))],
      benchmark: { include: ['bench/**/*.bench.ts'] },
      passWithNoTests: true,
    },
  });
}
