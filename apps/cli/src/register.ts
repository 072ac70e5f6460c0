/**
 * Puts the registry's commands on the commander program (each command's own flags first, then
 * the shared ones), and runs a command on its positionals: one input here (with iteration
 * progress for denoise); several inputs, a folder, a glob or `--out-dir` as a batch on worker
 * threads (batch.ts). Errors name the flags a user typed, not the library's option names.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { NdImageError } from '@ndimage/core-array';
import { enableThreads } from '@ndimage/core-array/parallel';
import { type Command, Option } from 'commander';
import { isDynamicPattern } from 'tinyglobby';
import { expandInputs, planOutputs, runTasks, type Task } from './batch.js';
import { COMMANDS, type CommandSpec, type Report } from './commands/index.js';
import { runDemo } from './demo.js';
import { checkTarget, FORMATS, type Streams } from './files.js';
import type { CliIO } from './main.js';
import { type Common, integer, modeFlag, number, oneOf, SCALES } from './options.js';
import { progressFor } from './progress.js';
import { UsageError } from './usage.js';

/**
 * Elements from which one file's `denoiseTv` runs on the worker pool (as the library's own
 * threshold). Measured whole commands on 2 cores: a 2048² `denoise --method fgp` 1.64× faster
 * (4.56 → 2.78 s, 100 iterations). The filters' threads are not used: a 2048² blur or Sobel
 * gained nothing (0.39 s either way) and a 4096² blur 3 % (0.86 → 0.84 s), reading, writing and
 * starting the pool being most of the command.
 */
const THREADED_SOLVER = 1 << 18;

const isDirectory = (f: string): boolean => existsSync(f) && statSync(f).isDirectory();

/** Set by the actions: the exit code of a batch with failures. */
export interface RunState {
  code: number;
  /** `--debug`: print stacks. */
  debug: boolean;
}

/** Flags every command that reads an array takes. */
const reading = (c: Command): Command =>
  c
    .option('--var <name>', 'the .mat variable to read (default: the only numeric one)')
    .addOption(
      new Option(
        '--mode <mode>',
        "image mode 'L' (grey) or 'RGB', and/or boundary mode (reflect, nearest, …)",
      ).argParser(modeFlag),
    )
    .option('-q, --quiet', 'no progress output')
    .option(
      '-j, --jobs <n>',
      'threads for several inputs or one large denoise (default: all cores)',
      integer('--jobs', 1),
    );

/** Flags every command that writes an array takes; `scale` is its default `--scale` policy, for the help. */
const writing = (c: Command, scale = 'clip'): Command =>
  reading(c)
    .option('-f, --force', 'overwrite outputs that exist')
    .option('-o, --out-dir <dir>', 'write each input to DIR under its own name (several inputs)')
    .option(
      '--format <f>',
      `format of stdout (-) and of --out-dir files: ${FORMATS.join(', ')}`,
      oneOf('--format', FORMATS),
    )
    .option('--out-var <name>', 'the .mat variable to write', 'out')
    .addOption(
      new Option('--scale <policy>', `how float results become 8-bit pixels (default: ${scale})`).choices(
        SCALES as string[],
      ),
    );

/** The filters' boundary value (their boundary mode comes with --mode). */
const boundaryValue = (c: Command): Command =>
  c.option('--cval <c>', 'the value outside the image for --mode constant (default 0)', number('--cval'));

