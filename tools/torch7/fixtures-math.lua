-- Fixtures of the TensorMath functions (torch.f(...) forms), written by the real Lua Torch7.
--
-- Regenerate (from the repository root):
--   . /work/torch7/env.sh && luajit -ltorch tools/torch7/fixtures-math.lua
-- It rewrites tests/Oracle/math.t7: a table name -> {fn = 'add', args = {...}, out = {every value returned}[, seed = n]};
-- an argument {isnil=true} stands for nil. Inputs come from sin of the index (never from the random stream); the random
-- functions (group M) are called right after torch.manualSeed(seed).
local oracle = dofile('tools/torch7/oracle.lua')
local det, pos, T = oracle.det, oracle.pos, oracle.T

local cases = {}
local seed -- set by MS for the call it makes
local function M(name, fn, ...)
   local args = oracle.clone({...}) -- a copy as it was before any later in-place call
   local n = select('#', ...)
   local ok, out = pcall(function()
      if seed then torch.manualSeed(seed) end
      return {torch[fn](unpack(oracle.clone(args), 1, n))}
   end)
   if not ok then print('SKIPPED ' .. name .. ': ' .. tostring(out)); return end
   cases[name] = {fn = fn, args = args, out = out, seed = seed}
end

-- A case of a random function: M after torch.manualSeed(s).
local function MS(name, s, fn, ...)
   seed = s
   M(name, fn, ...)
   seed = nil
end

local a = det({3, 4}, 0, 2)
local b = det({3, 4}, 1, 2)
local c = det({3, 4}, 2, 2)
local p = pos({3, 4}, 0, 0.1, 0.9)
local v4 = det({4}, 3)
local v3 = det({3}, 4)
local sq = det({3, 3}, 5):add(torch.eye(3):mul(3))
local spd = sq * sq:t() + torch.eye(3)
local af = a:float()

