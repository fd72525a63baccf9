"""PyTorch reference for the softmax-MF step of `npm run bench` (src/core/bench/softmaxMfBench.ts; the consumption
lab's trained comparison, whose softmax MF is fitted by src/core/experiment/warmStart.ts).

Same model, shapes, loss and optimiser as our step at the lab's defaults on workshop: 1000 users, 1700 items, d = 32,
logits U_u · Vᵀ + b over the whole catalogue, batch 64 users, each with ~83 training items (workshop's 'random' 80/20
split has 82,755 training clicks over 1000 users; random items here), the dense 64 × 1700 target (1/|row| on each of
the user's items) filled inside the step as ours is, loss −mean_u Σ_i target_ui · log_softmax(logits)_ui, Adam
(lr 0.02, ε 1e-7) over the whole U, V and b (dense gradients, as tfjs). 8 pre-drawn batches cycled, the loss read back
every step.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import report, time_steps  # noqa: E402

import torch  # noqa: E402

USERS, ITEMS, DIM, BATCH, PER_USER, LR = 1000, 1700, 32, 64, 83, 0.02
U = torch.nn.Parameter(torch.randn(USERS, DIM) * 0.1)
V = torch.nn.Parameter(torch.randn(ITEMS, DIM) * 0.1)
b = torch.nn.Parameter(torch.zeros(ITEMS))
opt = torch.optim.Adam([U, V, b], lr=LR, eps=1e-7)


def draw():
    users = torch.randperm(USERS)[:BATCH]
    cols = torch.cat([torch.randperm(ITEMS)[:PER_USER] for _ in range(BATCH)])
    rows = torch.arange(BATCH).repeat_interleave(PER_USER)
    return users, rows, cols


batches = [draw() for _ in range(8)]
k = 0


def step():
    global k
    users, rows, cols = batches[k % len(batches)]
    k += 1
    target = torch.zeros(BATCH, ITEMS)
    target[rows, cols] = 1.0 / PER_USER
    opt.zero_grad()
    logits = U[users] @ V.t() + b
    loss = -(target * torch.log_softmax(logits, 1)).sum(1).mean()
    loss.backward()
    opt.step()
    return loss.item()


report([{"id": "softmax-mf", "label": f"softmax-MF step {USERS}×{ITEMS}×{DIM}, batch {BATCH} users × all items", **time_steps(step, warmup=5, reps=30)}])
