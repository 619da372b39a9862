"""Training speed of the reference encoder-decoder in PyTorch (written for this project).

Runs the module of rnnlab_seq2seq.py the way RNN Lab's Seq2SeqTrainer trains (float64, batch 1:
forward, backward, clip the global norm at 5, one Adam step per pair) on the reverse task's random
pairs, and prints one line that `rnnlab bench-seq2seq` reads:

    pytorch <cell> <attention> T=<length> H=<hidden> pairs/s <median> <max>

Usage: python3 bench_seq2seq.py --cell gru --attention additive --length 8 --hidden 32 --rounds 3 --seconds 1
"""
import argparse
import os
import random
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rnnlab_seq2seq import Seq2Seq  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cell", default="gru")
    ap.add_argument("--attention", default="additive")
    ap.add_argument("--length", type=int, default=8)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--embedding", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    random.seed(1)
    h = a.hidden
    # the reverse task: 10 digits in, <s> </s> and 10 digits out; encoder and decoder of the same cell
    m = Seq2Seq(a.cell, 10, a.embedding, h, 1, False, a.cell, 12, a.embedding, h, a.attention,
                h if a.attention == "additive" else 0).double()
    opt = torch.optim.Adam(m.parameters(), lr=0.01)

    def pair():
        src = [random.randrange(10) for _ in range(a.length)]
        tgt = [d + 2 for d in reversed(src)]
        return (torch.tensor(src), torch.tensor([0] + tgt), torch.tensor(tgt + [1]))

    def step():
        src, din, out = pair()
        opt.zero_grad()
        loss = m(src, din, out)["loss"]
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0)
        opt.step()

    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:  # warm up
        step()
    rates = []
    for _ in range(a.rounds):
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < a.seconds:
            step()
            n += 1
        rates.append(n / (time.perf_counter() - t0))
    print("pytorch %s %s T=%d H=%d pairs/s %.1f %.1f torch %s threads %d" % (
        a.cell, a.attention, a.length, h, statistics.median(rates), max(rates), torch.__version__, a.threads))


if __name__ == "__main__":
    main()
