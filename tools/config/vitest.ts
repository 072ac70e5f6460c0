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
      // Generous limits that only a real hang reaches: the suite must pass on a 2-core machine
      // with both cores busy (tests never assert a duration; bombs are bounded by counts).
      testTimeout: 300_000,
      hookTimeout: 300_000,
    },
  });
}
