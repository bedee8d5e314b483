-- tostring() of tensors and storages of every type and dimension, with non-finite, huge and tiny values, as Torch7 prints them.
--
-- Regenerate (from the repository root):
--   . /work/torch7/env.sh && luajit -ltorch tools/torch7/fixtures-print.lua
-- It rewrites tests/Oracle/print.t7: a table name -> {value = the tensor or storage, print = tostring(value)}.
local oracle = dofile('tools/torch7/oracle.lua')
local det = oracle.det

local inf, nan = math.huge, 0 / 0
local negnan = -(0 / 0)
local cases = {}
local function P(name, x) cases[name] = {value = x, print = tostring(x)} end

local types = {'Double', 'Float', 'Long', 'Int', 'Short', 'Char', 'Byte'}
for _, ty in ipairs(types) do
   local new = torch[ty .. 'Tensor']
   local function ctor(x) if torch.isTensor(x) then return x:type('torch.' .. ty .. 'Tensor') end return new(x) end
   local small = (ty == 'Byte' or ty == 'Char') and 5 or 40
   P(ty .. '_empty', new())
   P(ty .. '_1d', ctor(det({5}, 0, small)))
   P(ty .. '_2d', ctor(det({3, 4}, 1, small)))
   P(ty .. '_3d', ctor(det({2, 3, 2}, 2, small)))
   P(ty .. '_4d', ctor(det({2, 2, 2, 3}, 3, small)))
   P(ty .. '_wide', ctor(det({2, 25}, 4, small)))
   P(ty .. '_storage', ctor(det({4}, 5, small)):storage())
   P(ty .. '_storage_empty', torch[ty .. 'Storage']())
end
for _, ty in ipairs{'Double', 'Float'} do
   local new = torch[ty .. 'Tensor']
   local function ctor(x) if torch.isTensor(x) then return x:type('torch.' .. ty .. 'Tensor') end return new(x) end
   P(ty .. '_frac', ctor(det({2, 3}, 0)))
   P(ty .. '_inf', ctor{1.5, inf, -2})
   P(ty .. '_neginf', ctor{1.5, -inf, 2})
   P(ty .. '_nan', ctor{1.5, nan, -2})
   P(ty .. '_negnan', ctor{1.5, negnan, -2})
   P(ty .. '_allinf', ctor{inf, -inf})
   P(ty .. '_nan_2d', ctor{{1, nan}, {inf, -inf}})
   P(ty .. '_int_inf', ctor{1, 2, inf})
   P(ty .. '_huge', ctor{1e30, -2.5e31, 3})
   P(ty .. '_tiny', ctor{1e-30, -2.5e-31, 3e-32})
   P(ty .. '_mixed_scale', ctor{1e-5, 1, 1e5})
   P(ty .. '_scale_big', ctor{123456.7, 234567.8, -345678.9})
   P(ty .. '_scale_small', ctor{0.00012, -0.00034, 0.0005})
   P(ty .. '_zeros', new(3):zero())
   P(ty .. '_big_int', ctor{12345678901, 2})
   P(ty .. '_storage_nan', ctor{1, nan, inf}:storage())
   P(ty .. '_scaled_2d_wide', ctor(det({2, 30}, 0, 1e6)))
   P(ty .. '_3d_scaled', ctor(det({2, 2, 3}, 0, 1e-3)))
end
P('Double_e100', torch.DoubleTensor{1e100, 1e-100})
P('Double_e300', torch.DoubleTensor{1e300, -1e-300})
P('Double_denormal', torch.DoubleTensor{4.9e-324, 1})
P('Double_max', torch.DoubleTensor{1.7976931348623157e308, 1})
P('Long_big', torch.LongTensor{9007199254740993, -5})
P('Long_neg', torch.LongTensor{-1234, 5, 0})
oracle.save('print', cases)
