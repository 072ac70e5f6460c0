#!/usr/bin/python3
"""SciPy side of the distance/watershed/generic-filter table of `pnpm bench:scipy`: reads
{"dir", "repeats", "ops"} on stdin, loads the inputs that bench/distance-compare.mjs saved as .npy
in `dir`, times each statement (median of `repeats` runs after one warm-up run) and prints JSON."""
import json
import os
import sys

import numpy as np
import scipy
import scipy.ndimage as ndi
from scipy.ndimage import _ctest
from bench_timing import time_ops

spec = json.load(sys.stdin)
d = spec["dir"]
env = {name: np.load(os.path.join(d, name + ".npy")) for name in ("noisy", "clean", "ws_image", "ws_markers", "grey", "small")}


def mean9_py(w):
    return (w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + w[6] + w[7] + w[8]) / 9


# SciPy's own C test callback (a PyCapsule, which generic_filter takes as a LowLevelCallable): a
# weighted sum of the window, here the 3×3 mean.
env.update(np=np, ndi=ndi, mean9_py=mean9_py, mean9_c=_ctest.filter2d(np.full(9, 1 / 9)))
results = time_ops(spec["ops"], env, spec["repeats"])
check = int(env["noisy"].sum()) + int(env["clean"].sum()) + int(env["ws_markers"].max())
print(json.dumps({"scipy": scipy.__version__, "checksum": check, "ms": results}))
