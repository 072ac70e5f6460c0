/** `ndimage count`: the textbook's object count — threshold, optionally open, label. */
import { binaryOpening, box, label } from '@ndimage/morphology';
import { FORMATS } from '../files.js';
import { integer, oneOf, sizes } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { type ObjectFlags, objectFlags } from './objects.js';
import { connectivity, countReport, mask, writeLabels } from './shared.js';

type Flags = ObjectFlags & { open?: [number, number]; iterations: number; labels?: string };

const job: Job<Flags> = async (input, _out, o, ctx) => {
  let m = await mask(input, o, ctx);
  if (o.open !== undefined) {
    if (m.ndim !== 2) throw new UsageError(`--open HxW needs a 2-D input; ${input} has ${m.ndim} dimensions`);
    m = binaryOpening(m, { structure: box(o.open), iterations: o.iterations });
  }
  const { labels, count } = label(m, { structure: connectivity(m, o.connectivity) });
  if (o.labels !== undefined) await writeLabels(o.labels, labels, o, ctx, input);
  return countReport(count);
};

export const count: CommandSpec = {
  name: 'count',
  output: 'prints',
  job,
  define: (c) =>
    objectFlags(
      c
        .usage('IN... [--threshold T [--below]] [--open HxW [--iterations N]] [options]')
        .description('count objects: threshold, optionally open, label (the textbook’s count)'),
    )
      .option('--open <hxw>', 'binary opening with an H×W box first', sizes('--open'))
      .option('--iterations <n>', 'opening iterations', integer('--iterations', 1), 1)
      .option('--labels <out>', 'also write the label image (colour for images, int32 for .npy/.mat)')
      .option('-f, --force', 'overwrite the --labels file if it exists')
      .option('--format <f>', `format of --labels - (stdout): ${FORMATS.join(', ')}`, oneOf('--format', FORMATS))
      .option('--json', 'print the count as JSON')
      .addHelpText(
        'after',
        examples(
          '  ndimage count coins.png --threshold 100 --open 5x5 --iterations 2\n  ndimage count scans/ --threshold 128 --below --json',
        ),
      ),
};
