-- Writes the Torch7 side of the structure fixtures: for every entry of modules.lua, the module built and run (training mode,
-- one forward and one backward) by Torch7, its field names and kinds in fields.txt, and a .t7 holding the module with the
-- input, gradOutput (or target), output and gradInput it saw (copies, so that a forward after loading cannot change them).
-- Regenerate: . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/module_fields.lua tests/Torch.Nn.Tests/Fixtures/structure
require 'nn'
require 'nngraph' -- gModule, JustElement, JustTable, ModuleFromCriterion
local dir = arg[1] or 'tests/Torch.Nn.Tests/Fixtures/structure'
os.execute('mkdir -p ' .. dir)
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
local entries = dofile(here .. 'modules.lua')

local function kind(v)
  local t = torch.type(v)
  if t:match('Tensor$') then return 'tensor' end
  if t:match('Storage$') then return 'storage' end
  if t:match('^nn%.') then return 'object' end
  return t -- number, boolean, string, table
end

local function make(spec)
  if type(spec) == 'string' then return loadstring('return ' .. spec)() end
  if type(spec[1]) == 'table' then
    local t = {}
    for i, s in ipairs(spec) do t[i] = make(s) end
    return t
  end
  return torch.randn(torch.LongStorage(spec))
end

local function copy(v)
  if torch.isTensor(v) then return v:clone() end
  if type(v) == 'table' then local t = {} for k, x in pairs(v) do t[k] = copy(x) end return t end
  return v
end

local function like(v)
  if torch.isTensor(v) then return torch.randn(v:size()) end
  if type(v) == 'number' then return 1 end -- a module whose output is a number (CriterionTable)
  local t = {} for k, x in pairs(v) do t[k] = like(x) end return t
end

local out = assert(io.open(dir .. '/fields.txt', 'w'))
out:write('# key class field:kind ... (written by tools/torch7/module_fields.lua from Torch7)\n')
local function write(i, e)
  local key, ctor, inputSpec, targetSpec = e[1], e[2], e[3], e[4]
  torch.manualSeed(i)
  local m = loadstring('return ' .. ctor)()
  local input = make(inputSpec)
  local record = { input = copy(input) }
  if torch.isTypeOf(m, 'nn.Criterion') then
    local target = loadstring('return ' .. targetSpec)()
    record.target = copy(target)
    record.output = m:forward(input, target)
    record.gradInput = copy(m:backward(input, target))
  else
    m:training()
    record.output = copy(m:forward(input))
    local gradOutput = like(m.output)
    record.gradOutput = copy(gradOutput)
    m:zeroGradParameters()
    record.gradInput = copy(m:backward(input, gradOutput))
    local _, grads = m:parameters()
    record.gradParameters = copy(grads or {})
  end
  local names = {}
  for k, v in pairs(m) do names[#names + 1] = k .. ':' .. kind(v) end
  table.sort(names)
  out:write(key, ' ', torch.type(m), ' ', table.concat(names, ' '), '\n')
  record.module = m
  torch.save(dir .. '/' .. key .. '.t7', record)
end

for i, e in ipairs(entries) do
  local ok, err = pcall(write, i, e)
  if not ok then print('skipped ' .. e[1] .. ': ' .. tostring(err)) end -- an entry Torch7 cannot run: fix it in modules.lua
end
out:close()
print('wrote ' .. #entries .. ' entries to ' .. dir)
