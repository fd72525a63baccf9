"""Shared timing for the PyTorch reference benchmarks (measuring only; never a dependency of the product).

Each reference script times the same model, shapes and optimiser as one of `npm run bench`'s workloads, on one
CPU thread (tfjs-wasm runs single-threaded here), and prints one JSON object on stdout:
  {"reference": "pytorch", "version": ..., "threads": 1, "results": [{"id": ..., "label": ..., "medianMs": ..., ...}]}
Debian's python3-torch calls whatever BLAS the system provides: install libopenblas0-pthread as well, or its
matrix products run on the reference BLAS (~10× slower here; `torch.__config__.show()` says BLAS_INFO=generic
either way). `npm run bench` runs every script in this folder when `python3 -c "import torch"` works and prints ours / theirs.
"""
import json
import os
import statistics
import sys
import time

# One thread everywhere (tfjs-wasm is single-threaded here), set before torch loads its BLAS and OpenMP.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import torch  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(1)


def time_steps(step, warmup=5, reps=20):
    """Median ms of `reps` calls of `step` after `warmup` untimed ones; each call ends with the loss read back."""
    for _ in range(warmup):
        step()
    samples = []
    for _ in range(reps):
        t0 = time.perf_counter()
        step()
        samples.append((time.perf_counter() - t0) * 1000)
    return {"medianMs": statistics.median(samples), "minMs": min(samples), "maxMs": max(samples), "reps": reps, "warmup": warmup}


def report(results):
    json.dump({"reference": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(), "results": results}, sys.stdout)
    sys.stdout.write("\n")
