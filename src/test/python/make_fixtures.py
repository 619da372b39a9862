#!/usr/bin/python3
"""Makes extra reference fixtures (model, sequence, trace) with PyTorch, float64.

Covers what the shared fixtures do not: bidirectional and stacked layers, embeddings, rnn_relu,
sigmoid / BCE, MSE through softmax, given initial states and models without an output head.
Each case is unrolled by hand with torch ops (so gates and per-step hidden states can be read,
and dL/dh_t taken with retain_grad), and the result is checked against the nn.Module itself.

    /usr/bin/python3 src/test/python/make_fixtures.py src/test/resources/fixtures
"""
import json
import sys

import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)


def make_module(cell, I, H, L, bidi, emb, out):
    m = nn.Module()
    if emb:
        m.embedding = nn.Embedding(emb, I)
    kw = dict(num_layers=L, bidirectional=bidi)
    if cell in ("rnn_tanh", "rnn_relu"):
        m.rnn = nn.RNN(I, H, nonlinearity=cell[4:], **kw)
    elif cell == "lstm":
        m.rnn = nn.LSTM(I, H, **kw)
    else:
        m.rnn = nn.GRU(I, H, **kw)
    if out:
        m.fc = nn.Linear(H * (2 if bidi else 1), out[0])
    return m


def step(cell, p, sfx, x, h, c):
    wih, whh = p["weight_ih"], p["weight_hh"]
    bih, bhh = p["bias_ih"], p["bias_hh"]
    gi = wih @ x + bih
    gh = whh @ h + bhh
    if cell.startswith("rnn"):
        a = gi + gh
        hn = torch.tanh(a) if cell == "rnn_tanh" else torch.relu(a)
        return hn, None, {}
    if cell == "lstm":
        i, f, g, o = (gi + gh).chunk(4)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        cn = f * c + i * g
        return o * torch.tanh(cn), cn, {"i": i, "f": f, "g": g, "o": o}
    ir, iz, inn = gi.chunk(3)
    hr, hz, hn_ = gh.chunk(3)
    r, z = torch.sigmoid(ir + hr), torch.sigmoid(iz + hz)
    n = torch.tanh(inn + r * hn_)
    return (1 - z) * n + z * h, None, {"r": r, "z": z, "n": n}


