-- Writes rmsprop-bits.t7: Torch7's optim.rmsprop on 1001-element vectors (long enough for the SIMD loops, odd for their tails),
-- double and float, six calls with given gradients; x after each call. Run here: . /work/torch7/env.sh && luajit make-rmsprop-bits.lua
require 'optim'
torch.manualSeed(3)
local out = {}
for _, ty in ipairs{'torch.DoubleTensor', 'torch.FloatTensor'} do
   local x = torch.randn(1001):type(ty)
   local case = {x0 = x:clone(), g = {}, x = {}}
   local config = {learningRate = 2e-3, alpha = 0.95}
   for k = 1, 6 do
      local g = torch.randn(1001):mul(k):type(ty)
      case.g[k] = g:clone()
      optim.rmsprop(function() return 0, g end, x, config)
      case.x[k] = x:clone()
   end
   out[ty] = case
end
torch.save('rmsprop-bits.t7', out)
