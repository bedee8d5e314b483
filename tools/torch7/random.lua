-- Writes tests/fixtures/random/streams.txt: what Torch7's random functions give for given seeds and calls.
-- Each line is "name v1 v2 ..." (%.17g); tests/Torch.Facade.Tests/RandomStreamTests.cs makes the same calls and
-- compares exactly. Regenerate from the repository root with the built Torch7:
--   . /work/torch7/env.sh && luajit -ltorch tools/torch7/random.lua tests/fixtures/random/streams.txt
require 'torch'
local out = assert(io.open(arg[1] or 'tests/fixtures/random/streams.txt', 'w'))

local function values(...)
   local r = {}
   for _, v in ipairs({...}) do
      if torch.isTensor(v) then
         local f = v:double():contiguous():view(-1)
         for i = 1, f:nElement() do r[#r + 1] = f[i] end
      else
         r[#r + 1] = v
      end
   end
   return r
end

local function emit(name, ...)
   local parts = {name}
   for _, v in ipairs(values(...)) do parts[#parts + 1] = string.format('%.17g', v) end
   out:write(table.concat(parts, ' '), '\n')
end

-- the scalar functions, in one stream per seed
for _, seed in ipairs({1, 123, 0, -5, 4294967303}) do
   torch.manualSeed(seed)
   emit('scalar_' .. seed, torch.initialSeed(), torch.random(), torch.random(6), torch.random(-3, 3), torch.uniform(),
        torch.uniform(-2, 5), torch.normal(), torch.normal(1, 3), torch.normal(), torch.exponential(2), torch.cauchy(0, 1),
        torch.logNormal(1, 2), torch.geometric(0.3), torch.bernoulli(0.7), torch.bernoulli())
end

-- the tensor fills, for both real types, on contiguous and strided targets
local shapes = {
   contiguous = function(T) return T(3, 5) end,
   odd = function(T) return T(7) end,
   transposed = function(T) return T(4, 3):t() end,
   narrowed = function(T) return T(5, 6):narrow(2, 2, 3):select(1, 2) end,
   strided3d = function(T) return T(3, 4, 5):transpose(1, 3):narrow(2, 2, 2) end,
}
local shapeNames = {'contiguous', 'odd', 'transposed', 'narrowed', 'strided3d'}
local fills = {
   {'uniform', function(x) return x:uniform() end},
   {'uniformAB', function(x) return x:uniform(-0.0812345678, 0.3) end},
   {'normal', function(x) return x:normal() end},
   {'normalMS', function(x) return x:normal(0.1, 0.0723) end},
   {'exponential', function(x) return x:exponential(1.5) end},
   {'cauchy', function(x) return x:cauchy(0.2, 2) end},
   {'logNormal', function(x) return x:logNormal(1, 0.5) end},
   {'geometric', function(x) return x:geometric(0.2) end},
   {'bernoulli', function(x) return x:bernoulli(0.4) end},
   {'bernoulliDefault', function(x) return x:bernoulli() end},
   {'random', function(x) return x:random() end},
   {'random10', function(x) return x:random(10) end},
   {'randomAB', function(x) return x:random(-3, 3) end},
   {'random5to9', function(x) return x:random(5, 9) end},
}
for _, typ in ipairs({'Double', 'Float'}) do
   local T = torch[typ .. 'Tensor']
   for _, s in ipairs(shapeNames) do
      for _, f in ipairs(fills) do
         torch.manualSeed(42)
         local x = shapes[s](T):zero()
         local a = f[2](x)
         -- a scalar normal after the fill: it uses the fill's cached second value when the fill ended on a pair's first
         emit(string.format('fill_%s_%s_%s', typ, s, f[1]), a, torch.normal())
      end
   end
   torch.manualSeed(3)
   emit('long_' .. typ, T(1500):uniform())
   for _, p in ipairs({'Float', 'Double'}) do
      torch.manualSeed(8)
      local probs = torch[p .. 'Tensor'](3, 4):uniform()
      emit(string.format('bernoulliP_%s_%s', typ, p), probs, T(4, 3):t():bernoulli(probs))
   end
end

for _, typ in ipairs({'Byte', 'Char', 'Short', 'Int', 'Long'}) do
   local T = torch[typ .. 'Tensor']
   torch.manualSeed(5)
   emit('int_' .. typ, T(6):random(), T(6):random(7), T(6):random(2, 100), T(6):bernoulli(0.5), T(6):geometric(0.5))
end

torch.manualSeed(17)
emit('randRandn', torch.rand(2, 3), torch.randn(3), torch.rand(4), torch.randperm(10), torch.randperm(1),
     torch.randperm(7):float())

for _, typ in ipairs({'Double', 'Float'}) do
   local T = torch[typ .. 'Tensor']
   torch.manualSeed(21)
   local p1 = T({0.1, 0.2, 0.3, 0.15, 0.25})
   local p2 = T({{1, 2, 0, 4}, {0.5, 0.5, 3, 1}, {0, 0, 1, 0}})
   emit('multinomial_' .. typ, torch.multinomial(p1, 12, true), torch.multinomial(p1, 5, false),
        torch.multinomial(p2, 6, true), torch.multinomial(p2, 3), torch.multinomial(p1, 1))
end

-- saving and restoring the state, across a cached normal
torch.manualSeed(7)
torch.uniform(); torch.uniform(); torch.normal()
local st = torch.getRNGState()
local a, b = torch.normal(), torch.rand(5)
torch.setRNGState(st)
emit('state', a, b, torch.normal(), torch.rand(5))
torch.manualSeed(11)
torch.uniform(); torch.normal()
emit('stateBytes', torch.getRNGState())

-- Generator objects interleaved with the default stream
local g1, g2 = torch.Generator(), torch.Generator()
torch.manualSeed(g1, 5)
torch.manualSeed(g2, 5)
torch.manualSeed(9)
local x = torch.Tensor(3)
emit('generators', x:uniform(g1), torch.uniform(), torch.normal(g2), x:normal(g1, 0, 2), torch.normal(), torch.normal(g2),
     torch.random(g1), torch.random(g2, 1, 6), torch.rand(g1, 2), torch.randn(g2, 3), torch.initialSeed(g1),
     torch.bernoulli(g1, 0.5), torch.exponential(g2, 1), torch.randperm(g1, 4))
local gs = torch.getRNGState(g1)
local c1 = torch.uniform(g1)
torch.setRNGState(g1, gs)
emit('generatorState', c1, torch.uniform(g1))

-- interleavings across the cached normal and a state refresh
torch.manualSeed(2)
emit('interleave', torch.normal(), torch.Tensor(3):normal(), torch.uniform(), torch.normal(), torch.Tensor(700):uniform():sum(),
     torch.normal(), torch.Tensor(5):normal(), torch.random(), torch.Tensor(2):logNormal(), torch.normal())
out:close()
