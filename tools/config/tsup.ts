/**
 * The one tsup setup every package builds with: ESM + .d.ts, sourcemaps, sibling packages and
 * `node:` modules left external. A package's `tsup.config.ts` passes its entries.
 */
import { defineConfig, type Options } from 'tsup';

export function packageBuild(entry: Record<string, string> = { index: 'src/index.ts' }, extra: Partial<Options> = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'es2022',
    platform: 'neutral',
    // The build reads siblings through their built .d.ts, not their source (tsconfig.build.json
    // drops the source condition), so declarations never inline another package.
    tsconfig: 'tsconfig.build.json',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    external: [/^node:/, /^@ndimage\//],
    // Keep `node:` specifiers as written (tsup strips them by default), so Node-only imports stay obvious.
    removeNodeProtocol: false,
    ...extra,
  });
}
