"""PyTorch reference for the BPR-MF step of `npm run bench` (src/core/bench/benchmarks.ts, MF_BENCH; the pop-vs-mf lab).

Same model and shapes: 1000 users × 1700 items × 32 dims, batch 1,024 triples, loss mean softplus(−(u·v_i − u·v_j))
+ 1e-4 · mean(‖u‖² + ‖v_i‖² + ‖v_j‖²), Adam (lr 0.01, ε 1e-7) over both whole tables (dense gradients, as tfjs),
4 pre-drawn batches cycled, the loss read back every step.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import report, time_steps  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

USERS, ITEMS, DIM, BATCH = 1000, 1700, 32, 1024
U = torch.nn.Parameter(torch.randn(USERS, DIM) * 0.1)
V = torch.nn.Parameter(torch.randn(ITEMS, DIM) * 0.1)
opt = torch.optim.Adam([U, V], lr=0.01, eps=1e-7)
batches = [(torch.randint(USERS, (BATCH,)), torch.randint(ITEMS, (BATCH,)), torch.randint(ITEMS, (BATCH,))) for _ in range(4)]
k = 0


def step():
    global k
    u, i, j = batches[k % 4]
    k += 1
    opt.zero_grad()
    eu, ei, ej = U[u], V[i], V[j]
    x = (eu * (ei - ej)).sum(1)
    loss = F.softplus(-x).mean() + 1e-4 * (eu.square().sum(1) + ei.square().sum(1) + ej.square().sum(1)).mean()
    loss.backward()
    opt.step()
    return loss.item()


report([{"id": "mf-bpr", "label": "BPR-MF step 1000×1700×32, batch 1024", **time_steps(step)}])
