#!/usr/bin/env node
/**
 * The `ndimage` executable: runs {@link main} on the process's argv and streams, exits with its code.
 */
import { fileURLToPath } from 'node:url';
import { withHugePages } from './huge-pages.js';
import { main } from './main.js';

// A reader that stops early (`ndimage --help | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

const argv = process.argv.slice(2);
// Large inputs: the same command in a child process with huge pages on (see huge-pages.ts).
const restarted = await withHugePages(argv, fileURLToPath(import.meta.url));
process.exitCode =
  restarted ??
  (await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  }));
