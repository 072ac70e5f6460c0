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

import { createRequire } from 'node:module';
import { Argument, Command, CommanderError, Option } from 'commander';
import { completionScript } from './completion.js';
import type { Streams } from './files.js';
import { registerCommands } from './register.js';
import { exitCodeOf } from './usage.js';

export { UsageError } from './usage.js';

/**
 * Where the command reads and writes: `process.stdin`/`stdout`/`stderr` in the real bin. stdout
 * takes text (results) and bytes (an array written to `-`); `isTTY` on stderr turns on the
 * progress bar, on stdout it refuses binary output, on stdin it refuses to wait for a pipe.
 */
export interface CliIO {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin?: Streams['stdin'];
}

/** The command's version, from its package.json (one level up from both src/ and dist/). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

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
  const state = { code: 0, debug: argv.includes('--debug') };
  registerCommands(program, io, state);
  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .description('print a shell completion script')
    .addHelpText(
      'after',
      '\nExamples:\n  source <(ndimage completion bash)\n  ndimage completion fish > ~/.config/fish/completions/ndimage.fish\n',
    )
    .action((shell: 'bash' | 'zsh' | 'fish') => {
      io.stdout.write(completionScript(program, shell));
    });
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      // Point to the help of the command that was typed, where its flags are.
      const typed = argv.find((a) => !a.startsWith('-'));
      const help = program.commands.some((c) => c.name() === typed) ? `ndimage ${typed} --help` : 'ndimage --help';
      io.stderr.write(
        `ndimage: error: ${e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see '${help}')\n`,
      );
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`ndimage: error: ${message.split('\n')[0]}\n`);
    if (argv.includes('--debug') && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return exitCodeOf(e);
  }
}
