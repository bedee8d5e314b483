-- Fixtures of every nn module and criterion, written by the real Lua Torch7.
--
-- Regenerate (from the repository root, with Torch7 built by ../shared/tools/torch7/build.sh):
--   . /work/torch7/env.sh && luajit -ltorch -lnn tools/torch7/fixtures-nn.lua
-- It rewrites tests/Oracle/nn-*.t7. Each file is a Lua table: case name -> case, where a case holds
--   spec      the constructor as data: {'Linear', 5, 3, false} is nn.Linear(5, 3, false); an argument
--             that is itself a spec builds a module; {isnil=true} is a nil argument; spec.add lists
--             the children of a container (a child with .weight is added with that weight);
--             spec.calls lists methods called without arguments after the constructor (noBias, ceil);
--             spec.fields lists fields set after the constructor (sizeAverage where the constructor takes none)
--   type      'torch.DoubleTensor' or 'torch.FloatTensor' (the module and its inputs are converted)
--   eval      true when the case runs after m:evaluate()
--   params    m:parameters() after they were set (from sin of the index), before the forward
--   input, output, gradOutput, gradInput, gradParams (after zeroGradParameters + backward)
--   criterion cases: input, target, output (the loss, a number), gradInput
--   print     tostring(m)
--   printed   what the case printed (PrintSize, StochasticGradient), when anything
--   seed      torch.manualSeed(seed) right before the forward (modules that draw, e.g. fractional max pooling)
--   update    a learning rate: m:updateParameters(update) after the backward, paramsUpdated the parameters then
--             (gradParams entries that are not tensors, such as IndexLinear's running table, are {isnil=true})
-- An argument {'@', k} is the k-th child already added to the container being built (SpatialMaxUnpooling's pooling module).
-- The training family holds StochasticGradient runs: spec (module), criterion (spec), dataset {{input, target}...},
-- fields (trainer fields), seed, params before and paramsAfter training, printed.
local oracle = dofile('tools/torch7/oracle.lua')
local det, pos, T, NIL = oracle.det, oracle.pos, oracle.T, oracle.NIL

local function build(spec, parent)
   if type(spec) ~= 'table' or type(spec[1]) ~= 'string' then return spec end
   if spec[1] == '@' then return parent.modules[spec[2]] end
   local args, n = {}, 0
   for i = 2, table.maxn(spec) do
      local a = spec[i]
      if type(a) == 'table' and a.isnil then a = nil end
      args[i - 1] = build(a, parent)
      n = i - 1
   end
   local m = nn[spec[1]](unpack(args, 1, n))
   for _, call in ipairs(spec.calls or {}) do m[call](m) end
   for k, v in pairs(spec.fields or {}) do m[k] = v end
   for _, child in ipairs(spec.add or {}) do
      if child.weight then m:add(build(child, m), child.weight) else m:add(build(child, m)) end
   end
   return m
end

local function setParams(m)
   local ps = m:parameters() or {}
   for k, p in ipairs(ps) do
      p:copy(det(p:size():totable(), 0.3 * k, 0.4 / math.sqrt(p:nElement()) + 0.2))
   end
   return oracle.clone(ps)
end

local families = {}
local current
local function family(name) current = {}; families[#families + 1] = {name = name, cases = current} end

-- A module case: C{name, spec, input, eval=, float=false, noBackward=}
local function C(c)
   c.input = c[3]; c.spec = c[2]; c.name = c[1]
   c[1], c[2], c[3] = nil, nil, nil
   current[#current + 1] = c
end

-- Runs f with print writing into a string; returns the string ('' when nothing was printed).
local function capturePrint(f)
   local text, saved = {}, print
   print = function(...)
      local parts = {}
      for i = 1, select('#', ...) do parts[i] = tostring((select(i, ...))) end
      text[#text + 1] = table.concat(parts, '\t') .. '\n'
   end
   local ok, err = pcall(f)
   print = saved
   if not ok then error(err, 0) end
   return table.concat(text)
end

local function tensorsOnly(list)
   local r = {}
   for i, v in ipairs(list) do r[i] = torch.isTensor(v) and v:clone() or NIL end
   return r
end

local function runModule(c, typename)
   local m = build(c.spec)
   m:type(typename)
   if c.eval then m:evaluate() end
   local params = setParams(m)
   local input = oracle.convert(oracle.clone(c.input), typename)
   local r = {spec = c.spec, type = typename, eval = c.eval or false, params = params, input = oracle.clone(input), print = tostring(m),
              seed = c.seed, update = c.update}
   local printed = capturePrint(function()
      if c.seed then torch.manualSeed(c.seed) end
      r.output = oracle.clone(m:forward(input))
      if not c.noBackward then
         r.gradOutput = c.gradOutput and oracle.convert(c.gradOutput, typename) or oracle.like(r.output, 0.7)
         m:zeroGradParameters()
         r.gradInput = oracle.clone(m:backward(input, oracle.clone(r.gradOutput)))
         local _, gps = m:parameters()
         r.gradParams = tensorsOnly(gps or {})
         if c.update then
            m:updateParameters(c.update)
            r.paramsUpdated = oracle.clone(m:parameters())
         end
      end
   end)
   if printed ~= '' then r.printed = printed end
   return r
end

local function runCriterion(c, typename)
   local m = build(c.spec)
   m:type(typename)
   local input = oracle.convert(oracle.clone(c.input), typename)
   local target = oracle.convert(oracle.clone(c.target), typename)
   local r = {spec = c.spec, type = typename, criterion = true, input = oracle.clone(input), target = oracle.clone(target), print = tostring(m)}
   r.output = m:forward(input, target)
   if not c.noBackward then r.gradInput = oracle.clone(m:backward(input, target)) end
   return r
end

-- A criterion case: K{name, spec, input, target}
local function K(c)
   c.name, c.spec, c.input, c.target = c[1], c[2], c[3], c[4]
   c[1], c[2], c[3], c[4] = nil, nil, nil, nil
   c.criterion = true
   current[#current + 1] = c
end

local x25 = det({2, 5}, 0, 2)

----------------------------------------------------------------------------------------------------
family('transfer')
for _, name in ipairs{'Abs', 'Exp', 'HardTanh', 'LogSigmoid', 'LogSoftMax', 'Sigmoid', 'SoftMax', 'SoftMin',
                     'SoftPlus', 'SoftSign', 'Tanh', 'TanhShrink', 'Square', 'HardShrink', 'SoftShrink',
                     'ReLU', 'ReLU6', 'LeakyReLU', 'ELU', 'Identity', 'Threshold'} do
   C{name, {name}, x25}
end
C{'LogSoftMax_1d', {'LogSoftMax'}, det({5}, 1, 3)}
C{'SoftMax_1d', {'SoftMax'}, det({5}, 1, 3)}
C{'SoftMin_1d', {'SoftMin'}, det({5}, 1, 3)}
C{'LogSoftMax_3d', {'LogSoftMax'}, det({2, 3, 4}, 1, 3)}
C{'SoftMax_3d', {'SoftMax'}, det({2, 3, 4}, 1, 3)}
C{'ReLU6_big', {'ReLU6'}, det({2, 5}, 0, 8)}
C{'Log', {'Log'}, pos({2, 5})}
C{'Sqrt', {'Sqrt'}, pos({2, 5})}
C{'Sqrt_eps', {'Sqrt', 0.01}, pos({2, 5})}
C{'Power_2', {'Power', 2}, x25}
C{'Power_frac', {'Power', 1.5}, pos({2, 5})}
C{'HardTanh_args', {'HardTanh', -0.5, 0.8}, x25}
C{'Clamp', {'Clamp', -0.5, 0.8}, x25}
C{'SoftPlus_beta', {'SoftPlus', 2}, x25}
C{'HardShrink_1', {'HardShrink', 1}, x25}
C{'SoftShrink_1', {'SoftShrink', 1}, x25}
C{'Threshold_args', {'Threshold', 0.5, -2}, x25}
C{'LeakyReLU_args', {'LeakyReLU', 0.2}, x25}
C{'ELU_alpha', {'ELU', 0.5}, x25}
C{'PReLU_shared', {'PReLU'}, x25}
C{'PReLU_channels', {'PReLU', 3}, det({2, 3, 2, 2}, 0, 2)}
C{'PReLU_channels_1d', {'PReLU', 5}, det({5}, 0, 2)}
C{'RReLU_eval', {'RReLU'}, x25, eval = true}
C{'GatedLinearUnit', {'GatedLinearUnit'}, det({2, 6}, 0, 2)}
C{'GatedLinearUnit_dim1', {'GatedLinearUnit', 1}, det({4, 3}, 0, 2)}
C{'SpatialSoftMax', {'SpatialSoftMax'}, det({2, 3, 2, 2}, 0, 2)}
C{'SpatialSoftMax_3d', {'SpatialSoftMax'}, det({3, 2, 2}, 0, 2)}
C{'SpatialLogSoftMax', {'SpatialLogSoftMax'}, det({2, 3, 2, 2}, 0, 2)}
C{'AddConstant', {'AddConstant', 3.5}, x25}
C{'MulConstant', {'MulConstant', -1.5}, x25}
C{'Dropout_eval', {'Dropout', 0.3}, x25, eval = true}
C{'Dropout_v1_eval', {'Dropout', 0.3, true}, x25, eval = true}
C{'SpatialDropout_eval', {'SpatialDropout', 0.3}, det({2, 3, 2, 2}), eval = true, noBackward = true}
C{'VolumetricDropout_eval', {'VolumetricDropout', 0.3}, det({2, 2, 2, 2, 2}), eval = true, noBackward = true}
C{'WhiteNoise_eval', {'WhiteNoise', 0, 0.1}, x25, eval = true, noBackward = true}
C{'GradientReversal', {'GradientReversal', 0.5}, x25}
C{'ZeroGrad', {'ZeroGrad'}, x25}
C{'L1Penalty', {'L1Penalty', 0.1}, x25}
C{'L1Penalty_avg', {'L1Penalty', 0.1, true}, x25}

----------------------------------------------------------------------------------------------------
family('layers')
C{'Linear', {'Linear', 5, 3}, det({5})}
C{'Linear_batch', {'Linear', 5, 3}, det({4, 5})}
C{'Linear_nobias', {'Linear', 5, 3, false}, det({4, 5})}
C{'Linear_nobias_1d', {'Linear', 5, 3, false}, det({5})}
C{'Bilinear', {'Bilinear', 3, 2, 4}, {det({2, 3}), det({2, 2}, 1)}}
C{'Bilinear_nobias', {'Bilinear', 3, 2, 4, false}, {det({2, 3}), det({2, 2}, 1)}}
C{'PartialLinear', {'PartialLinear', 5, 3}, det({2, 5})}
C{'LinearWeightNorm', {'LinearWeightNorm', 5, 3}, det({2, 5})}
C{'Add', {'Add', 5}, det({2, 5})}
C{'Add_1d', {'Add', 5}, det({5})}
C{'Add_scalar', {'Add', 5, true}, det({2, 5})}
C{'CAdd', {'CAdd', 1, 5}, det({3, 5})}
C{'Mul', {'Mul'}, det({2, 5})}
C{'CMul', {'CMul', 1, 5}, det({3, 5})}
C{'CMul_3d', {'CMul', 3, 1, 2}, det({3, 4, 2})}
C{'Euclidean', {'Euclidean', 5, 3}, det({5})}
C{'Euclidean_batch', {'Euclidean', 5, 3}, det({2, 5})}
C{'WeightedEuclidean', {'WeightedEuclidean', 5, 3}, det({5})}
C{'WeightedEuclidean_batch', {'WeightedEuclidean', 5, 3}, det({2, 5})}
C{'Cosine', {'Cosine', 5, 3}, det({5})}
C{'Cosine_batch', {'Cosine', 5, 3}, det({2, 5})}
C{'LookupTable', {'LookupTable', 6, 3}, T{1, 4, 2, 6, 4}}
C{'LookupTable_batch', {'LookupTable', 6, 3}, T({1, 4, 2, 6, 4, 3}, 2, 3)}
C{'LookupTable_padding', {'LookupTable', 6, 3, 2}, T{1, 2, 2, 6}}
C{'LookupTable_maxNorm', {'LookupTable', 6, 3, 0, 0.5}, T{1, 4, 2, 6, 4}}
C{'BatchNormalization_train', {'BatchNormalization', 3}, det({4, 3})}
C{'BatchNormalization_eval', {'BatchNormalization', 3}, det({4, 3}), eval = true}
C{'BatchNormalization_noaffine', {'BatchNormalization', 3, 1e-5, 0.1, false}, det({4, 3})}
C{'SpatialBatchNormalization_train', {'SpatialBatchNormalization', 3}, det({2, 3, 2, 2})}
C{'SpatialBatchNormalization_eval', {'SpatialBatchNormalization', 3}, det({2, 3, 2, 2}), eval = true}
C{'VolumetricBatchNormalization_train', {'VolumetricBatchNormalization', 2}, det({2, 2, 2, 2, 2})}
C{'LayerNormalization', {'LayerNormalization', 5}, det({3, 5})}
C{'Normalize_2', {'Normalize', 2}, det({3, 5})}
C{'Normalize_1', {'Normalize', 1}, det({3, 5})}
C{'Normalize_inf', {'Normalize', math.huge}, det({3, 5})}
C{'Normalize_1d', {'Normalize', 2}, det({5})}
C{'Maxout', {'Maxout', 4, 3, 2}, det({2, 4})}
C{'CReLU', {'CReLU', 1}, det({2, 3})}
C{'Kmeans', {'Kmeans', 3, 4}, det({5, 4}), noBackward = true}
C{'SparseLinear', {'SparseLinear', 6, 3}, T({1, 0.5, 4, -1, 6, 2}, 3, 2)}
C{'SparseLinear_batch', {'SparseLinear', 6, 3}, {T({1, 0.5, 4, -1}, 2, 2), T({2, 2, 5, 3, 6, 1}, 3, 2)}}
local ilKeys, ilVals = {torch.LongTensor{1, 4}, torch.LongTensor{2, 6, 3}}, {det({2}, 1), det({3}, 2)}
C{'IndexLinear', {'IndexLinear', 6, 3, true}, {ilKeys, ilVals}, update = 0.1}
C{'IndexLinear_single', {'IndexLinear', 6, 3, true}, {ilKeys[2], ilVals[2]}, update = 0.1}
C{'IndexLinear_flat', {'IndexLinear', 6, 3, true}, {torch.LongTensor{1, 4, 2, 6, 3}, det({5}, 1), torch.LongTensor{2, 3}}, update = 0.1}
C{'IndexLinear_offset', {'IndexLinear', 6, 3, true, 1}, {{torch.LongTensor{0, 3}, torch.LongTensor{1, 5, 2}}, ilVals}, update = 0.1}
-- Lua's train is nil until training() is called, and IndexLinear passes it as 0: without the call the max columns stay
C{'IndexLinear_normalize', {'IndexLinear', 6, 3, false, NIL, NIL, NIL, true, calls = {'training'}}, {ilKeys, ilVals}, update = 0.1}
C{'IndexLinear_normalize_nil', {'IndexLinear', 6, 3, false, NIL, NIL, NIL, true}, {ilKeys, ilVals}, update = 0.1}

----------------------------------------------------------------------------------------------------
family('shape')
local x234 = det({2, 3, 4})
C{'Reshape', {'Reshape', 4, 6}, x234}
C{'Reshape_batch', {'Reshape', torch.LongStorage{3, 4}, true}, x234}
C{'View', {'View', 6, 4}, x234}
C{'View_minus1', {'View', -1, 4}, x234}
C{'Contiguous', {'Contiguous'}, x234}
C{'Select', {'Select', 2, 3}, x234}
C{'Select_neg', {'Select', -1, 2}, x234}
C{'Narrow', {'Narrow', 3, 2, 2}, x234}
C{'Narrow_neg', {'Narrow', 3, -2, 2}, x234}
C{'Narrow_neglength', {'Narrow', 3, 2, -1}, x234}
C{'Narrow_neglength2', {'Narrow', 2, 1, -2}, x234}
C{'Narrow_negdim', {'Narrow', -1, 2, 3}, x234}
C{'PrintSize', {'PrintSize', 'here'}, x234}
C{'Squeeze', {'Squeeze'}, det({2, 1, 3, 1})}
C{'Squeeze_dim', {'Squeeze', 2}, det({2, 1, 3, 1})}
C{'Unsqueeze', {'Unsqueeze', 2}, det({2, 3})}
C{'Replicate', {'Replicate', 3}, det({2, 3})}
C{'Replicate_dim', {'Replicate', 3, 2}, det({2, 3})}
C{'Transpose', {'Transpose', {1, 2}, {2, 3}}, x234}
C{'Padding', {'Padding', 2, 2}, det({2, 3})}
C{'Padding_neg', {'Padding', 2, -2, NIL, 1.5}, det({2, 3})}
C{'Padding_index', {'Padding', 1, 1, 2, 0, 2}, det({2, 3})}
C{'Collapse', {'Collapse', 2}, x234}
C{'Max', {'Max', 2}, x234}
C{'Max_nInputDims', {'Max', 1, 2}, x234}
C{'Min', {'Min', 3}, x234}
C{'Sum', {'Sum', 2}, x234}
C{'Sum_avg', {'Sum', 2, NIL, true}, x234}
C{'Sum_nosqueeze', {'Sum', 2, NIL, false, false}, x234}
C{'Mean', {'Mean', 3}, x234}
C{'Mean_nInputDims', {'Mean', 1, 2}, x234}
C{'MM', {'MM'}, {det({2, 3, 4}), det({2, 4, 2}, 1)}}
C{'MM_trans', {'MM', true, true}, {det({2, 4, 3}), det({2, 2, 4}, 1)}}
C{'MM_2d', {'MM'}, {det({3, 4}), det({4, 2}, 1)}}
C{'MV', {'MV'}, {det({2, 3, 4}), det({2, 4}, 1)}}
C{'MV_trans', {'MV', true}, {det({2, 4, 3}), det({2, 4}, 1)}}
C{'PixelShuffle', {'PixelShuffle', 2}, det({2, 8, 2, 3})}
C{'OneHot', {'OneHot', 5}, T{2, 5, 1}, noBackward = true}
C{'Constant', {'Constant', 2.5, 1}, det({3, 2})}
C{'Index', {'Index', 1}, {det({4, 3}), torch.LongTensor{2, 4, 1}}}
C{'MaskedSelect', {'MaskedSelect'}, {det({2, 3}), torch.ByteTensor{{1, 0, 1}, {0, 0, 1}}}}

----------------------------------------------------------------------------------------------------
family('tables')
local pair = {det({2, 3}), det({2, 3}, 1)}
C{'CAddTable', {'CAddTable'}, pair}
C{'CSubTable', {'CSubTable'}, pair}
C{'CMulTable', {'CMulTable'}, pair}
C{'CDivTable', {'CDivTable'}, {det({2, 3}), pos({2, 3}, 1)}}
C{'CMaxTable', {'CMaxTable'}, pair}
C{'CMinTable', {'CMinTable'}, pair}
C{'CAddTensorTable', {'CAddTensorTable'}, {det({2, 3}), {det({2, 3}, 1), det({2, 3}, 2)}}}
C{'SplitTable', {'SplitTable', 2}, det({2, 3})}
C{'SplitTable_batch', {'SplitTable', 1, 1}, det({2, 3})}
C{'JoinTable', {'JoinTable', 2}, pair}
C{'JoinTable_batch', {'JoinTable', 1, 1}, pair}
C{'SelectTable', {'SelectTable', 2}, {det({2}), det({3}, 1), det({1}, 2)}}
C{'SelectTable_neg', {'SelectTable', -1}, {det({2}), det({3}, 1), det({1}, 2)}}
C{'NarrowTable', {'NarrowTable', 2, 2}, {det({2}), det({3}, 1), det({1}, 2)}}
C{'FlattenTable', {'FlattenTable'}, {det({2}), {det({3}, 1), {det({1}, 2)}}}}
C{'MixtureTable', {'MixtureTable'}, {pos({2, 3}), det({2, 3, 4}, 1)}}
C{'MixtureTable_table', {'MixtureTable'}, {pos({2, 2}), {det({2, 4}, 1), det({2, 4}, 2)}}}
C{'ZipTable', {'ZipTable'}, {{det({2}), det({2}, 1)}, {det({2}, 2), det({2}, 3)}}}
C{'ZipTableOneToMany', {'ZipTableOneToMany'}, {det({2}), {det({2}, 1), det({2}, 2)}}}
C{'PairwiseDistance_2', {'PairwiseDistance', 2}, pair}
C{'PairwiseDistance_1', {'PairwiseDistance', 1}, pair}
C{'PairwiseDistance_1d', {'PairwiseDistance', 2}, {det({3}), det({3}, 1)}}
C{'DotProduct', {'DotProduct'}, pair}
C{'CosineDistance', {'CosineDistance'}, pair}
C{'CosineDistance_1d', {'CosineDistance'}, {det({3}), det({3}, 1)}}

----------------------------------------------------------------------------------------------------
family('containers')
C{'Sequential', {'Sequential', add = {{'Linear', 5, 4}, {'Tanh'}, {'Linear', 4, 2}}}, det({3, 5})}
C{'Concat', {'Concat', 2, add = {{'Linear', 5, 3}, {'Linear', 5, 2}}}, det({2, 5})}
C{'DepthConcat', {'DepthConcat', 2, add = {{'SpatialConvolution', 2, 3, 1, 1}, {'SpatialConvolution', 2, 2, 3, 3}}}, det({1, 2, 4, 4})}
C{'Parallel', {'Parallel', 2, 1, add = {{'Linear', 3, 2}, {'Linear', 3, 4}}}, det({3, 2})}
C{'ConcatTable', {'ConcatTable', add = {{'Linear', 5, 3}, {'Tanh'}}}, det({2, 5})}
C{'ParallelTable', {'ParallelTable', add = {{'Linear', 3, 2}, {'Sigmoid'}}}, {det({2, 3}), det({2, 2}, 1)}}
C{'MapTable', {'MapTable', {'Linear', 3, 2}}, {det({2, 3}), det({2, 3}, 1)}}
C{'Bottle', {'Bottle', {'Linear', 4, 3}}, det({2, 3, 4})}
C{'WeightNorm', {'WeightNorm', {'Linear', 5, 3}}, det({2, 5})}
C{'Decorator', {'Decorator', {'Linear', 5, 3}}, det({2, 5})}
C{'DontCast', {'DontCast', {'Linear', 5, 3}}, det({2, 5}), noFloat = true}
C{'NaN', {'NaN', {'Linear', 5, 3}}, det({2, 5})}
C{'Profile', {'Profile', {'Linear', 5, 3}, 1000, 'lin'}, det({2, 5})}
C{'GPU', {'GPU', {'Linear', 5, 3}, 1}, det({2, 5})}
C{'GPU_outdevice', {'GPU', {'Linear', 5, 3}, 2, 1}, det({2, 5})}
C{'Convert', {'Convert', 'bchw', 'bf'}, det({2, 3, 2, 2})}
C{'Copy', {'Copy', 'torch.DoubleTensor', 'torch.FloatTensor'}, det({2, 3})}
C{'SpatialLPPooling', {'SpatialLPPooling', 2, 2, 2, 2}, pos({2, 4, 4})}

----------------------------------------------------------------------------------------------------
family('temporal')
C{'TemporalConvolution', {'TemporalConvolution', 3, 2, 3}, det({6, 3})}
C{'TemporalConvolution_batch', {'TemporalConvolution', 3, 2, 3, 2}, det({2, 7, 3})}
C{'TemporalSubSampling', {'TemporalSubSampling', 3, 2, 2}, det({6, 3})}
C{'TemporalMaxPooling', {'TemporalMaxPooling', 2}, det({6, 3})}
C{'TemporalMaxPooling_batch', {'TemporalMaxPooling', 3, 1}, det({2, 6, 3})}
C{'TemporalDynamicKMaxPooling', {'TemporalDynamicKMaxPooling', 2}, det({2, 6, 3})}
C{'TemporalDynamicKMaxPooling_factor', {'TemporalDynamicKMaxPooling', 2, 0.5}, det({7, 3})}
C{'TemporalRowConvolution', {'TemporalRowConvolution', 3, 2}, det({2, 5, 3})}
C{'TemporalRowConvolution_featFirst', {'TemporalRowConvolution', 3, 2, 1, true}, det({2, 3, 5})}

----------------------------------------------------------------------------------------------------
family('spatial')
local img = det({2, 2, 5, 5})
C{'SpatialConvolution', {'SpatialConvolution', 2, 3, 3, 3}, det({2, 5, 5})}
C{'SpatialConvolution_batch', {'SpatialConvolution', 2, 3, 3, 2, 2, 1, 1, 0}, img}
C{'SpatialConvolution_nobias', {'SpatialConvolution', 2, 3, 3, 3, calls = {'noBias'}}, img}
C{'SpatialConvolutionMM', {'SpatialConvolutionMM', 2, 3, 3, 3, 1, 1, 1, 1}, img}
C{'SpatialConvolutionLocal', {'SpatialConvolutionLocal', 2, 3, 5, 5, 3, 3}, img}
C{'SpatialConvolutionMap', {'SpatialConvolutionMap', T({1, 1, 2, 1, 2, 2}, 3, 2), 3, 3}, det({2, 5, 5})}
C{'SpatialFullConvolution', {'SpatialFullConvolution', 2, 3, 3, 3, 2, 2, 1, 1, 1, 1}, img}
C{'SpatialFullConvolutionMap', {'SpatialFullConvolutionMap', T({1, 1, 2, 1, 2, 2}, 3, 2), 3, 3}, det({2, 4, 4})}
C{'SpatialDilatedConvolution', {'SpatialDilatedConvolution', 2, 3, 2, 2, 1, 1, 1, 1, 2, 2}, img}
C{'SpatialDepthWiseConvolution', {'SpatialDepthWiseConvolution', 2, 2, 3, 3}, img}
C{'SpatialDepthWiseConvolution_3d', {'SpatialDepthWiseConvolution', 2, 3, 2, 2, 1, 1, 1, 1}, det({2, 5, 5})}
C{'SpatialDepthWiseConvolution_nobias', {'SpatialDepthWiseConvolution', 2, 2, 3, 3, 2, 2, calls = {'noBias'}}, img}
C{'SpatialSubSampling', {'SpatialSubSampling', 2, 2, 2, 2, 2}, img}
C{'SpatialMaxPooling', {'SpatialMaxPooling', 2, 2}, img}
C{'SpatialMaxPooling_pad', {'SpatialMaxPooling', 3, 3, 2, 2, 1, 1}, img}
C{'SpatialMaxPooling_ceil', {'SpatialMaxPooling', 2, 2, 2, 2, calls = {'ceil'}}, det({2, 2, 5, 5})}
C{'SpatialAveragePooling_ceil', {'SpatialAveragePooling', 2, 2, 2, 2, calls = {'ceil'}}, img}
C{'SpatialAveragePooling_nocount', {'SpatialAveragePooling', 3, 3, 2, 2, 1, 1, calls = {'setCountExcludePad'}}, img}
C{'SpatialDilatedMaxPooling', {'SpatialDilatedMaxPooling', 2, 2, 1, 1, 0, 0, 2, 2}, img}
C{'SpatialAveragePooling', {'SpatialAveragePooling', 2, 2, 2, 2}, img}
C{'SpatialAveragePooling_pad', {'SpatialAveragePooling', 3, 3, 2, 2, 1, 1}, img}
C{'SpatialAveragePooling_3d', {'SpatialAveragePooling', 2, 2, 1, 1}, det({2, 5, 5})}
C{'SpatialAdaptiveMaxPooling', {'SpatialAdaptiveMaxPooling', 2, 3}, img}
C{'SpatialAdaptiveAveragePooling', {'SpatialAdaptiveAveragePooling', 2, 3}, img}
C{'SpatialMaxUnpooling', {'Sequential', add = {{'SpatialMaxPooling', 2, 2}, {'SpatialMaxUnpooling', {'@', 1}}}}, img}
C{'SpatialMaxUnpooling_3d', {'Sequential', add = {{'SpatialMaxPooling', 2, 2}, {'SpatialMaxUnpooling', {'@', 1}}}}, det({2, 4, 6})}
C{'SpatialFractionalMaxPooling', {'SpatialFractionalMaxPooling', 2, 2, 3, 4}, det({2, 2, 7, 8}), seed = 5}
C{'SpatialFractionalMaxPooling_ratio', {'SpatialFractionalMaxPooling', 3, 2, 0.5, 0.6}, det({2, 9, 8}), seed = 6}
C{'SpatialSubtractiveNormalization', {'SpatialSubtractiveNormalization', 2, T{1, 2, 1}}, det({2, 5, 5})}
C{'SpatialDivisiveNormalization', {'SpatialDivisiveNormalization', 2, T{1, 2, 1}}, det({2, 5, 5})}
C{'SpatialContrastiveNormalization', {'SpatialContrastiveNormalization', 2, T{1, 2, 1}}, det({2, 5, 5})}
C{'SpatialCrossMapLRN', {'SpatialCrossMapLRN', 3}, det({2, 4, 3, 3})}
C{'SpatialZeroPadding', {'SpatialZeroPadding', 1, 2, -1, 1}, img}
C{'SpatialReflectionPadding', {'SpatialReflectionPadding', 1, 2, 2, 1}, img}
C{'SpatialReplicationPadding', {'SpatialReplicationPadding', 1, 2, 2, 1}, img}
C{'SpatialUpSamplingNearest', {'SpatialUpSamplingNearest', 2}, img}
C{'SpatialUpSamplingBilinear', {'SpatialUpSamplingBilinear', 2}, img}
C{'UpSampling', {'UpSampling', 2}, img}
C{'UpSampling_linear', {'UpSampling', 2, 'linear'}, img}
C{'FeatureLPPooling', {'FeatureLPPooling', 2, 1, 2, 1}, pos({2, 4, 3})}

----------------------------------------------------------------------------------------------------
family('volumetric')
local vol = det({2, 2, 4, 4, 4})
C{'VolumetricConvolution', {'VolumetricConvolution', 2, 3, 2, 2, 2}, vol}
C{'VolumetricConvolution_4d', {'VolumetricConvolution', 2, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1}, det({2, 4, 4, 4})}
C{'VolumetricFullConvolution', {'VolumetricFullConvolution', 2, 3, 2, 2, 2, 2, 2, 2}, vol}
C{'VolumetricDilatedConvolution', {'VolumetricDilatedConvolution', 2, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2}, vol}
C{'VolumetricMaxPooling', {'VolumetricMaxPooling', 2, 2, 2}, vol}
C{'VolumetricDilatedMaxPooling', {'VolumetricDilatedMaxPooling', 2, 2, 2, 1, 1, 1, 0, 0, 0, 2, 2, 2}, vol}
C{'VolumetricAveragePooling', {'VolumetricAveragePooling', 2, 2, 2}, vol}
C{'VolumetricReplicationPadding', {'VolumetricReplicationPadding', 1, 0, 2, 1, 0, 1}, vol}
C{'VolumetricMaxUnpooling', {'Sequential', add = {{'VolumetricMaxPooling', 2, 2, 2}, {'VolumetricMaxUnpooling', {'@', 1}}}}, vol}
C{'VolumetricMaxUnpooling_4d', {'Sequential', add = {{'VolumetricMaxPooling', 1, 2, 2}, {'VolumetricMaxUnpooling', {'@', 1}}}}, det({2, 3, 4, 4})}
C{'VolumetricFractionalMaxPooling', {'VolumetricFractionalMaxPooling', 2, 2, 2, 3, 3, 2}, det({2, 2, 5, 6, 5}), seed = 7}
C{'VolumetricFractionalMaxPooling_ratio', {'VolumetricFractionalMaxPooling', 2, 2, 2, 0.5, 0.6, 0.7}, det({2, 6, 5, 7}), seed = 8}
C{'UpSampling_5d', {'UpSampling', 2}, det({2, 2, 2, 3, 2})}
C{'UpSampling_5d_linear', {'UpSampling', 2, 'linear'}, det({2, 2, 2, 3, 2})}

----------------------------------------------------------------------------------------------------
family('criterions')
local p = det({3, 4}, 0, 1.5)
local logp = nn.LogSoftMax():forward(p):clone()
local prob = nn.SoftMax():forward(p):clone()
local cls = T{2, 4, 1}
local pm = T({1, -1, 1, -1, -1, 1, 1, 1, -1, 1, -1, -1}, 3, 4)
local tgt = det({3, 4}, 1)
local w4 = T{0.5, 1, 2, 1.5}
for _, avg in ipairs{true, false} do
   local s = avg and '' or '_sum'
   K{'MSECriterion' .. s, {'MSECriterion', avg}, p, tgt}
   K{'AbsCriterion' .. s, {'AbsCriterion', avg}, p, tgt}
   K{'SmoothL1Criterion' .. s, {'SmoothL1Criterion', avg}, p, tgt}
   K{'ClassNLLCriterion' .. s, {'ClassNLLCriterion', NIL, avg}, logp, cls}
   K{'ClassNLLCriterion_weights' .. s, {'ClassNLLCriterion', w4, avg}, logp, cls}
   K{'CrossEntropyCriterion' .. s, {'CrossEntropyCriterion', NIL, avg}, p, cls}
   K{'DistKLDivCriterion' .. s, {'DistKLDivCriterion', fields = {sizeAverage = avg}}, logp, prob:t():contiguous():view(3, 4)}
   K{'BCECriterion' .. s, {'BCECriterion', NIL, avg}, prob, pos({3, 4}, 2, 0, 1)}
   K{'BCECriterion_weights' .. s, {'BCECriterion', w4, avg}, prob, pos({3, 4}, 2, 0, 1)}
   K{'MarginCriterion' .. s, {'MarginCriterion', 1, fields = {sizeAverage = avg}}, p, pm}
   K{'SoftMarginCriterion' .. s, {'SoftMarginCriterion', fields = {sizeAverage = avg}}, p, pm}
   K{'MultiLabelMarginCriterion' .. s, {'MultiLabelMarginCriterion', fields = {sizeAverage = avg}}, p, T({2, 3, 0, 0, 1, 0, 0, 0, 4, 1, 2, 3}, 3, 4)}
   K{'HingeEmbeddingCriterion' .. s, {'HingeEmbeddingCriterion', 1, fields = {sizeAverage = avg}}, det({5}, 0, 2), T{1, -1, -1, 1, -1}}
   K{'SpatialClassNLLCriterion' .. s, {'SpatialClassNLLCriterion', NIL, avg}, nn.SpatialLogSoftMax():forward(det({2, 3, 2, 2})):clone(), T({1, 3, 2, 2, 3, 1, 1, 2}, 2, 2, 2)}
   -- Torch7's backward fails when the sizes differ (it compares gradOutput with the uncropped input): forward only.
   K{'SpatialAutoCropMSECriterion' .. s, {'SpatialAutoCropMSECriterion', avg}, det({2, 2, 2, 2}), det({2, 2, 4, 4}, 1), noBackward = true}
   K{'SpatialAutoCropMSECriterion_same' .. s, {'SpatialAutoCropMSECriterion', avg}, det({2, 2, 3, 3}), det({2, 2, 3, 3}, 1)}
   K{'DistanceRatioCriterion' .. s, {'DistanceRatioCriterion', avg}, {pos({4}), pos({4}, 1)}, nil}
end
K{'ClassNLLCriterion_1d', {'ClassNLLCriterion'}, logp[2], 3}
K{'CrossEntropyCriterion_1d', {'CrossEntropyCriterion'}, p[2], 3}
K{'ClassSimplexCriterion', {'ClassSimplexCriterion', 4}, p, cls}
K{'MultiMarginCriterion', {'MultiMarginCriterion'}, p, cls}
K{'MultiMarginCriterion_p2', {'MultiMarginCriterion', 2}, p, cls}
K{'MultiMarginCriterion_weights', {'MultiMarginCriterion', 1, w4, 0.5}, p, cls}
K{'MultiMarginCriterion_1d', {'MultiMarginCriterion'}, p[1], 2}
K{'MultiLabelSoftMarginCriterion', {'MultiLabelSoftMarginCriterion'}, p, pos({3, 4}, 2, 0, 1):round()}
K{'MultiLabelSoftMarginCriterion_weights', {'MultiLabelSoftMarginCriterion', w4}, p, pos({3, 4}, 2, 0, 1):round()}
K{'L1HingeEmbeddingCriterion', {'L1HingeEmbeddingCriterion', 2}, {det({4}), det({4}, 1)}, -1}
K{'L1HingeEmbeddingCriterion_pos', {'L1HingeEmbeddingCriterion', 2}, {det({4}), det({4}, 1)}, 1}
K{'CosineEmbeddingCriterion', {'CosineEmbeddingCriterion', 0.2}, {det({3, 4}), det({3, 4}, 1)}, T{1, -1, -1}}
K{'MarginRankingCriterion', {'MarginRankingCriterion', 0.5}, {det({4}), det({4}, 1)}, T{1, -1, 1, -1}}
K{'MarginRankingCriterion_1d', {'MarginRankingCriterion', 0.5}, {T{0.3}, T{0.6}}, 1}
K{'L1Cost', {'L1Cost'}, p, nil}
K{'WeightedMSECriterion', {'WeightedMSECriterion', tgt[1]}, p[2], det({4}, 2)}
K{'MultiCriterion', {'MultiCriterion', add = {{'MSECriterion', weight = 0.5}, {'AbsCriterion', weight = 2}}}, p, tgt}
K{'ParallelCriterion', {'ParallelCriterion', add = {{'MSECriterion', weight = 0.5}, {'ClassNLLCriterion'}}}, {p, logp}, {tgt, cls}}
C{'CriterionTable', {'CriterionTable', {'MSECriterion'}}, {p, tgt}, gradOutput = T{1}}
K{'ModuleCriterion', {'ModuleCriterion', {'ClassNLLCriterion'}, {'LogSoftMax'}}, p, cls}

----------------------------------------------------------------------------------------------------
family('training')
-- A StochasticGradient run: S{name, module spec, criterion spec, dataset, fields =, seed =}
local function S(c)
   c.name, c.spec, c.criterionSpec, c.dataset = c[1], c[2], c[3], c[4]
   c[1], c[2], c[3], c[4] = nil, nil, nil, nil
   c.trainer = true
   current[#current + 1] = c
end
local regression, classes = {}, {}
for i = 1, 5 do
   regression[i] = {det({3}, i), det({2}, i + 0.5)}
   classes[i] = {det({3}, 2 * i), (i % 3) + 1}
end
S{'StochasticGradient', {'Linear', 3, 2}, {'MSECriterion'}, regression, fields = {learningRate = 0.05, maxIteration = 3}, seed = 1}
S{'StochasticGradient_noshuffle', {'Sequential', add = {{'Linear', 3, 4}, {'Tanh'}, {'Linear', 4, 3}, {'LogSoftMax'}}}, {'ClassNLLCriterion'},
  classes, fields = {learningRate = 0.2, learningRateDecay = 0.5, maxIteration = 4, shuffleIndices = false}, seed = 2}
S{'StochasticGradient_quiet', {'Linear', 3, 2}, {'AbsCriterion'}, regression, fields = {learningRate = 0.1, maxIteration = 2, verbose = false}, seed = 3}

local function runTrainer(c, typename)
   local m = build(c.spec):type(typename)
   local k = build(c.criterionSpec):type(typename)
   local params = setParams(m)
   local dataset = oracle.convert(oracle.clone(c.dataset), typename)
   local r = {spec = c.spec, criterionSpec = c.criterionSpec, type = typename, trainer = true, fields = c.fields, seed = c.seed,
              params = params, dataset = oracle.clone(dataset)}
   dataset.size = function() return #c.dataset end
   local trainer = nn.StochasticGradient(m, k)
   for key, v in pairs(c.fields) do trainer[key] = v end
   r.printed = capturePrint(function()
      torch.manualSeed(c.seed)
      trainer:train(dataset)
   end)
   r.paramsAfter = oracle.clone(m:parameters())
   return r
end

----------------------------------------------------------------------------------------------------
for _, f in ipairs(families) do
   local out = {}
   for _, c in ipairs(f.cases) do
      for _, typename in ipairs(c.noFloat and {'torch.DoubleTensor'} or {'torch.DoubleTensor', 'torch.FloatTensor'}) do
         local key = c.name .. (typename == 'torch.FloatTensor' and '_float' or '')
         local ok, r = pcall(c.trainer and runTrainer or c.criterion and runCriterion or runModule, c, typename)
         if ok then out[key] = r else print('SKIPPED ' .. key .. ': ' .. tostring(r)) end
      end
   end
   oracle.save('nn-' .. f.name, out)
end
