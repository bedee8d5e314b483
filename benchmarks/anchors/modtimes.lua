-- Per-module times of dcgan.lua's or resnet.lua's iteration on Torch7, the Lua side of `-- convprofile` (ModuleTimes.cs):
-- every leaf class's updateOutput, updateGradInput and accGradParameters are wrapped with a timer, summed by class per
-- iteration; each figure printed is the smallest per-iteration sum over the iterations (a busy machine only adds time).
-- usage: luajit modtimes.lua dcgan|resnet [float|double] [iterations]
require 'nn'
require 'optim'
local dir = arg[0]:match('(.*/)') or './'
local program, typename, iterations = arg[1] or 'dcgan', arg[2] or 'float', tonumber(arg[3]) or 15

local phases = {'updateOutput', 'updateGradInput', 'accGradParameters'}
local sums, best = {}, {}
local update, bestUpdate, bestOutside, fevalTime = 0, math.huge, math.huge, 0

-- Wrap the leaf classes only (containers' time is their children's); originals are all read before any wrapper is set, so
-- a class whose method is inherited (ReLU from Threshold) calls the unwrapped parent and is not counted twice.
local originals = {}
for name, class in pairs(nn) do
   local mt = type(class) == 'table' and torch.getmetatable('nn.' .. name)
   if mt and torch.isTypeOf(class, 'nn.Module') and not torch.isTypeOf(class, 'nn.Container') then
      originals[name] = {}
      for _, p in ipairs(phases) do originals[name][p] = mt[p] end
      -- BatchNormalization computes both gradients in one backward (its ugi column holds that call)
      if mt.backward ~= nn.Module.backward then originals[name].backward = mt.backward end
   end
end
local function timed(name, k, f)
   return function(self, ...)
      local timer = torch.Timer()
      local r = f(self, ...)
      sums[name] = sums[name] or {0, 0, 0}
      sums[name][k] = sums[name][k] + timer:time().real
      return r
   end
end
for name, fns in pairs(originals) do
   local mt = torch.getmetatable('nn.' .. name)
   for k, p in ipairs(phases) do mt[p] = timed(name, k, fns[p]) end
   if fns.backward then mt.backward = timed(name, 2, fns.backward) end
end

-- The optimiser's own time is its call less the feval it makes.
for _, o in ipairs({'adam', 'sgd'}) do
   local f = optim[o]
   optim[o] = function(feval, x, state)
      local timer = torch.Timer()
      local r1, r2 = f(function(...)
         local t = torch.Timer()
         local a, b = feval(...)
         fevalTime = fevalTime + t:time().real
         return a, b
      end, x, state)
      update = update + timer:time().real - fevalTime
      fevalTime = 0
      return r1, r2
   end
end

-- The anchor's timing.lua, replaced: each iteration ends by keeping each figure's minimum and clearing the sums.
local realDofile = dofile
dofile = function(path)
   if not path:match('timing%.lua$') then return realDofile(path) end
   return function(f, n)
      f()
      sums, update = {}, 0
      local times = {}
      for i = 1, n do
         local timer = torch.Timer()
         f()
         local total = timer:time().real
         times[i] = total * 1000
         local modules = 0
         for key, s in pairs(sums) do
            best[key] = best[key] or {math.huge, math.huge, math.huge}
            for k = 1, 3 do best[key][k] = math.min(best[key][k], s[k]); modules = modules + s[k] end
         end
         bestUpdate = math.min(bestUpdate, update)
         bestOutside = math.min(bestOutside, total - modules - update)
         sums, update = {}, 0
      end
      table.sort(times)
      return times[math.ceil(n / 2)], times[1]
   end
end

arg = {[0] = dir .. program .. '.lua', typename, iterations}
realDofile(dir .. program .. '.lua')

local names, total = {}, 0
for key in pairs(best) do names[#names + 1] = key end
table.sort(names)
for _, key in ipairs(names) do
   local b = best[key]
   total = total + b[1] + b[2] + b[3]
   print(string.format('    %-40s fwd %7.3f  ugi %7.3f  agp %7.3f ms', key, b[1] * 1e3, b[2] * 1e3, b[3] * 1e3))
end
print(string.format('    %-40s %7.3f ms per iteration', 'modules in all', total * 1e3))
print(string.format('    %-40s %7.3f ms per iteration', 'optimiser update (optim call less feval)', bestUpdate * 1e3))
print(string.format('    %-40s %7.3f ms per iteration', 'outside the leaf modules and the update', bestOutside * 1e3))
