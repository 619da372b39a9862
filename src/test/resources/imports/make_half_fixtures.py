"""Writes the float16 and bfloat16 fixtures of ImportTest with real PyTorch (Debian's python3-torch, 1.13):
the LSTM of lstm_emb_head.pt (made by make_fixtures.py) with every tensor cast to float16 and to bfloat16,
saved by torch.save (.pt) and as safetensors (F16 / BF16), and a .model.json holding the same rounded
numbers as float64, which is what RNN Lab must read from the half-precision files.
Run: /usr/bin/python3 src/test/resources/imports/make_half_fixtures.py  (CI has no PyTorch: outputs committed)."""
import json, os, struct, torch
D = os.path.dirname(os.path.abspath(__file__))
sd = torch.load(f"{D}/lstm_emb_head.pt")
ref = json.load(open(f"{D}/lstm_emb_head.model.json"))
for dtype, tag, st in ((torch.float16, "f16", "F16"), (torch.bfloat16, "bf16", "BF16")):
    half = {k: v.to(dtype) for k, v in sd.items()}
    torch.save(half, f"{D}/lstm_emb_head.{tag}.pt")
    header, blobs, off = {}, [], 0
    for k, v in half.items():
        b = v.contiguous().view(torch.int16).numpy().tobytes()  # numpy has no bfloat16: the raw 2-byte words
        header[k] = {"dtype": st, "shape": list(v.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b); off += len(b)
    h = json.dumps(header).encode(); h += b" " * (-len(h) % 8)
    with open(f"{D}/lstm_emb_head.{tag}.safetensors", "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h); [f.write(b) for b in blobs]
    m = dict(ref); m["state_dict"] = {k: v.double().tolist() for k, v in half.items()}
    json.dump(m, open(f"{D}/lstm_emb_head.{tag}.model.json", "w"))
print("ok")
