-- The anchors' one timing rule: f() once to warm up, then the median (and the fastest) of n timed calls, in ms; third, the
-- median CPU time (user + system) of the calls, which a busy shared machine moves far less than the wall time.
-- usage from an anchor script: local median = dofile(arg[0]:match('(.*/)') .. 'timing.lua')
require 'torch'
-- One thread means OpenBLAS's too: torch.setnumthreads sets OpenMP's count only, and Torch7's OpenBLAS otherwise runs its
-- products on every core (the figures before 2026-12-03 22:15Z were taken so).
local ok, blas = pcall(function() local ffi = require 'ffi'; ffi.cdef 'void openblas_set_num_threads(int);'; return ffi.load('libopenblas.so.0') end)
if ok then blas.openblas_set_num_threads(1) else io.stderr:write('timing.lua: OpenBLAS not found; its thread count is left alone\n') end
return function(f, n)
  f()
  local t, cpu = {}, {}
  for i = 1, n do
    local timer = torch.Timer()
    f()
    local time = timer:time()
    t[i], cpu[i] = time.real * 1000, (time.user + time.sys) * 1000
  end
  table.sort(t)
  table.sort(cpu)
  return t[math.ceil(n / 2)], t[1], cpu[math.ceil(n / 2)]
end
