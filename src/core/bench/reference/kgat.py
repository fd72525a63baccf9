"""PyTorch reference for `npm run bench`'s KGAT steps (src/core/bench/kgatBench.ts, benchKgat).

Matched (lab defaults on workshop, as the bench's label prints them):
  * graph: 2,876 nodes (1,000 users, 1,700 items, 176 entities), 155,974 edges in 8 relations (interact 72,376,
    genre 2,211, creator 1,700, decade 1,700, each with its inverse); edge weights the official initial adjacency,
    1 / (the head's number of edges of that relation). The BPR-MF model's graph: 2,700 nodes (no layers, so the graph
    is never read). d = 32, L = 2 with layer sizes 32, 16 (e* of size 80).
  * CF step (`kgat/cf`): whole-graph propagation per layer, e_N = A·e (A the N x N weighted adjacency, applied as
    torch.sparse.mm on a coalesced COO matrix, as the official KGAT code does; ours is the same product as a row
    gather, a scale and a sorted segment sum, with the transposed product in the backward pass), the Bi-Interaction
    aggregator LeakyReLU_0.01(W1(e + e_N) + b1) + LeakyReLU_0.01(W2(e * e_N) + b2), message dropout 0.1 on each
    layer's output, each layer L2-normalised, concatenated; BPR on a batch of 1,024 (user, pos, neg) triples:
    mean softplus(-(ŷ_ui - ŷ_uj)) + 1e-5 · (mean ‖e*‖²/2 of u, i and j); Adam (lr 5e-3, eps 1e-7) on E and the layers.
  * BPR-MF step (`kgat/bpr-mf`): the same code with no layers (e* = E), batch 1,024, its own Adam on E.
  * TransR step (`kgat/transr`): ours projects every node into every relation's space at once (E · [W_1 … W_R],
    N x R·d, then rows n·R + r are gathered) — done the same way here; g = ‖W_r e_h + e_r − W_r e_t‖², loss
    mean softplus(g(h,r,t) − g(h,r,t')) + 1e-5 · (mean ‖·‖²/2 of W_r e_h, e_r, W_r e_t, W_r e_t'); batch 2,048
    random edges with uniformly corrupted tails; a second Adam on E, relation embeddings and W.
  * timed region: index tensors built from host arrays, forward, backward, Adam step, loss read back.

Differences: the graph is random with the same node, edge and relation counts and a skewed degree shape (median out
degree ~35, max several hundred, as workshop's), not workshop's graph; gradients of E are dense (tfjs's Adam is dense
too). A second figure, `kgat/cf-index-add`, times the CF step with the propagation written as our kernels are
(index_select of the tail rows, scale, index_add_ into the heads): the closest op-for-op mirror.
"""
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

USERS, ITEMS, ENTITIES = 1000, 1700, 176
INTERACTIONS, GENRE_EDGES, CREATORS, DECADES = 72376, 2211, 150, 8
DIM = 32
LAYERS = [32, 16]
BATCH = 1024
KG_BATCH = 2048
LR = 0.005
L2 = 1e-5
DROPOUT = 0.1
rng = np.random.default_rng(1)


