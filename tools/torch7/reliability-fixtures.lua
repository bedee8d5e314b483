-- Makes the .t7 fixtures of tests/Torch.Facade.Tests/Reliability with real Torch7:
--   . /work/torch7/env.sh && luajit -ltorch tools/torch7/reliability-fixtures.lua tests/Torch.Facade.Tests/Reliability
local dir = arg[1] or "."
-- Lua strings are bytes: two keys that are not UTF-8, a value with invalid sequences, and one UTF-8 text
torch.save(dir .. "/bytes.t7", {["\255"] = 1, ["\254"] = 2, s = "A\128\192B", u = "h\195\169llo"})
-- Torch7 ignores what follows the object
local f = io.open(dir .. "/trailing.t7", "wb")
f:write(torch.serialize(torch.Tensor({1, 2, 3})))
f:write("trailing bytes Torch7 never reads")
f:close()
-- 2,000 nested tables (Torch7 itself reads and writes about 3,200), the innermost holding 42
local t = {}
local c = t
for i = 1, 2000 do c[1] = {} c = c[1] end
c[1] = 42
torch.save(dir .. "/deep.t7", t)
