import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';

const rgb = nd.mul(new nd.RandomState(0).random([2048, 2048, 3]), 255).astype('uint8');
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
t('rgb axis0', () => F.gaussianFilter1d(rgb, 5, { axis: 0 }));
t('rgb axis1', () => F.gaussianFilter1d(rgb, 5, { axis: 1 }));
