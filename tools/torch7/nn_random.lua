-- Writes tests/fixtures/random/nn.txt: the random numbers nn modules draw in Torch7 (reset()'s initial parameters, in
-- Lua's draw order, and the noise of Dropout, RReLU, WhiteNoise, Kmeans' initialisations). Each line is "name v1 v2 ..."
-- (%.17g); tests/Torch.Nn.Tests/RandomModuleTests.cs builds the same modules and compares exactly. Regenerate from the
-- repository root with the built Torch7:
--   . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/nn_random.lua tests/fixtures/random/nn.txt
require 'torch'
require 'nn'
local out = assert(io.open(arg[1] or 'tests/fixtures/random/nn.txt', 'w'))

local function emit(name, list)
   local parts = {name}
   for _, t in ipairs(list) do
      if torch.isTensor(t) then
         local f = t:double():contiguous():view(-1)
         for i = 1, f:nElement() do parts[#parts + 1] = string.format('%.17g', f[i]) end
      else
         parts[#parts + 1] = string.format('%.17g', t)
      end
   end
   out:write(table.concat(parts, ' '), '\n')
end

-- reset(): every parameter, in m:parameters() order, right after construction from seed 1
local modules = {
   Linear = function() return nn.Linear(5, 3) end,
   LinearNoBias = function() return nn.Linear(5, 3, false) end,
   Bilinear = function() return nn.Bilinear(3, 2, 4) end,
   Add = function() return nn.Add(4) end,
   AddScalar = function() return nn.Add(4, true) end,
   CAdd = function() return nn.CAdd(2, 3) end,
   Mul = function() return nn.Mul() end,
   CMul = function() return nn.CMul(2, 3) end,
   Cosine = function() return nn.Cosine(4, 3) end,
   Euclidean = function() return nn.Euclidean(4, 3) end,
   WeightedEuclidean = function() return nn.WeightedEuclidean(4, 3) end,
   LookupTable = function() return nn.LookupTable(5, 3) end,
   SparseLinear = function() return nn.SparseLinear(5, 3) end,
   PartialLinear = function() return nn.PartialLinear(5, 3) end,
   IndexLinear = function() return nn.IndexLinear(5, 3) end,
   LinearWeightNorm = function() return nn.LinearWeightNorm(5, 3) end,
   SpatialConvolution = function() return nn.SpatialConvolution(2, 3, 3, 2) end,
   SpatialConvolutionMM = function() return nn.SpatialConvolutionMM(2, 3, 3, 2) end,
   SpatialFullConvolution = function() return nn.SpatialFullConvolution(2, 3, 3, 2) end,
   SpatialDilatedConvolution = function() return nn.SpatialDilatedConvolution(2, 3, 3, 2) end,
   SpatialConvolutionLocal = function() return nn.SpatialConvolutionLocal(2, 3, 4, 4, 3, 2) end,
   SpatialConvolutionMap = function() return nn.SpatialConvolutionMap(nn.tables.full(2, 3), 3, 2) end,
   SpatialFullConvolutionMap = function() return nn.SpatialFullConvolutionMap(nn.tables.full(2, 3), 3, 2) end,
   SpatialSubSampling = function() return nn.SpatialSubSampling(2, 3, 2) end,
   SpatialDepthWiseConvolution = function() return nn.SpatialDepthWiseConvolution(2, 2, 3, 2) end,
   TemporalConvolution = function() return nn.TemporalConvolution(3, 2, 3) end,
   TemporalSubSampling = function() return nn.TemporalSubSampling(3, 2) end,
   TemporalRowConvolution = function() return nn.TemporalRowConvolution(3, 2) end,
   VolumetricConvolution = function() return nn.VolumetricConvolution(2, 2, 2, 3, 2) end,
   VolumetricFullConvolution = function() return nn.VolumetricFullConvolution(2, 2, 2, 3, 2) end,
   VolumetricDilatedConvolution = function() return nn.VolumetricDilatedConvolution(2, 2, 2, 3, 2) end,
   BatchNormalization = function() return nn.BatchNormalization(4) end,
   SpatialBatchNormalization = function() return nn.SpatialBatchNormalization(3) end,
   Kmeans = function() return nn.Kmeans(3, 4) end,
   Maxout = function() return nn.Maxout(4, 3, 2) end,
   WeightNorm = function() return nn.WeightNorm(nn.Linear(4, 3)) end,
   Sequential = function() return nn.Sequential():add(nn.Linear(3, 4)):add(nn.Tanh()):add(nn.Linear(4, 2)) end,
}
local names = {}
for k in pairs(modules) do names[#names + 1] = k end
table.sort(names)
for _, name in ipairs(names) do
   torch.manualSeed(1)
   local ok, m = pcall(modules[name])
   if ok then
      emit('reset_' .. name, (m:parameters()))
   else
      io.stderr:write('skipped ', name, ': ', tostring(m), '\n')
   end
end
-- reset with an explicit stdv, and on a FloatTensor module (the bounds round to float)
torch.manualSeed(2)
local lin = nn.Linear(4, 3)
lin:reset(0.1)
emit('resetStdv_Linear', {lin.weight, lin.bias})
torch.manualSeed(2)
lin = nn.Linear(4, 3):float()
lin:reset()
emit('resetFloat_Linear', {lin.weight, lin.bias})
torch.manualSeed(2)
local conv = nn.SpatialConvolution(2, 3, 3, 3):float()
conv:reset(0.05)
emit('resetFloat_SpatialConvolution', {conv.weight, conv.bias})

-- noise of stochastic modules, two forwards each (the second continues the stream)
local x = torch.linspace(-1, 1, 24):view(2, 3, 4)
local stochastic = {
   Dropout = function() return nn.Dropout(0.3) end,
   DropoutV1 = function() return nn.Dropout(0.3, true) end,
   SpatialDropout = function() return nn.SpatialDropout(0.4) end,
   RReLU = function() return nn.RReLU(0.1, 0.3) end,
   WhiteNoise = function() return nn.WhiteNoise(0.1, 0.2) end,
}
local snames = {}
for k in pairs(stochastic) do snames[#snames + 1] = k end
table.sort(snames)
for _, name in ipairs(snames) do
   for _, typ in ipairs({'double', 'float'}) do
      torch.manualSeed(3)
      local m = stochastic[name]()
      m[typ](m)
      local xi = x[typ](x)
      local y1 = m:forward(xi):clone()
      local y2 = m:forward(xi):clone()
      emit(string.format('noise_%s_%s', name, typ), {y1, y2})
   end
end
torch.manualSeed(3)
local vd = nn.VolumetricDropout(0.5)
emit('noise_VolumetricDropout_double', {vd:forward(torch.ones(2, 3, 2, 2, 2))})

-- a random connection table (successive randperms)
torch.manualSeed(6)
emit('tables_random', {nn.tables.random(6, 4, 2)})

-- StochasticGradient visits the examples in a randperm order
torch.manualSeed(7)
local net = nn.Linear(3, 1)
local dataset = {}
function dataset:size() return 5 end
local inputs = torch.linspace(-1, 1, 15):view(5, 3)
for i = 1, 5 do dataset[i] = {inputs[i]:clone(), torch.Tensor({i / 5})} end
local trainer = nn.StochasticGradient(net, nn.MSECriterion())
trainer.maxIteration = 3
trainer.verbose = false
trainer:train(dataset)
emit('stochasticGradient', {net.weight, net.bias, torch.uniform()})

-- SpatialFractionalMaxPooling's regions, placed by its randomSamples (redrawn each call until fixed)
torch.manualSeed(8)
local fmp = nn.SpatialFractionalMaxPooling(2, 2, 0.5, 0.5)
local xin = torch.randn(2, 3, 10, 9)
local f1 = fmp:forward(xin):clone()
local f2 = fmp:forward(xin):clone()
fmp:fixPoolingRegions()
local f3 = fmp:forward(xin):clone()
local g3 = fmp:backward(xin, f3:clone():fill(1))
emit('fractional_double', {xin, f1, f2, f3, g3, fmp.randomSamples})
torch.manualSeed(9)
fmp = nn.SpatialFractionalMaxPooling(3, 2, 4, 5):float()
xin = torch.FloatTensor(2, 11, 9):normal()
emit('fractional_float', {fmp:forward(xin), fmp.randomSamples})
-- VolumetricFractionalMaxPooling: planes x H x W x T, three samples (T, W, H) per plane
torch.manualSeed(10)
local vfmp = nn.VolumetricFractionalMaxPooling(2, 2, 2, 0.5, 0.5, 0.5)
xin = torch.randn(2, 2, 6, 5, 7)
local v1 = vfmp:forward(xin):clone()
local v2 = vfmp:forward(xin):clone()
vfmp:fixPoolingRegions()
local v3 = vfmp:forward(xin):clone()
local vg = vfmp:backward(xin, v3:clone():fill(1))
local v4 = vfmp:forward(xin:clone():mul(-1)):clone()
emit('vfractional_double', {xin, v1, v2, v3, vg, v4, vfmp.randomSamples})
torch.manualSeed(11)
vfmp = nn.VolumetricFractionalMaxPooling(2, 3, 2, 3, 2, 4):float()
xin = torch.FloatTensor(3, 7, 6, 8):normal()
emit('vfractional_float', {vfmp:forward(xin), vfmp.randomSamples})

-- Kmeans' initialisations
local data = torch.linspace(0, 1, 40):view(10, 4)
torch.manualSeed(4)
local km = nn.Kmeans(3, 4)
km:initRandom(data)
emit('kmeans_initRandom', {km.weight})
torch.manualSeed(4)
km = nn.Kmeans(3, 4)
km:initKmeansPlus(data, 0.5)
emit('kmeans_initKmeansPlus', {km.weight})
out:close()
