# PyTorch anchors for docs/benchmarks.md, 1 thread: the double 16->16 3x3 convolution (forward, backward) and char-rnn's
# training batch (2x128 LSTM from Linear layers as char-rnn builds it, sequence 50, batch 50, double, RMSprop).
# usage: /usr/bin/python3 pytorch_steps.py
import time
import torch
from timing import median_ms
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(1)



conv = torch.nn.Conv2d(16, 16, 3, padding=1).double()
x = torch.rand(16, 16, 32, 32, dtype=torch.double, requires_grad=True)
g = torch.rand(16, 16, 32, 32, dtype=torch.double)
fwd = median_ms(lambda: conv(x), 9)
both = median_ms(lambda: conv(x).backward(g), 9)
print(f"PyTorch {torch.__version__} conv double, median ms: forward {fwd:.2f}, forward + backward {both:.2f}")

V, R, L, S, B = 65, 128, 2, 50, 50
layers = [(torch.nn.Linear(V if l == 0 else R, 4 * R).double(), torch.nn.Linear(R, 4 * R).double()) for l in range(L)]
decoder = torch.nn.Linear(R, V).double()
params = [p for a, b in layers for p in list(a.parameters()) + list(b.parameters())] + list(decoder.parameters())
rms = torch.optim.RMSprop(params, lr=2e-3, alpha=0.95, eps=1e-8)
xs = torch.randint(0, V, (S, B))
ys = torch.randint(0, V, (S, B))


def batch():
    rms.zero_grad()
    h = [torch.zeros(B, R, dtype=torch.double) for _ in range(L)]
    c = [torch.zeros(B, R, dtype=torch.double) for _ in range(L)]
    loss = 0
    for t in range(S):
        inp = F.one_hot(xs[t], V).double()
        for l in range(L):
            gates = (layers[l][0](inp) + layers[l][1](h[l])).view(B, 4, R)
            i, f, o, u = gates[:, 0].sigmoid(), gates[:, 1].sigmoid(), gates[:, 2].sigmoid(), gates[:, 3].tanh()
            c[l] = f * c[l] + i * u
            h[l] = o * c[l].tanh()
            inp = h[l]
        loss = loss + F.nll_loss(F.log_softmax(decoder(inp), 1), ys[t])
    (loss / S).backward()
    for p in params:
        p.grad.clamp_(-5, 5)
    rms.step()


print(f"PyTorch char-rnn batch: median {median_ms(batch, 9) / 1000:.3f} s")
