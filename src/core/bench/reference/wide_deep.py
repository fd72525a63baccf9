"""PyTorch reference for `npm run bench`'s Wide & Deep step (src/core/bench/wideDeepBench.ts, benchWideDeepStep).

Matched (lab defaults on workshop, as the bench's label prints them):
  * feature space: 2,883 features (deep embedding rows + 1 empty row that stays 0), 7 fields, 8 deep slots
    (slot field map [0,1,2,3,4,4,5,6]: field 4 has two slots, pooled with weights 1/2 each or 1 when the second slot
    is empty, which it is for ~69 % of impressions); 20 crosses; wide weights 2,883 + 20 + 1 empty = 2,904 x 1;
    wide width 16 per impression (8 slots + 8 cross candidates, ~7.8 on).
  * batch 256, d = 8, hidden 64 / 32, He-normal dense layers, ReLU, one logit = bias + wide + deep.
  * deep part as model.ts computes it: gather the slot rows, scale by the pooling weight, sum per field through a
    constant S x F pooling matrix (B*d x S times S x F, as ours), flatten B x (F*d), two ReLU layers, output layer.
  * loss: mean log-loss from logits (binary_cross_entropy_with_logits, the same value as our stable form) plus
    l2 = 1e-4 times the squared norm of the batch's embedding rows / B (deep and joint only).
  * one gradient of that loss for every variable; Adam (lr 3e-3, betas 0.9/0.999, eps 1e-7 as makeOptimizer) on the
    bias and the deep part; FTRL-Proximal (alpha 0.1, beta 1, l1 5, l2 0) on the wide weights with the gradient times
    B, dense over the whole vector as ftrl.ts does (a handful of tensor ops; PyTorch has no FTRL).
  * timed region: building the batch tensors from host arrays, forward, backward, both updates, loss read back.

Differences: the impressions are random with the same shapes and sparsity (timing, not accuracy), and our host side
also builds the index arrays from the task rows each step (hostBatch/deviceBatch, a few thousand array writes) — here
the host arrays are drawn beforehand and only turned into tensors inside the step. Embedding gradients are dense
(index_select's default), as tfjs's scatterND gradient and Adam update the whole table.
"""
import math
import os
import sys

# One BLAS thread: torch.set_num_threads(1) (common.py) does not reach Debian's OpenBLAS (pthread build), whose own
# threads otherwise compete with the step on this machine; it must be set before numpy or torch load it.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from common import report, time_steps  # noqa: E402

SPACE = 2883          # features (space.size)
CROSSES = 20          # config.topCrosses crosses chosen ('top')
SLOT_FIELD = [0, 1, 2, 3, 4, 4, 5, 6]
FIELDS = 7
CROSS_WIDTH = 8       # maxCrosses(space)
B = 256
DIM = 8
HIDDEN = 64
LR = 0.003
L2 = 0.0001
FTRL = dict(alpha=0.1, beta=1.0, l1=5.0, l2=0.0)

S = len(SLOT_FIELD)
W = S + CROSS_WIDTH
rng = np.random.default_rng(1)


def host_batches(n):
    """n random batches shaped as deviceBatch's arrays (index 2883 = the empty deep row, 2903 the empty wide row)."""
    out = []
    empty_wide = SPACE + CROSSES
    for _ in range(n):
        slots = rng.integers(0, SPACE, size=(B, S)).astype(np.int64)
        second = rng.random(B) < 0.31           # field 4's second value present
        slots[~second, 5] = SPACE
        weights = np.ones((B, S), np.float32)
        weights[second, 4] = 0.5
        weights[second, 5] = 0.5
        weights[~second, 5] = 0.0
        cross_on = rng.random((B, CROSS_WIDTH)) < 0.46 / CROSS_WIDTH
        crosses = np.where(cross_on, SPACE + rng.integers(0, CROSSES, size=(B, CROSS_WIDTH)), empty_wide)
        wide_idx = np.concatenate([np.where(slots < SPACE, slots, empty_wide), crosses], 1)
        wide_val = (wide_idx != empty_wide).astype(np.float32)
        labels = (rng.random(B) < 0.1).astype(np.float32)
        out.append((wide_idx.reshape(-1), wide_val, slots.reshape(-1), weights.reshape(B, S, 1), labels))
    return out


