#!/usr/bin/env node
/**
 * The `ndimage` executable: runs {@link main} on the process's argv and streams, exits with its code.
 */
import { main } from './main.js';

// A reader that stops early (`ndimage --help | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