for _, ty in ipairs{'double', 'float'} do
   local conv = function(x) return x:type(ty == 'double' and 'torch.DoubleTensor' or 'torch.FloatTensor') end
   local s = ty == 'double' and '' or '_float'
   local A, B, C, P, V4, V3 = conv(a), conv(b), conv(c), conv(p), conv(v4), conv(v3)
   -- E unary
   for _, f in ipairs{'abs', 'sign', 'neg', 'cinv', 'frac', 'sigmoid', 'exp', 'cos', 'cosh', 'sin', 'sinh', 'tan', 'atan', 'tanh',
                      'round', 'ceil', 'floor', 'trunc'} do M(f .. s, f, A) end
   for _, f in ipairs{'rsqrt', 'log', 'log1p', 'sqrt', 'acos', 'asin'} do M(f .. s, f, P) end
   -- F pointwise
   M('add_number' .. s, 'add', A, 2.5); M('add_tensor' .. s, 'add', A, B); M('add_scaled' .. s, 'add', A, 0.5, B)
   M('csub_number' .. s, 'csub', A, 2.5); M('csub_tensor' .. s, 'csub', A, B); M('csub_scaled' .. s, 'csub', A, 0.5, B)
   M('mul' .. s, 'mul', A, -1.5); M('div' .. s, 'div', A, 3); M('cmul' .. s, 'cmul', A, B); M('cdiv' .. s, 'cdiv', A, P)
   M('cpow' .. s, 'cpow', P, B); M('pow' .. s, 'pow', P, 2.5); M('tpow' .. s, 'pow', 2, A)
   M('atan2' .. s, 'atan2', A, B); M('lerp' .. s, 'lerp', A, B, 0.3); M('clamp' .. s, 'clamp', A, -0.5, 0.7)
   M('fmod' .. s, 'fmod', A, 0.7); M('remainder' .. s, 'remainder', A, 0.7); M('mod' .. s, 'mod', A, 0.7)
   M('cfmod' .. s, 'cfmod', A, P); M('cremainder' .. s, 'cremainder', A, P); M('cmod' .. s, 'cmod', A, P)
   M('addcmul' .. s, 'addcmul', A, 0.5, B, C); M('addcmul_1' .. s, 'addcmul', A, B, C)
   M('addcdiv' .. s, 'addcdiv', A, 0.5, B, P); M('addcdiv_1' .. s, 'addcdiv', A, B, P)
   M('cmin_tensor' .. s, 'cmin', A, B); M('cmin_number' .. s, 'cmin', A, 0.2)
   M('cmax_tensor' .. s, 'cmax', A, B); M('cmax_number' .. s, 'cmax', A, 0.2)
   -- H BLAS
   M('dot' .. s, 'dot', A, B); M('mv' .. s, 'mv', A, V4); M('mm' .. s, 'mm', A, B:t()); M('ger' .. s, 'ger', V3, V4)
   M('bmm' .. s, 'bmm', conv(det({2, 3, 4})), conv(det({2, 4, 2}, 1)))
   M('addmv' .. s, 'addmv', V3, A, V4); M('addmv_scaled' .. s, 'addmv', 0.5, V3, 2, A, V4)
   M('addmm' .. s, 'addmm', conv(det({3, 3}, 7)), A, B:t()); M('addmm_scaled' .. s, 'addmm', 0.5, conv(det({3, 3}, 7)), 2, A, B:t())
   M('addr' .. s, 'addr', A, V3, V4); M('addr_scaled' .. s, 'addr', 0.5, A, 2, V3, V4)
   M('addbmm' .. s, 'addbmm', conv(det({3, 2}, 7)), conv(det({2, 3, 4})), conv(det({2, 4, 2}, 1)))
   M('baddbmm' .. s, 'baddbmm', conv(det({2, 3, 2}, 7)), conv(det({2, 3, 4})), conv(det({2, 4, 2}, 1)))
   -- I reductions
   M('sum' .. s, 'sum', A); M('sum_dim' .. s, 'sum', A, 2); M('prod' .. s, 'prod', A); M('prod_dim' .. s, 'prod', A, 1)
   M('cumsum' .. s, 'cumsum', A); M('cumsum_dim' .. s, 'cumsum', A, 2); M('cumprod' .. s, 'cumprod', A, 2)
   M('min' .. s, 'min', A); M('min_dim' .. s, 'min', A, 2); M('max' .. s, 'max', A); M('max_dim' .. s, 'max', A, 1)
   M('mean' .. s, 'mean', A); M('mean_dim' .. s, 'mean', A, 2)
   M('var' .. s, 'var', A); M('var_dim' .. s, 'var', A, 2); M('var_dim_biased' .. s, 'var', A, 2, true)
   M('std' .. s, 'std', A); M('std_dim' .. s, 'std', A, 1); M('std_dim_biased' .. s, 'std', A, 1, true)
   M('norm' .. s, 'norm', A); M('norm_p' .. s, 'norm', A, 3); M('norm_1' .. s, 'norm', A, 1); M('norm_0' .. s, 'norm', A, 0)
   M('norm_dim' .. s, 'norm', A, 2, 2); M('norm_p_dim' .. s, 'norm', A, 1.5, 1)
   M('renorm' .. s, 'renorm', A, 2, 1, 1.5); M('dist' .. s, 'dist', A, B); M('dist_p' .. s, 'dist', A, B, 3)
   M('trace' .. s, 'trace', A); M('numel' .. s, 'numel', A)
   M('cross' .. s, 'cross', conv(det({3, 2})), conv(det({3, 2}, 1))); M('cross_dim' .. s, 'cross', conv(det({2, 3})), conv(det({2, 3}, 1)), 2)
   -- J sort and selection
   M('sort' .. s, 'sort', A); M('sort_dim' .. s, 'sort', A, 1); M('sort_desc' .. s, 'sort', A, 2, true)
   M('topk' .. s, 'topk', A, 2, 2, false, true); M('topk_largest' .. s, 'topk', A, 2, 2, true, true); M('topk_dim1' .. s, 'topk', A, 2, 1)
   M('kthvalue' .. s, 'kthvalue', A, 2); M('kthvalue_dim' .. s, 'kthvalue', A, 2, 1)
   M('median' .. s, 'median', A); M('median_dim' .. s, 'median', A, 1)
   M('mode' .. s, 'mode', conv(T({1, 2, 2, 3, 3, 3, 1, 1, 2, 2, 1, 2}, 3, 4)))
   -- K comparison
   for _, f in ipairs{'lt', 'le', 'gt', 'ge', 'eq', 'ne'} do
      M(f .. '_tensor' .. s, f, A, B); M(f .. '_number' .. s, f, A, 0.3)
   end
   M('equal' .. s, 'equal', A, A:clone()); M('equal_not' .. s, 'equal', A, B)
   -- A construction and extraction
   M('diag' .. s, 'diag', A); M('diag_k' .. s, 'diag', A, 1); M('diag_vec' .. s, 'diag', V3); M('diag_vec_k' .. s, 'diag', V3, -1)
   M('tril' .. s, 'tril', A); M('tril_k' .. s, 'tril', A, 1); M('triu' .. s, 'triu', A); M('triu_k' .. s, 'triu', A, -1)
   M('cat' .. s, 'cat', A, B); M('cat_dim' .. s, 'cat', A, B, 1); M('cat_table' .. s, 'cat', {A, B, C}, 2)
   M('reshape' .. s, 'reshape', A, 2, 6)
   M('histc' .. s, 'histc', A, 5); M('histc_range' .. s, 'histc', A, 4, -1, 1)
   M('squeeze' .. s, 'squeeze', conv(det({2, 1, 3}))); M('squeeze_dim' .. s, 'squeeze', conv(det({2, 1, 3})), 2)
   M('gather' .. s, 'gather', A, 2, torch.LongTensor{{1, 2}, {3, 4}, {4, 1}})
   M('nonzero' .. s, 'nonzero', A:gt(0.5):type(A:type()))
   M('match' .. s, 'match', A, B)
   -- L convolution
   local img, ker = conv(det({5, 5})), conv(det({3, 3}, 1))
   M('conv2' .. s, 'conv2', img, ker); M('conv2_full' .. s, 'conv2', img, ker, 'F')
   M('xcorr2' .. s, 'xcorr2', img, ker); M('xcorr2_full' .. s, 'xcorr2', img, ker, 'F')
   M('conv2_3d' .. s, 'conv2', conv(det({2, 5, 5})), conv(det({3, 2, 3, 3}, 1)))
   M('conv3' .. s, 'conv3', conv(det({4, 4, 4})), conv(det({2, 2, 2}, 1))); M('xcorr3' .. s, 'xcorr3', conv(det({4, 4, 4})), conv(det({2, 2, 2}, 1)), 'F')
   -- N LAPACK
   M('gesv' .. s, 'gesv', conv(det({3, 2}, 1)), conv(sq)); M('inverse' .. s, 'inverse', conv(sq))
   M('trtrs' .. s, 'trtrs', conv(det({3, 2}, 1)), conv(torch.triu(sq))); M('trtrs_lower' .. s, 'trtrs', conv(det({3, 2}, 1)), conv(torch.tril(sq)), 'L')
   M('potrf' .. s, 'potrf', conv(spd)); M('potrf_lower' .. s, 'potrf', conv(spd), 'L')
   M('potri' .. s, 'potri', conv(torch.potrf(spd))); M('potrs' .. s, 'potrs', conv(det({3, 2}, 1)), conv(torch.potrf(spd)))
   M('symeig' .. s, 'symeig', conv(spd)); M('symeig_vectors' .. s, 'symeig', conv(spd), 'V')
   M('gels' .. s, 'gels', conv(det({4, 2}, 1)), conv(det({4, 3}, 2)))
