#!/usr/bin/python3
"""Generates the chunked benchmark's inputs (not committed): Zarr v2 arrays written by zarr-python
(its default Blosc-lz4 compressor), band by band so memory stays small.

    /usr/bin/python3 bench/chunked_data.py DIR

DIR/big.zarr    20,000 × 20,000 uint8, 1024² chunks: smooth blobs (value 120–255) on a zero
                background with sparse single-pixel specks (labelling has ~10⁵ objects).
DIR/dask.zarr   7,000 × 6,500 uint8, 900² chunks: the same pattern (the dask anchor's input).
"""

import os
import sys

import numpy as np
import zarr


def band(y0, y1, w, rng):
    y = np.arange(y0, y1, dtype=np.float64)[:, None]
    x = np.arange(w, dtype=np.float64)[None, :]
    field = np.sin(x / 23.0) + np.sin(y / 31.0) + np.sin((x + y) / 17.0) + 0.3 * np.sin(x * y / 9000.0)
    noise = rng.random_sample((y1 - y0, w))
    out = np.where(field > 1.4, 120 + (noise * 135).astype(np.uint8), 0).astype(np.uint8)
    specks = rng.random_sample((y1 - y0, w)) < 0.0004
    out[specks] = 200
    return out


def make(path, shape, chunks):
    if os.path.exists(os.path.join(path, ".zarray")):
        return
    z = zarr.open(path, mode="w", shape=shape, chunks=chunks, dtype=np.uint8)
    rng = np.random.RandomState(17)
    for y0 in range(0, shape[0], chunks[0]):
        y1 = min(shape[0], y0 + chunks[0])
        z[y0:y1, :] = band(y0, y1, shape[1], rng)


if __name__ == "__main__":
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    make(os.path.join(d, "dask.zarr"), (7000, 6500), (900, 900))
    make(os.path.join(d, "big.zarr"), (20000, 20000), (1024, 1024))
    print("ok")
