import * as nd from '@ndimage/core-array';
import * as F from '@ndimage/filters';

const rgb = nd.mul(new nd.RandomState(0).random([2048, 2048, 3]), 255).astype('uint8');
for (let i = 0; i < 6; i++) F.gaussianFilter1d(rgb, 5, { axis: 1 });
