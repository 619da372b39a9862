#!/usr/bin/env python3
"""Export a PyTorch recurrent model (and optionally a sequence) to RNN Lab's JSON files.

The model must have the attributes RNN Lab expects:
    embedding  nn.Embedding            (optional)
    rnn        nn.RNN / nn.LSTM / nn.GRU
    fc         nn.Linear               (optional; the output head)

Use it from your own code:

    from export_pytorch import export_model, export_sequence
    export_model(net, "net.model.json", activation="softmax", vocab=list("abcd"))
    export_sequence("abc.seq.json", tokens=[0, 1, 2], targets=[1, 2, 3], loss="cross_entropy")

or run it to write a small random model and sequence for trying things out:

    python3 export_pytorch.py --cell lstm --layers 2 --bidirectional --out demo
"""
import argparse
import json

import torch
from torch import nn


def _cell_name(rnn):
    if isinstance(rnn, nn.LSTM):
        return "lstm"
    if isinstance(rnn, nn.GRU):
        return "gru"
    if isinstance(rnn, nn.RNN):
        return "rnn_relu" if rnn.nonlinearity == "relu" else "rnn_tanh"
    raise ValueError("model.rnn must be nn.RNN, nn.LSTM or nn.GRU, found %s" % type(rnn).__name__)


def _numbers(t):
    """A tensor as nested lists of Python floats (float64, so no digit is lost)."""
    return t.detach().to(torch.float64).cpu().tolist()


def model_json(model, activation=None, vocab=None):
    """The model file as a dict. activation: "softmax", "sigmoid" or "identity" (needed with an fc head)."""
    rnn = model.rnn
    if getattr(rnn, "proj_size", 0):
        raise ValueError("LSTM projections (proj_size) are not supported")
    if not rnn.bias:
        raise ValueError("RNN Lab expects biases (bias=True)")
    emb = getattr(model, "embedding", None)
    fc = getattr(model, "fc", None)
    if fc is not None and activation is None:
        raise ValueError("say which activation follows fc: softmax, sigmoid or identity")
    state = {}
    for name, tensor in model.state_dict().items():
        if name.split(".")[0] in ("embedding", "rnn", "fc"):
            state[name] = _numbers(tensor)
    return {
        "format": "rnnlab-model", "version": 1,
        "cell": _cell_name(rnn),
        "input_size": rnn.input_size,
        "hidden_size": rnn.hidden_size,
        "num_layers": rnn.num_layers,
        "bidirectional": rnn.bidirectional,
        "embedding": None if emb is None else {"num_embeddings": emb.num_embeddings},
        "output": None if fc is None else {"size": fc.out_features, "activation": activation},
        "vocab": vocab,
        "state_dict": state,
    }


def sequence_json(inputs=None, tokens=None, targets=None, target_steps="all", loss=None, h0=None, c0=None):
    """The sequence file as a dict. Give inputs (T x input_size) or tokens (T indices)."""
    def opt(t):
        return None if t is None else (_numbers(t) if torch.is_tensor(t) else t)
    if loss is None:
        target_steps = None
    return {
        "format": "rnnlab-sequence", "version": 1,
        "inputs": opt(inputs),
        "tokens": None if tokens is None else [int(k) for k in tokens],
        "targets": opt(targets),
        "target_steps": target_steps,
        "loss": loss,
        "h0": opt(h0), "c0": opt(c0),
    }


def _write(obj, path):
    with open(path, "w") as f:
        # allow_nan stays on: RNN Lab reads NaN and then refuses it with the field's path
        json.dump(obj, f)


def export_model(model, path, activation=None, vocab=None):
    _write(model_json(model, activation, vocab), path)


def export_sequence(path, **kwargs):
    _write(sequence_json(**kwargs), path)


