"""Writes src/test/resources/fixtures/seq2seq/*.json: float64 outputs, states, attention values and every
gradient of the reference module (rnnlab_seq2seq.py), for Seq2SeqPyTorchTest. Run with /usr/bin/python3."""
import json, os, sys
import torch
sys.path.insert(0, os.path.dirname(__file__))
from rnnlab_seq2seq import Seq2Seq

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "resources", "fixtures", "seq2seq")

CASES = [
    # name, enc_cell, layers, bidir, dec_cell, attention, dec_hidden
    ("classic_gru_lstm", "gru", 1, False, "lstm", "none", 5),
    ("additive_lstm_gru_bi", "lstm", 1, True, "gru", "additive", 5),
    ("dot_gru_gru", "gru", 1, False, "gru", "dot", 4),
    ("general_lstm_rnn_stacked", "lstm", 2, False, "rnn_tanh", "general", 5),
    ("dot_rnn_lstm_bi", "rnn_tanh", 1, True, "lstm", "dot", 8),
    ("additive_gru_lstm_stacked_bi", "gru", 2, True, "lstm", "additive", 6),
]


def tolist(t):
    return t.detach().tolist()


def main():
    os.makedirs(OUT, exist_ok=True)
    for i, (name, ec, layers, bi, dc, att, dh) in enumerate(CASES):
        torch.manual_seed(100 + i)
        m = Seq2Seq(ec, 7, 3, 4, layers, bi, dc, 6, 3, dh, att, 3 if att == "additive" else 0)
        for p in m.parameters():
            with torch.no_grad():
                p.uniform_(-0.8, 0.8)
        src = torch.randint(0, 7, (5,))
        dec_in = torch.randint(0, 6, (4,))
        tgt = torch.randint(0, 6, (4,))
        out = m(src, dec_in, tgt)
        out["loss"].backward()
        doc = {
            "config": {"encoder_cell": ec, "source_vocab": 7, "encoder_embedding": 3, "encoder_hidden": 4,
                       "encoder_layers": layers, "bidirectional": bi, "decoder_cell": dc, "target_vocab": 6,
                       "decoder_embedding": 3, "decoder_hidden": dh, "attention": att,
                       "attention_size": 3 if att == "additive" else 0},
            "source": tolist(src), "decoder_inputs": tolist(dec_in), "targets": tolist(tgt),
            "state_dict": {k: tolist(v) for k, v in m.state_dict().items()},
            "loss": out["loss"].item(),
            "encoder_states": tolist(out["encoder_states"]), "s0": tolist(out["s0"]),
            "decoder_states": tolist(out["states"]), "logits": tolist(out["logits"]),
            "gradients": {k: tolist(p.grad) for k, p in m.named_parameters()},
        }
        if att != "none":
            doc["scores"] = tolist(out["scores"])
            doc["weights"] = tolist(out["weights"])
            doc["contexts"] = tolist(out["contexts"])
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, indent=None)
            f.write("\n")
        print(name, out["loss"].item())


if __name__ == "__main__":
    main()
