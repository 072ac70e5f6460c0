#!/usr/bin/env node
/**
 * `pnpm test` in a package: `vitest run` with the system temp folder pointed at a fresh folder of
 * the package's own (`node_modules/.tmp/run-<pid>`), removed when the run ends, whatever the
 * tests, vitest itself (its module cache) or the processes they start leave there. A run that is
 * killed leaves its folder inside the package, never in the system temp folder.
 *
 * Usage (from a package folder): node ../../tools/run-tests.mjs [vitest arguments…]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const tmp = join(process.cwd(), 'node_modules', '.tmp', `run-${process.pid}`);
mkdirSync(tmp, { recursive: true });
const cleanup = () => rmSync(tmp, { recursive: true, force: true });

const pkg = createRequire(join(process.cwd(), 'package.json')).resolve('vitest/package.json');
const vitest = join(dirname(pkg), 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
