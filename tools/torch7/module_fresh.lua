-- Writes what Torch7's constructors make, for every entry of modules.lua: the class version a file records ("V n") and the
-- field names of the module as constructed, before any forward. Torch7's own code reads these fields, so a module written
-- by Torch.NET must carry them too (tests/Torch.Nn.Tests/StructureTests.cs checks it).
-- Regenerate: . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/module_fresh.lua tests/Torch.Nn.Tests/Fixtures/structure
require 'nn'
require 'nngraph' -- gModule, JustElement, JustTable, ModuleFromCriterion
local dir = arg[1] or 'tests/Torch.Nn.Tests/Fixtures/structure'
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)') or './'
local entries = dofile(here .. 'modules.lua')

local out = assert(io.open(dir .. '/fresh.txt', 'w'))
out:write('# key class version field ... (written by tools/torch7/module_fresh.lua from Torch7)\n')
for i, e in ipairs(entries) do
  local key, ctor = e[1], e[2]
  torch.manualSeed(i)
  local m = loadstring('return ' .. ctor)()
  local f = torch.MemoryFile('rw'):binary()
  f:writeObject(m)
  local version = f:storage():string():match('V (%d+)')
  f:close()
  local names = {}
  for k in pairs(m) do names[#names + 1] = k end
  table.sort(names)
  out:write(key, ' ', torch.type(m), ' ', version, ' ', table.concat(names, ' '), '\n')
end
out:close()
print('wrote ' .. #entries .. ' entries to ' .. dir .. '/fresh.txt')