/** Registers every command of the registry, and `demo`, on `program`. */
export function registerCommands(program: Command, io: CliIO & { stdin?: Streams['stdin'] }, state: RunState): void {
  for (const spec of COMMANDS) {
    const c = program.command(spec.name);
    for (const a of spec.leading ?? []) c.argument(`<${a.name}>`, a.description);
    c.argument(spec.output === 'writes' ? '<files...>' : '<inputs...>');
    spec.define(c);
    if (spec.output === 'writes') writing(c, spec.scale);
    else reading(c);
    if (spec.boundary) boundaryValue(c);
    c.action(async (...args: unknown[]) => {
      // commander passes the positionals, then the options, then the command.
      const o = { ...(args[args.length - 2] as Common & Record<string, unknown>) };
      const positionals = args.slice(0, -2) as (string | string[])[];
      for (const a of spec.leading ?? []) o[a.name] = positionals.shift();
      state.code = await dispatch(spec, c, positionals.flat(), o, io, state);
    });
  }

  program
    .command('demo')
    .argument('[outdir]', 'where to write the figures', 'ndimage-demo')
    .description('the textbook chapter’s figures on the bundled images: PNGs and an index.html')
    .option('-q, --quiet', 'print nothing (errors still go to stderr)')
    .addHelpText(
      'after',
      "\nExamples:\n  ndimage demo out && open out/index.html\n\nThe demo writes its own file names in OUTDIR (replacing an earlier demo's) and nothing else.\n",
    )
    .action(async (outdir: string, o: { quiet?: boolean }) => {
      const t0 = performance.now();
      const say = (line: string): void => {
        if (!o.quiet) io.stdout.write(`${line}\n`);
      };
      const figures = await runDemo(outdir, say);
      const files = figures.reduce((n, f) => n + f.images.length, 0);
      say(`${files} images and index.html in ${outdir} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    });
}

/**
 * The flag a user typed for each option name that can reach an error message: the command's
 * own flags by commander's attribute name (`tvWeight` → `--tv-weight`), and the library's names
 * the command declares (`weight` → `--tv-weight`).
 */
function flagNames(spec: CommandSpec, c: Command): Map<string, string> {
  const names = new Map<string, string>();
  for (const opt of c.options) if (opt.long !== undefined) names.set(opt.attributeName(), opt.long);
  for (const [name, flag] of Object.entries(spec.flagsFor ?? {})) names.set(name, flag);
  return names;
}

/** `message` with each `` `name` `` of a flag's option replaced by the flag. */
function withFlags(message: string, names: ReadonlyMap<string, string>): string {
  return message.replace(/`([A-Za-z][A-Za-z0-9]*)`/g, (whole, name: string) => names.get(name) ?? whole);
}

/** The same error, its message naming flags (the code, and so the exit code, kept). */
function renamed(e: unknown, names: ReadonlyMap<string, string>): unknown {
  if (!NdImageError.isInstance(e)) return e;
  const message = withFlags(e.message, names);
  if (message === e.message) return e;
  return new NdImageError(e.code, message, { argument: e.argument, path: e.path, byteOffset: e.byteOffset, cause: e });
}

/** Runs `spec` on its positionals: one input here, several as a batch. Returns the exit code. */
async function dispatch(
  spec: CommandSpec,
  c: Command,
  files: string[],
  options: Common & Record<string, unknown>,
  io: CliIO & { stdin?: Streams['stdin'] },
  state: RunState,
): Promise<number> {
  const o = options;
  if (o.mode?.boundary !== undefined && !spec.boundary)
    throw new UsageError(
      `--mode ${o.mode.boundary} is a boundary mode; ${spec.name} has none (${COMMANDS.filter((x) => x.boundary)
        .map((x) => x.name)
        .join(', ')} do)`,
    );
  const names = flagNames(spec, c);
  const writes = spec.output === 'writes';
  const streams: Streams = { stdin: io.stdin, stdout: io.stdout };
  // A batch: --out-dir, several inputs to a printing command, a folder, or a glob no file is named.
  const batch =
    o.outDir !== undefined ||
    (!writes && files.length > 1) ||
    files.some((f) => f !== '-' && (isDirectory(f) || (!existsSync(f) && isDynamicPattern(f))));
  const json = o.json === true;

  if (!batch) {
    if (writes && files.length !== 2)
      throw new UsageError(
        `${spec.name} takes IN OUT (got ${files.length} file${files.length === 1 ? '' : 's'}); for several inputs use --out-dir DIR`,
      );
    const [input, output] = files as [string, string | undefined];
    if (output !== undefined) checkTarget(output, { force: o.force, inputs: [input] });
    for (const extraOut of [o.texture, o.labels])
      if (typeof extraOut === 'string') checkTarget(extraOut, { force: o.force, inputs: [input] });
    const progress = progressFor(io.stderr, { quiet: o.quiet, what: spec.name });
    let report: Report | undefined;
    try {
      report = await spec.job(input, output, o, {
        streams,
        onIteration: (it, v) => progress.iteration(it, v),
        threadsFor: (a) => {
          // One large file: the solver's row-band threads (bit-identical to one thread).
          const jobs = (o.jobs as number | undefined) ?? availableParallelism();
          if (jobs < 2 || a.size < THREADED_SOLVER) return undefined;
          enableThreads(jobs);
          return 'auto';
        },
      });
    } catch (e) {
      throw renamed(e, names);
    } finally {
      progress.stop();
    }
    if (report !== undefined) {
      // When stdout carries the data (OUT, --texture or --labels is '-'), the report goes to stderr.
      const piped = [output, o.texture, o.labels].includes('-');
      (piped ? io.stderr : io.stdout).write(`${json ? JSON.stringify(report.json) : report.text}\n`);
    }
    return 0;
  }

  // A batch: several inputs, a folder or a glob.
  if (!writes && o.outDir !== undefined) throw new UsageError(`${spec.name} has no output; --out-dir does not apply`);
  if (writes && o.outDir === undefined)
    throw new UsageError(`several inputs need --out-dir DIR (the outputs are named after the inputs)`);
  for (const flag of ['texture', 'labels'] as const)
    if (o[flag] !== undefined) throw new UsageError(`--${flag} takes one input, not a batch`);
  const inputs = await expandInputs(files);
  const outputs = writes ? planOutputs(inputs, o.outDir as string, o.format) : inputs.map(() => undefined);
  if (writes)
    for (const [i, out] of outputs.entries())
      checkTarget(out as string, { force: o.force, inputs: [inputs[i] as string] });
  const tasks: Task[] = inputs.map((input, i) => ({ command: spec.name, input, output: outputs[i], options: o }));
  const results = await runTasks(tasks, {
    jobs: o.jobs as number | undefined,
    progress: progressFor(io.stderr, { quiet: o.quiet, what: spec.name }),
  });

  const reports: Record<string, unknown>[] = [];
  let failures = 0;
  let code = 0;
  results.forEach((r, i) => {
    const input = inputs[i] as string;
    if (r.ok) {
      if (r.report === undefined) return;
      if (json) reports.push({ file: input, ...r.report.json });
      else io.stdout.write(`${input}: ${r.report.text.replaceAll('\n', `\n${input}: `)}\n`);
    } else {
      failures++;
      code = Math.max(code, r.code);
      const message = withFlags(r.message, names);
      io.stderr.write(`ndimage: error: ${message.includes(input) ? message : `${input}: ${message}`}\n`);
      if (state.debug && r.stack) io.stderr.write(`${r.stack}\n`);
    }
  });
  if (json && reports.length > 0) io.stdout.write(`${JSON.stringify(reports)}\n`);
  if (failures > 0) io.stderr.write(`ndimage: ${failures} of ${inputs.length} files failed\n`);
  return code;
}