end
-- G bitwise, integer types
local ia, ib = torch.IntTensor{{5, 12, 7}, {-3, 9, 1}}, torch.IntTensor{{3, 10, 2}, {6, 5, 1}}
for _, ty in ipairs{'Int', 'Long'} do
   local A, B = ia:type('torch.' .. ty .. 'Tensor'), ib:type('torch.' .. ty .. 'Tensor')
   local s = '_' .. ty:lower()
   M('lshift' .. s, 'lshift', A, 2); M('rshift' .. s, 'rshift', A, 1); M('clshift' .. s, 'clshift', torch.abs(A), torch.abs(B))
   M('crshift' .. s, 'crshift', torch.abs(A), torch.abs(B)); M('bitand' .. s, 'bitand', A, 6); M('bitor' .. s, 'bitor', A, 6); M('bitxor' .. s, 'bitxor', A, 6)
   M('cbitand' .. s, 'cbitand', A, B); M('cbitor' .. s, 'cbitor', A, B); M('cbitxor' .. s, 'cbitxor', A, B)
   M('sum' .. s, 'sum', A); M('prod' .. s, 'prod', A); M('abs' .. s, 'abs', A); M('cumsum' .. s, 'cumsum', A, 2)
   M('max' .. s, 'max', A); M('max_dim' .. s, 'max', A, 2); M('div' .. s, 'div', A, 2); M('fmod' .. s, 'fmod', A, 4); M('remainder' .. s, 'remainder', A, 4)
   M('sort' .. s, 'sort', A); M('add' .. s, 'add', A, B); M('cmul' .. s, 'cmul', A, B); M('clamp' .. s, 'clamp', A, 0, 6)