class Net(nn.Module):
    """embedding? -> rnn -> fc?: the shape RNN Lab reads."""

    def __init__(self, cell, input_size, hidden, layers=1, bidirectional=False, vocab=0, out=0):
        super().__init__()
        if vocab:
            self.embedding = nn.Embedding(vocab, input_size)
        kind = {"rnn_tanh": nn.RNN, "rnn_relu": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[cell]
        extra = {"nonlinearity": cell[4:]} if cell.startswith("rnn_") else {}
        self.rnn = kind(input_size, hidden, num_layers=layers, bidirectional=bidirectional, **extra)
        if out:
            self.fc = nn.Linear(hidden * (2 if bidirectional else 1), out)


def main():
    p = argparse.ArgumentParser(description="Write a random PyTorch model and sequence as RNN Lab files.")
    p.add_argument("--cell", default="lstm", choices=["rnn_tanh", "rnn_relu", "lstm", "gru"])
    p.add_argument("--hidden", type=int, default=8)
    p.add_argument("--layers", type=int, default=1)
    p.add_argument("--bidirectional", action="store_true")
    p.add_argument("--vocab", type=int, default=5, help="number of symbols")
    p.add_argument("--embedding", type=int, default=0, help="embedding dimension (0: one-hot inputs)")
    p.add_argument("--input", default="tokens", choices=["tokens", "real"],
                   help="tokens (one-hot or embedding) or real-valued input vectors")
    p.add_argument("--activation", default="softmax", choices=["softmax", "sigmoid", "identity"])
    p.add_argument("--loss", default="cross_entropy", choices=["cross_entropy", "mse", "bce", "none"])
    p.add_argument("--target-steps", default="all", choices=["all", "last"])
    p.add_argument("--steps", type=int, default=6)
    p.add_argument("--out-size", type=int, default=0, help="output size (default: vocab)")
    p.add_argument("--no-head", action="store_true", help="no fc layer: outputs are the top hidden states")
    p.add_argument("--initial-state", action="store_true", help="also write random h0 (and c0)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="demo", help="writes OUT.model.json and OUT.seq.json")
    a = p.parse_args()

    torch.manual_seed(a.seed)
    out = 0 if a.no_head else (a.out_size or a.vocab)
    input_size = a.embedding if a.embedding else a.vocab
    net = Net(a.cell, input_size, a.hidden, a.layers, a.bidirectional, a.vocab if a.embedding else 0, out).double()
    with torch.no_grad():  # larger than the default init, so the cells leave their linear range
        for w in net.parameters():
            w.mul_(2.0)
    vocab = ["s%d" % k for k in range(a.vocab)] if a.input == "tokens" else None
    export_model(net, a.out + ".model.json", None if a.no_head else a.activation, vocab)
    out = out or a.hidden * (2 if a.bidirectional else 1)

    T = a.steps
    seq = {}
    if a.input == "tokens":
        seq["tokens"] = torch.randint(0, a.vocab, (T,)).tolist()
    else:
        seq["inputs"] = torch.randn(T, input_size, dtype=torch.float64)
    n = T if a.target_steps == "all" else 1
    if a.loss == "cross_entropy":
        seq["targets"] = torch.randint(0, out, (n,)).tolist()
    elif a.loss == "mse":
        seq["targets"] = torch.randn(n, out, dtype=torch.float64)
    elif a.loss == "bce":
        seq["targets"] = torch.rand(n, out, dtype=torch.float64)
    if a.initial_state:
        rows = a.layers * (2 if a.bidirectional else 1)
        seq["h0"] = 0.5 * torch.randn(rows, a.hidden, dtype=torch.float64)
        if a.cell == "lstm":
            seq["c0"] = 0.5 * torch.randn(rows, a.hidden, dtype=torch.float64)
    loss = None if a.loss == "none" else a.loss
    export_sequence(a.out + ".seq.json", target_steps=a.target_steps, loss=loss, **seq)
    print("wrote %s.model.json and %s.seq.json" % (a.out, a.out))


if __name__ == "__main__":
    main()
