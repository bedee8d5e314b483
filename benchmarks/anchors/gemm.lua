-- Torch7's one-thread double matrix products at char-rnn's shapes (batch 50; 128 -> 512, 65 -> 512, 128 -> 65), as nn.Linear
-- asks for them: best of 15 rounds of 50 calls. Compare with the benchmark program's 'gemm' lines (libtorch).
-- usage: luajit gemm.lua
require 'torch'
torch.setnumthreads(1)
dofile((arg[0]:match('(.*/)') or './') .. 'timing.lua') -- sets OpenBLAS's threads to 1 too
torch.setdefaulttensortype('torch.DoubleTensor')
local function bench(name, flops, f)
  local best = 1e9
  for r = 1, 15 do
    local t = torch.Timer()
    for i = 1, 50 do f() end
    best = math.min(best, t:time().real / 50)
  end
  print(string.format('%-40s %8.1f us %6.1f GFLOP/s', name, best * 1e6, flops / best * 1e-9))
end
for _, s in ipairs{{128, 512}, {65, 512}, {128, 65}} do
  local nIn, nOut, B = s[1], s[2], 50
  local x, w, go = torch.rand(B, nIn), torch.rand(nOut, nIn), torch.rand(B, nOut)
  local o, gi, gw = torch.Tensor(B, nOut), torch.Tensor(B, nIn), torch.zeros(nOut, nIn)
  local fl = 2 * B * nIn * nOut
  print(nIn .. ' -> ' .. nOut)
  bench('forward addmm(0, o, 1, x, w:t())', fl, function() o:addmm(0, o, 1, x, w:t()) end)
  bench('gradIn addmm(0, gi, 1, go, w)', fl, function() gi:addmm(0, gi, 1, go, w) end)
  bench('gradW addmm(1, gw, 1, go:t(), x)', fl, function() gw:addmm(1, gw, 1, go:t(), x) end)
end
