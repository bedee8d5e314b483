-- Writes tests/fixtures/random/retrace.txt: two small training programs run by the real Torch7, their loss at every
-- iteration ("name v1 v2 ...", %.17g). tests/Torch.Nn.Tests/RetraceTests.cs ports both line by line and must retrace
-- them (1e-10): every random number (reset, data, Dropout) comes from torch.manualSeed(1)'s stream. Regenerate from the
-- repository root with the built Torch7:
--   . /work/torch7/env.sh && luajit -ltorch -lnn -lnngraph -loptim tools/torch7/retrace.lua tests/fixtures/random/retrace.txt
require 'torch'
require 'nn'
require 'nngraph'
require 'optim'
local out = assert(io.open(arg[1] or 'tests/fixtures/random/retrace.txt', 'w'))
local function emit(name, list)
   local parts = {name}
   for _, v in ipairs(list) do parts[#parts + 1] = string.format('%.17g', v) end
   out:write(table.concat(parts, ' '), '\n')
end

-- (a) char-rnn's LSTM (model/LSTM.lua, dense input), unrolled over clones sharing the parameters, trained by RMSprop
local function lstm(inputSize, rnnSize, n)
   local inputs = {nn.Identity()()}
   for l = 1, n do
      table.insert(inputs, nn.Identity()())
      table.insert(inputs, nn.Identity()())
   end
   local x
   local outputs = {}
   for l = 1, n do
      local prevH = inputs[l * 2 + 1]
      local prevC = inputs[l * 2]
      local sizeL = l == 1 and inputSize or rnnSize
      if l == 1 then x = inputs[1] else x = outputs[(l - 1) * 2] end
      local i2h = nn.Linear(sizeL, 4 * rnnSize)(x):annotate{name = 'i2h_' .. l}
      local h2h = nn.Linear(rnnSize, 4 * rnnSize)(prevH):annotate{name = 'h2h_' .. l}
      local sums = nn.CAddTable()({i2h, h2h})
      local reshaped = nn.Reshape(4, rnnSize)(sums)
      local n1, n2, n3, n4 = nn.SplitTable(2)(reshaped):split(4)
      local inGate = nn.Sigmoid()(n1)
      local forgetGate = nn.Sigmoid()(n2)
      local outGate = nn.Sigmoid()(n3)
      local inTransform = nn.Tanh()(n4)
      local nextC = nn.CAddTable()({nn.CMulTable()({forgetGate, prevC}), nn.CMulTable()({inGate, inTransform})})
      local nextH = nn.CMulTable()({outGate, nn.Tanh()(nextC)})
      table.insert(outputs, nextC)
      table.insert(outputs, nextH)
   end
   local proj = nn.Linear(rnnSize, inputSize)(outputs[#outputs]):annotate{name = 'decoder'}
   table.insert(outputs, nn.LogSoftMax()(proj))
   return nn.gModule(inputs, outputs)
end

do
   local inputSize, rnnSize, layers, batch, steps = 3, 5, 2, 2, 4
   torch.manualSeed(1)
   local proto = lstm(inputSize, rnnSize, layers)
   local params, grads = proto:getParameters()
   local clones = {}
   for t = 1, steps do clones[t] = proto:clone('weight', 'bias', 'gradWeight', 'gradBias') end
   local crit = nn.ClassNLLCriterion()
   local config = {learningRate = 2e-2, alpha = 0.95}
   local losses = {}
   for it = 1, 20 do
      local xs, ys = {}, {}
      for t = 1, steps do
         xs[t] = torch.Tensor(batch, inputSize):normal()
         ys[t] = torch.Tensor(batch):random(inputSize)
      end
      local function feval(p)
         grads:zero()
         local state = {[0] = {}}
         for i = 1, 2 * layers do state[0][i] = torch.zeros(batch, rnnSize) end
         local preds, loss = {}, 0
         for t = 1, steps do
            local lst = clones[t]:forward({xs[t], unpack(state[t - 1])})
            state[t] = {}
            for i = 1, 2 * layers do state[t][i] = lst[i] end
            preds[t] = lst[2 * layers + 1]
            loss = loss + crit:forward(preds[t], ys[t])
         end
         local dstate = {}
         for i = 1, 2 * layers do dstate[i] = torch.zeros(batch, rnnSize) end
         for t = steps, 1, -1 do
            local doutput = crit:backward(preds[t], ys[t]):clone()
            table.insert(dstate, doutput)
            local dlst = clones[t]:backward({xs[t], unpack(state[t - 1])}, dstate)
            dstate = {}
            for i = 2, 2 * layers + 1 do dstate[i - 1] = dlst[i]:clone() end
         end
         grads:clamp(-5, 5)
         return loss / steps, grads
      end
      local _, fx = optim.rmsprop(feval, params, config)
      losses[it] = fx[1]
   end
   emit('lstm_rmsprop', losses)
end

-- (b) a small convolutional net with Dropout and batch normalisation, trained by SGD with momentum
do
   torch.manualSeed(1)
   local net = nn.Sequential()
   net:add(nn.SpatialConvolution(1, 4, 3, 3))
   net:add(nn.SpatialBatchNormalization(4))
   net:add(nn.ReLU())
   net:add(nn.SpatialMaxPooling(2, 2, 2, 2))
   net:add(nn.View(4 * 3 * 3))
   net:add(nn.Dropout(0.3))
   net:add(nn.Linear(36, 10))
   net:add(nn.BatchNormalization(10))
   net:add(nn.Tanh())
   net:add(nn.Linear(10, 3))
   net:add(nn.LogSoftMax())
   local crit = nn.ClassNLLCriterion()
   local params, grads = net:getParameters()
   local config = {learningRate = 0.05, momentum = 0.9, weightDecay = 1e-4}
   local losses = {}
   for it = 1, 20 do
      local x = torch.Tensor(6, 1, 8, 8):uniform(-1, 1)
      local y = torch.Tensor(6):random(3)
      local function feval(p)
         grads:zero()
         local o = net:forward(x)
         local loss = crit:forward(o, y)
         net:backward(x, crit:backward(o, y))
         return loss, grads
      end
      local _, fx = optim.sgd(feval, params, config)
      losses[it] = fx[1]
   end
   net:evaluate()
   local x = torch.Tensor(6, 1, 8, 8):uniform(-1, 1)
   local y = torch.Tensor(6):random(3)
   losses[#losses + 1] = crit:forward(net:forward(x), y)
   emit('convnet_sgd', losses)
end
out:close()
