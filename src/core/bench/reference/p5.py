"""PyTorch reference for `npm run bench`'s P5 training steps (src/core/bench/p5Bench.ts, benchP5).

Matched (lab defaults on workshop, as the bench's label prints them; transformer as src/core/models/p5/transformer.ts):
  * vocabulary 2,762 tokens (pad 0), position tables of maxLen = 109 rows (encoder and decoder each), d = 64,
    4 heads, 2 encoder + 2 decoder layers, FFN 256 with ReLU, pre-LN (eps 1e-5), no biases on the attention
    projections (fused d x 3d QKV, d x d out; cross-attention Q d x d and fused K/V d x 2d), biases on the FFN,
    final LayerNorms on encoder and decoder, one token table shared by encoder input, decoder input and output
    projection, inputs scaled by √d plus learned positions, a learned output bias on the 2,762 logits.
  * dropout 0.1 on the embeddings and on every sublayer's output (none on the attention probabilities), additive
    -1e9 masks for source padding and for causal + target padding.
  * loss: mean token cross-entropy over non-pad targets (teacher forcing); one Adam step (lr 2e-3, betas 0.9/0.999,
    eps 1e-7 as makeOptimizer) on every parameter.
  * batch shapes per family as the bench's batches are at defaults: 128 examples each, target length 2 (item token
    + <eos>), prompt lengths sequential 31, direct-yesno 9, direct-choose 109, plain (history only) 21, with the
    share of pad source tokens seen there (~9 %, 15 %, 1 %, 9 %); every target token is real.
  * timed region: token tensors made from host arrays, forward, backward, Adam step, loss read back.

Differences: tokens are random ids with those shapes (timing, not accuracy); our loss multiplies log-softmax by a
one-hot [256, 2762] and sums, F.cross_entropy gives the same value in one fused kernel.
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

VOCAB = 2762
MAX_LEN = 109
D = 64
HEADS = 4
ENC, DEC = 2, 2
FF = 4 * D
DROPOUT = 0.1
LR = 0.002
BATCH = 128
MASKED = -1e9
# family: (prompt length, share of pad source tokens) of the bench's batches at defaults.
FAMILIES = {"sequential": (31, 0.085), "direct-yesno": (9, 0.153), "direct-choose": (109, 0.009), "plain": (21, 0.092)}
TGT_LEN = 2
rng = np.random.default_rng(1)


def weight(rows, cols):
    return (torch.randn(rows, cols) / math.sqrt(rows)).requires_grad_()


def filled(cols, value):
    return torch.full((1, cols), float(value), requires_grad=True)


class P5:
    def __init__(self):
        self.params = []
        add = self.params.append

        def w(r, c):
            x = weight(r, c)
            add(x)
            return x

        def f(c, v):
            x = filled(c, v)
            add(x)
            return x

        norm = lambda: (f(D, 1), f(D, 0))  # noqa: E731
        ffn = lambda: dict(norm=norm(), w1=w(D, FF), b1=f(FF, 0), w2=w(FF, D), b2=f(D, 0))  # noqa: E731
        self.E = (torch.randn(VOCAB, D) / math.sqrt(D)).requires_grad_()
        add(self.E)
        self.out_bias = f(VOCAB, 0)
        self.pos_enc = (torch.randn(MAX_LEN, D) * 0.5).requires_grad_()
        self.pos_dec = (torch.randn(MAX_LEN, D) * 0.5).requires_grad_()
        add(self.pos_enc)
        add(self.pos_dec)
        self.enc = [dict(self_norm=norm(), qkv=w(D, 3 * D), out=w(D, D), ffn=ffn()) for _ in range(ENC)]
        self.enc_norm = norm()
        self.dec = [dict(self_norm=norm(), qkv=w(D, 3 * D), out=w(D, D), cross_norm=norm(), cross_q=w(D, D),
                         cross_kv=w(D, 2 * D), cross_out=w(D, D), ffn=ffn()) for _ in range(DEC)]
        self.dec_norm = norm()
        self.opt = torch.optim.Adam(self.params, lr=LR, betas=(0.9, 0.999), eps=1e-7)

    @staticmethod
    def ln(x, n):
        return F.layer_norm(x, (D,), n[0].view(D), n[1].view(D), 1e-5)

    @staticmethod
    def drop(x):
        return F.dropout(x, DROPOUT, training=True)

    @staticmethod
    def attention(q, k, v, bias, B, Lq, Lk):
        dh = D // HEADS
        qh = q.view(B, Lq, HEADS, dh).transpose(1, 2)
        kh = k.view(B, Lk, HEADS, dh).transpose(1, 2)
        vh = v.view(B, Lk, HEADS, dh).transpose(1, 2)
        scores = qh @ kh.transpose(2, 3) / math.sqrt(dh) + bias
        o = torch.softmax(scores, -1) @ vh
        return o.transpose(1, 2).reshape(B * Lq, D)

    def ffn_block(self, x, f):
        h = F.relu(self.ln(x, f["norm"]) @ f["w1"] + f["b1"])
        return x + self.drop(h @ f["w2"] + f["b2"])

    def self_block(self, x, l, bias, B, L):
        q, k, v = (self.ln(x, l["self_norm"]) @ l["qkv"]).split(D, 1)
        return x + self.drop(self.attention(q, k, v, bias, B, L, L) @ l["out"])

    def embed(self, ids, pos, B, L):
        tok = (self.E.index_select(0, ids) * math.sqrt(D)).view(B, L, D)
        return self.drop((tok + pos[:L]).view(B * L, D))

    def train_step(self, src, Ls, tgt_in, tgt_out, Lt, B):
        src = torch.from_numpy(src)
        tgt_in = torch.from_numpy(tgt_in)
        tgt_out = torch.from_numpy(tgt_out)
        src_bias = ((src == 0).float() * MASKED).view(B, 1, 1, Ls)
        x = self.embed(src, self.pos_enc, B, Ls)
        for l in self.enc:
            x = self.ffn_block(self.self_block(x, l, src_bias, B, Ls), l["ffn"])
        memory = self.ln(x, self.enc_norm)
        causal = torch.triu(torch.full((Lt, Lt), MASKED), 1).view(1, 1, Lt, Lt)
        self_bias = causal + ((tgt_in == 0).float() * MASKED).view(B, 1, 1, Lt)
        y = self.embed(tgt_in, self.pos_dec, B, Lt)
        for l in self.dec:
            y = self.self_block(y, l, self_bias, B, Lt)
            q = self.ln(y, l["cross_norm"]) @ l["cross_q"]
            k, v = (memory @ l["cross_kv"]).split(D, 1)
            y = y + self.drop(self.attention(q, k, v, src_bias, B, Lt, Ls) @ l["cross_out"])
            y = self.ffn_block(y, l["ffn"])
        h = self.ln(y, self.dec_norm)
        logits = h @ self.E.t() + self.out_bias
        loss = F.cross_entropy(logits, tgt_out, ignore_index=0)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        return loss.item()


def batches(Ls, pad_share, n=16):
    out = []
    for _ in range(n):
        lengths = np.clip(np.round(Ls * (1 - pad_share * 2 * rng.random(BATCH))), 2, Ls).astype(int)
        lengths[0] = Ls    # the longest prompt sets the batch's length
        src = rng.integers(2, VOCAB, (BATCH, Ls))
        src[np.arange(Ls)[None, :] >= lengths[:, None]] = 0
        tgt_out = rng.integers(2, VOCAB, (BATCH, TGT_LEN))
        tgt_in = np.concatenate([np.ones((BATCH, 1), np.int64), tgt_out[:, :-1]], 1)   # <bos> = 1
        out.append((src.reshape(-1).astype(np.int64), tgt_in.reshape(-1).astype(np.int64), tgt_out.reshape(-1).astype(np.int64)))
    return out


def main():
    model = P5()
    results = []
    for family, (Ls, pad_share) in FAMILIES.items():
        pool = batches(Ls, pad_share)
        at = [0]

        def step(pool=pool, Ls=Ls):
            src, tgt_in, tgt_out = pool[at[0] % len(pool)]
            at[0] += 1
            return model.train_step(src, Ls, tgt_in, tgt_out.copy(), TGT_LEN, BATCH)

        r = time_steps(step, warmup=2, reps=8)
        r.update(id=f"p5/{family}", label=f"P5 {family} step (vocabulary {VOCAB}, d = {D}, {HEADS} heads, {ENC}+{DEC} layers, batch {BATCH}, prompt {Ls}, target {TGT_LEN})")
        results.append(r)
    report(results)


if __name__ == "__main__":
    main()
