-- Writes modules saved fresh (before any training()/evaluate(), so Lua's train may be nil) and whether Torch7, loading each
-- back, runs it in training: WhiteNoise, WeightNorm and LinearWeightNorm test `train ~= false` (nil: training), Dropout sets
-- train in its constructor, Linear never sets it. Each file holds {module, input, noisy = whether a forward of the loaded
-- copy changed the input (WhiteNoise) or train_is_nil}.
-- Regenerate: . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/fresh_train.lua tests/Torch.Nn.Tests/Fixtures/fresh
require 'nn'
local dir = arg[1] or 'tests/Torch.Nn.Tests/Fixtures/fresh'
os.execute('mkdir -p ' .. dir)
torch.manualSeed(1)
local x = torch.randn(4, 3)
for name, m in pairs({ WhiteNoise = nn.WhiteNoise(0, 0.1), Linear = nn.Linear(3, 2), Dropout = nn.Dropout(0.5),
                       WeightNorm = nn.WeightNorm(nn.Linear(3, 2)), LinearWeightNorm = nn.LinearWeightNorm(3, 2) }) do
  local loaded = torch.deserialize(torch.serialize(m))
  local trainNil = loaded.train == nil
  local changed = false
  if name == 'WhiteNoise' then changed = not loaded:forward(x):equal(x) end
  torch.save(dir .. '/' .. name .. '.t7', { module = m, input = x, trainNil = trainNil, changed = changed })
end
