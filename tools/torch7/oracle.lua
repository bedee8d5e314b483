-- Shared helpers of the fixture scripts (fixtures-nn.lua, fixtures-math.lua, fixtures-print.lua).
-- Inputs and weights are built from sin/cos of the element index, never from the random stream,
-- so a test can rebuild nothing: it reads them back from the fixture.
local oracle = {}

-- Where the fixtures go: tests/Oracle beside this script's tools/ folder (run from the repository root).
oracle.dir = os.getenv('ORACLE_OUT') or 'tests/Oracle'

-- A tensor of the given sizes holding scale*sin(1.37*i + phase) + shift, i = 1..n in row-major order.
function oracle.det(sizes, phase, scale, shift)
   local t = torch.DoubleTensor(torch.LongStorage(sizes))
   local flat = t:view(t:nElement())
   for i = 1, flat:nElement() do
      flat[i] = (scale or 1) * math.sin(1.37 * i + (phase or 0)) + (shift or 0)
   end
   return t
end

-- Positive values in [lo, hi].
function oracle.pos(sizes, phase, lo, hi)
   lo, hi = lo or 0.1, hi or 1
   local t = oracle.det(sizes, phase, 0.5, 0.5)
   return t:mul(hi - lo):add(lo)
end

-- A tensor from a Lua list with the given sizes.
function oracle.T(list, ...)
   local t = torch.DoubleTensor(list)
   if select('#', ...) > 0 then t = t:view(...) end
   return t
end

-- The marker for a nil argument in the middle of an argument list ({isnil=true} in the file).
oracle.NIL = {isnil = true}

-- A deterministic tensor or table of tensors shaped like x (a gradOutput for an output).
function oracle.like(x, phase)
   if torch.isTensor(x) then
      if x:nElement() == 0 then return x:clone() end
      return oracle.det(x:size():totable(), phase):typeAs(x)
   end
   local r = {}
   for k, v in pairs(x) do r[k] = oracle.like(v, phase + k) end
   return r
end

function oracle.clone(x)
   if torch.isTensor(x) then return x:clone() end
   if type(x) == 'table' then
      local r = {}
      for k, v in pairs(x) do r[k] = oracle.clone(v) end
      return r
   end
   return x
end

function oracle.convert(x, typename)
   if torch.isTensor(x) then
      if x:type() == 'torch.DoubleTensor' then return x:type(typename) end
      return x
   end
   if type(x) == 'table' and not x.isnil then
      local r = {}
      for k, v in pairs(x) do r[k] = oracle.convert(v, typename) end
      return r
   end
   return x
end

function oracle.save(name, cases)
   local path = oracle.dir .. '/' .. name .. '.t7'
   torch.save(path, cases)
   local n = 0
   for _ in pairs(cases) do n = n + 1 end
   print(string.format('%-40s %4d cases', path, n))
end

return oracle
