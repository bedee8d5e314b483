-- Makes adam-long-{float,double}-{start,end}.t7 for FusedTests.cs: optim.adam (defaults, lr 0.05) on 1003 parameters (axpy's blocks and tail) for 30
-- calls of f = sum(x^3 / 3 - 0.3 x), in float and in double, one thread; the start and the end of each run.
-- usage: . /work/torch7/env.sh && luajit adam_long.lua   (from this folder)
require 'torch'
require 'optim'
torch.setnumthreads(1)
for _, t in ipairs({'Float', 'Double'}) do
   local x = torch[t .. 'Tensor'](1003)
   for i = 1, 1003 do x[i] = ((i * 37) % 101 - 50) / 25 end
   torch.save('adam-long-' .. t:lower() .. '-start.t7', x)
   local state = {learningRate = 0.05}
   local function feval(x) return 0, x:clone():cmul(x):add(-0.3) end
   for k = 1, 30 do optim.adam(feval, x, state) end
   torch.save('adam-long-' .. t:lower() .. '-end.t7', x)
end
