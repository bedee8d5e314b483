-- The anchors' one timing rule: f() once to warm up, then the median (and the fastest) of n timed calls, in ms.
-- usage from an anchor script: local median = dofile(arg[0]:match('(.*/)') .. 'timing.lua')
require 'torch'
return function(f, n)
  f()
  local t = {}
  for i = 1, n do
    local timer = torch.Timer()
    f()
    t[i] = timer:time().real * 1000
  end
  table.sort(t)
  return t[math.ceil(n / 2)], t[1]
end
