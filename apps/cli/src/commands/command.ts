/**
 * What a command is: its name, its flags and help (commander), and its job — the work on one
 * input. Every command of `ndimage` is one module in this folder exporting one of these, listed
 * once in `index.ts`; the registration, the single-file and batch dispatch, progress and errors
 * are shared (register.ts, batch.ts).
 */
import type { NdArray } from '@ndimage/core-array';
import type { Command } from 'commander';
import type { Streams } from '../files.js';
import type { Common } from '../options.js';

/** What a job prints: a line of text, or the same numbers as JSON with `--json`. */
export interface Report {
  text: string;
  json: Record<string, unknown>;
}

/** What a job may use besides its options. */
export interface JobContext {
  /** For `-` (stdin/stdout). */
  streams?: Streams;
  /** Iteration progress of long operations (denoise). */
  onIteration?: (iteration: number, value: number) => void;
  /**
   * The `threads` option for an iterative solver on `a` (undefined: one thread). A single large
   * file uses the worker pool; batch files run one per thread and pass nothing.
   */
  threadsFor?: (a: NdArray) => 'auto' | undefined;
}

/**
 * One command's work on one input; `out` is undefined for commands without an output. The
 * options are commander's parsed flags (plain data, so a batch can send them to worker threads),
 * with the leading positionals (see {@link CommandSpec.leading}) under their names.
 */
// biome-ignore lint/suspicious/noExplicitAny: each job declares the flags it reads; the registry stores them side by side
export type Job<O extends Common = any> = (
  input: string,
  out: string | undefined,
  o: O,
  ctx: JobContext,
) => Promise<Report | undefined>;

/** One `ndimage` command. */
export interface CommandSpec {
  /** The command's name on the command line. */
  name: string;
  /** `writes`: `IN OUT` (or `IN… --out-dir DIR`); `prints`: `IN…`, the result printed. */
  output: 'writes' | 'prints';
  /** Positional arguments before the files, handed to the job as options of these names (morph's operation). */
  leading?: readonly { name: string; description: string }[];
  /** Takes a boundary `--mode` (reflect, nearest, …) and `--cval`: the filters. */
  boundary?: boolean;
  /** For commands that write: the `--scale` policy used when the flag is absent, as `--help` shows it. */
  scale?: string;
  /** Library option names that reach errors, and the flag a user types for each (`weight` → `--tv-weight`). */
  flagsFor?: Readonly<Record<string, string>>;
  /** Adds the command's usage line, description, own flags and examples (shared flags come after). */
  define(c: Command): Command;
  /** The work on one input. */
  job: Job;
}

/** The "Examples:" block of a command's help. */
export const examples = (lines: string): string => `\nExamples:\n${lines}\n`;
