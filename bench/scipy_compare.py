#!/usr/bin/python3
"""NumPy side of `pnpm bench:scipy`: reads {"n", "repeats", "ops": [{"name", "py"}]} on stdin,
builds the same inputs as bench/ops.mjs (NumPy's seed-0 legacy stream), times each statement
(median of `repeats` runs after 2 warm-up runs) and prints JSON on stdout."""
import json
import sys

import numpy as np
from bench_timing import time_ops

spec = json.load(sys.stdin)
n = spec["n"]
np.random.seed(0)
a = np.random.random((n, n))
b = np.random.random((n, n))
u = (a * 255).astype(np.uint8)
v = (b * 255).astype(np.uint8)
f = a.astype(np.float32)
o = np.zeros((n, n))
row = b[0]
env = {"np": np, "a": a, "b": b, "u": u, "v": v, "f": f, "o": o, "row": row}
results = time_ops(spec["ops"], env, spec["repeats"], warmup=2)
print(json.dumps({"numpy": np.__version__, "checksum": float(a.sum() + u.sum()), "ms": results}))
