#!/usr/bin/python3
"""Pillow + NumPy side of the image I/O table of `pnpm bench:scipy`: reads {"dir", "repeats", "ops"}
on stdin, times each statement on the files bench/io-image-compare.mjs wrote in `dir` (median of
`repeats` runs after one warm-up run) and prints JSON on stdout."""
import json
import os
import sys

import numpy as np
import PIL
from PIL import Image
from bench_timing import time_ops

spec = json.load(sys.stdin)
d = spec["dir"]
Image.MAX_IMAGE_PIXELS = None
env = {"np": np, "Image": Image, "jpg": os.path.join(d, "big.jpg"), "png": os.path.join(d, "big.png"),
       "out": os.path.join(d, "pillow_out")}
env["rgb"] = np.array(Image.open(env["png"]))
results = time_ops(spec["ops"], env, spec["repeats"])
print(json.dumps({"pillow": PIL.__version__, "ms": results}))
