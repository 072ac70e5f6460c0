/** `ndimage info`: shape, dtype, min/max/mean; the variables of a .mat file. */
import { max, mean, min } from '@ndimage/core-array';
import { kindOf, readArray } from '../files.js';
import type { Common } from '../options.js';
import { type CommandSpec, examples, type Job } from './command.js';

const job: Job<Common> = async (input, _out, o, ctx) => {
  if (input !== '-' && kindOf(input) === 'mat' && o.var === undefined) {
    const { whosmat } = await import('@ndimage/io-mat');
    const vars = await whosmat(input);
    return {
      text: vars.map((v) => `${v.name}  ${v.shape.join('×')}  ${v.class}`).join('\n'),
      json: { variables: vars },
    };
  }
  const a = await readArray(input, { variable: o.var, mode: o.mode?.image, streams: ctx.streams });
  // core-array's reductions: NumPy's values (pairwise mean), no float64 copy of the data.
  const empty = a.size === 0;
  const info = {
    shape: [...a.shape],
    dtype: a.dtype,
    min: empty ? null : Number(min(a)),
    max: empty ? null : Number(max(a)),
    mean: empty ? null : Number(mean(a)),
  };
  return {
    text: `${info.shape.join('×') || 'scalar'} ${info.dtype}  min ${info.min}  max ${info.max}  mean ${info.mean}`,
    json: info,
  };
};

export const info: CommandSpec = {
  name: 'info',
  output: 'prints',
  job,
  define: (c) =>
    c
      .usage('IN... [--var NAME] [--json]')
      .description('shape, dtype, min/max/mean; for .mat files the variables (scipy.io.whosmat)')
      .option('--json', 'print JSON')
      .addHelpText('after', examples('  ndimage info photo.jpg\n  ndimage info scan.mat --json')),
};
