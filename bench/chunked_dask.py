#!/usr/bin/python3
"""The Python anchor of the chunked benchmark: dask.array.map_overlap (the mechanism under
dask-image) running scipy.ndimage.gaussian_filter σ=4 in float64 over a uint8 Zarr, 16-pixel
halo, N threads, Zarr out. Prints {"ms": wall time, "maxRssMB": peak RSS from the OS}.

    /usr/bin/python3 bench/chunked_dask.py IN.zarr OUT.zarr THREADS
"""

import json
import resource
import shutil
import sys
import time

import dask
import dask.array as da
import numpy as np
from scipy import ndimage as ndi

src, dst, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(dst, ignore_errors=True)
t0 = time.perf_counter()
with dask.config.set(scheduler="threads", num_workers=threads):
    x = da.from_zarr(src)
    y = x.map_overlap(lambda b: ndi.gaussian_filter(b.astype(np.float64), 4), depth=16, boundary="reflect", dtype=np.float64)
    y.to_zarr(dst)
ms = (time.perf_counter() - t0) * 1000
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"ms": ms, "cpuMs": (ru.ru_utime + ru.ru_stime) * 1000, "maxRssMB": ru.ru_maxrss / 1024}))
