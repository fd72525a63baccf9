"""PyTorch reference for the AMP-CF step of `npm run bench` (src/core/bench/ampCfBench.ts; the AMP-CF lab).

Same model, shapes, loss and optimiser as our step at the lab's defaults (src/core/labs/ampCf/config.ts) on workshop:
1000 users × P = 3 persona vectors, 1700 items, d = 8, item bias; batch 1,024 users, each with a candidate list of
1 positive + K = 8 negatives (random ids here: the lab's sampler runs once per epoch, outside the step). As
src/core/models/ampCf/model.ts `forward` and src/core/labs/ampCf/training.ts `ampCfLoss`:
  S[b,j,p] = v_{b,j} · u_{b,p} (one batched (n × d)·(d × P) product per user), log α = log_softmax_p S,
  s = Σ_p α S + b_i;  loss = mean_b [logsumexp_j s_bj − s_b0] + λ · entropy term (if λ > 0 and P > 1)
  + l2 · (Σ‖u_{b,p}‖² / B + Σ‖v_{b,j}‖² / (B·n)),
with λ = 0 (the default: the term is skipped, as ours skips it), l2 = 0.01, and Adam (lr 0.02, ε 1e-7) over the whole
tables U (users·P × d), V and b (dense gradients, as tfjs). 8 pre-drawn batches cycled, the loss read back every step.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import report, time_steps  # noqa: E402

import torch  # noqa: E402

USERS, ITEMS, DIM, P, K, BATCH = 1000, 1700, 8, 3, 8, 1024
LR, L2, ENTROPY = 0.02, 0.01, 0.0
N = 1 + K
U = torch.nn.Parameter(torch.randn(USERS * P, DIM) * 0.1)
V = torch.nn.Parameter(torch.randn(ITEMS, DIM) * 0.1)
b = torch.nn.Parameter(torch.zeros(ITEMS))
opt = torch.optim.Adam([U, V, b], lr=LR, eps=1e-7)
batches = [(torch.randint(USERS, (BATCH,)), torch.randint(ITEMS, (BATCH, N))) for _ in range(8)]
offsets = torch.arange(P)
k = 0


def entropy_term(alpha):
    h = -(alpha * torch.log(alpha + 1e-12)).sum(-1)  # B × n
    return h[:, 0].mean() - h[:, 1:].mean()


def step():
    global k
    users, items = batches[k % len(batches)]
    k += 1
    opt.zero_grad()
    Up = U[(users[:, None] * P + offsets).reshape(-1)].reshape(BATCH, P, DIM)  # B × P × d
    Vc = V[items.reshape(-1)].reshape(BATCH, N, DIM)  # B × n × d
    S = torch.bmm(Vc, Up.transpose(1, 2))  # B × n × P
    log_alpha = torch.log_softmax(S, 2)
    alpha = log_alpha.exp()
    s = (alpha * S).sum(2) + b[items]
    loss = (torch.logsumexp(s, 1) - s[:, 0]).mean()
    if ENTROPY > 0 and P > 1:
        loss = loss + ENTROPY * entropy_term(alpha)
    loss = loss + L2 * (Up.square().sum() / BATCH + Vc.square().sum() / (BATCH * N))
    loss.backward()
    opt.step()
    return loss.item()


report([{"id": "amp-cf", "label": f"AMP-CF step {USERS}×{P} personas, {ITEMS} items, d = {DIM}, batch {BATCH} × {N} candidates", **time_steps(step, warmup=5, reps=30)}])
