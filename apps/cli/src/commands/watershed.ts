/**
 * `ndimage watershed`: flood an image from markers (scipy.ndimage.watershed_ift) — markers from a
 * file (flooding the image itself), or one per peak of the objects' distance transform, flooding
 * the image's gradient (the touching-coins recipe).
 */
import { clip, greater, logicalAnd, max, mul, type NdArray, sub, where } from '@ndimage/core-array';
import { gaussianGradientMagnitude, maximumFilter } from '@ndimage/filters';
import { binaryFillHoles, binaryOpening, box, distanceTransformEdt, label, watershedIft } from '@ndimage/morphology';
import { readArray } from '../files.js';
import { integer, number, sizes } from '../options.js';
import { UsageError } from '../usage.js';
import { type CommandSpec, examples, type Job } from './command.js';
import { type ObjectFlags, objectFlags } from './objects.js';
import { countReport, mask, read, writeLabels } from './shared.js';

type Flags = ObjectFlags & {
  markers?: string;
  sigma: number;
  minArea: number;
  minDistance: number;
  peakSize: number;
  fillHoles?: boolean;
  open?: [number, number];
  iterations: number;
};

/**
 * Markers from the distance transform of `objects`: one label per peak (an element that is the
 * largest within a `peakSize` box and at least `minDistance` from the background; touching peak
 * elements are one peak), and −1 on the background.
 */
export function distancePeaks(
  objects: NdArray,
  minDistance: number,
  peakSize: number,
): { markers: NdArray; peaks: number } {
  const dist = distanceTransformEdt(objects);
  const isPeak = logicalAnd(greater(dist, minDistance - 1e-9), greater(dist, sub(maximumFilter(dist, peakSize), 1e-9)));
  const { labels, count } = label(isPeak, { structure: box(objects.shape.map(() => 3)) });
  return { markers: where(objects, labels, -1).astype('int32'), peaks: count };
}

/**
 * What the flood climbs: inside the objects, the grey image's Gaussian gradient magnitude (σ
 * `sigma`) scaled to 0–200; outside, 255. SciPy's watershed_ift gives each pixel to the marker
 * reached by the path whose largest step is smallest, so regions meet where the image has edges
 * (between touching coins too), and the background marker, a step of at least 55 away, keeps out
 * of the objects.
 */
export function gradientRelief(grey: NdArray, objects: NdArray, sigma: number): NdArray {
  const g = gaussianGradientMagnitude(grey.astype('float64'), sigma);
  const top = g.size === 0 ? 0 : Number(max(g));
  const inside = clip(mul(g, top > 0 ? 200 / top : 0), 0, 200);
  return where(objects, inside, 255).astype('uint8');
}

/** The number of distinct positive labels with at least `minArea` elements. */
export function regionCount(labels: NdArray, minArea: number): number {
  const areas = new Map<number, number>();
  const d = labels.toContiguous();
  for (let i = 0; i < d.size; i++) {
    const v = Number(d.data[d.offset + i]);
    if (v > 0) areas.set(v, (areas.get(v) ?? 0) + 1);
  }
  let n = 0;
  for (const a of areas.values()) if (a >= minArea) n++;
  return n;
}

const job: Job<Flags> = async (input, out, o, ctx) => {
  const structure = o.connectivity === 2 ? box([3, 3]) : undefined;
  let relief: NdArray;
  let markers: NdArray;
  if (o.markers !== undefined) {
    if (o.threshold !== undefined)
      throw new UsageError('--markers floods the image itself: leave out --threshold (or leave out --markers)');
    const { a, image } = await read(input, o, ctx, 'L');
    relief = image ? clip(a, 0, 255).astype('uint8') : a;
    if (relief.dtype !== 'uint8' && relief.dtype !== 'uint16')
      throw new UsageError(`${input}: watershed floods a uint8 or uint16 image; this one is ${relief.dtype}`);
    markers = await readArray(o.markers);
    if (!['int8', 'int16', 'int32', 'int64'].includes(markers.dtype))
      throw new UsageError(`--markers must hold signed integers (int8 … int64); ${o.markers} is ${markers.dtype}`);
  } else {
    let objects = await mask(input, o, ctx);
    const grey = (await read(input, o, ctx, 'L')).a;
    if (o.fillHoles) objects = binaryFillHoles(objects);
    if (o.open !== undefined) {
      if (objects.ndim !== 2)
        throw new UsageError(`--open HxW needs a 2-D input; ${input} has ${objects.ndim} dimensions`);
      objects = binaryOpening(objects, { structure: box(o.open), iterations: o.iterations });
    }
    ({ markers } = distancePeaks(objects, o.minDistance, o.peakSize));
    relief = gradientRelief(grey, objects, o.sigma);
  }
  const labels = watershedIft(relief, markers, { structure: structure && relief.ndim === 2 ? structure : undefined });
  await writeLabels(out as string, where(greater(labels, 0), labels, 0).astype('int32'), o, ctx, input);
  return countReport(regionCount(labels, o.minArea));
};

export const watershed: CommandSpec = {
  name: 'watershed',
  output: 'writes',
  scale: 'none (a colour per region in images; int32 labels in .npy/.mat)',
  job,
  define: (c) =>
    objectFlags(
      c
        .usage('IN OUT (--markers FILE | --threshold T [--below]) [--min-distance D] [options]')
        .description(
          'watershed from markers (scipy.ndimage.watershed_ift); without --markers, one marker per peak of the objects’ distance transform, flooding the image’s gradient inside the objects (splits touching objects); prints the number of regions',
        )
        .option(
          '--markers <file>',
          'marker labels (.npy/.mat, signed integers; negative: background), flooding IN itself',
        )
        .option('--min-distance <d>', 'peaks at least this far from the background', number('--min-distance', 0), 3)
        .option('--peak-size <n>', 'a peak is the largest value in an n×n box', integer('--peak-size', 1), 15)
        .option('--sigma <s>', 'smoothing of the gradient that is flooded (without --markers)', number('--sigma', 0), 2)
        .option('--min-area <n>', 'count only regions of at least n pixels', integer('--min-area', 1), 1)
        .option('--fill-holes', 'fill the objects’ holes first (dark details inside coins)')
        .option('--open <hxw>', 'binary opening with an H×W box first (after --fill-holes)', sizes('--open'))
        .option('--iterations <n>', 'opening iterations', integer('--iterations', 1), 1)
        .option('--json', 'print the number of regions as JSON'),
    ).addHelpText(
      'after',
      examples(
        '  ndimage watershed coins.png regions.png --threshold 100 --fill-holes --open 9x5 --iterations 2\n  ndimage watershed gradient.png regions.npy --markers seeds.npy',
      ),
    ),
};
