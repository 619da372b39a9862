"""Writes the foreign-model fixtures of ImportTest with real PyTorch (Debian's python3-torch, 1.13).
Run: /usr/bin/python3 src/test/resources/imports/make_fixtures.py  (CI has no PyTorch: the outputs are committed).
For each net the same weights go to a .model.json (RNN Lab's format), .pt (float32 and float64),
.safetensors (written by hand: 8-byte little-endian header length, JSON header, raw data) and .onnx."""
import json, os, struct, torch, torch.nn as nn, warnings
warnings.filterwarnings("ignore")
D = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(14)

class Net(nn.Module):
    def __init__(s, kind, vocab, inp, hid, layers, bidi, out, names=("embedding", "rnn", "fc"), bias=True):
        super().__init__()
        s.names = names
        s.emb = vocab
        if vocab:
            setattr(s, names[0], nn.Embedding(vocab, inp))
        cls = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn_tanh": nn.RNN}[kind]
        setattr(s, names[1], cls(inp, hid, num_layers=layers, bidirectional=bidi, bias=bias))
        if out:
            setattr(s, names[2], nn.Linear(hid * (2 if bidi else 1), out))
        s.out = out
    def forward(s, x):
        if s.emb:
            x = getattr(s, s.names[0])(x)
        y, _ = getattr(s, s.names[1])(x)
        return getattr(s, s.names[2])(y) if s.out else y

def model_json(net, kind, vocab, inp, hid, layers, bidi, out):
    sd = {}
    for k, v in net.state_dict().items():
        k = k.replace(net.names[0] + ".", "embedding.").replace(net.names[1] + ".", "rnn.").replace(net.names[2] + ".", "fc.")
        sd[k] = v.double().tolist()
    return {"format": "rnnlab-model", "version": 1, "cell": kind, "input_size": inp, "hidden_size": hid,
            "num_layers": layers, "bidirectional": bidi, "embedding": {"num_embeddings": vocab} if vocab else None,
            "output": {"size": out, "activation": "softmax"} if out else None, "vocab": None, "state_dict": sd}

def safetensors(path, sd, dtype="F32"):
    header, blobs, off = {}, [], 0
    for k, v in sd.items():
        b = v.contiguous().to(torch.float64 if dtype == "F64" else torch.float32).numpy().tobytes()
        header[k] = {"dtype": dtype, "shape": list(v.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b); off += len(b)
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h); [f.write(b) for b in blobs]

def onnx(path, net, vocab, inp):
    x = torch.tensor([[1], [3], [0], [2]]) if vocab else torch.randn(4, 1, inp)
    torch.onnx.export(net, (x,), path, input_names=["x"], output_names=["y"], opset_version=14)

NETS = {  # name: kind, vocab, input, hidden, layers, bidirectional, outputs
    "lstm_emb_head": ("lstm", 5, 3, 4, 1, False, 5),
    "gru_emb_head": ("gru", 5, 3, 4, 1, False, 5),
    "rnn_emb_head": ("rnn_tanh", 5, 3, 4, 1, False, 5),
    "lstm2_bidi_emb_head": ("lstm", 5, 3, 4, 2, True, 5),
    "gru2_bidi_emb_head": ("gru", 5, 3, 4, 2, True, 5),
    "rnn2_bidi_emb_head": ("rnn_tanh", 5, 3, 4, 2, True, 5),
}
for name, a in NETS.items():
    net = Net(*a).eval()
    with torch.no_grad():
        for p in net.parameters():  # round to float32 values that are also exact in float16/bfloat16? no: plain float32
            p.copy_(p.float())
    json.dump(model_json(net, *a), open(f"{D}/{name}.model.json", "w"))
    torch.save(net.state_dict(), f"{D}/{name}.pt")
    torch.save({k: v.double() for k, v in net.state_dict().items()}, f"{D}/{name}.f64.pt")
    safetensors(f"{D}/{name}.safetensors", net.state_dict())
    onnx(f"{D}/{name}.onnx", net, a[1], a[2])

# DataParallel prefix and custom names (word_language_model style: encoder = embedding, decoder = head)
net = Net("lstm", 5, 3, 4, 1, False, 5).eval()
json.dump(model_json(net, "lstm", 5, 3, 4, 1, False, 5), open(f"{D}/named_ref.model.json", "w"))
torch.save({"module." + k: v for k, v in net.state_dict().items()}, f"{D}/dataparallel.pt")
ren = {"embedding.": "encoder.", "rnn.": "lstm.", "fc.": "decoder."}
def rename(k):
    for a, b in ren.items():
        if k.startswith(a):
            return b + k[len(a):]
torch.save({rename(k): v for k, v in net.state_dict().items()}, f"{D}/custom_names.pt")
# two recurrent modules: ambiguous without --prefix
two = dict(net.state_dict()); two.update({"decoder_rnn." + k[4:]: v for k, v in net.state_dict().items() if k.startswith("rnn.")})
torch.save(two, f"{D}/two_rnns.pt")
# views: every tensor is a slice of one big storage, one transposed
big = torch.randn(1000, dtype=torch.float64)
views, off = {}, 7
for k, v in net.state_dict().items():
    n = v.numel()
    views[k] = big[off:off + n].view(v.shape); off += n + 3
views["fc.weight"] = big[off:off + 20].view(4, 5).t()
torch.save(views, f"{D}/views.pt")
json.dump(model_json(type("V", (), {"names": ("embedding", "rnn", "fc"), "state_dict": lambda s: views})(),
                     "lstm", 5, 3, 4, 1, False, 5), open(f"{D}/views.model.json", "w"))
# bias=False
for kind in ("lstm", "gru", "rnn_tanh"):
    nb = Net(kind, 0, 3, 4, 1, False, 0, bias=False).eval()
    torch.save(nb.state_dict(), f"{D}/nobias_{kind}.pt")
    json.dump(model_json(nb, kind, 0, 3, 4, 1, False, 0), open(f"{D}/nobias_{kind}.model.json", "w"))
# projections
torch.save(nn.LSTM(3, 4, proj_size=2).state_dict(), f"{D}/proj.pt")
# a full pickled module, and a pickle naming os.system (never run: RNN Lab refuses the global)
torch.save(nn.LSTM(3, 4), f"{D}/full_module.pt")
class Evil:
    def __reduce__(self):
        return (os.system, ("echo owned",))
torch.save({"rnn.weight_ih_l0": Evil()}, f"{D}/evil.pt")
# GRU with linear_before_reset=1 is what torch exports; check it
print("ok")
# an ONNX graph with an op RNN Lab does not run (Softmax after the head)
class Soft(nn.Module):
    def __init__(s):
        super().__init__(); s.rnn = nn.GRU(3, 4); s.fc = nn.Linear(4, 2)
    def forward(s, x):
        return torch.softmax(s.fc(s.rnn(x)[0]), -1)
torch.onnx.export(Soft().eval(), (torch.randn(4, 1, 3),), f"{D}/softmax_op.onnx", opset_version=14)
