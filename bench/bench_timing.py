"""The Python side's timing, shared by the *_compare.py scripts: each op is a Python expression
(`op["py"]`) evaluated in `env`, timed `repeats` times after `warmup` untimed runs; the median in ms.
"""
import time


def time_ops(ops, env, repeats, warmup=1):
    """{op name: median ms} for `ops` (each {"name", "py", and optionally its own "repeats"})."""
    results = {}
    for op in ops:
        code = compile(op["py"], op["name"], "eval")
        for _ in range(warmup):
            eval(code, env)
        times = []
        for _ in range(op.get("repeats", repeats)):
            t0 = time.perf_counter()
            eval(code, env)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        results[op["name"]] = times[len(times) // 2]
    return results
