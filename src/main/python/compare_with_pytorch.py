#!/usr/bin/env python3
"""Check an RNN Lab trace against PyTorch, number by number.

    python3 compare_with_pytorch.py M.model.json S.seq.json T.trace.json [--rtol 1e-9]

Builds the PyTorch model described by M.model.json (float64), runs the sequence S.seq.json through it,
and compares every field of T.trace.json (written by `java -jar rnnlab.jar trace`) with PyTorch:

  - outputs, loss, step_loss and grads come from the stock modules (nn.Embedding, nn.RNN / nn.LSTM /
    nn.GRU, nn.Linear) and autograd;
  - h, c, grad_h and grad_c come from unrolling the same weights one step at a time (nn.RNNCell,
    nn.GRUCell, and the LSTM written out as c_t = f*c + i*g, h_t = o*tanh(c_t)), so that autograd
    gives the total derivatives dL/dh_t and dL/dc_t of every step; the unrolled top layer must
    reproduce the stock module's outputs;
  - gates are computed from the cell equations in the format spec with torch operations.

A number passes when |ours - torch| <= rtol * (|torch| + 1e-5), i.e. a relative error with a floor
of 1e-5 (absolute 1e-14 at rtol 1e-9). Prints the worst error of every field and exits 1 if any
field fails, 0 otherwise.
"""
import argparse
import json
import sys

import torch
from torch import nn
import torch.nn.functional as F

FLOOR = 1e-5


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    for k in keys:
        if keys.count(k) > 1:
            raise SystemExit("error: key %r appears twice; expected each key once" % k)
    return dict(pairs)


def load(path):
    """One JSON value per file, each key once (json.load would keep the last of two)."""
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f, object_pairs_hook=_no_duplicates)
        except json.JSONDecodeError as e:
            raise SystemExit("error: %s: line %d, column %d: %s" % (path, e.lineno, e.colno, e.msg))


