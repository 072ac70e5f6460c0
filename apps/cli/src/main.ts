/**
 * The `ndimage` command's entry point, kept apart from `bin.ts` so tests can call it with
 * their own argv and streams.
 *
 * This is the command's skeleton: `--help`, `--version`, and one clear error line with a
 * non-zero exit for anything else. The commands (gaussian, sobel, label, count, morph,
 * denoise, info, convert, demo) arrive with the CLI issue (#8).
 *
 * @packageDocumentation
 */

/** Where the command writes; `process.stdout`/`stderr` in the real bin. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The command's version, from its package.json at build time. */
export const VERSION: string = '0.0.0';

const HELP = `Usage: ndimage <command> [options]

scipy.ndimage's image processing from a terminal.

Options:
  -h, --help     show this help
  -V, --version  print the version

No commands are available yet in this version: they come with the next releases
(gaussian, sobel, prewitt, derivative, label, count, morph, denoise, info, convert, demo).
`;

/**
 * Runs the command with `argv` (without `node` and the script path) and returns the exit code:
 * 0 on success, 2 for a usage error (one line on stderr, `ndimage: error: …`).
 *
 * @example
 * ```ts
 * const code = await main(['--version'], { stdout: process.stdout, stderr: process.stderr }); // prints 0.0.0
 * ```
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [first] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
  io.stderr.write(`ndimage: error: ${what} (see 'ndimage --help')\n`);
  return 2;
}