def dense(fan_in, fan_out, std=None):
    std = math.sqrt(2 / fan_in) if std is None else std
    return (torch.randn(fan_in, fan_out) * std).requires_grad_(), torch.zeros(1, fan_out, requires_grad=True)


class Ftrl:
    """FTRL-Proximal on a dense weight tensor, the same element-wise ops as src/core/models/wideDeep/ftrl.ts."""

    def __init__(self, w, alpha, beta, l1, l2):
        self.w, self.alpha, self.beta, self.l1, self.l2 = w, alpha, beta, l1, l2
        self.z = torch.zeros_like(w)
        self.n = torch.zeros_like(w)

    @torch.no_grad()
    def apply(self, g):
        n_new = self.n + g * g
        sq_new = n_new.sqrt()
        sigma = (sq_new - self.n.sqrt()) / self.alpha
        z = self.z + g - sigma * self.w
        shrunk = z - z.sign() * self.l1
        denom = (self.beta + sq_new) / self.alpha + self.l2
        w = torch.where(z.abs() <= self.l1, torch.zeros_like(z), -(shrunk / denom))
        self.z.copy_(z)
        self.n.copy_(n_new)
        self.w.copy_(w)


def make_step(kind, batches):
    wide_on = kind != "deep"
    deep_on = kind != "wide"
    bias = torch.zeros(1, 1, requires_grad=True)
    adam_vars = [bias]
    if wide_on:
        wide = torch.zeros(SPACE + CROSSES + 1, 1, requires_grad=True)
        ftrl = Ftrl(wide, **FTRL)
    if deep_on:
        emb_init = torch.randn(SPACE + 1, DIM) * 0.05
        emb_init[SPACE] = 0
        emb = emb_init.requires_grad_()
        pool = torch.zeros(S, FIELDS)
        for s, f in enumerate(SLOT_FIELD):
            pool[s, f] = 1
        w1, b1 = dense(FIELDS * DIM, HIDDEN)
        w2, b2 = dense(HIDDEN, HIDDEN // 2)
        w3, b3 = dense(HIDDEN // 2, 1, math.sqrt(1 / (HIDDEN // 2)))
        adam_vars += [emb, w1, b1, w2, b2, w3, b3]
    adam = torch.optim.Adam(adam_vars, lr=LR, betas=(0.9, 0.999), eps=1e-7)
    at = [0]

    def step():
        wide_idx, wide_val, deep_idx, deep_w, labels = (torch.from_numpy(a) for a in batches[at[0] % len(batches)])
        at[0] += 1
        logit = bias
        if wide_on:
            logit = logit + (wide.index_select(0, wide_idx).view(B, W) * wide_val).sum(1, keepdim=True)
        if deep_on:
            rows = emb.index_select(0, deep_idx)
            sq_norm = rows.square().sum() / B
            e = rows.view(B, S, DIM) * deep_w
            pooled = e.transpose(1, 2).reshape(B * DIM, S) @ pool
            x = pooled.view(B, DIM, FIELDS).transpose(1, 2).reshape(B, FIELDS * DIM)
            a1 = F.relu(x @ w1 + b1)
            a2 = F.relu(a1 @ w2 + b2)
            logit = logit + (a2 @ w3 + b3)
        logits = logit.expand(B, 1).reshape(-1)
        log_loss = F.binary_cross_entropy_with_logits(logits, labels)
        loss = log_loss + L2 * sq_norm if deep_on else log_loss
        adam.zero_grad(set_to_none=True)
        if wide_on:
            wide.grad = None
        loss.backward()
        adam.step()
        if wide_on:
            ftrl.apply(wide.grad * B)
        return log_loss.item()

    return step


def main():
    batches = host_batches(64)
    results = []
    for kind in ("wide", "deep", "joint"):
        r = time_steps(make_step(kind, batches), warmup=10, reps=50)
        r.update(id=f"wide-deep/{kind}", label=f"Wide & Deep {kind} step (workshop shapes, batch {B}, {CROSSES} crosses, d = {DIM}, hidden {HIDDEN}/{HIDDEN // 2})")
        results.append(r)
    report(results)


if __name__ == "__main__":
    main()
