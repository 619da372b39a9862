"""Loads a .pt that RNN Lab wrote (export --out x.pt, or train --save x.pt) with torch.load(weights_only=True)
into nn.Embedding/nn.RNN|LSTM|GRU/nn.Linear and compares a forward pass with the same model in RNN Lab's JSON.

  java -jar target/rnnlab.jar export --model m.model.json --out m.pt
  python3 src/main/python/check_exported_pt.py m.model.json m.pt [m.seq.json m.trace.json]

Prints the largest absolute difference between the weights and between PyTorch's forward pass run on the
.pt and on the JSON's numbers (float64 throughout). Given a sequence and RNN Lab's trace of it
(java -jar target/rnnlab.jar trace --model m.pt --seq m.seq.json --out m.trace.json), it also compares
PyTorch's forward pass on the .pt (through the head's activation) with RNN Lab's own outputs."""
import json, sys, torch, torch.nn as nn

def build(cfg):
    cell = cfg["cell"]
    kw = dict(num_layers=cfg["num_layers"], bidirectional=cfg["bidirectional"])
    if cell in ("rnn_tanh", "rnn_relu"):
        rnn = nn.RNN(cfg["input_size"], cfg["hidden_size"], nonlinearity=cell[4:], **kw)
    else:
        rnn = {"lstm": nn.LSTM, "gru": nn.GRU}[cell](cfg["input_size"], cfg["hidden_size"], **kw)
    m = nn.Module()
    if cfg.get("embedding"):
        m.embedding = nn.Embedding(cfg["embedding"]["num_embeddings"], cfg["input_size"])
    m.rnn = rnn
    if cfg.get("output"):
        m.fc = nn.Linear(cfg["hidden_size"] * (2 if cfg["bidirectional"] else 1), cfg["output"]["size"])
    return m.double()

def forward(m, cfg, x):
    h = m.embedding(x) if cfg.get("embedding") else x
    y, _ = m.rnn(h)
    return m.fc(y) if cfg.get("output") else y

cfg = json.load(open(sys.argv[1]))
sd = torch.load(sys.argv[2], weights_only=True)
vocab = getattr(sd, "rnnlab_vocab", None)   # a character model's vocabulary: an attribute, not a key
if cfg.get("vocab") is not None and vocab != cfg["vocab"]:
    sys.exit(f"{sys.argv[2]}: vocabulary {vocab!r}, expected {cfg['vocab']!r}")
ref = {k: torch.tensor(v, dtype=torch.float64) for k, v in cfg["state_dict"].items()}
a, b = build(cfg), build(cfg)
a.load_state_dict(sd)
b.load_state_dict(ref)
torch.manual_seed(0)
x = (torch.randint(0, cfg["embedding"]["num_embeddings"], (7, 1)) if cfg.get("embedding")
     else torch.randn(7, 1, cfg["input_size"], dtype=torch.float64))
with torch.no_grad():
    wd = max((sd[k] - ref[k]).abs().max().item() for k in ref)
    fd = (forward(a, cfg, x) - forward(b, cfg, x)).abs().max().item()
print(f"{sys.argv[2]}: {len(sd)} tensors, dtypes {sorted({str(v.dtype) for v in sd.values()})}; "
      f"vocabulary {'none' if vocab is None else len(vocab)}; "
      f"max |weight difference| {wd:.3g}; max |forward difference| {fd:.3g}")
ok = wd == 0 and fd == 0
if len(sys.argv) > 4:
    seq, tr = json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
    xs = (torch.tensor(seq["tokens"])[:, None] if cfg.get("embedding")
          else torch.tensor(seq["inputs"], dtype=torch.float64)[:, None, :])
    with torch.no_grad():
        z = forward(a, cfg, xs)[:, 0, :]
    act = (cfg.get("output") or {}).get("activation", "identity")
    y = {"softmax": lambda: torch.softmax(z, dim=-1), "sigmoid": lambda: torch.sigmoid(z)}.get(act, lambda: z)()
    td = (y - torch.tensor(tr["outputs"], dtype=torch.float64)).abs().max().item()
    print(f"{sys.argv[4]}: PyTorch on {sys.argv[2]} vs RNN Lab's outputs over {len(xs)} steps ({act}): "
          f"max |difference| {td:.3g}")
    ok = ok and td <= 1e-12
sys.exit(0 if ok else 1)
