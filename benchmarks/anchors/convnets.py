# PyTorch anchors for docs/benchmarks.md, 1 thread: dcgan's training iteration (PyTorch's dcgan example's steps, 32x32, ngf = ndf = 16,
# batch 8, nz 100, Adam) and fb.resnet.torch's CIFAR ResNet-8 iteration (shortcut type A, SGD Nesterov momentum 0.9, weight decay
# 1e-4, batch 16), the same nets as benchmarks/anchors/dcgan.lua and resnet.lua.
# usage: /usr/bin/python3 convnets.py [float|double] [iterations]
import sys
import time
import torch
from timing import median_ms
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(1)
name = sys.argv[1] if len(sys.argv) > 1 else "float"
dtype = torch.double if name == "double" else torch.float
iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 15



nz, ngf, ndf, nc, batch = 100, 16, 16, 3, 8
netG = nn.Sequential(
    nn.ConvTranspose2d(nz, ngf * 4, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
    nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
    nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh()).to(dtype)
netD = nn.Sequential(
    nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
    nn.Conv2d(ndf * 4, 1, 4, 1, 0, bias=False), nn.Sigmoid(), nn.Flatten()).to(dtype)
optD = torch.optim.Adam(netD.parameters(), lr=0.0002, betas=(0.5, 0.999))
optG = torch.optim.Adam(netG.parameters(), lr=0.0002, betas=(0.5, 0.999))
real = torch.rand(batch, 3, 32, 32, dtype=dtype) * 2 - 1
ones = torch.ones(batch, 1, dtype=dtype)
zeros = torch.zeros(batch, 1, dtype=dtype)


def dcgan():
    optD.zero_grad()
    err_real = F.binary_cross_entropy(netD(real), ones)
    err_real.backward()
    fake = netG(torch.randn(batch, nz, 1, 1, dtype=dtype))
    err_fake = F.binary_cross_entropy(netD(fake.detach()), zeros)
    err_fake.backward()
    (err_real + err_fake).item()
    optD.step()
    optG.zero_grad()
    err_g = F.binary_cross_entropy(netD(fake), ones)
    err_g.backward()
    err_g.item()
    optG.step()


class BasicBlock(nn.Module):
    def __init__(self, n_in, n, stride):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(n_in, n, 3, stride, 1), nn.BatchNorm2d(n), nn.ReLU(True),
                                  nn.Conv2d(n, n, 3, 1, 1), nn.BatchNorm2d(n))
        self.stride, self.widen = stride, n_in != n

    def forward(self, x):
        shortcut = x
        if self.widen:  # type A: strided identity, zero-padded
            s = F.avg_pool2d(x, 1, self.stride)
            shortcut = torch.cat([s, s * 0], 1)
        return F.relu(self.body(x) + shortcut)


model = nn.Sequential(nn.Conv2d(3, 16, 3, 1, 1), nn.BatchNorm2d(16), nn.ReLU(True),
                      BasicBlock(16, 16, 1), BasicBlock(16, 32, 2), BasicBlock(32, 64, 2),
                      nn.AvgPool2d(8, 1), nn.Flatten(), nn.Linear(64, 10)).to(dtype)
sgd = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, dampening=0, weight_decay=1e-4, nesterov=True)
x = torch.rand(16, 3, 32, 32, dtype=dtype) * 2 - 1
y = torch.tensor([i % 10 for i in range(1, 17)])
model.train()


def resnet():
    sgd.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.item()
    loss.backward()
    sgd.step()


print(f"PyTorch {torch.__version__} {name}: dcgan 32x32 median {median_ms(dcgan, iterations):.2f} ms per iteration, "
      f"ResNet-8 median {median_ms(resnet, iterations):.2f} ms per iteration ({iterations} iterations)")
