-- Times dcgan.torch's training iteration (main.lua's fDx and fGx through optim.adam) on Torch7, 1 thread, for docs/benchmarks.md:
-- 32x32 images (one stage fewer than main.lua's 64x64 nets), ngf = ndf = 16, batch 8, nz 100, a fixed "real" batch.
-- usage: luajit dcgan.lua [float|double] [iterations]
require 'nn'
require 'optim'
local typename = arg[1] == 'double' and 'torch.DoubleTensor' or 'torch.FloatTensor'
local iterations = tonumber(arg[2]) or 15
torch.setnumthreads(1)
torch.setdefaulttensortype(typename)
torch.manualSeed(1)

local function weights_init(m)
   local name = torch.type(m)
   if name:find('Convolution') then
      m.weight:normal(0.0, 0.02)
      m:noBias()
   elseif name:find('BatchNormalization') then
      if m.weight then m.weight:normal(1.0, 0.02) end
      if m.bias then m.bias:fill(0) end
   end
end

local nc, nz, ndf, ngf, batch = 3, 100, 16, 16, 8
local real_label, fake_label = 1, 0

local netG = nn.Sequential()
netG:add(nn.SpatialFullConvolution(nz, ngf * 4, 4, 4))
netG:add(nn.SpatialBatchNormalization(ngf * 4)):add(nn.ReLU(true))
netG:add(nn.SpatialFullConvolution(ngf * 4, ngf * 2, 4, 4, 2, 2, 1, 1))
netG:add(nn.SpatialBatchNormalization(ngf * 2)):add(nn.ReLU(true))
netG:add(nn.SpatialFullConvolution(ngf * 2, ngf, 4, 4, 2, 2, 1, 1))
netG:add(nn.SpatialBatchNormalization(ngf)):add(nn.ReLU(true))
netG:add(nn.SpatialFullConvolution(ngf, nc, 4, 4, 2, 2, 1, 1))
netG:add(nn.Tanh())
netG:apply(weights_init)

local netD = nn.Sequential()
netD:add(nn.SpatialConvolution(nc, ndf, 4, 4, 2, 2, 1, 1))
netD:add(nn.LeakyReLU(0.2, true))
netD:add(nn.SpatialConvolution(ndf, ndf * 2, 4, 4, 2, 2, 1, 1))
netD:add(nn.SpatialBatchNormalization(ndf * 2)):add(nn.LeakyReLU(0.2, true))
netD:add(nn.SpatialConvolution(ndf * 2, ndf * 4, 4, 4, 2, 2, 1, 1))
netD:add(nn.SpatialBatchNormalization(ndf * 4)):add(nn.LeakyReLU(0.2, true))
netD:add(nn.SpatialConvolution(ndf * 4, 1, 4, 4))
netD:add(nn.Sigmoid())
netD:add(nn.View(1):setNumInputDims(3))
netD:apply(weights_init)

local criterion = nn.BCECriterion()
local optimStateG = {learningRate = 0.0002, beta1 = 0.5}
local optimStateD = {learningRate = 0.0002, beta1 = 0.5}
local input = torch.Tensor(batch, 3, 32, 32)
local noise = torch.Tensor(batch, nz, 1, 1)
local label = torch.Tensor(batch)
local real = torch.Tensor(batch, 3, 32, 32):uniform(-1, 1)
local parametersD, gradParametersD = netD:getParameters()
local parametersG, gradParametersG = netG:getParameters()

local fDx = function(x)
   gradParametersD:zero()
   input:copy(real)
   label:fill(real_label)
   local output = netD:forward(input)
   local errD_real = criterion:forward(output, label)
   local df_do = criterion:backward(output, label)
   netD:backward(input, df_do)

   noise:normal(0, 1)
   local fake = netG:forward(noise)
   input:copy(fake)
   label:fill(fake_label)
   local output = netD:forward(input)
   local errD_fake = criterion:forward(output, label)
   local df_do = criterion:backward(output, label)
   netD:backward(input, df_do)
   return errD_real + errD_fake, gradParametersD
end

local fGx = function(x)
   gradParametersG:zero()
   label:fill(real_label)
   local output = netD.output
   local errG = criterion:forward(output, label)
   local df_do = criterion:backward(output, label)
   local df_dg = netD:updateGradInput(input, df_do)
   netG:backward(noise, df_dg)
   return errG, gradParametersG
end

local function iteration()
   optim.adam(fDx, parametersD, optimStateD)
   optim.adam(fGx, parametersG, optimStateG)
end

local median = dofile((arg[0]:match('(.*/)') or './') .. 'timing.lua')
print(string.format('Torch7 dcgan 32x32 %s: median %.2f ms per iteration (%d iterations)', arg[1] or 'float', median(iteration, iterations), iterations))