def build_graph():
    """Random workshop-shaped graph: (head, relation, tail) sorted by head then tail, and the initial weights."""
    N = USERS + ITEMS + ENTITIES
    # Interactions: skewed user activity and item popularity, no repeats.
    pu = rng.lognormal(0, 0.8, USERS)
    pi = 1 / np.arange(1, ITEMS + 1) ** 0.8
    pairs = set()
    while len(pairs) < INTERACTIONS:
        need = INTERACTIONS - len(pairs)
        u = rng.choice(USERS, size=need * 2, p=pu / pu.sum())
        i = rng.choice(ITEMS, size=need * 2, p=pi / pi.sum())
        for a, b in zip(u.tolist(), i.tolist()):
            if len(pairs) < INTERACTIONS:
                pairs.add((a, b))
    ui = np.array(sorted(pairs))
    items = USERS + ui[:, 1]
    genres_n = ENTITIES - CREATORS - DECADES
    genre_base = USERS + ITEMS
    creator_base = genre_base + genres_n
    decade_base = creator_base + CREATORS
    # Every item has one creator, one decade and one or two genres (2,211 genre edges over 1,700 items).
    all_items = np.arange(ITEMS)
    two = rng.choice(ITEMS, GENRE_EDGES - ITEMS, replace=False)
    g_items = np.concatenate([all_items, two])
    g1 = rng.integers(0, genres_n, ITEMS)
    g2 = (g1[two] + 1 + rng.integers(0, genres_n - 1, two.size)) % genres_n
    g_ent = np.concatenate([g1, g2])
    triples = [
        (ui[:, 0], 0, items), (items, 1, ui[:, 0]),
        (USERS + g_items, 2, genre_base + g_ent), (genre_base + g_ent, 3, USERS + g_items),
    ]
    cr = creator_base + rng.integers(0, CREATORS, ITEMS)
    de = decade_base + rng.integers(0, DECADES, ITEMS)
    triples += [(USERS + all_items, 4, cr), (cr, 5, USERS + all_items), (USERS + all_items, 6, de), (de, 7, USERS + all_items)]
    head = np.concatenate([np.asarray(h) for h, _, _ in triples])
    rel = np.concatenate([np.full(len(h), r) for h, r, _ in triples])
    tail = np.concatenate([np.asarray(t) for _, _, t in triples])
    order = np.lexsort((tail, head))
    head, rel, tail = head[order], rel[order], tail[order]
    # 1 / (the head's number of edges of that relation).
    key = head * 8 + rel
    _, inv, counts = np.unique(key, return_inverse=True, return_counts=True)
    w = (1.0 / counts[inv]).astype(np.float32)
    return N, head.astype(np.int64), rel.astype(np.int64), tail.astype(np.int64), w


def xavier(rows, cols):
    return torch.randn(rows, cols) * (2 / (rows + cols)) ** 0.5


def l2_mean(x):
    return x.square().sum(1).mean() / 2


