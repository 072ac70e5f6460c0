/** `ndimage denoise`: ROF denoising, the textbook's algorithm or a converging solver. */
import type { NdArray } from '@ndimage/core-array';
import { denoise as denoiseBook, denoiseTv } from '@ndimage/rof';
import { Option } from 'commander';
import { type Common, integer, number } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { read, write } from './shared.js';

type Flags = Common & {
  tvWeight: number;
  tau?: number;
  tolerance?: number;
  maxIterations?: number;
  method: string;
  texture?: string;
};

function checkTexture(texture: string, out: string): void {
  if (texture === out && texture !== '-') throw new UsageError('--texture must name another file than OUT');
  if (texture === '-' && out === '-') throw new UsageError('OUT and --texture cannot both be stdout');
}

const job: Job<Flags> = async (input, output, o, ctx) => {
  const out = output as string;
  if (o.texture !== undefined) checkTexture(o.texture, out);
  const { a } = await read(input, o, ctx);
  const onProgress = ctx.onIteration;
  let u: NdArray;
  let texture: NdArray;
  let json: Record<string, unknown>;
  if (o.method === 'book') {
    const r = denoiseBook(a, {
      tvWeight: o.tvWeight,
      tau: o.tau,
      tolerance: o.tolerance,
      maxIterations: o.maxIterations,
      onProgress,
    });
    ({ u, texture } = r);
    json = { iterations: r.iterations, error: r.error, converged: r.converged };
  } else {
    if (o.tau !== undefined || o.tolerance !== undefined)
      throw new UsageError('--tau and --tolerance belong to --method book');
    const r = denoiseTv(a, {
      threads: ctx.threadsFor?.(a),
      weight: o.tvWeight,
      method: o.method as 'fgp' | 'chambolle-pock' | 'chambolle2005',
      maxIterations: o.maxIterations,
      onProgress,
    });
    ({ u, texture } = r);
    json = { iterations: r.iterations, gap: r.gap, objective: r.objective, converged: r.converged };
  }
  await write(out, u, o, ctx, [input], 'clip');
  if (o.texture !== undefined) await write(o.texture, texture, o, ctx, [input, out], 'stretch');
  return { text: `${json.iterations} iterations`, json };
};

export const denoise: CommandSpec = {
  name: 'denoise',
  output: 'writes',
  scale: 'clip; stretch for --texture',
  job,
  // The library's names for the flags, as they appear in its error messages.
  flagsFor: { weight: '--tv-weight', tvWeight: '--tv-weight', maxIterations: '--max-iterations' },
  define: (c) =>
    c
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
      .option('--json', 'print iterations and the final error or gap as JSON')
      .addHelpText(
        'after',
        examples(
          '  ndimage denoise noisy.png clean.png --texture texture.png\n  ndimage denoise noisy.png clean.png --method fgp --tv-weight 30',
        ),
      ),
};
