/**
 * The commands' flags and help (commander), and the dispatch: one input runs here (with
 * iteration progress for denoise); several inputs, a folder, a glob or `--out-dir` run as a batch
 * on worker threads (batch.ts). The work itself is in jobs.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DTYPES } from '@ndimage/core-array';
import { enableThreads } from '@ndimage/core-array/parallel';
import type { Command } from 'commander';
import { Option } from 'commander';
import { isDynamicPattern } from 'tinyglobby';
import { expandInputs, planOutputs, runTasks, type Task } from './batch.js';
import { runDemo } from './demo.js';
import { checkTarget, FORMATS, type Streams } from './files.js';
import { JOBS, type Report, WRITES_OUTPUT } from './jobs.js';
import type { CliIO } from './main.js';
import { type Common, integer, modeFlag, number, numbers, oneOf, SCALES, sizes } from './options.js';
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

/** Flags every command that writes an array takes. */
const writing = (c: Command): Command =>
  reading(c)
    .option('-f, --force', 'overwrite outputs that exist')
    .option('-o, --out-dir <dir>', 'write each input to DIR under its own name (several inputs)')
    .option(
      '--format <f>',
      `format of stdout (-) and of --out-dir files: ${FORMATS.join(', ')}`,
      oneOf('--format', FORMATS),
    )
    .option('--out-var <name>', 'the .mat variable to write', 'out')
    .addOption(new Option('--scale <policy>', 'how float results become 8-bit pixels').choices(SCALES as string[]));

/** The filters' boundary value (their boundary mode comes with --mode). */
const FILTERS = new Set(['gaussian', 'sobel', 'prewitt', 'derivative']);
const boundaryValue = (c: Command): Command =>
  c.option('--cval <c>', 'the value outside the image for --mode constant (default 0)', number('--cval'));

const example = (lines: string): string => `\nExamples:\n${lines}\n`;

