#!/usr/bin/python3
"""numpy.fft / scipy.ndimage side of the Fourier table of `pnpm bench:scipy`: reads {"setup", "ops"}
on stdin, builds the inputs, times each statement (median of its repeats after one warm-up run,
one thread: pocketfft in NumPy 1.24 has none) and prints JSON."""
import json
import sys

import numpy as np
import scipy
from scipy import ndimage
from bench_timing import time_ops

spec = json.load(sys.stdin)
env = {"np": np, "ndimage": ndimage}
exec(spec["setup"], env)
results = time_ops(spec["ops"], env, None)
print(json.dumps({"numpy": np.__version__, "scipy": scipy.__version__,
                  "checksum": float(env["a"].sum() + env["b"].sum()), "ms": results}))
