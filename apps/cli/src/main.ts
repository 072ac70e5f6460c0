/**
 * The `ndimage` command's entry point, kept apart from `bin.ts` so tests can call it with their
 * own argv and streams. Arguments are parsed by commander; every command reads its input by
 * extension (images, .npy, .mat), calls the library, and writes the output safely (files.ts).
 *
 * Exit codes: 0 success, 1 runtime error (a file, the data), 2 usage error (a flag). Errors are
 * one line on stderr, `ndimage: error: …`, naming the file and the problem; `--debug` adds the stack.
 *
 * @packageDocumentation
 */

import { NdImageError } from '@ndimage/core-array';
import { Command, CommanderError, Option } from 'commander';
import { registerCommands } from './commands.js';
import { UsageError } from './usage.js';

export { UsageError } from './usage.js';

/** Where the command writes; `process.stdout`/`stderr` in the real bin. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The command's version, from its package.json at build time. */
export const VERSION: string = '0.0.0';

/**
 * Runs the command with `argv` (without `node` and the script path) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await main(['--version'], { stdout: process.stdout, stderr: process.stderr }); // prints 0.0.0
 * ```
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const program = new Command('ndimage')
    .description("scipy.ndimage's image processing from a terminal: images, .npy and .mat files in and out.")
    .version(VERSION, '-V, --version')
    .addOption(new Option('--debug', 'print the stack of errors'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined,
    })
    .showHelpAfterError(false);
  registerCommands(program, io);
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      io.stderr.write(`ndimage: error: ${e.message.replace(/^error: /, '')} (see 'ndimage --help')\n`);
      return 2;
    }
    const debug = argv.includes('--debug');
    if (e instanceof UsageError) {
      io.stderr.write(`ndimage: error: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`ndimage: error: ${message}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    // Bad option values the library rejects are usage errors; files and data are runtime errors.
    return e instanceof NdImageError && e.code === 'ERR_INVALID_ARGUMENT' && e.path === undefined ? 2 : 1;
  }
}
