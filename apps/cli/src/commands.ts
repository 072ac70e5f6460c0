/**
 * The commands: each reads, calls the library, writes. Images are processed in float64 and
 * written with a scale policy (clip for smoothing, denoising and morphology; stretch for signed
 * results such as derivatives); `.npy` and `.mat` keep SciPy's dtypes.
 */

import { add, greater, less, type NdArray, sqrt, square } from '@ndimage/core-array';
import { gaussianFilter, prewitt, sobel } from '@ndimage/filters';
import type { Scale } from '@ndimage/io-image';
import {
  binaryClosing,
  binaryDilation,
  binaryErosion,
  binaryFillHoles,
  binaryOpening,
  box,
  cross,
  label,
} from '@ndimage/morphology';
import { denoise, denoiseTv } from '@ndimage/rof';
import type { Command } from 'commander';
import { runDemo } from './demo.js';
import { kindOf, readArray, writeArray } from './files.js';
import type { CliIO } from './main.js';
import { UsageError } from './usage.js';

/** A number, or a comma list of numbers (one per axis), with the flag named in errors. */
function numbers(flag: string, min = Number.NEGATIVE_INFINITY): (v: string) => number | number[] {
  return (v) => {
    const parts = v.split(',').map((p) => Number(p.trim()));
    if (parts.length === 0 || parts.some((x) => !Number.isFinite(x) || x < min))
      throw new UsageError(
        `${flag} must be a number${min > Number.NEGATIVE_INFINITY ? ` ≥ ${min}` : ''} or a comma list of them; got '${v}'`,
      );
    return parts.length === 1 ? (parts[0] as number) : parts;
  };
}

function integer(flag: string, min: number): (v: string) => number {
  return (v) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < min) throw new UsageError(`${flag} must be an integer ≥ ${min}; got '${v}'`);
    return x;
  };
}

interface Common {
  force?: boolean;
  var?: string;
  outVar?: string;
  scale?: Scale;
  mode?: 'L' | 'RGB';
}

const COMMON = (c: Command): Command =>
  c
    .option('-f, --force', 'overwrite OUT if it exists')
    .option('--var <name>', 'the .mat variable to read (default: the only numeric one)')
    .option('--out-var <name>', 'the .mat variable to write', 'out')
    .option('--scale <policy>', "writing images: 'clip', 'stretch' or 'none'")
    .option('--mode <mode>', "reading images: 'L' (grey, Pillow's formula) or 'RGB'");

async function input(path: string, o: Common): Promise<NdArray> {
  if (o.mode !== undefined && o.mode !== 'L' && o.mode !== 'RGB')
    throw new UsageError(`--mode must be L or RGB; got '${o.mode}'`);
  const a = await readArray(path, { variable: o.var, mode: o.mode });
  // Images are processed in float64 (the library's results then keep their sign and fractions).
  return kindOf(path) === 'image' ? a.astype('float64') : a;
}

async function output(path: string, a: NdArray, o: Common, inputs: string[], defaultScale: Scale): Promise<void> {
  if (o.scale !== undefined && !['clip', 'stretch', 'none'].includes(o.scale))
    throw new UsageError(`--scale must be clip, stretch or none; got '${o.scale}'`);
  await writeArray(path, a, { force: o.force, variable: o.outVar, scale: o.scale ?? defaultScale, inputs });
}

/** Per-axis values for a 2-D filter on a maybe-colour image: 0 on the channel axis. */
const spatial = (a: NdArray, v: number | number[]): number | number[] =>
  a.ndim === 3 && typeof v === 'number' ? [v, v, 0] : v;

