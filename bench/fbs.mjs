import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';

const a = new nd.RandomState(0).random([2048, 2048]);
const u = nd.mul(a, 255).astype('uint8');
const out = nd.zeros([2048, 2048]);
const ops = {
  sobel0: () => F.sobel(a, { axis: 0 }),
  sobel1: () => F.sobel(a, { axis: 1 }),
  sobel0out: () => F.sobel(a, { axis: 0, output: out }),
  sobel1out: () => F.sobel(a, { axis: 1, output: out }),
  sobelu8: () => F.sobel(u, { axis: 1 }),
};
const f = ops[process.argv[2]];
f();
f();
const ts = [];
for (let i = 0; i < 9; i++) {
  const s = performance.now();
  f();
  ts.push(performance.now() - s);
}
ts.sort((x, y) => x - y);
console.log(process.argv[2], 'min', ts[0].toFixed(1), 'med', ts[4].toFixed(1));