class Kgat:
    def __init__(self, N, R, layers, graph=None, propagation="sparse"):
        self.N, self.R = N, R
        self.E = xavier(N, DIM).requires_grad_()
        self.relE = xavier(R, DIM).requires_grad_()
        self.relW = torch.cat([xavier(DIM, DIM) for _ in range(R)], 1).requires_grad_()   # d x R·d
        self.layers = []
        for l, out in enumerate(layers):
            inp = DIM if l == 0 else layers[l - 1]
            self.layers.append([xavier(inp, out).requires_grad_(), torch.zeros(1, out, requires_grad=True),
                                xavier(inp, out).requires_grad_(), torch.zeros(1, out, requires_grad=True)])
        self.propagation = propagation
        if graph is not None:
            _, head, _, tail, w = graph
            self.head, self.tail, self.w = torch.from_numpy(head), torch.from_numpy(tail), torch.from_numpy(w)
            self.A = torch.sparse_coo_tensor(torch.stack([self.head, self.tail]), self.w, (N, N)).coalesce()
            self.w_col = self.w.unsqueeze(1)
        layer_vars = [v for layer in self.layers for v in layer]
        self.cf_opt = torch.optim.Adam([self.E] + layer_vars, lr=LR, eps=1e-7)
        self.kg_opt = torch.optim.Adam([self.E, self.relE, self.relW], lr=LR, eps=1e-7)

    def propagate(self, x):
        if self.propagation == "sparse":
            return torch.sparse.mm(self.A, x)
        messages = x.index_select(0, self.tail) * self.w_col
        return torch.zeros(self.N, x.shape[1]).index_add_(0, self.head, messages)

    def forward(self):
        if not self.layers:
            return self.E
        ego = self.E
        parts = [self.E]
        for W1, b1, W2, b2 in self.layers:
            side = self.propagate(ego)
            out = F.leaky_relu((ego + side) @ W1 + b1, 0.01) + F.leaky_relu((ego * side) @ W2 + b2, 0.01)
            out = F.dropout(out, DROPOUT, training=True)
            ego = out
            parts.append(F.normalize(out, p=2, dim=1))
        return torch.cat(parts, 1)

    def cf_step(self, users, pos, neg):
        u = torch.from_numpy(users)
        i = torch.from_numpy(pos + USERS)
        j = torch.from_numpy(neg + USERS)
        e = self.forward()
        eu, ei, ej = e.index_select(0, u), e.index_select(0, i), e.index_select(0, j)
        x = (eu * (ei - ej)).sum(1)
        loss = F.softplus(-x).mean() + L2 * (l2_mean(eu) + l2_mean(ei) + l2_mean(ej))
        self.cf_opt.zero_grad(set_to_none=True)
        loss.backward()
        self.cf_opt.step()
        return loss.item()

    def kg_step(self, h, r, t, t_neg):
        R = self.R
        ri = torch.from_numpy(r)
        hr, tr, nr = (torch.from_numpy(n * R + r) for n in (h, t, t_neg))
        P = (self.E @ self.relW).view(self.N * R, DIM)
        rh, rt, rn = P.index_select(0, hr), P.index_select(0, tr), P.index_select(0, nr)
        er = self.relE.index_select(0, ri)
        base = rh + er
        pos = (base - rt).square().sum(1)
        neg = (base - rn).square().sum(1)
        loss = F.softplus(pos - neg).mean() + L2 * (l2_mean(rh) + l2_mean(er) + l2_mean(rt) + l2_mean(rn))
        self.kg_opt.zero_grad(set_to_none=True)
        loss.backward()
        self.kg_opt.step()
        return loss.item()


def main():
    graph = build_graph()
    N, head, rel, tail, _ = graph
    users = rng.integers(0, USERS, 64 * BATCH)
    pos = rng.integers(0, ITEMS, 64 * BATCH)
    neg = rng.integers(0, ITEMS, 64 * BATCH)

    def cf_of(model):
        at = [0]

        def step():
            a = (at[0] * BATCH) % (len(users) - BATCH)
            at[0] += 1
            return model.cf_step(users[a:a + BATCH], pos[a:a + BATCH], neg[a:a + BATCH])
        return step

    kgat = Kgat(N, 8, LAYERS, graph, "sparse")
    kgat_ia = Kgat(N, 8, LAYERS, graph, "index_add")
    bpr = Kgat(USERS + ITEMS, 2, [])

    def kg_step():
        e = rng.integers(0, len(head), KG_BATCH)
        return kgat.kg_step(head[e], rel[e], tail[e], rng.integers(0, N, KG_BATCH))

    shape = f"{N} nodes, {len(head)} edges; L = {len(LAYERS)}, d = {DIM}"
    results = []
    for id_, label, step in (
        ("kgat/cf", f"KGAT CF step (random workshop-shaped graph: {shape}, batch {BATCH}, torch.sparse.mm)", cf_of(kgat)),
        ("kgat/bpr-mf", f"BPR-MF step (KGAT code without layers, {USERS + ITEMS} nodes, d = {DIM}, batch {BATCH})", cf_of(bpr)),
        ("kgat/transr", f"KGAT TransR step ({shape}, KG batch {KG_BATCH})", kg_step),
        ("kgat/cf-index-add", f"KGAT CF step ({shape}, batch {BATCH}, propagation as index_select + index_add_)", cf_of(kgat_ia)),
    ):
        r = time_steps(step, warmup=3, reps=15)
        r.update(id=id_, label=label)
        results.append(r)
    report(results)


if __name__ == "__main__":
    main()
