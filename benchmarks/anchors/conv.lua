-- Times Torch7's double SpatialConvolution 16->16, 3x3, pad 1 on 16x16x32x32 (forward, updateGradInput, accGradParameters), 1 thread.
-- usage: luajit conv.lua
require 'nn'
torch.setnumthreads(1)
torch.setdefaulttensortype('torch.DoubleTensor')
local conv = nn.SpatialConvolution(16, 16, 3, 3, 1, 1, 1, 1)
local x, g = torch.rand(16, 16, 32, 32), torch.rand(16, 16, 32, 32)
local function median(f, n)
  f()
  local t = {}
  for i = 1, n do local timer = torch.Timer(); f(); t[i] = timer:time().real * 1000 end
  table.sort(t)
  return t[math.ceil(n / 2)]
end
local fwd = median(function() conv:forward(x) end, 9)
local ugi = median(function() conv:updateGradInput(x, g) end, 9)
local agp = median(function() conv:accGradParameters(x, g) end, 9)
print(string.format('Torch7 conv double, median ms: forward %.2f, updateGradInput %.2f, accGradParameters %.2f', fwd, ugi, agp))