def case(name, cell, I, H, L, bidi, emb, out, T, loss, steps, seed, tokens=True, h0=False, c0=False):
    torch.manual_seed(seed)
    D = 2 if bidi else 1
    m = make_module(cell, I, H, L, bidi, emb, out)
    vocab = emb if emb else I
    if tokens:
        tok = torch.randint(0, vocab, (T,))
        x = m.embedding(tok) if emb else torch.nn.functional.one_hot(tok, I).double()
    else:
        tok = None
        x = torch.rand(T, I) * 2 - 1
    h0t = (torch.rand(L * D, H) - 0.5) if h0 else torch.zeros(L * D, H)
    c0t = (torch.rand(L * D, H) - 0.5) if c0 else torch.zeros(L * D, H)
    O = out[0] if out else H * D
    if loss == "cross_entropy":
        targets = torch.randint(0, O, (T if steps == "all" else 1,))
    else:
        targets = torch.rand(T if steps == "all" else 1, O)

    # --- the hand unroll, layer by layer
    params = dict(m.rnn.named_parameters())
    inp = [x[t] for t in range(T)]
    layers = []
    for l in range(L):
        outs = [[None] * T for _ in range(D)]
        for d in range(D):
            sfx = "_l%d%s" % (l, "_reverse" if d else "")
            p = {k[: -len(sfx)]: v for k, v in params.items() if k.endswith(sfx)}
            h, c = h0t[l * D + d], c0t[l * D + d]
            rec = {"layer": l, "direction": "reverse" if d else "forward", "h": [None] * T, "c": [None] * T,
                   "gates": {}}
            order = range(T) if d == 0 else range(T - 1, -1, -1)
            for t in order:
                h, c, g = step(cell, p, sfx, inp[t], h, c)
                h.retain_grad()
                rec["h"][t] = h
                if c is not None:
                    c.retain_grad()
                    rec["c"][t] = c
                for k, v in g.items():
                    rec["gates"].setdefault(k, [None] * T)[t] = v
                outs[d][t] = h
            layers.append(rec)
        inp = [torch.cat([outs[d][t] for d in range(D)]) for t in range(T)]
    top = torch.stack(inp)
    if out:
        z = m.fc(top)
        y = {"softmax": lambda v: torch.softmax(v, -1), "sigmoid": torch.sigmoid,
             "identity": lambda v: v}[out[1]](z)
    else:
        z = y = top

    # compare with the module
    hx = (h0t.unsqueeze(1), c0t.unsqueeze(1)) if cell == "lstm" else h0t.unsqueeze(1)
    ref, _ = m.rnn(x.unsqueeze(1), hx)
    assert torch.allclose(ref.squeeze(1), top, rtol=1e-12, atol=1e-14), name

    sel = y if steps == "all" else y[-1:]
    zsel = z if steps == "all" else z[-1:]
    if loss == "cross_entropy":
        per = torch.nn.functional.cross_entropy(zsel, targets, reduction="none")
    elif loss == "mse":
        per = 0.5 * ((sel - targets) ** 2).sum(-1)
    else:
        per = torch.nn.functional.binary_cross_entropy(sel, targets, reduction="none").sum(-1)
    total = per.sum()
    m.zero_grad()
    total.backward()

    sd = {k: v.detach().tolist() for k, v in m.state_dict().items()}
    model = {"format": "rnnlab-model", "version": 1, "cell": cell, "input_size": I, "hidden_size": H,
             "num_layers": L, "bidirectional": bidi, "embedding": {"num_embeddings": emb} if emb else None,
             "output": {"size": out[0], "activation": out[1]} if out else None,
             "vocab": [chr(97 + i) for i in range(vocab)] if tokens else None, "state_dict": sd}
    seq = {"format": "rnnlab-sequence", "version": 1,
           "inputs": None if tokens else x.tolist(), "tokens": tok.tolist() if tokens else None,
           "targets": targets.tolist(), "target_steps": steps, "loss": loss,
           "h0": h0t.tolist() if h0 else None, "c0": c0t.tolist() if c0 else None}
    tl = []
    for rec in layers:
        e = {"layer": rec["layer"], "direction": rec["direction"],
             "h": [v.tolist() for v in rec["h"]]}
        if cell == "lstm":
            e["c"] = [v.tolist() for v in rec["c"]]
        if rec["gates"]:
            e["gates"] = {k: [v.tolist() for v in vs] for k, vs in rec["gates"].items()}
        zero = torch.zeros(H)
        e["grad_h"] = [(v.grad if v.grad is not None else zero).tolist() for v in rec["h"]]
        if cell == "lstm":
            e["grad_c"] = [(v.grad if v.grad is not None else zero).tolist() for v in rec["c"]]
        tl.append(e)
    trace = {"format": "rnnlab-trace", "version": 1, "loss": total.item(), "step_loss": per.tolist(),
             "outputs": y.tolist(), "layers": tl,
             "grads": {k: v.grad.tolist() for k, v in m.named_parameters()}}
    return model, seq, trace


CASES = [
    dict(name="x_rnn_relu_bidir_embed_ce", cell="rnn_relu", I=4, H=5, L=1, bidi=True, emb=6,
         out=(6, "softmax"), T=5, loss="cross_entropy", steps="all", seed=2001),
    dict(name="x_gru_2layer_bidir_bce_h0", cell="gru", I=3, H=4, L=2, bidi=True, emb=0,
         out=(2, "sigmoid"), T=6, loss="bce", steps="all", seed=2002, tokens=False, h0=True),
    dict(name="x_lstm_nohead_mse_last_h0c0", cell="lstm", I=3, H=4, L=1, bidi=False, emb=0,
         out=None, T=5, loss="mse", steps="last", seed=2003, tokens=False, h0=True, c0=True),
    dict(name="x_lstm_2layer_bidir_sigmoid_mse", cell="lstm", I=5, H=3, L=2, bidi=True, emb=0,
         out=(3, "sigmoid"), T=4, loss="mse", steps="all", seed=2004),
    dict(name="x_rnn_tanh_softmax_mse_embed", cell="rnn_tanh", I=3, H=6, L=3, bidi=False, emb=5,
         out=(4, "softmax"), T=7, loss="mse", steps="all", seed=2005, h0=True),
]

if __name__ == "__main__":
    outdir = sys.argv[1] if len(sys.argv) > 1 else "."
    for c in CASES:
        name = c.pop("name")
        model, seq, trace = case(name, **c)
        for kind, doc in (("model", model), ("seq", seq), ("trace", trace)):
            with open("%s/%s.%s.json" % (outdir, name, kind), "w") as f:
                json.dump(doc, f)
        print("wrote", name)
