#!/usr/bin/python3
"""PyTorch autograd reference for layer normalisation inside the cells and residual connections
between stacked layers (issue 17). PyTorch has no module for either, so the equations of
rnnlab.engine.LayerNormCell and Network are written here with torch ops in float64, the gradients
taken by autograd, and the results written as a fixture that LayerNormResidualPyTorchTest matches
to rtol 1e-9 (CI has no PyTorch: the fixture is committed beside this script).

    /usr/bin/python3 src/test/python/make_ln_residual_fixture.py \
        src/test/resources/fixtures/ln_residual.json

Equations (LN(v; g, b) = F.layer_norm over all of v, eps 1e-5, as nn.LayerNorm):
    gi = LN(W_ih x_t; gain_ih, b_ih)          gh = LN(W_hh h_{t-1}; gain_hh, b_hh)
    rnn:  h = act(gi + gh)
    lstm: i, f, g, o = sig, sig, tanh, sig of (gi + gh); c = f c_prev + i g;
          h = o tanh(LN(c; gain_c, bias_c))
    gru:  r = sig(gi_r + gh_r), z = sig(gi_z + gh_z), n = tanh(gi_n + r gh_n); h = (1 - z) n + z h_prev
    residual (layers l >= 1): out_l = h_l + out_{l-1}; the recurrence uses h_l
    head: y_t = fc.weight out_top + fc.bias;  loss = sum_t sum_j 1/2 (y - target)^2
"""
import json
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
EPS = 1e-5
BLOCKS = {"rnn_tanh": 1, "rnn_relu": 1, "lstm": 4, "gru": 3}


def names(cell, L, D, ln):
    out = []
    for l in range(L):
        for d in range(D):
            s = "_reverse" if d else ""
            out += [f"rnn.weight_ih_l{l}{s}", f"rnn.weight_hh_l{l}{s}", f"rnn.bias_ih_l{l}{s}", f"rnn.bias_hh_l{l}{s}"]
            if ln:
                out += [f"rnn.ln_ih_gain_l{l}{s}", f"rnn.ln_hh_gain_l{l}{s}"]
                if cell == "lstm":
                    out += [f"rnn.ln_c_gain_l{l}{s}", f"rnn.ln_c_bias_l{l}{s}"]
    return out + ["fc.weight", "fc.bias"]


def layer_norm(v, gain, bias, on):
    if not on:
        return v * 1.0 + bias
    return F.layer_norm(v, v.shape, weight=gain, bias=bias, eps=EPS)


def step(cell, p, s, l, ln, x, h, c):
    w = lambda k: p[f"rnn.{k}_l{l}{s}"]
    gi = layer_norm(w("weight_ih") @ x, w("ln_ih_gain") if ln else None, w("bias_ih"), ln)
    gh = layer_norm(w("weight_hh") @ h, w("ln_hh_gain") if ln else None, w("bias_hh"), ln)
    if cell.startswith("rnn"):
        a = gi + gh
        return (torch.tanh(a) if cell == "rnn_tanh" else torch.relu(a)), None
    if cell == "lstm":
        i, f, g, o = (gi + gh).chunk(4)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        cn = f * c + i * g
        ch = layer_norm(cn, w("ln_c_gain") if ln else None, w("ln_c_bias") if ln else torch.zeros_like(cn), ln)
        return o * torch.tanh(ch), cn
    ir, iz, inn = gi.chunk(3)
    hr, hz, hn = gh.chunk(3)
    r, z = torch.sigmoid(ir + hr), torch.sigmoid(iz + hz)
    n = torch.tanh(inn + r * hn)
    return (1 - z) * n + z * h, None


