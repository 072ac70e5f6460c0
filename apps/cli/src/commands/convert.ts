/** `ndimage convert`: between images, .npy and .mat, and between image modes. */
import { DTYPES, type DType } from '@ndimage/core-array';
import { Option } from 'commander';
import { readArray } from '../files.js';
import type { Common } from '../options.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { write } from './shared.js';

const job: Job<Common & { dtype?: DType }> = async (input, out, o, ctx) => {
  let a = await readArray(input, { variable: o.var, mode: o.mode?.image, streams: ctx.streams });
  if (o.dtype !== undefined) a = a.astype(o.dtype);
  await write(out as string, a, o, ctx, [input], 'clip');
  return undefined;
};

export const convert: CommandSpec = {
  name: 'convert',
  output: 'writes',
  scale: 'clip',
  job,
  define: (c) =>
    c
      .usage('IN OUT [--mode L|RGB] [--dtype D] [--scale P] [options]')
      .description('convert between images, .npy and .mat, and between image modes')
      .addOption(new Option('--dtype <d>', 'cast to a NumPy dtype (no scaling)').choices(DTYPES as string[]))
      .addHelpText(
        'after',
        examples(
          '  ndimage convert photo.jpg grey.npy --mode L\n  ndimage convert data.mat - --format npy | python -c …',
        ),
      ),
};
