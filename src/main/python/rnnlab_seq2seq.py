"""Reference encoder-decoder for RNN Lab (written for this project).

The Java engine (rnnlab.engine.Seq2SeqRun) computes exactly this module; its state_dict names are the
names of RNN Lab's seq2seq model files. Train it in PyTorch, save model.state_dict(), and open it.

    encoder:  h = RNN/LSTM/GRU(E_enc[src])            top layer, width K = H_enc * directions
    bridge:   s_0 = tanh(W_b [h_fwd(T-1); h_bwd(0)] + b_b)
    attention (query q = s_{t-1}):
        additive: e_s = v . tanh(W_q q + W_k h_s)      (Bahdanau)
        dot:      e_s = q . h_s                        (Luong)
        general:  e_s = q . (W_a h_s)                  (Luong)
        a = softmax(e), c_t = sum_s a_s h_s
    decoder:  s_t = cell([E_dec[y_{t-1}]; c_t], s_{t-1})   (one layer; LSTM starts from c_0 = 0)
    output:   z_t = W_fc s_t + b_fc;  loss = sum_t cross_entropy(z_t, y_t)
"""
import torch
import torch.nn as nn

RNNS = {"rnn_tanh": lambda i, h, **k: nn.RNN(i, h, nonlinearity="tanh", **k),
        "rnn_relu": lambda i, h, **k: nn.RNN(i, h, nonlinearity="relu", **k),
        "lstm": nn.LSTM, "gru": nn.GRU}


class Encoder(nn.Module):
    def __init__(self, cell, vocab, emb, hidden, layers, bidirectional):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb)
        self.rnn = RNNS[cell](emb, hidden, num_layers=layers, bidirectional=bidirectional, batch_first=True)


class Decoder(nn.Module):
    def __init__(self, cell, vocab, emb, inp, hidden):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb)
        self.rnn = RNNS[cell](inp, hidden, num_layers=1, batch_first=True)


class Attention(nn.Module):
    def __init__(self, kind, hidden, key, size):
        super().__init__()
        self.kind = kind
        if kind == "additive":
            self.W_q = nn.Linear(hidden, size, bias=False)
            self.W_k = nn.Linear(key, size, bias=False)
            self.v = nn.Linear(size, 1, bias=False)
        elif kind == "general":
            self.W_a = nn.Linear(key, hidden, bias=False)

    def forward(self, q, keys):  # q: (H,), keys: (S, K)
        if self.kind == "additive":
            e = self.v(torch.tanh(self.W_q(q).unsqueeze(0) + self.W_k(keys))).squeeze(1)
        elif self.kind == "dot":
            e = keys @ q
        else:
            e = self.W_a(keys) @ q
        a = torch.softmax(e, dim=0)
        return e, a, a @ keys


class Seq2Seq(nn.Module):
    def __init__(self, enc_cell, src_vocab, enc_emb, enc_hidden, enc_layers, bidirectional,
                 dec_cell, tgt_vocab, dec_emb, dec_hidden, attention="none", attention_size=0):
        super().__init__()
        self.dec_cell, self.attention_kind = dec_cell, attention
        self.bidirectional, self.enc_hidden = bidirectional, enc_hidden
        key = enc_hidden * (2 if bidirectional else 1)
        self.encoder = Encoder(enc_cell, src_vocab, enc_emb, enc_hidden, enc_layers, bidirectional)
        ctx = 0 if attention == "none" else key
        self.decoder = Decoder(dec_cell, tgt_vocab, dec_emb, dec_emb + ctx, dec_hidden)
        self.bridge = nn.Linear(key, dec_hidden)
        if attention != "none":
            self.attention = Attention(attention, dec_hidden, key, attention_size)
        self.fc = nn.Linear(dec_hidden, tgt_vocab)

    def forward(self, src, dec_in, targets=None):
        """One pair, batch 1, teacher forcing. Returns a dict of every intermediate value."""
        h, _ = self.encoder.rnn(self.encoder.embedding(src).unsqueeze(0))
        h = h.squeeze(0)
        H = self.enc_hidden
        last = h[-1, :H] if not self.bidirectional else torch.cat([h[-1, :H], h[0, H:]])
        s = torch.tanh(self.bridge(last))
        s0 = s
        c = torch.zeros_like(s)
        out = {"encoder_states": h, "s0": s0, "states": [], "scores": [], "weights": [], "contexts": [], "logits": []}
        for t in range(dec_in.shape[0]):
            x = self.decoder.embedding(dec_in[t])
            if self.attention_kind != "none":
                e, a, ctx = self.attention(s, h)
                out["scores"].append(e); out["weights"].append(a); out["contexts"].append(ctx)
                x = torch.cat([x, ctx])
            state = (s.view(1, 1, -1), c.view(1, 1, -1)) if self.dec_cell == "lstm" else s.view(1, 1, -1)
            y, st = self.decoder.rnn(x.view(1, 1, -1), state)
            if self.dec_cell == "lstm":
                s, c = st[0].view(-1), st[1].view(-1)
            else:
                s = st.view(-1)
            out["states"].append(s)
            out["logits"].append(self.fc(s))
        for k in ("states", "scores", "weights", "contexts", "logits"):
            out[k] = torch.stack(out[k]) if out[k] else None
        if targets is not None:
            out["loss"] = nn.functional.cross_entropy(out["logits"], targets, reduction="sum")
        return out
