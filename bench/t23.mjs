import { full, less } from '@ndimage/core-array';
import { binaryClosing, binaryOpening, box, findObjects, label, objectStats, sum } from '@ndimage/morphology';
import { array } from '@ndimage/core-array';

const im = full([10, 16], 200, { dtype: 'uint8' });
im.slice([1, 5], [1, 6]).fill(40); // a dark block…
im.slice([2, 4], [6, 10]).fill(60); // …joined by a thin bridge…
im.slice([1, 6], [10, 15]).fill(30); // …to another block
im.slice([7, 9], [2, 4]).fill(50); // a small blob
im.set(8, 12, 20); // a speck
const dark = less(im, 128);
const { labels, count } = label(dark);
console.log(count, sum(dark, labels, [1, 2, 3]));
const opened = binaryOpening(dark, { structure: box([3, 3]) });
const after = label(opened);
console.log(after.count, JSON.stringify(findObjects(after.labels)));
console.log(JSON.stringify(objectStats(after.labels, im)));
console.log(binaryClosing(array([1, 1, 0, 1, 1, 0, 0, 1])).toArray(), binaryClosing(array([1, 1, 0, 1, 1, 0, 0, 1]), { pad: true }).toArray());
