import { rmSync } from 'node:fs';
import * as chunked from './dist/index.js';

const [codec, threads] = [process.argv[2], Number(process.argv[3])];
const out = `/tmp/ndimage-chunked-bench/p-${codec}.zarr`;
rmSync(out, { recursive: true, force: true });
const c =
  codec === 'keep'
    ? undefined
    : codec === 'none'
      ? null
      : codec === 'zlib'
        ? { id: 'zlib', level: 1 }
        : codec === 'lz4'
          ? { id: 'lz4', acceleration: 1 }
          : { id: 'zstd', level: 1 };
const t = performance.now();
await chunked.runChunked(
  { name: 'gaussianFilter', sigma: 4, output: 'float64' },
  '/tmp/ndimage-chunked-bench/dask.zarr',
  c === undefined ? out : { kind: 'zarr', location: out, codec: c },
  { threads },
);
const cpu = process.cpuUsage();
console.log(
  codec,
  threads,
  ((performance.now() - t) / 1000).toFixed(2),
  's wall',
  ((cpu.user + cpu.system) / 1e6).toFixed(2),
  's cpu',
  (process.resourceUsage().maxRSS / 1024).toFixed(0),
  'MB',
);
rmSync(out, { recursive: true, force: true });
