#!/usr/bin/env node
/**
 * The `ndimage` executable: runs {@link main} on the process's argv and streams, exits with its code.
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
