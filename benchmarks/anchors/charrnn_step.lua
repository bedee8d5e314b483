-- Times char-rnn's training batch (train.lua's feval + optim.rmsprop) in Torch7, 1 thread, double:
-- 2x128 LSTM, sequence 50, batch 50, 65 characters, random data. After the first batch it also says what the model, its
-- clones and RMSprop's state hold: the bytes of every distinct tensor storage reachable from them (parameters counted once:
-- the clones share them), and the growth of the Lua heap (collectgarbage "count") and of the resident memory since before
-- the model was built.
-- usage: luajit charrnn_step.lua /path/to/char-rnn [batches]   (a checkout of karpathy/char-rnn: its model and util are required)
local dir, batches = arg[1], tonumber(arg[2] or 12)
package.path = dir .. '/?.lua;' .. package.path
require 'torch'; require 'nn'; require 'nngraph'; require 'optim'
require 'util.OneHot'
local LSTM = require 'model.LSTM'
local model_utils = require 'util.model_utils'
torch.setnumthreads(1)
torch.manualSeed(1)
local vocab, rnn_size, layers, seq, batch = 65, 128, 2, 50, 50

local function rss()
  for line in io.lines('/proc/self/status') do
    local kb = line:match('^VmRSS:%s+(%d+)')
    if kb then return tonumber(kb) * 1024 end
  end
end

-- the distinct storages reachable from x (tables, torch objects' fields), by address
local function storages(x, seen, found)
  if type(x) ~= 'table' and type(x) ~= 'userdata' or seen[x] then return end
  seen[x] = true
  if torch.isTensor(x) then
    local s = x:storage()
    if s then found[torch.pointer(s)] = s:size() * s:elementSize() end
    return
  end
  if type(x) == 'userdata' then return end
  for k, v in pairs(x) do storages(k, seen, found); storages(v, seen, found) end
end

local function bytes(roots)
  local found, total = {}, 0
  storages(roots, {}, found)
  for _, n in pairs(found) do total = total + n end
  return total
end

collectgarbage(); collectgarbage()
local rss0, lua0 = rss(), collectgarbage('count') * 1024
local rnn = LSTM.lstm(vocab, rnn_size, layers, 0)
local criterion = nn.ClassNLLCriterion()
local params, grad_params = model_utils.combine_all_parameters(rnn)
params:uniform(-0.08, 0.08)
local clones = { rnn = model_utils.clone_many_times(rnn, seq), criterion = model_utils.clone_many_times(criterion, seq) }
local x = torch.Tensor(batch, seq):random(1, vocab):t():contiguous()
local y = torch.Tensor(batch, seq):random(1, vocab):t():contiguous()
local init = {}
for L = 1, 2 * layers do init[L] = torch.zeros(batch, rnn_size) end
local function feval(p)
  grad_params:zero()
  local state = { [0] = init }
  local predictions, loss = {}, 0
  for t = 1, seq do
    clones.rnn[t]:training()
    local lst = clones.rnn[t]:forward{ x[t], unpack(state[t - 1]) }
    state[t] = {}
    for i = 1, #init do table.insert(state[t], lst[i]) end
    predictions[t] = lst[#lst]
    loss = loss + clones.criterion[t]:forward(predictions[t], y[t])
  end
  local dstate = { [seq] = {} }
  for i = 1, #init do dstate[seq][i] = init[i]:clone():zero() end
  for t = seq, 1, -1 do
    local dout = clones.criterion[t]:backward(predictions[t], y[t])
    table.insert(dstate[t], dout)
    local dlst = clones.rnn[t]:backward({ x[t], unpack(state[t - 1]) }, dstate[t])
    dstate[t - 1] = {}
    for k = 2, #dlst do dstate[t - 1][k - 1] = dlst[k] end
  end
  grad_params:clamp(-5, 5)
  return loss / seq, grad_params
end
local config = { learningRate = 2e-3, alpha = 0.95 }
optim.rmsprop(feval, params, config) -- warm-up
collectgarbage(); collectgarbage()
print(string.format('Torch7 char-rnn, %d clones after one batch: tensor storages %.1f MiB, Lua heap +%.1f MiB, resident memory +%.1f MiB',
  seq, bytes({ rnn, criterion, clones, config }) / 2^20, (collectgarbage('count') * 1024 - lua0) / 2^20, (rss() - rss0) / 2^20))
local median = dofile((arg[0]:match('(.*/)') or './') .. 'timing.lua')
local mid, min, cpu = median(function() optim.rmsprop(feval, params, config) end, batches)
print(string.format('Torch7 char-rnn batch: median %.3f s, min %.3f s over %d batches (CPU: median %.3f s)', mid / 1000, min / 1000, batches, cpu / 1000))
