#!/usr/bin/python3
"""SciPy side of the morphology table of `pnpm bench:scipy`: reads {"dir", "repeats", "ops"} on
stdin, loads the inputs that bench/morphology-compare.mjs saved as .npy in `dir`, times each
statement (median of `repeats` runs after one warm-up run) and prints JSON on stdout."""
import json
import os
import sys

import numpy as np
import scipy
import scipy.ndimage as ndi
from bench_timing import time_ops

spec = json.load(sys.stdin)
d = spec["dir"]
env = {name: np.load(os.path.join(d, name + ".npy")) for name in ("noisy", "clean", "grey", "labels")}
env["lab_out"] = np.zeros(env["noisy"].shape, np.int32)


def object_stats(labels, values):
    """What objectStats returns, from SciPy's functions: boxes, areas, centroids, mean intensity."""
    index = np.arange(1, labels.max() + 1)
    ones = np.ones(labels.shape)
    return (ndi.find_objects(labels), ndi.sum_labels(ones, labels, index),
            ndi.center_of_mass(ones, labels, index), ndi.mean(values, labels, index))


env.update(np=np, ndi=ndi, object_stats=object_stats)
results = time_ops(spec["ops"], env, spec["repeats"])
check = int(env["noisy"].sum()) + int(env["clean"].sum()) + int(ndi.label(env["noisy"])[1])
print(json.dumps({"scipy": scipy.__version__, "checksum": check, "ms": results}))
