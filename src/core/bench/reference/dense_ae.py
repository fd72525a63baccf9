"""PyTorch reference for the dense autoencoder step of `npm run bench` (src/core/bench/denseAutoencoder.ts).

Same model and shapes: 2000→256→64→256→2000, tanh on hidden layers, linear logits, multinomial log-likelihood
−mean_b Σ_i x_bi · log softmax(z_b)_i, batch 128 of multi-hot rows with ~2% ones, Adam (lr 1e-3, ε 1e-7),
4 pre-built batches cycled, the loss read back every step.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import report, time_steps  # noqa: E402

import torch  # noqa: E402

SIZES, BATCH = [2000, 256, 64, 256, 2000], 128
layers = [torch.nn.Linear(a, b) for a, b in zip(SIZES[:-1], SIZES[1:])]
params = [p for layer in layers for p in layer.parameters()]
opt = torch.optim.Adam(params, lr=1e-3, eps=1e-7)
inputs = [(torch.rand(BATCH, SIZES[0]) < 0.02).float() for _ in range(4)]
k = 0


def step():
    global k
    x = inputs[k % 4]
    k += 1
    opt.zero_grad()
    h = x
    for n, layer in enumerate(layers):
        h = layer(h)
        if n < len(layers) - 1:
            h = torch.tanh(h)
    loss = -(x * torch.log_softmax(h, 1)).sum(1).mean()
    loss.backward()
    opt.step()
    return loss.item()


report([{"id": "dense-ae", "label": "Dense AE step 2000→256→64→256→2000, batch 128", **time_steps(step)}])
