#!/usr/bin/python3
"""NumPy / scikit-image side of the ROF table of `pnpm bench:scipy`: reads {"dir", "ops"} on stdin
(each op with its statement and repeats), loads the inputs bench/rof-compare.mjs saved as .npy in
`dir`, times each statement (median of its repeats after one warm-up run) and prints JSON."""
import json
import os
import sys

import numpy as np
import skimage
from skimage.restoration import denoise_tv_chambolle
from bench_timing import time_ops


def book(im, U_init=None, tolerance=0.1, tau=0.125, tv_weight=100):
    """The textbook's ROF code (Solem, Programming Computer Vision with Python, §1.5), verbatim."""
    m, n = im.shape
    U = im if U_init is None else U_init
    Px = im
    Py = im
    error = 1
    while error > tolerance:
        Uold = U
        GradUx = np.roll(U, -1, axis=1) - U
        GradUy = np.roll(U, -1, axis=0) - U
        PxNew = Px + (tau / tv_weight) * GradUx
        PyNew = Py + (tau / tv_weight) * GradUy
        NormNew = np.maximum(1, np.sqrt(PxNew**2 + PyNew**2))
        Px = PxNew / NormNew
        Py = PyNew / NormNew
        RxPx = np.roll(Px, 1, axis=1)
        RyPy = np.roll(Py, 1, axis=0)
        DivP = (Px - RxPx) + (Py - RyPy)
        U = im + tv_weight * DivP
        error = np.linalg.norm(U - Uold) / np.sqrt(n * m)
    return U, im - U


spec = json.load(sys.stdin)
d = spec["dir"]
env = {name: np.load(os.path.join(d, name + ".npy")) for name in ("s500", "s2048", "u500", "u2048")}
env.update(np=np, book=book, denoise_tv_chambolle=denoise_tv_chambolle)
results = time_ops(spec["ops"], env, None)
print(json.dumps({"numpy": np.__version__, "skimage": skimage.__version__,
                  "checksum": float(env["s500"].sum() + env["s2048"].sum()), "ms": results}))
