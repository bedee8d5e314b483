-- Times fb.resnet.torch's CIFAR ResNet-8 training iteration (models/resnet.lua, cifar10, depth 8, shortcut type A; train.lua's
-- step with optim.sgd, Nesterov momentum 0.9, weight decay 1e-4) on Torch7 with nn modules (no cudnn), 1 thread, batch 16.
-- usage: luajit resnet.lua [float|double] [iterations]
require 'nn'
require 'optim'
local typename = arg[1] == 'double' and 'torch.DoubleTensor' or 'torch.FloatTensor'
local iterations = tonumber(arg[2]) or 15
torch.setnumthreads(1)
torch.setdefaulttensortype(typename)
torch.manualSeed(1)

local Convolution = nn.SpatialConvolution
local SBatchNorm = nn.SpatialBatchNormalization
local shortcutType = 'A'
local iChannels

local function shortcut(nInputPlane, nOutputPlane, stride)
   local useConv = shortcutType == 'C' or (shortcutType == 'B' and nInputPlane ~= nOutputPlane)
   if useConv then
      return nn.Sequential()
         :add(Convolution(nInputPlane, nOutputPlane, 1, 1, stride, stride))
         :add(SBatchNorm(nOutputPlane))
   elseif nInputPlane ~= nOutputPlane then
      return nn.Sequential()
         :add(nn.SpatialAveragePooling(1, 1, stride, stride))
         :add(nn.Concat(2)
            :add(nn.Identity())
            :add(nn.MulConstant(0)))
   else
      return nn.Identity()
   end
end

local function basicblock(n, stride)
   local nInputPlane = iChannels
   iChannels = n
   local s = nn.Sequential()
   s:add(Convolution(nInputPlane, n, 3, 3, stride, stride, 1, 1))
   s:add(SBatchNorm(n))
   s:add(nn.ReLU(true))
   s:add(Convolution(n, n, 3, 3, 1, 1, 1, 1))
   s:add(SBatchNorm(n))
   return nn.Sequential()
      :add(nn.ConcatTable()
         :add(s)
         :add(shortcut(nInputPlane, n, stride)))
      :add(nn.CAddTable(true))
      :add(nn.ReLU(true))
end

local function layer(block, features, count, stride)
   local s = nn.Sequential()
   for i = 1, count do
      s:add(block(features, i == 1 and stride or 1))
   end
   return s
end

local depth = 8
local n = (depth - 2) / 6
iChannels = 16
local model = nn.Sequential()
model:add(Convolution(3, 16, 3, 3, 1, 1, 1, 1))
model:add(SBatchNorm(16))
model:add(nn.ReLU(true))
model:add(layer(basicblock, 16, n))
model:add(layer(basicblock, 32, n, 2))
model:add(layer(basicblock, 64, n, 2))
model:add(nn.SpatialAveragePooling(8, 8, 1, 1))
model:add(nn.View(64):setNumInputDims(3))
model:add(nn.Linear(64, 10))

for _, v in pairs(model:findModules('nn.SpatialConvolution')) do
   v.weight:normal(0, math.sqrt(2 / (v.kW * v.kH * v.nOutputPlane)))
   v.bias:zero()
end
for _, v in pairs(model:findModules('nn.SpatialBatchNormalization')) do
   v.weight:fill(1)
   v.bias:zero()
end
for _, v in pairs(model:findModules('nn.Linear')) do v.bias:zero() end
model:get(1).gradInput = nil

local criterion = nn.CrossEntropyCriterion()
local optimState = {learningRate = 0.1, learningRateDecay = 0.0, momentum = 0.9, nesterov = true, dampening = 0.0, weightDecay = 1e-4}
local params, gradParams = model:getParameters()
local input = torch.Tensor(16, 3, 32, 32):uniform(-1, 1)
local target = torch.Tensor(16)
for i = 1, 16 do target[i] = 1 + i % 10 end
local function feval() return criterion.output, gradParams end
model:training()

local function iteration()
   model:forward(input)
   criterion:forward(model.output, target)
   model:zeroGradParameters()
   criterion:backward(model.output, target)
   model:backward(input, criterion.gradInput)
   optim.sgd(feval, params, optimState)
end

local median = dofile((arg[0]:match('(.*/)') or './') .. 'timing.lua')
print(string.format('Torch7 ResNet-8 %s: median %.2f ms per iteration (%d iterations)', arg[1] or 'float', median(iteration, iterations), iterations))