end
-- whole constructors
M('zeros', 'zeros', 2, 3); M('ones', 'ones', 3); M('eye', 'eye', 3); M('eye_rect', 'eye', 2, 4)
M('range', 'range', 1, 5); M('range_step', 'range', 0, 1, 0.25); M('range_neg', 'range', 5, 1, -2)
M('linspace', 'linspace', -1, 2, 7); M('logspace', 'logspace', 0, 2, 5)
M('all', 'all', torch.ByteTensor{1, 1, 1}); M('all_not', 'all', torch.ByteTensor{1, 0, 1})
M('any', 'any', torch.ByteTensor{0, 1, 0}); M('any_not', 'any', torch.ByteTensor{0, 0, 0})
M('scatter', 'scatter', torch.zeros(3, 4), 2, torch.LongTensor{{1, 2}, {3, 4}, {4, 1}}, det({3, 2}))
M('scatter_value', 'scatter', torch.zeros(3, 4), 2, torch.LongTensor{{1, 2}, {3, 4}, {4, 1}}, 1.5)
M('bhistc', 'bhistc', det({2, 6}), 4, -1, 1)
M('svd', 'svd', det({4, 3}, 1)); M('eig', 'eig', sq); M('qr', 'qr', det({4, 3}, 1)); M('geqrf', 'geqrf', det({4, 3}, 1))
M('pstrf', 'pstrf', spd)
local qa, qtau = torch.geqrf(det({4, 3}, 1))
M('orgqr', 'orgqr', qa, qtau); M('ormqr', 'ormqr', qa, qtau, det({4, 2}, 2)); M('ormqr_T', 'ormqr', qa, qtau, det({4, 2}, 2), 'L', 'T')
M('ormqr_R', 'ormqr', qa, qtau, det({2, 4}, 2), 'R'); M('ormqr_RT', 'ormqr', qa, qtau, det({2, 4}, 2), 'R', 'T')
-- symeig with 'N' returns the matrix as dsyev leaves it (dsytd2's tridiagonal reduction of the uplo triangle)
local s5 = det({5, 5}, 6):add(torch.eye(5):mul(2))
local spd5 = s5 * s5:t() + torch.eye(5)
M('symeig_5', 'symeig', spd5); M('symeig_5_lower', 'symeig', spd5, 'N', 'L'); M('symeig_5_float', 'symeig', spd5:float(), 'N', 'L')
M('zero', 'zero', det({2, 3})); M('fill', 'fill', det({2, 3}), 2.5)
-- M random (the tensor fills and generators are in tools/torch7/random.lua)
MS('random', 1, 'random'); MS('random_n', 2, 'random', 10); MS('random_ab', 3, 'random', -5, 5)
MS('uniform', 4, 'uniform'); MS('uniform_ab', 5, 'uniform', -2, 3)
MS('normal', 6, 'normal'); MS('normal_ms', 7, 'normal', 1, 2)
MS('cauchy', 8, 'cauchy', 0.5, 2); MS('logNormal', 9, 'logNormal', 1, 0.5); MS('exponential', 10, 'exponential', 1.5)
MS('geometric', 11, 'geometric', 0.3); MS('bernoulli', 12, 'bernoulli', 0.3); MS('bernoulli_default', 13, 'bernoulli')
MS('rand', 14, 'rand', 2, 3); MS('randn', 15, 'randn', 3, 2); MS('randperm', 16, 'randperm', 7)
local probs = T{0.1, 0.2, 0.3, 0.4}
MS('multinomial', 17, 'multinomial', probs, 6, true); MS('multinomial_norepl', 18, 'multinomial', probs, 3)
MS('multinomial_2d', 19, 'multinomial', det({2, 4}, 0, 0.4, 0.5), 3)
-- multinomialAliasSetup_ and multinomialAlias_ as torch7's init.lua wraps them
MS('multinomialAliasSetup', 20, 'multinomialAliasSetup', T{0.1, 0.2, 0.05, 0.3, 0.35})
MS('multinomialAlias', 21, 'multinomialAlias', torch.LongTensor(12), torch.multinomialAliasSetup(T{0.1, 0.2, 0.05, 0.3, 0.35}))
oracle.save('math', cases)