def case(name, cell, I, H, L, bidi, residual, ln, T, O, seed):
    g = torch.Generator().manual_seed(seed)
    D = 2 if bidi else 1
    G = BLOCKS[cell] * H

    def uni(*shape, lo=-0.8, hi=0.8):
        return (torch.rand(*shape, generator=g) * (hi - lo) + lo).requires_grad_(True)

    p = {}
    for n in names(cell, L, D, ln):
        l = int(n.split("_l")[-1].split("_")[0]) if n.startswith("rnn.") else None
        width = I if l == 0 else H * D
        if "weight_ih" in n:
            p[n] = uni(G, width)
        elif "weight_hh" in n:
            p[n] = uni(G, H)
        elif "gain" in n:
            p[n] = uni(H if "ln_c" in n else G, lo=0.5, hi=1.5)
        elif "ln_c_bias" in n or "bias" in n and n.startswith("rnn."):
            p[n] = uni(H if "ln_c" in n else G)
        elif n == "fc.weight":
            p[n] = uni(O, H * D)
        else:
            p[n] = uni(O)
    x = uni(T, I, lo=-1, hi=1)
    target = uni(T, O, lo=-1, hi=1).detach()
    h0 = uni(L * D, H, lo=-1, hi=1)
    c0 = uni(L * D, H, lo=-1, hi=1) if cell == "lstm" else None

    below = [x[t] for t in range(T)]
    hidden = []
    for l in range(L):
        hs = [[None] * T for _ in range(D)]
        for d in range(D):
            s = "_reverse" if d else ""
            h = h0[l * D + d]
            c = c0[l * D + d] if c0 is not None else None
            for t in (range(T) if d == 0 else reversed(range(T))):
                h, c = step(cell, p, s, l, ln, below[t], h, c)
                hs[d][t] = h
        outs = [torch.cat([hs[d][t] for d in range(D)]) for t in range(T)]
        hidden.append(torch.stack(outs))
        if residual and l > 0:
            outs = [outs[t] + below[t] for t in range(T)]
        below = outs
    y = torch.stack([p["fc.weight"] @ below[t] + p["fc.bias"] for t in range(T)])
    loss = (0.5 * (y - target) ** 2).sum()
    leaves = list(p.values()) + [x, h0] + ([c0] if c0 is not None else [])
    grads = torch.autograd.grad(loss, leaves)
    gp = dict(zip(p.keys(), grads[:len(p)]))
    lst = lambda t: t.detach().reshape(-1).tolist()
    return {
        "name": name, "cell": cell, "input_size": I, "hidden_size": H, "num_layers": L, "bidirectional": bidi,
        "residual": residual, "layer_norm": ln, "output_size": O, "length": T,
        "params": {k: lst(v) for k, v in p.items()},
        "inputs": lst(x), "targets": lst(target), "h0": lst(h0), "c0": lst(c0) if c0 is not None else None,
        "loss": loss.item(), "outputs": lst(y),
        "hidden": [lst(hh) for hh in hidden],
        "grads": {k: lst(v) for k, v in gp.items()},
        "grad_inputs": lst(grads[len(p)]), "grad_h0": lst(grads[len(p) + 1]),
        "grad_c0": lst(grads[len(p) + 2]) if c0 is not None else None,
    }


def main(path):
    cases = [
        case("rnn_tanh_ln", "rnn_tanh", 3, 4, 1, False, False, True, 5, 2, 1),
        case("rnn_relu_ln_residual", "rnn_relu", 3, 4, 2, False, True, True, 5, 2, 2),
        case("lstm_ln", "lstm", 3, 4, 1, False, False, True, 6, 2, 3),
        case("lstm_ln_residual_3layers", "lstm", 2, 3, 3, False, True, True, 5, 2, 4),
        case("lstm_residual_bidirectional", "lstm", 2, 3, 2, True, True, False, 4, 3, 5),
        case("gru_ln", "gru", 3, 4, 1, False, False, True, 6, 2, 6),
        case("gru_ln_residual_bidirectional", "gru", 2, 3, 2, True, True, True, 4, 2, 7),
        case("rnn_tanh_ln_residual_bidirectional", "rnn_tanh", 2, 3, 3, True, True, True, 4, 2, 8),
    ]
    with open(path, "w") as f:
        json.dump({"source": "src/test/python/make_ln_residual_fixture.py", "torch": torch.__version__,
                   "cases": cases}, f, indent=None)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main(sys.argv[1])