def build(m):
    """The nn.Module described by a model file, in float64, with its weights."""
    cell = m["cell"]
    net = nn.Module()
    if m.get("embedding"):
        net.embedding = nn.Embedding(m["embedding"]["num_embeddings"], m["input_size"])
    kind = {"rnn_tanh": nn.RNN, "rnn_relu": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[cell]
    extra = {"nonlinearity": cell[4:]} if cell.startswith("rnn_") else {}
    net.rnn = kind(m["input_size"], m["hidden_size"], num_layers=m.get("num_layers") or 1,
                   bidirectional=bool(m.get("bidirectional")), **extra)
    if m.get("output"):
        dirs = 2 if m.get("bidirectional") else 1
        net.fc = nn.Linear(m["hidden_size"] * dirs, m["output"]["size"])
    net = net.double()
    state = {k: torch.tensor(v, dtype=torch.float64) for k, v in m["state_dict"].items()}
    net.load_state_dict(state, strict=True)
    return net


def layer_zero_input(m, net, s):
    """x_t for the first layer, (T, input_size): one-hot, embedding rows or the given vectors."""
    if s.get("tokens") is not None:
        tokens = torch.tensor(s["tokens"], dtype=torch.long)
        if m.get("embedding"):
            return net.embedding(tokens)
        return F.one_hot(tokens, m["input_size"]).double()
    return torch.tensor(s["inputs"], dtype=torch.float64)


def initial(s, key, rows, hidden):
    v = s.get(key)
    return torch.zeros(rows, hidden, dtype=torch.float64) if v is None else torch.tensor(v, dtype=torch.float64)


def head(m, net, top):
    """Outputs after the activation, and the pre-activation logits, from top hidden states (T, H*D)."""
    if not m.get("output"):
        return top, top
    z = net.fc(top)
    act = m["output"]["activation"]
    y = {"softmax": lambda: torch.softmax(z, dim=-1), "sigmoid": lambda: torch.sigmoid(z),
         "identity": lambda: z}[act]()
    return y, z


def step_losses(s, y, z):
    """Loss of every target step (a 1-D tensor), as defined in the spec."""
    last = s["target_steps"] == "last"
    if last:
        y, z = y[-1:], z[-1:]
    loss = s["loss"]
    if loss == "cross_entropy":
        t = torch.tensor(s["targets"], dtype=torch.long)
        return -torch.log_softmax(z, dim=-1).gather(1, t[:, None])[:, 0]
    t = torch.tensor(s["targets"], dtype=torch.float64)
    if loss == "mse":
        return 0.5 * ((y - t) ** 2).sum(dim=1)
    if loss == "bce":
        return -(t * torch.log(y) + (1 - t) * torch.log(1 - y)).sum(dim=1)
    raise ValueError("unknown loss " + loss)


def stock(m, s, net):
    """Forward and backward through the stock modules: outputs, losses and parameter gradients."""
    L = m.get("num_layers") or 1
    D = 2 if m.get("bidirectional") else 1
    H = m["hidden_size"]
    x = layer_zero_input(m, net, s)
    h0 = initial(s, "h0", L * D, H)[:, None, :]
    if m["cell"] == "lstm":
        out, _ = net.rnn(x[:, None, :], (h0, initial(s, "c0", L * D, H)[:, None, :]))
    else:
        out, _ = net.rnn(x[:, None, :], h0)
    y, z = head(m, net, out[:, 0, :])
    result = {"outputs": y.detach()}
    if s.get("loss"):
        sl = step_losses(s, y, z)
        loss = sl.sum()
        net.zero_grad()
        loss.backward()
        result["loss"] = loss.detach()
        result["step_loss"] = sl.detach()
        result["grads"] = {k: p.grad.detach().clone() for k, p in net.named_parameters()}
    return result


def cell_module(m, net, layer, d):
    """An nn.*Cell holding the weights of one layer and direction."""
    cell = m["cell"]
    sfx = "_reverse" if d else ""
    w_ih = getattr(net.rnn, "weight_ih_l%d%s" % (layer, sfx))
    kind = {"rnn_tanh": nn.RNNCell, "rnn_relu": nn.RNNCell, "lstm": nn.LSTMCell, "gru": nn.GRUCell}[cell]
    extra = {"nonlinearity": cell[4:]} if cell.startswith("rnn_") else {}
    c = kind(w_ih.shape[1], m["hidden_size"], **extra).double()
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(c, name).copy_(getattr(net.rnn, "%s_l%d%s" % (name, layer, sfx)))
    return c


def gates(m, c, x, h):
    """Gate activations from the spec's equations (blocks i,f,g,o for lstm; r,z,n for gru)."""
    H = m["hidden_size"]
    gi = F.linear(x, c.weight_ih, c.bias_ih)
    gh = F.linear(h, c.weight_hh, c.bias_hh)
    if m["cell"] == "lstm":
        a = gi + gh
        return {"i": torch.sigmoid(a[:H]), "f": torch.sigmoid(a[H:2 * H]),
                "g": torch.tanh(a[2 * H:3 * H]), "o": torch.sigmoid(a[3 * H:])}
    r = torch.sigmoid(gi[:H] + gh[:H])
    zg = torch.sigmoid(gi[H:2 * H] + gh[H:2 * H])
    n = torch.tanh(gi[2 * H:] + r * gh[2 * H:])
    return {"r": r, "z": zg, "n": n}


def unrolled(m, s, net):
    """Every layer and direction one step at a time: h, c, gates and total dL/dh_t, dL/dc_t."""
    L = m.get("num_layers") or 1
    D = 2 if m.get("bidirectional") else 1
    H = m["hidden_size"]
    lstm = m["cell"] == "lstm"
    h0 = initial(s, "h0", L * D, H)
    c0 = initial(s, "c0", L * D, H)
    x = layer_zero_input(m, net, s).detach()
    T = x.shape[0]
    layers = []
    for layer in range(L):
        outs = []
        for d in range(D):
            c = cell_module(m, net, layer, d)
            h_prev, c_prev = h0[layer * D + d], c0[layer * D + d]
            hs, cs, gs = [None] * T, [None] * T, [None] * T
            for t in (range(T - 1, -1, -1) if d else range(T)):
                if lstm:
                    # c_t = f*c_{t-1} + i*g, h_t = o*tanh(c_t), written out so that h_t is computed from
                    # the c_t tensor and autograd's dL/dc_t includes the path through h_t.
                    # (nn.LSTMCell gives the same numbers but returns h_t and c_t as separate outputs.)
                    g = gates(m, c, x[t], h_prev)
                    c_t = g["f"] * c_prev + g["i"] * g["g"]
                    h_t = g["o"] * torch.tanh(c_t)
                    gs[t] = {k: v.detach() for k, v in g.items()}
                    c_t.retain_grad()
                    cs[t] = c_t
                    c_prev = c_t
                else:
                    if m["cell"] == "gru":
                        with torch.no_grad():
                            gs[t] = gates(m, c, x[t], h_prev)
                    h_t = c(x[t][None], h_prev[None])[0]
                h_t.retain_grad()
                hs[t] = h_t
                h_prev = h_t
            layers.append({"layer": layer, "direction": "reverse" if d else "forward", "hs": hs, "cs": cs, "gs": gs})
            outs.append(torch.stack(hs))
        x = torch.cat(outs, dim=1)
    y, z = head(m, net, x)
    if s.get("loss"):
        step_losses(s, y, z).sum().backward()
    result = []
    for e in layers:
        r = {"layer": e["layer"], "direction": e["direction"], "h": torch.stack(e["hs"]).detach()}
        if lstm:
            r["c"] = torch.stack(e["cs"]).detach()
        if e["gs"][0] is not None:
            r["gates"] = {k: torch.stack([g[k] for g in e["gs"]]) for k in e["gs"][0]}
        if s.get("loss"):
            r["grad_h"] = torch.stack([h.grad for h in e["hs"]])
            if lstm:
                r["grad_c"] = torch.stack([c.grad for c in e["cs"]])
        result.append(r)
    return result, y.detach()


class Report:
    def __init__(self, rtol):
        self.rtol = rtol
        self.rows = []

    def compare(self, field, ours, theirs):
        if ours is None:
            self.rows.append((field, float("inf"), "missing from the trace"))
            return
        a = torch.tensor(ours, dtype=torch.float64)
        b = theirs.detach().to(torch.float64).reshape(-1) if torch.is_tensor(theirs) else torch.tensor(theirs)
        a = a.reshape(-1)
        if a.numel() != b.numel():
            self.rows.append((field, float("inf"), "%d numbers, PyTorch has %d" % (a.numel(), b.numel())))
            return
        err = ((a - b).abs() / (b.abs() + FLOOR)).max().item() if a.numel() else 0.0
        self.rows.append((field, err, "%d numbers" % a.numel()))

    def print(self):
        width = max(len(r[0]) for r in self.rows)
        for field, err, note in self.rows:
            mark = "ok  " if err <= self.rtol else "FAIL"
            print("%s %-*s  worst error %.3e  (%s)" % (mark, width, field, err, note))
        worst = max(self.rows, key=lambda r: r[1])
        print("worst error %.3e in %s; tolerance %.0e" % (worst[1], worst[0], self.rtol))
        return worst[1] <= self.rtol


def main():
    p = argparse.ArgumentParser(description="Compare an RNN Lab trace with PyTorch.")
    p.add_argument("model")
    p.add_argument("sequence")
    p.add_argument("trace")
    p.add_argument("--rtol", type=float, default=1e-9)
    a = p.parse_args()
    m, s, tr = load(a.model), load(a.sequence), load(a.trace)
    torch.set_default_dtype(torch.float64)
    net = build(m)
    ref = stock(m, s, net)
    rep = Report(a.rtol)
    rep.compare("outputs", tr.get("outputs"), ref["outputs"])
    if "loss" in ref:
        rep.compare("loss", [tr.get("loss")] if "loss" in tr else None, ref["loss"].reshape(1))
        rep.compare("step_loss", tr.get("step_loss"), ref["step_loss"])
        for k, g in ref["grads"].items():
            rep.compare("grads." + k, tr.get("grads", {}).get(k), g)
    elif "loss" in tr or "grads" in tr:
        rep.rows.append(("loss", float("inf"), "the trace has a loss but the sequence has none"))
    layers, y_unrolled = unrolled(m, s, build(m))
    rep.compare("outputs (unrolled cells vs stock module)", y_unrolled.reshape(-1).tolist(), ref["outputs"])
    by_key = {(e.get("layer"), e.get("direction")): e for e in tr.get("layers", [])}
    for r in layers:
        e = by_key.get((r["layer"], r["direction"]), {})
        name = "layers[l%d %s]." % (r["layer"], r["direction"])
        for key in ("h", "c", "grad_h", "grad_c"):
            if key in r:
                rep.compare(name + key, e.get(key), r[key])
        for g, v in r.get("gates", {}).items():
            rep.compare(name + "gates." + g, e.get("gates", {}).get(g), v)
    sys.exit(0 if rep.print() else 1)


if __name__ == "__main__":
    main()