/** Registers every command on `program`. */
export function registerCommands(program: Command, io: CliIO): void {
  COMMON(program.command('gaussian').argument('<in>').argument('<out>'))
    .description('Gaussian blur (scipy.ndimage.gaussian_filter); colour images per channel')
    .requiredOption('--sigma <s>', 'σ, one or per axis (S[,S…])', numbers('--sigma', 0))
    .option('--order <o>', 'derivative order per axis', numbers('--order', 0))
    .option('--truncate <t>', 'radius in σ', numbers('--truncate', 0))
    .addHelpText('after', '\nExample:\n  ndimage gaussian photo.jpg blurred.png --sigma 5\n')
    .action(
      async (
        inPath: string,
        outPath: string,
        o: Common & { sigma: number | number[]; order?: number | number[]; truncate?: number },
      ) => {
        const a = await input(inPath, o);
        const order = o.order === undefined ? undefined : (spatial(a, o.order) as number | number[]);
        const r = gaussianFilter(a, spatial(a, o.sigma), { order, truncate: o.truncate as number | undefined });
        await output(outPath, r, o, [inPath], o.order === undefined ? 'clip' : 'stretch');
      },
    );

  for (const [name, fn] of [
    ['sobel', sobel],
    ['prewitt', prewitt],
  ] as const) {
    COMMON(program.command(name).argument('<in>').argument('<out>'))
      .description(`${name} derivative along an axis, or the gradient magnitude (scipy.ndimage.${name})`)
      .option('--axis <a>', 'axis of the derivative (0 rows, 1 columns)', integer('--axis', 0))
      .option('--magnitude', 'the gradient magnitude √(dx² + dy²)')
      .addHelpText('after', `\nExample:\n  ndimage ${name} photo.png edges.png --magnitude --mode L\n`)
      .action(async (inPath: string, outPath: string, o: Common & { axis?: number; magnitude?: boolean }) => {
        const a = await input(inPath, o);
        const r = o.magnitude
          ? sqrt(add(square(fn(a, { axis: 0, output: 'float64' })), square(fn(a, { axis: 1, output: 'float64' }))))
          : fn(a, { axis: o.axis ?? -1 });
        await output(outPath, r, o, [inPath], o.magnitude ? 'clip' : 'stretch');
      });
  }

  COMMON(program.command('derivative').argument('<in>').argument('<out>'))
    .description('Gaussian derivative (the textbook’s Figure 1-11): along an axis or the magnitude')
    .requiredOption('--sigma <s>', 'σ', numbers('--sigma', 0))
    .option('--axis <a>', 'axis (0 rows, 1 columns)', integer('--axis', 0))
    .option('--magnitude', 'the gradient magnitude')
    .addHelpText('after', '\nExample:\n  ndimage derivative photo.png dx.png --sigma 5 --axis 1 --mode L\n')
    .action(
      async (inPath: string, outPath: string, o: Common & { sigma: number; axis?: number; magnitude?: boolean }) => {
        const a = await input(inPath, o);
        const d = (axis: number) =>
          gaussianFilter(a, o.sigma, { order: axis === 0 ? [1, 0] : [0, 1], output: 'float64' });
        if (!o.magnitude && o.axis === undefined) throw new UsageError('derivative needs --axis A or --magnitude');
        const r = o.magnitude ? sqrt(add(square(d(0)), square(d(1)))) : d(o.axis as number);
        await output(outPath, r, o, [inPath], o.magnitude ? 'clip' : 'stretch');
      },
    );

  const thresholded = async (inPath: string, o: Common & { threshold?: number; below?: boolean }): Promise<NdArray> => {
    const a = await input(inPath, { ...o, mode: o.mode ?? (kindOf(inPath) === 'image' ? 'L' : undefined) });
    if (o.threshold === undefined) return a;
    return o.below ? less(a, o.threshold) : greater(a, o.threshold);
  };

  COMMON(program.command('label').argument('<in>').argument('<out>'))
    .description('label connected objects (scipy.ndimage.label); prints the count')
    .option('--connectivity <n>', '1 (4-neighbours) or 2 (8-neighbours)', integer('--connectivity', 1), 1)
    .option('--threshold <t>', 'objects are pixels above T (or below, with --below)', numbers('--threshold'))
    .option('--below', 'objects are pixels below the threshold')
    .option('--json', 'print {"count": N}')
    .addHelpText('after', '\nExample:\n  ndimage label coins.png labels.png --threshold 100\n')
    .action(
      async (
        inPath: string,
        outPath: string,
        o: Common & { connectivity: number; threshold?: number; below?: boolean; json?: boolean },
      ) => {
        const mask = await thresholded(inPath, o);
        const { labels, count } = label(mask, { structure: o.connectivity === 2 ? box([3, 3]) : undefined });
        await output(
          outPath,
          kindOf(outPath) === 'image' ? labels.astype('float64') : labels,
          { ...o, scale: o.scale ?? (kindOf(outPath) === 'image' ? 'stretch' : 'none') },
          [inPath],
          'stretch',
        );
        io.stdout.write(o.json ? `${JSON.stringify({ count })}\n` : `${count}\n`);
      },
    );

  program
    .command('count')
    .argument('<in>')
    .description('count objects: threshold, optionally open, label (the textbook’s count)')
    .option('--threshold <t>', 'objects are pixels above T (or below, with --below)', numbers('--threshold'))
    .option('--below', 'objects are pixels below the threshold')
    .option('--open <hxw>', 'binary opening with an H×W box first')
    .option('--iterations <n>', 'opening iterations', integer('--iterations', 1), 1)
    .option('--connectivity <n>', '1 or 2', integer('--connectivity', 1), 1)
    .option('--var <name>', 'the .mat variable to read')
    .option('--json', 'print {"count": N}')
    .addHelpText('after', '\nExample:\n  ndimage count houses.png --threshold 128 --below --open 9x5 --iterations 2\n')
    .action(
      async (
        inPath: string,
        o: Common & {
          threshold?: number;
          below?: boolean;
          open?: string;
          iterations: number;
          connectivity: number;
          json?: boolean;
        },
      ) => {
        let mask = await thresholded(inPath, o);
        if (o.open !== undefined)
          mask = binaryOpening(mask, { structure: boxOf(o.open, '--open'), iterations: o.iterations });
        const { count } = label(mask, { structure: o.connectivity === 2 ? box([3, 3]) : undefined });
        io.stdout.write(o.json ? `${JSON.stringify({ count })}\n` : `${count}\n`);
      },
    );

  COMMON(program.command('morph').argument('<op>').argument('<in>').argument('<out>'))
    .description('binary morphology: erode, dilate, open, close, fill-holes (scipy.ndimage.binary_*)')
    .option('--structure <s>', "HxW box, 'cross', or a .npy file", '3x3')
    .option('--iterations <n>', 'passes', integer('--iterations', 1), 1)
    .option('--border-value <v>', '0 or 1', integer('--border-value', 0), 0)
    .option('--threshold <t>', 'objects are pixels above T (or below, with --below)', numbers('--threshold'))
    .option('--below', 'objects are pixels below the threshold')
    .addHelpText('after', '\nExample:\n  ndimage morph open mask.png opened.png --structure 9x5 --iterations 2\n')
    .action(
      async (
        op: string,
        inPath: string,
        outPath: string,
        o: Common & { structure: string; iterations: number; borderValue: number; threshold?: number; below?: boolean },
      ) => {
        const fns = {
          erode: binaryErosion,
          dilate: binaryDilation,
          open: binaryOpening,
          close: binaryClosing,
        } as const;
        if (op !== 'fill-holes' && !(op in fns))
          throw new UsageError(`morph: unknown operation '${op}' (erode, dilate, open, close, fill-holes)`);
        const mask = await thresholded(inPath, o);
        const structure =
          o.structure === 'cross'
            ? cross(mask.ndim)
            : o.structure.endsWith('.npy')
              ? await readArray(o.structure)
              : boxOf(o.structure, '--structure');
        const r =
          op === 'fill-holes'
            ? binaryFillHoles(mask, { structure })
            : fns[op as keyof typeof fns](mask, { structure, iterations: o.iterations, borderValue: o.borderValue });
        await output(outPath, r, o, [inPath], 'clip');
      },
    );

  COMMON(program.command('denoise').argument('<in>').argument('<out>'))
    .description('ROF denoising: the textbook’s algorithm (default) or the converging solver (--method)')
    .option('--tv-weight <w>', 'λ, the weight of total variation', numbers('--tv-weight', 0), 100)
    .option('--tau <t>', 'the book’s dual step', numbers('--tau', 0))
    .option('--tolerance <e>', 'the book’s stopping tolerance', numbers('--tolerance', 0))
    .option('--max-iterations <n>', 'iteration limit', integer('--max-iterations', 1))
    .option('--method <m>', "'book' (default), 'fgp', 'chambolle-pock', 'chambolle2005'", 'book')
    .option('--texture <out2>', 'also write the removed texture (im − U)')
    .option('--json', 'print {"iterations": N, …}')
    .addHelpText('after', '\nExample:\n  ndimage denoise noisy.png clean.png --tv-weight 100 --texture texture.png\n')
    .action(
      async (
        inPath: string,
        outPath: string,
        o: Common & {
          tvWeight: number;
          tau?: number;
          tolerance?: number;
          maxIterations?: number;
          method: string;
          texture?: string;
          json?: boolean;
        },
      ) => {
        const a = await input(inPath, o);
        let u: NdArray;
        let texture: NdArray;
        let report: Record<string, number | boolean>;
        if (o.method === 'book') {
          const r = denoise(a, {
            tvWeight: o.tvWeight,
            tau: o.tau,
            tolerance: o.tolerance,
            maxIterations: o.maxIterations,
          });
          ({ u, texture } = r);
          report = { iterations: r.iterations, error: r.error, converged: r.converged };
        } else {
          if (!['fgp', 'chambolle-pock', 'chambolle2005'].includes(o.method))
            throw new UsageError(`--method must be book, fgp, chambolle-pock or chambolle2005; got '${o.method}'`);
          const r = denoiseTv(a, { weight: o.tvWeight, method: o.method as 'fgp', maxIterations: o.maxIterations });
          ({ u, texture } = r);
          report = { iterations: r.iterations, gap: r.gap, converged: r.converged };
        }
        await output(outPath, u, o, [inPath], 'clip');
        if (o.texture !== undefined) await output(o.texture, texture, o, [inPath, outPath], 'stretch');
        io.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${report.iterations} iterations\n`);
      },
    );

  program
    .command('info')
    .argument('<in>')
    .description('shape, dtype, min/max/mean; for .mat the variables')
    .option('--var <name>', 'the .mat variable')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  ndimage info photo.jpg\n')
    .action(async (inPath: string, o: { var?: string; json?: boolean }) => {
      if (kindOf(inPath) === 'mat' && o.var === undefined) {
        const { whosmat } = await import('@ndimage/io-mat');
        const vars = await whosmat(inPath);
        io.stdout.write(
          o.json
            ? `${JSON.stringify(vars)}\n`
            : vars.map((v) => `${v.name}  ${v.shape.join('×')}  ${v.class}\n`).join(''),
        );
        return;
      }
      const a = await readArray(inPath, { variable: o.var });
      const f = a.astype('float64').toContiguous().data as Float64Array;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      let sum = 0;
      for (const v of f) {
        if (v < min) min = v;
        if (v > max) max = v;
        sum += v;
      }
      const info = {
        shape: [...a.shape],
        dtype: a.dtype,
        min,
        max,
        mean: f.length === 0 ? Number.NaN : sum / f.length,
      };
      io.stdout.write(
        o.json
          ? `${JSON.stringify(info)}\n`
          : `${info.shape.join('×')} ${info.dtype}  min ${min}  max ${max}  mean ${info.mean}\n`,
      );
    });

  program
    .command('demo')
    .argument('[outdir]', 'where to write the figures', 'ndimage-demo')
    .description('the textbook chapter’s figures on the bundled images: PNGs and an index.html')
    .addHelpText('after', '\nExample:\n  ndimage demo out && open out/index.html\n')
    .action(async (outdir: string) => {
      const t0 = performance.now();
      const figures = await runDemo(outdir, (line) => io.stdout.write(`${line}\n`));
      const files = figures.reduce((n, f) => n + f.images.length, 0);
      io.stdout.write(
        `${files} images and index.html in ${outdir} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
      );
    });

  COMMON(program.command('convert').argument('<in>').argument('<out>'))
    .description('convert between images, .npy and .mat (and image modes)')
    .option('--dtype <d>', 'cast to a dtype (no scaling)')
    .addHelpText('after', '\nExample:\n  ndimage convert photo.jpg grey.npy --mode L\n')
    .action(async (inPath: string, outPath: string, o: Common & { dtype?: string }) => {
      let a = await readArray(inPath, { variable: o.var, mode: o.mode });
      if (o.dtype !== undefined) a = a.astype(o.dtype as never);
      await output(outPath, a, o, [inPath], 'clip');
    });
}

/** An H×W box from '9x5'. */
function boxOf(text: string, flag: string): NdArray {
  const m = /^(\d+)x(\d+)$/.exec(text);
  if (m === null || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new UsageError(`${flag} must be HxW with positive sizes (like 9x5); got '${text}'`);
  return box([Number(m[1]), Number(m[2])]);
}
