/** `ndimage sobel` and `ndimage prewitt`: a derivative along an axis, or the gradient magnitude. */
import { genericGradientMagnitude, prewitt as prewittFilter, sobel as sobelFilter } from '@ndimage/filters';
import { type Common, integer } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { boundary, checkAxis, perChannel, read, write } from './shared.js';

type Flags = Common & { axis?: number; magnitude?: boolean };

function gradientCommand(name: 'sobel' | 'prewitt', fn: typeof sobelFilter): CommandSpec {
  const job: Job<Flags> = async (input, out, o, ctx) => {
    if (o.magnitude && o.axis !== undefined) throw new UsageError('give --axis A or --magnitude, not both');
    const { a, image } = await read(input, o, ctx);
    const r = perChannel(image, a, (x) => {
      checkAxis(o.axis, x, input);
      return o.magnitude
        ? genericGradientMagnitude(x, (y, axis, output, mode, cval) => fn(y, { axis, output, mode, cval }), boundary(o))
        : fn(x, { axis: o.axis ?? -1, ...boundary(o) });
    });
    await write(out as string, r, o, ctx, [input], o.magnitude ? 'clip' : 'stretch');
    return undefined;
  };
  return {
    name,
    output: 'writes',
    boundary: true,
    scale: 'stretch; clip with --magnitude',
    job,
    define: (c) =>
      c
        .usage('IN OUT [--axis A | --magnitude] [options]')
        .description(`${name} derivative along an axis, or the gradient magnitude (scipy.ndimage.${name})`)
        .option('--axis <a>', 'axis of the derivative (0 rows, 1 columns; default the last)', integer('--axis', 0))
        .option('--magnitude', 'the gradient magnitude √(Σ dₖ²)')
        .addHelpText('after', examples(`  ndimage ${name} photo.png edges.png --magnitude --mode L`)),
  };
}

export const sobel: CommandSpec = gradientCommand('sobel', sobelFilter);
export const prewitt: CommandSpec = gradientCommand('prewitt', prewittFilter);
