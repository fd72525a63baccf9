"""PyTorch reference for the Mult-VAE step of `npm run bench` (src/core/bench/firstLayerBench.ts; the Mult-VAE lab).

Same model and shapes: 1700 → 600 → 200 (μ, log σ²) → 600 → 1700, tanh on hidden layers, input L2-normalised with
dropout 0.5, z = μ + σ·ε, multinomial log-likelihood + β·KL (β = 0.2), Adam (lr 1e-3, ε 1e-7), batch 500 users
with ~108 items each (workshop's first 500 users have 107.8 on average), the loss read back every step. The input
layer is the dense X·W₁ of the official implementations (ours is timed with both; its default is the sparse one).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import report, time_steps  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

ITEMS, HIDDEN, LATENT, BATCH, PER_USER = 1700, 600, 200, 500, 108
enc1, enc2 = torch.nn.Linear(ITEMS, HIDDEN), torch.nn.Linear(HIDDEN, 2 * LATENT)
dec1, dec2 = torch.nn.Linear(LATENT, HIDDEN), torch.nn.Linear(HIDDEN, ITEMS)
params = [p for m in (enc1, enc2, dec1, dec2) for p in m.parameters()]
opt = torch.optim.Adam(params, lr=1e-3, eps=1e-7)
x = (torch.rand(BATCH, ITEMS) < PER_USER / ITEMS).float()


def step():
    opt.zero_grad()
    h = F.dropout(F.normalize(x), 0.5, training=True)
    mu, logvar = enc2(torch.tanh(enc1(h))).chunk(2, dim=1)
    z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
    logits = dec2(torch.tanh(dec1(z)))
    nll = -(x * F.log_softmax(logits, 1)).sum(1)
    kl = 0.5 * (-logvar + logvar.exp() + mu.square() - 1).sum(1)
    loss = (nll + 0.2 * kl).mean()
    loss.backward()
    opt.step()
    return loss.item()


report([{"id": "mult-vae", "label": "Mult-VAE step 1700-600-200-600-1700, batch 500", **time_steps(step, warmup=3, reps=10)}])
