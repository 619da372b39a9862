"""Writes src/test/resources/fixtures/optim/optimizers.json: what torch.optim does to a small set of
weights over three steps with fixed gradients (AdamW, Adam with L2 weight decay, SGD with momentum
and weight decay, Adagrad with weight decay), and the rates of torch's StepLR and CosineAnnealingLR.
Run with /usr/bin/python3 (needs torch); CI has no torch and reads the committed JSON.
    /usr/bin/python3 src/test/python/make_optimizer_fixture.py
"""
import json
import os

import torch

torch.manual_seed(17)
torch.set_default_dtype(torch.float64)
W0 = {"w": torch.randn(3, 4), "b": torch.randn(4)}
GRADS = [{k: torch.randn_like(v) for k, v in W0.items()} for _ in range(3)]

CASES = [
    ("adamw", lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1), 0.01, 0.1),
    ("adamw_default", lambda ps: torch.optim.AdamW(ps, lr=0.001), 0.001, 0.01),
    ("adam_l2", lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1), 0.01, 0.1),
    ("momentum_l2", lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, weight_decay=0.2), 0.05, 0.2),
    ("sgd_l2", lambda ps: torch.optim.SGD(ps, lr=0.05, weight_decay=0.2), 0.05, 0.2),
    ("adagrad_l2", lambda ps: torch.optim.Adagrad(ps, lr=0.05, weight_decay=0.2), 0.05, 0.2),
]


def flat(d):
    return {k: v.detach().flatten().tolist() for k, v in d.items()}


out = {"torch": torch.__version__, "shapes": {k: list(v.shape) for k, v in W0.items()},
       "initial": flat(W0), "grads": [flat(g) for g in GRADS], "cases": []}
for name, make, lr, wd in CASES:
    ps = {k: v.clone().requires_grad_(True) for k, v in W0.items()}
    opt = make(list(ps.values()))
    after = []
    for g in GRADS:
        for k, p in ps.items():
            p.grad = g[k].clone()
        opt.step()
        after.append(flat(ps))
    out["cases"].append({"name": name, "lr": lr, "weight_decay": wd, "after": after})

# schedulers: the rate used by optimiser steps 1..12 when scheduler.step() follows each optimiser step
def rates(make_sched, steps=12, lr=0.1):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    sched = make_sched(opt)
    r = []
    for _ in range(steps):
        r.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return r

out["schedules"] = {
    "base_lr": 0.1,
    "total_steps": 12,
    "step_3_half": rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
    "cosine_12": rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=12)),
}

path = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "optim", "optimizers.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path))
