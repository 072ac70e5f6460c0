import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';
const a = nd.mul(new nd.RandomState(0).random([2048, 2048]), 255);
const u = a.astype('uint8');
const rgb = nd.mul(new nd.RandomState(1).random([2048, 2048, 3]), 255).astype('uint8');
const out = nd.zeros([2048, 2048]);
const ops = {
  uni15: () => F.uniformFilter(a, 15),
  uni15ax0: () => F.uniformFilter1d(a, 15, { axis: 0 }),
  uni15ax1: () => F.uniformFilter1d(a, 15, { axis: 1 }),
  g2: () => F.gaussianFilter(a, 2),
  g2ax0: () => F.gaussianFilter1d(a, 2, { axis: 0 }),
  g2ax1: () => F.gaussianFilter1d(a, 2, { axis: 1 }),
  g2u8: () => F.gaussianFilter(u, 2),
  g2u8ax0: () => F.gaussianFilter1d(u, 2, { axis: 0 }),
  g2u8ax1: () => F.gaussianFilter1d(u, 2, { axis: 1 }),
  g5u8ax0: () => F.gaussianFilter1d(u, 5, { axis: 0 }),
  g5u8ax1: () => F.gaussianFilter1d(u, 5, { axis: 1 }),
  rgb: () => F.gaussianFilter(rgb, [5, 5, 0]),
  rgbax0: () => F.gaussianFilter1d(rgb, 5, { axis: 0 }),
  rgbax1: () => F.gaussianFilter1d(rgb, 5, { axis: 1 }),
  sobel1out: () => F.sobel(a, { axis: 1, output: out }),
  sobel0out: () => F.sobel(a, { axis: 0, output: out }),
  max5: () => F.maximumFilter(a, 5),
};
for (const name of process.argv.slice(2)) {
  const f = ops[name];
  f(); f();
  const ts = [];
  for (let i = 0; i < 9; i++) { const s = performance.now(); f(); ts.push(performance.now() - s); }
  ts.sort((x, y) => x - y);
  console.log(name.padEnd(10), 'min', ts[0].toFixed(1), 'med', ts[4].toFixed(1));
}
