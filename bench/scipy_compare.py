#!/usr/bin/python3
"""NumPy side of `pnpm bench:scipy`: reads {"n", "repeats", "ops": [{"name", "py"}]} on stdin,
builds the same inputs as bench/ops.mjs (NumPy's seed-0 legacy stream), times each statement
(median of `repeats` runs after 2 warm-up runs) and prints JSON on stdout."""
import json
import sys
import time

import numpy as np

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
results = {}
for op in spec["ops"]:
    code = compile(op["py"], op["name"], "eval")
    for _ in range(2):
        eval(code, env)
    times = []
    for _ in range(spec["repeats"]):
        t0 = time.perf_counter()
        eval(code, env)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    results[op["name"]] = times[len(times) // 2]
print(json.dumps({"numpy": np.__version__, "checksum": float(a.sum() + u.sum()), "ms": results}))
