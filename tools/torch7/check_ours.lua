-- The manual check that modules saved by Torch.NET load in Torch7 and compute what they computed here.
-- Make the files: TORCH_NET_STRUCTURE_EXPORT=/tmp/ours dotnet test tests/Torch.Nn.Tests --filter "FullyQualifiedName~Save_and_load"
-- Check them:     . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/check_ours.lua /tmp/ours
require 'nn'
require 'nngraph' -- gModule, JustElement, JustTable, ModuleFromCriterion
local dir = assert(arg[1], 'usage: check_ours.lua DIR')
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
local entries = dofile(here .. 'modules.lua')

local function maxdiff(a, b)
  if type(a) == 'number' then return math.abs(a - b) end
  if torch.isTensor(a) then
    if a:nElement() ~= b:nElement() then return math.huge end
    if a:nElement() == 0 then return 0 end
    return (a:double() - b:double():viewAs(a:double())):abs():max()
  end
  local m = 0
  for k, v in pairs(a) do m = math.max(m, maxdiff(v, b[k])) end
  return m
end

local ok, total = 0, 0
for _, e in ipairs(entries) do
  local key = e[1]
  local path = dir .. '/' .. key .. '.t7'
  if io.open(path) then
    total = total + 1
    local good, err = pcall(function()
      local r = torch.load(path)
      local m = r.module
      local y, g
      torch.manualSeed(1) -- as the export: random modules (Dropout) draw the same noise
      if torch.isTypeOf(m, 'nn.Criterion') then
        y = m:forward(r.input, r.target); g = m:backward(r.input, r.target)
      else
        y = m:forward(r.input); g = m:backward(r.input, r.gradOutput)
      end
      local d = math.max(maxdiff(y, r.output), maxdiff(g, r.gradInput))
      if d > 1e-6 then error(string.format('differs by %g', d)) end
    end)
    if good then ok = ok + 1 else print(key .. ': ' .. tostring(err)) end
  end
end
print(string.format('%d of %d modules saved by Torch.NET load in Torch7 and compute the same', ok, total))
