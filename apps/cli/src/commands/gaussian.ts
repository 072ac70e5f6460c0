/** `ndimage gaussian`: Gaussian blur or derivative (scipy.ndimage.gaussian_filter). */
import { gaussianFilter } from '@ndimage/filters';
import { type Common, number, numbers } from '../options.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { boundary, read, write } from './shared.js';

type Flags = Common & {
  sigma: number | number[];
  order?: number | number[];
  truncate?: number;
  radius?: number | number[];
};

const job: Job<Flags> = async (input, out, o, ctx) => {
  const { a, image } = await read(input, o, ctx);
  // A colour image in one call with σ 0 on the channel axis: the same values as channel by
  // channel, 1.3× faster (2048² RGB, σ 5: 288 against 381 ms), with no stacking copy.
  const colour = image && a.ndim === 3;
  const spatial = (v: number | number[] | undefined): number | number[] | undefined =>
    !colour || v === undefined ? v : [...(typeof v === 'number' ? [v, v] : v), 0];
  const options = { order: spatial(o.order), truncate: o.truncate, radius: spatial(o.radius), ...boundary(o) };
  const r = gaussianFilter(a, spatial(o.sigma) as number | number[], options);
  await write(out as string, r, o, ctx, [input], o.order === undefined || o.order === 0 ? 'clip' : 'stretch');
  return undefined;
};

export const gaussian: CommandSpec = {
  name: 'gaussian',
  output: 'writes',
  boundary: true,
  scale: 'clip; stretch for a derivative (--order > 0)',
  job,
  define: (c) =>
    c
      .usage('IN OUT --sigma S [options]  |  IN... --out-dir DIR --sigma S [options]')
      .description('Gaussian blur or derivative (scipy.ndimage.gaussian_filter); colour images per channel')
      .requiredOption('-s, --sigma <s>', 'σ, one or per axis (S[,S…])', numbers('--sigma', 0))
      .option('--order <o>', 'derivative order, one or per axis', numbers('--order', 0))
      .option('--truncate <t>', 'kernel radius in σ (default 4)', number('--truncate', 0))
      .option('--radius <r>', 'kernel radius, overriding --truncate', numbers('--radius', 0))
      .addHelpText(
        'after',
        examples(
          '  ndimage gaussian photo.jpg blurred.png --sigma 5\n  ndimage gaussian shots/*.png -o blurred --sigma 2',
        ),
      ),
};
