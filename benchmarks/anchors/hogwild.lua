-- Times Hogwild training in Torch7 with the threads package, as ThreadsBenchmarks.Hogwild runs it in the library: a 20-64-4
-- MLP (Linear, Tanh, Linear, LogSoftMax), ClassNLLCriterion, batch 16, plain SGD at 0.1, one pass over 200,000 random samples
-- split between K workers; each worker trains its own clone sharing the weights and biases (tensors reach the workers through
-- threads.sharedserialize, so the clones update one set of parameters without locks). Prints samples/s for 1 and 2 workers,
-- best of 3 after a warm-up, and their ratio.
-- usage: luajit hogwild.lua
local threads = require 'threads'
require 'nn'
threads.serialization('threads.sharedserialize')
torch.setnumthreads(1)
torch.manualSeed(1)
local samples, inputs, classes, batch = 200000, 20, 4, 16
local x = torch.randn(samples, inputs)
local y = torch.Tensor(samples):random(1, classes)

local function rate(k)
  local net = nn.Sequential():add(nn.Linear(inputs, 64)):add(nn.Tanh()):add(nn.Linear(64, classes)):add(nn.LogSoftMax())
  local pool = threads.Threads(k, function() require 'nn'; torch.setnumthreads(1) end)
  local share = math.floor(samples / k)
  local t = torch.Timer()
  for id = 1, k do
    local first = 1 + (id - 1) * share
    pool:addjob(function()
      local replica = net:clone('weight', 'bias')
      local crit = nn.ClassNLLCriterion()
      local b = first
      while b + batch - 1 < first + share do
        local xb, yb = x:narrow(1, b, batch), y:narrow(1, b, batch)
        replica:zeroGradParameters()
        crit:forward(replica:forward(xb), yb)
        replica:backward(xb, crit:backward(replica.output, yb))
        replica:updateParameters(0.1)
        b = b + batch
      end
      return 0
    end)
  end
  pool:synchronize()
  local seconds = t:time().real
  pool:terminate()
  return samples / seconds
end

for _ = 1, 2 do rate(1); rate(2) end
local one, two = 0, 0
for _ = 1, 3 do one = math.max(one, rate(1)); two = math.max(two, rate(2)) end
print(string.format('Torch7 Hogwild 20-64-4 MLP, batch 16: %.0f and %.0f samples/s, 2 workers / 1 = %.2f', one, two, two / one))
