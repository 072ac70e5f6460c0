/** `ndimage derivative`: the textbook's Gaussian derivative along an axis, or its magnitude. */
import { gaussianFilter, gaussianGradientMagnitude } from '@ndimage/filters';
import { type Common, integer, number, numbers } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { boundary, checkAxis, perChannel, read, write } from './shared.js';

type Flags = Common & { sigma: number; axis?: number; magnitude?: boolean; truncate?: number };

const job: Job<Flags> = async (input, out, o, ctx) => {
  if (!o.magnitude && o.axis === undefined) throw new UsageError('derivative needs --axis A or --magnitude');
  const { a, image } = await read(input, o, ctx);
  const r = perChannel(image, a, (x) => {
    checkAxis(o.axis, x, input);
    return o.magnitude
      ? gaussianGradientMagnitude(x, o.sigma, { truncate: o.truncate, ...boundary(o) })
      : gaussianFilter(x, o.sigma, {
          order: x.shape.map((_, k) => (k === o.axis ? 1 : 0)),
          truncate: o.truncate,
          ...boundary(o),
        });
  });
  await write(out as string, r, o, ctx, [input], o.magnitude ? 'clip' : 'stretch');
  return undefined;
};

export const derivative: CommandSpec = {
  name: 'derivative',
  output: 'writes',
  boundary: true,
  scale: 'stretch; clip with --magnitude',
  job,
  define: (c) =>
    c
      .usage('IN OUT --sigma S (--axis A | --magnitude) [options]')
      .description('Gaussian derivative (the textbook’s Figure 1-11) along an axis, or its magnitude')
      .requiredOption('-s, --sigma <s>', 'σ', numbers('--sigma', 0))
      .option('--axis <a>', 'axis (0 rows, 1 columns)', integer('--axis', 0))
      .option('--magnitude', 'the gradient magnitude (scipy.ndimage.gaussian_gradient_magnitude)')
      .option('--truncate <t>', 'kernel radius in σ (default 4)', number('--truncate', 0))
      .addHelpText('after', examples('  ndimage derivative photo.png dx.png --sigma 5 --axis 1 --mode L')),
};