/** Registers every command on `program`. */
export function registerCommands(program: Command, io: CliIO & { stdin?: Streams['stdin'] }, state: RunState): void {
  const run =
    (command: string) =>
    async (...args: unknown[]) => {
      // commander passes the positionals, then the options, then the command.
      const o = args[args.length - 2] as Common & Record<string, unknown>;
      const positionals = args.slice(0, -2) as (string | string[])[];
      const files = positionals.flat();
      const extra: Record<string, unknown> = { debug: state.debug };
      if (command === 'morph') extra.op = files.shift();
      state.code = await dispatch(command, files, o, io, extra);
    };

  boundaryValue(
    writing(
      program
        .command('gaussian')
        .argument('<files...>')
        .usage('IN OUT --sigma S [options]  |  IN... --out-dir DIR --sigma S [options]')
        .description('Gaussian blur or derivative (scipy.ndimage.gaussian_filter); colour images per channel')
        .requiredOption('-s, --sigma <s>', 'σ, one or per axis (S[,S…])', numbers('--sigma', 0))
        .option('--order <o>', 'derivative order, one or per axis', numbers('--order', 0))
        .option('--truncate <t>', 'kernel radius in σ (default 4)', number('--truncate', 0))
        .option('--radius <r>', 'kernel radius, overriding --truncate', numbers('--radius', 0)),
    ),
  )
    .addHelpText(
      'after',
      example(
        '  ndimage gaussian photo.jpg blurred.png --sigma 5\n  ndimage gaussian shots/*.png -o blurred --sigma 2',
      ),
    )
    .action(run('gaussian'));

  for (const name of ['sobel', 'prewitt']) {
    boundaryValue(writing(program.command(name).argument('<files...>')))
      .usage('IN OUT [--axis A | --magnitude] [options]')
      .description(`${name} derivative along an axis, or the gradient magnitude (scipy.ndimage.${name})`)
      .option('--axis <a>', 'axis of the derivative (0 rows, 1 columns; default the last)', integer('--axis', 0))
      .option('--magnitude', 'the gradient magnitude √(Σ dₖ²)')
      .addHelpText('after', example(`  ndimage ${name} photo.png edges.png --magnitude --mode L`))
      .action(run(name));
  }

  boundaryValue(
    writing(
      program
        .command('derivative')
        .argument('<files...>')
        .usage('IN OUT --sigma S (--axis A | --magnitude) [options]')
        .description('Gaussian derivative (the textbook’s Figure 1-11) along an axis, or its magnitude')
        .requiredOption('-s, --sigma <s>', 'σ', numbers('--sigma', 0))
        .option('--axis <a>', 'axis (0 rows, 1 columns)', integer('--axis', 0))
        .option('--magnitude', 'the gradient magnitude (scipy.ndimage.gaussian_gradient_magnitude)')
        .option('--truncate <t>', 'kernel radius in σ (default 4)', number('--truncate', 0)),
    ),
  )
    .addHelpText('after', example('  ndimage derivative photo.png dx.png --sigma 5 --axis 1 --mode L'))
    .action(run('derivative'));

  const objects = (c: Command): Command =>
    c
      .option('-t, --threshold <t>', 'objects are pixels above T (below with --below)', number('--threshold'))
      .option('--below', 'objects are pixels below the threshold')
      .option('--connectivity <n>', '1 (4-neighbours) or 2 (8-neighbours)', integer('--connectivity', 1, 2), 1)
      .option('--json', 'print the count as JSON');

  writing(
    objects(
      program
        .command('label')
        .argument('<files...>')
        .usage('IN OUT [--threshold T [--below]] [--connectivity 1|2] [options]')
        .description('label connected objects (scipy.ndimage.label), print the count; image outputs in colour'),
    ),
  )
    .addHelpText(
      'after',
      example('  ndimage label coins.png labels.png --threshold 100\n  ndimage label mask.npy labels.npy'),
    )
    .action(run('label'));

  reading(
    objects(
      program
        .command('count')
        .argument('<inputs...>')
        .usage('IN... [--threshold T [--below]] [--open HxW [--iterations N]] [options]')
        .description('count objects: threshold, optionally open, label (the textbook’s count)')
        .option('--open <hxw>', 'binary opening with an H×W box first', sizes('--open'))
        .option('--iterations <n>', 'opening iterations', integer('--iterations', 1), 1)
        .option('--labels <out>', 'also write the label image (colour for images, int32 for .npy/.mat)')
        .option('-f, --force', 'overwrite the --labels file if it exists')
        .option('--format <f>', `format of --labels - (stdout): ${FORMATS.join(', ')}`, oneOf('--format', FORMATS)),
    ),
  )
    .addHelpText(
      'after',
      example(
        '  ndimage count coins.png --threshold 100 --open 5x5 --iterations 2\n  ndimage count scans/ --threshold 128 --below --json',
      ),
    )
    .action(run('count'));

  writing(
    program
      .command('morph')
      .argument('<operation>', 'erode, dilate, open, close or fill-holes')
      .argument('<files...>')
      .usage('erode|dilate|open|close|fill-holes IN OUT [options]')
      .description('binary morphology (scipy.ndimage.binary_erosion, …_dilation, …_opening, …_closing, …_fill_holes)')
      .option('--structure <s>', "HxW box, 'cross', or a .npy file", '3x3')
      .option('--iterations <n>', 'passes', integer('--iterations', 1), 1)
      .option('--border-value <v>', '0 or 1', integer('--border-value', 0, 1), 0)
      .option('-t, --threshold <t>', 'objects are pixels above T (below with --below)', number('--threshold'))
      .option('--below', 'objects are pixels below the threshold'),
  )
    .addHelpText('after', example('  ndimage morph open mask.png opened.png --structure 9x5 --iterations 2'))
    .action(run('morph'));

  writing(
    program
      .command('denoise')
      .argument('<files...>')
      .usage('IN OUT [--tv-weight W] [--method M] [--texture OUT2] [options]')
      .description('ROF denoising: the textbook’s algorithm (default) or a converging solver (--method)')
      .option('--tv-weight <w>', 'λ, the weight of total variation', number('--tv-weight', 0), 100)
      .option('--tau <t>', 'the book’s dual step (0.125)', number('--tau', 0))
      .option('--tolerance <e>', 'the book’s stopping tolerance (0.1)', number('--tolerance', 0))
      .option('--max-iterations <n>', 'iteration limit', integer('--max-iterations', 1))
      .addOption(
        new Option('--method <m>', 'book: the textbook; fgp, chambolle-pock, chambolle2005: stop at a 1e-3 duality gap')
          .choices(['book', 'fgp', 'chambolle-pock', 'chambolle2005'])
          .default('book'),
      )
      .option('--texture <out2>', 'also write the removed texture (IN − OUT)')
      .option('--json', 'print iterations and the final error or gap as JSON'),
  )
    .addHelpText(
      'after',
      example(
        '  ndimage denoise noisy.png clean.png --texture texture.png\n  ndimage denoise noisy.png clean.png --method fgp --tv-weight 30',
      ),
    )
    .action(run('denoise'));

  reading(
    program
      .command('info')
      .argument('<inputs...>')
      .usage('IN... [--var NAME] [--json]')
      .description('shape, dtype, min/max/mean; for .mat files the variables (scipy.io.whosmat)')
      .option('--json', 'print JSON'),
  )
    .addHelpText('after', example('  ndimage info photo.jpg\n  ndimage info scan.mat --json'))
    .action(run('info'));

  writing(
    program
      .command('convert')
      .argument('<files...>')
      .usage('IN OUT [--mode L|RGB] [--dtype D] [--scale P] [options]')
      .description('convert between images, .npy and .mat, and between image modes')
      .addOption(new Option('--dtype <d>', 'cast to a NumPy dtype (no scaling)').choices(DTYPES as string[])),
  )
    .addHelpText(
      'after',
      example('  ndimage convert photo.jpg grey.npy --mode L\n  ndimage convert data.mat - --format npy | python -c …'),
    )
    .action(run('convert'));

  program
    .command('demo')
    .argument('[outdir]', 'where to write the figures', 'ndimage-demo')
    .description('the textbook chapter’s figures on the bundled images: PNGs and an index.html')
    .option('-q, --quiet', 'print nothing (errors still go to stderr)')
    .addHelpText(
      'after',
      `${example('  ndimage demo out && open out/index.html')}\nThe demo writes its own file names in OUTDIR (replacing an earlier demo's) and nothing else.\n`,
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

/** Runs `command` on its positionals: one input here, several as a batch. Returns the exit code. */
async function dispatch(
  command: string,
  files: string[],
  o: Common & Record<string, unknown>,
  io: CliIO & { stdin?: Streams['stdin'] },
  extra: Record<string, unknown>,
): Promise<number> {
  const options = { ...o, ...extra } as Common & Record<string, unknown>;
  if (o.mode?.boundary !== undefined && !FILTERS.has(command))
    throw new UsageError(
      `--mode ${o.mode.boundary} is a boundary mode; ${command} has none (gaussian, sobel, prewitt and derivative do)`,
    );
  const writes = WRITES_OUTPUT.has(command);
  const streams: Streams = { stdin: io.stdin, stdout: io.stdout };
  // A batch: --out-dir, several inputs to a printing command, a folder, or a glob no file is named.
  const batch =
    o.outDir !== undefined ||
    (!writes && files.length > 1) ||
    files.some((f) => f !== '-' && (isDirectory(f) || (!existsSync(f) && isDynamicPattern(f))));
  const json = options.json === true;

  if (!batch) {
    if (writes && files.length !== 2)
      throw new UsageError(
        `${command} takes IN OUT (got ${files.length} file${files.length === 1 ? '' : 's'}); for several inputs use --out-dir DIR`,
      );
    const [input, output] = files as [string, string | undefined];
    if (output !== undefined) checkTarget(output, { force: o.force, inputs: [input] });
    for (const extraOut of [options.texture, options.labels])
      if (typeof extraOut === 'string') checkTarget(extraOut, { force: o.force, inputs: [input] });
    const progress = progressFor(io.stderr, { quiet: o.quiet, what: command });
    let report: Report | undefined;
    try {
      report = await (JOBS[command] as (typeof JOBS)[string])(input, output, options, {
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
    } finally {
      progress.stop();
    }
    if (report !== undefined) {
      // When stdout carries the data (OUT, --texture or --labels is '-'), the report goes to stderr.
      const piped = [output, options.texture, options.labels].includes('-');
      (piped ? io.stderr : io.stdout).write(`${json ? JSON.stringify(report.json) : report.text}\n`);
    }
    return 0;
  }

  // A batch: several inputs, a folder or a glob.
  if (!writes && o.outDir !== undefined) throw new UsageError(`${command} has no output; --out-dir does not apply`);
  if (writes && o.outDir === undefined)
    throw new UsageError(`several inputs need --out-dir DIR (the outputs are named after the inputs)`);
  for (const flag of ['texture', 'labels'] as const)
    if (options[flag] !== undefined) throw new UsageError(`--${flag} takes one input, not a batch`);
  const inputs = await expandInputs(files);
  const outputs = writes ? planOutputs(inputs, o.outDir as string, o.format) : inputs.map(() => undefined);
  if (writes)
    for (const [i, out] of outputs.entries())
      checkTarget(out as string, { force: o.force, inputs: [inputs[i] as string] });
  const tasks: Task[] = inputs.map((input, i) => ({ command, input, output: outputs[i], options }));
  const results = await runTasks(tasks, {
    jobs: o.jobs as number | undefined,
    progress: progressFor(io.stderr, { quiet: o.quiet, what: command }),
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
      io.stderr.write(`ndimage: error: ${r.message.includes(input) ? r.message : `${input}: ${r.message}`}\n`);
      if (options.debug === true && r.stack) io.stderr.write(`${r.stack}\n`);
    }
  });
  if (json && reports.length > 0) io.stdout.write(`${JSON.stringify(reports)}\n`);
  if (failures > 0) io.stderr.write(`ndimage: ${failures} of ${inputs.length} files failed\n`);
  return code;
}
