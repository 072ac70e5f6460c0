import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';

const n = 2048;
const a = new nd.RandomState(0).random([n, n]);
function t(name, f, r = 5) {
  f();
  const ts = [];
  for (let i = 0; i < r; i++) {
    const s = performance.now();
    f();
    ts.push(performance.now() - s);
  }
  ts.sort((x, y) => x - y);
  console.log(name.padEnd(24), ts[r >> 1].toFixed(1));
}
t('g1d axis0 s5', () => F.gaussianFilter1d(a, 5, { axis: 0 }));
t('g1d axis1 s5', () => F.gaussianFilter1d(a, 5, { axis: 1 }));
t('g1d axis0 s2', () => F.gaussianFilter1d(a, 2, { axis: 0 }));
t('g1d axis1 s2', () => F.gaussianFilter1d(a, 2, { axis: 1 }));
t('c1d [1,2,1] axis0', () => F.correlate1d(a, [1, 2, 1], { axis: 0 }));
t('c1d [1,2,1] axis1', () => F.correlate1d(a, [1, 2, 1], { axis: 1 }));
