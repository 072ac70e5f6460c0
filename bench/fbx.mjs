import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';

const a = new nd.RandomState(0).random([2048, 2048]);
const ops = {
  max5: () => F.maximumFilter(a, 5),
  max5ax0: () => F.maximumFilter1d(a, 5, { axis: 0 }),
  max5ax1: () => F.maximumFilter1d(a, 5, { axis: 1 }),
  uni15: () => F.uniformFilter(a, 15),
  uni15ax0: () => F.uniformFilter1d(a, 15, { axis: 0 }),
};
const f = ops[process.argv[2]];
f();
f();
const ts = [];
for (let i = 0; i < 7; i++) {
  const s = performance.now();
  f();
  ts.push(performance.now() - s);
}
ts.sort((x, y) => x - y);
console.log(process.argv[2], 'min', ts[0].toFixed(1), 'med', ts[3].toFixed(1));
