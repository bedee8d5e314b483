-- Makes the fixtures of ConvMMTests.cs: double convolutions (and two float ones) on shapes where SpatialConvolution (and SpatialFullConvolution) take Torch7's own route here
-- (unfold + OpenBLAS), run by Torch7 (one thread): output, gradInput, gradWeight, gradBias, per case a .t7 table.
-- Inputs, weights and gradOutputs are exact dyadic fractions of the element's 1-based index, rebuilt the same way by the test.
-- usage: . /work/torch7/env.sh && luajit convmm.lua   (from this folder)
require 'nn'
torch.setnumthreads(1)
torch.setdefaulttensortype('torch.DoubleTensor')

local function fill(t, a, m, c, d)
   local flat = t:view(t:nElement())
   for i = 1, flat:nElement() do flat[i] = ((i * a) % m - c) / d end
   return t
end

local cases = {
   {name = 'same', module = nn.SpatialConvolution(32, 32, 3, 3, 1, 1, 1, 1), input = {2, 32, 8, 8}, scale = 1, backwards = 1},
   {name = 'strided', module = nn.SpatialConvolution(32, 40, 3, 3, 2, 2, 1, 1), input = {2, 32, 15, 15}, scale = 0.5, backwards = 2},
   {name = 'dilated', module = nn.SpatialDilatedConvolution(32, 32, 3, 3, 1, 1, 2, 2, 2, 2):noBias(), input = {32, 10, 10}, scale = 1, backwards = 1},
   {name = 'full', module = nn.SpatialFullConvolution(32, 32, 4, 4, 2, 2, 1, 1), input = {1, 32, 8, 8}, scale = 0.5, backwards = 2},
   {name = 'fulladj', module = nn.SpatialFullConvolution(40, 32, 3, 3, 2, 2, 1, 1, 1, 1):noBias(), input = {40, 8, 8}, scale = 1, backwards = 1},
   -- float, on shapes where the float route is taken (where libtorch's oneDNN is off): every step of each
   {name = 'floatstrided', module = nn.SpatialConvolution(16, 32, 3, 3, 2, 2, 1, 1):float(), input = {2, 16, 32, 32}, scale = 0.5, backwards = 2, float = true},
   {name = 'floatfull', module = nn.SpatialFullConvolution(64, 16, 4, 4, 2, 2, 1, 1):float(), input = {1, 64, 16, 16}, scale = 1, backwards = 1, float = true},
}
for _, c in ipairs(cases) do
   local m = c.module
   fill(m.weight, 53, 97, 48, 512)
   if m.bias then fill(m.bias, 7, 13, 6, 16) end
   m:zeroGradParameters()
   local x = fill(torch.Tensor(torch.LongStorage(c.input)), 37, 101, 50, 64)
   if c.float then x = x:float() end
   local y = m:forward(x):clone()
   local go = fill(y:clone(), 29, 89, 44, 128)
   local gi
   for k = 1, c.backwards do gi = m:backward(x, go, c.scale):clone() end
   torch.save(c.name .. '.t7', {output = y, gradInput = gi, gradWeight = m.gradWeight, gradBias = m.gradBias})
end
