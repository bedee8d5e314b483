-- The manual check that every module and criterion of the oracle fixtures, saved by Torch.NET, loads in Torch7 and computes
-- Torch7's numbers: each file is the object as OracleNnTests built it (parameters set, before any forward); Torch7 loads it,
-- runs the case of tests/Oracle/nn-<family>.t7 (forward and backward) and compares with what Torch7 itself computed.
-- Make the files: TORCH_NET_ORACLE_EXPORT=/tmp/oracle-saved dotnet test tests/Torch.Nn.Tests --filter "FullyQualifiedName~OracleNnTests.Numbers"
-- Check them:     . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/check_oracle_saved.lua /tmp/oracle-saved
require 'nn'
local dir = assert(arg[1], 'usage: check_oracle_saved.lua DIR')
local oracle = dofile('tools/torch7/oracle.lua')

local function maxdiff(a, b)
   if b == nil then return a == nil and 0 or math.huge end
   if type(a) == 'number' then return math.abs(a - b) / math.max(1, math.abs(b)) end
   if torch.isTensor(a) then
      if not torch.isTensor(b) or a:nElement() ~= b:nElement() then return math.huge end
      if a:nElement() == 0 then return 0 end
      local d = (a:double() - b:double():viewAs(a:double())):abs()
      return d:cdiv(b:double():viewAs(a:double()):abs():clamp(1, math.huge)):max()
   end
   local m = 0
   for k, v in pairs(b) do m = math.max(m, maxdiff(a[k], v)) end
   return m
end

local cases, ok, total = {}, 0, 0
local say = print
print = function() end -- PrintSize and Profile print as they run
local p = io.popen('ls ' .. dir)
for file in p:lines() do
   local family, name = file:match('^([%w]+)%.(.+)%.t7$')
   if family then
      total = total + 1
      cases[family] = cases[family] or torch.load('tests/Oracle/nn-' .. family .. '.t7')
      local c = cases[family][name]
      local good, err = pcall(function()
         local m = torch.load(dir .. '/' .. file)
         local tol = c.type == 'torch.FloatTensor' and 2e-6 or 1e-12
         local d
         if c.criterion then
            d = math.max(maxdiff(m:forward(oracle.clone(c.input), oracle.clone(c.target)), c.output),
                         c.gradInput and maxdiff(m:backward(oracle.clone(c.input), oracle.clone(c.target)), c.gradInput) or 0)
         else
            if c.seed then torch.manualSeed(c.seed) end
            local input = oracle.clone(c.input)
            d = maxdiff(m:forward(input), c.output)
            if c.gradOutput then
               m:zeroGradParameters()
               d = math.max(d, maxdiff(m:backward(input, oracle.clone(c.gradOutput)), c.gradInput))
               local _, gps = m:parameters()
               for i, g in ipairs(gps or {}) do
                  if torch.isTensor(g) and torch.isTensor(c.gradParams[i]) then d = math.max(d, maxdiff(g, c.gradParams[i])) end
               end
            end
         end
         if d > tol then error(string.format('differs by %g', d)) end
      end)
      if good then ok = ok + 1 else say(family .. '.' .. name .. ': ' .. tostring(err):sub(1, 300)) end
   end
end
p:close()
say(string.format('%d of %d modules and criterions saved by Torch.NET load in Torch7 and compute its numbers', ok, total))
