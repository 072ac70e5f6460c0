#!/usr/bin/python3
"""SciPy side of the MAT-file table of `pnpm bench:scipy`: reads {"dir", "repeats", "ops"} on
stdin, first rewrites the arrays of `dir`/seed.mat as SciPy's own files (double.mat, double_z.mat,
uint8.mat), then times each statement (median of `repeats` runs after one warm-up) and prints JSON."""
import json
import sys

import scipy
import scipy.io as sio
from bench_timing import time_ops

spec = json.load(sys.stdin)
d = spec["dir"]
seed = sio.loadmat(d + "/seed.mat")
x = seed["x"]
u = seed["u"]
sio.savemat(d + "/double.mat", {"x": x})
sio.savemat(d + "/double_z.mat", {"x": x}, do_compression=True)
sio.savemat(d + "/uint8.mat", {"u": u})
env = {"sio": sio, "d": d, "x": x, "u": u}
results = time_ops(spec["ops"], env, spec["repeats"])
print(json.dumps({"scipy": scipy.__version__, "ms": results}))
