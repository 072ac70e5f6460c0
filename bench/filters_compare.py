#!/usr/bin/python3
"""SciPy side of the filters table of `pnpm bench:scipy`: reads {"n", "repeats", "ops": [{"name",
"py"}]} on stdin, builds the inputs of bench/filters-ops.mjs (NumPy's seed-0 legacy stream), times
each statement (median of `repeats` runs after one warm-up run) and prints JSON on stdout."""
import json
import sys

import numpy as np
import scipy
import scipy.ndimage as ndi
from bench_timing import time_ops

spec = json.load(sys.stdin)
n = spec["n"]
np.random.seed(0)
a = np.random.random((n, n)) * 255
u = a.astype(np.uint8)
rgb = (np.random.random((n, n, 3)) * 255).astype(np.uint8)
o = np.zeros((n, n))
env = {"np": np, "ndi": ndi, "a": a, "u": u, "rgb": rgb, "o": o}
results = time_ops(spec["ops"], env, spec["repeats"])
checksum = float(a.sum() + u.sum() + rgb.sum())
print(json.dumps({"scipy": scipy.__version__, "checksum": checksum, "ms": results}))
