-- Times Torch7's double SpatialConvolution 16->16, 3x3, pad 1 on 16x16x32x32 (forward, updateGradInput, accGradParameters), 1 thread.
-- usage: luajit conv.lua
require 'nn'
torch.setnumthreads(1)
torch.setdefaulttensortype('torch.DoubleTensor')
local conv = nn.SpatialConvolution(16, 16, 3, 3, 1, 1, 1, 1)
local x, g = torch.rand(16, 16, 32, 32), torch.rand(16, 16, 32, 32)
local median = dofile((arg[0]:match('(.*/)') or './') .. 'timing.lua')
local fwd = median(function() conv:forward(x) end, 9)
local ugi = median(function() conv:updateGradInput(x, g) end, 9)
local agp = median(function() conv:accGradParameters(x, g) end, 9)
print(string.format('Torch7 conv double, median ms: forward %.2f, updateGradInput %.2f, accGradParameters %.2f', fwd, ugi, agp))
