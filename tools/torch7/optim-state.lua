-- Makes tests/Torch.Optim.Tests/Fixtures/optim-state-*.t7: an sgd state (momentum buffer and evalCounter) after two steps,
-- the parameters then, and the parameters after a third step, so a test can resume from Torch7's own optimState.
-- Run: . /work/torch7/env.sh && luajit tools/torch7/optim-state.lua <output dir>
require 'torch'
require 'optim'
local dir = arg[1] or '.'
local x = torch.Tensor{1, -2, 3}
local function feval(p) return 0.5 * p:dot(p), p:clone() end -- f = |x|^2 / 2, df/dx = x
local state = {learningRate = 0.1, momentum = 0.9, dampening = 0, nesterov = true, weightDecay = 1e-2, learningRateDecay = 1e-3}
optim.sgd(feval, x, state)
optim.sgd(feval, x, state)
torch.save(dir .. '/optim-state-sgd.t7', state)
torch.save(dir .. '/optim-state-x2.t7', x)
optim.sgd(feval, x, state)
torch.save(dir .. '/optim-state-x3.t7', x)
