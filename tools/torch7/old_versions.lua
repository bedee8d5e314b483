-- Writes modules as older versions of their classes wrote them, and what Torch7 computes after loading them (its read
-- upgrades them: BatchNormalization's running_std, GradientReversal's missing lambda, VolumetricMaxPooling's ceil_mode,
-- SpatialConvolution's padding field and 2-D weight). Each file holds {module = the old module, input, gradOutput, output,
-- gradInput}, where output and gradInput come from a copy Torch7 loaded back (upgraded), in evaluation mode.
-- Regenerate: . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/old_versions.lua tests/Torch.Nn.Tests/Fixtures/upgrades
require 'nn'
local dir = arg[1] or 'tests/Torch.Nn.Tests/Fixtures/upgrades'
os.execute('mkdir -p ' .. dir)

-- saves m as version `version` of its class (what torch.version(m) writes as "V n") and records what the loaded copy computes
local function save(name, m, version, input)
  local class = torch.getmetatable(torch.type(m))
  local current = rawget(class, '__version')
  class.__version = version
  local bytes = torch.serialize(m)
  local loaded = torch.deserialize(bytes) -- Torch7's read upgrades it here
  loaded:evaluate()
  local output = loaded:forward(input):clone()
  local gradOutput = torch.randn(output:size())
  local gradInput = loaded:backward(input, gradOutput):clone()
  local f = torch.DiskFile(dir .. '/' .. name .. '.t7', 'w'):binary()
  f:writeObject({ module = m, input = input, gradOutput = gradOutput, output = output, gradInput = gradInput }) -- m, as version n
  f:close()
  class.__version = current
  -- the old file really is old: the version it records
  assert(bytes:match('V (%d+)') == tostring(version), name)
end

torch.manualSeed(1)
for _, class in ipairs({ 'BatchNormalization', 'SpatialBatchNormalization' }) do
  local m = nn[class](3)
  m.running_mean:uniform(-1, 1)
  local var = torch.rand(3):add(0.5)
  m.running_std = torch.add(var, m.eps):pow(-0.5) -- version 1 kept 1/sqrt(var + eps)
  m.running_var = nil
  local input = class == 'BatchNormalization' and torch.randn(4, 3) or torch.randn(2, 3, 2, 2)
  save(class .. '-v1', m, 1, input)
end

local gr = nn.GradientReversal(0.3)
gr.lambda = nil -- version 1 had none: it reversed with lambda = 1
save('GradientReversal-v1', gr, 1, torch.randn(3, 4))

local vmp = nn.VolumetricMaxPooling(2, 2, 2):ceil() -- version 1 always floored
save('VolumetricMaxPooling-v1', vmp, 1, torch.randn(2, 5, 5, 5))

local conv = nn.SpatialConvolution(2, 3, 3, 3, 1, 1, 1, 1)
conv.padding, conv.padW, conv.padH = 1, nil, nil -- old files had one padding and a 2-D weight
conv.weight = conv.weight:view(3, 2 * 3 * 3)
conv.gradWeight = conv.gradWeight:view(3, 2 * 3 * 3)
conv.finput, conv.fgradInput = nil, nil
save('SpatialConvolution-padding', conv, 1, torch.randn(2, 5, 5))
print('wrote the old-version fixtures to ' .. dir)
