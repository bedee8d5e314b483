#!/usr/bin/env python3
"""Regenerates docs/coverage/nn.md from the classes in src/Torch.Nn and the tests that use them."""
import os, re, glob
root=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
src={}
for f in glob.glob(root+'/src/Torch.Nn/**/*.cs', recursive=True):
    if '/obj/' in f or '/bin/' in f: continue
    s=open(f).read()
    m=re.search(r'public (?:sealed |abstract )?class (\w+)', s)
    if m: src[m.group(1)]=(os.path.relpath(f, root), s)
tests={}
for f in glob.glob(root+'/tests/Torch.Nn.Tests/**/*.cs', recursive=True):
    if '/obj/' in f or '/bin/' in f: continue
    s=open(f).read()
    tests[os.path.basename(f)]=s
def tested(name):
    r=[]
    for fn,s in tests.items():
        if re.search(r'\bnn\.'+name+r'\(', s) or re.search(r'\bnew '+name+r'\(', s): r.append(fn.replace('.cs',''))
    return ', '.join(sorted(r))
def kind(name):
    """The class's declared Gradient (its own or its nearest base's); containers delegate to their children."""
    f,s=src[name]
    if '/Containers/' in f: return 'children'
    m = re.search(r'override Gradient Gradient => Gradient\.(\w+)', s)
    if m: return 'explicit' if m.group(1) == 'Formulas' else 'autograd'
    b = re.search(r'class '+name+r'\s*:\s*(\w+)', s)
    if b and b.group(1) in src and b.group(1) not in ('Module', 'Criterion'): return kind(b.group(1))
    if 'override double UpdateOutput' in s: return 'explicit'
    return 'autograd'
# the Lua classes are those with an nn factory at the end of their file; sections are the folders of their families
sections = {"Containers": "Containers and decorators", "Layers": "Simple layers", "Shape": "Shape, selection, misc",
            "Normalization": "Normalization", "Transfer": "Transfer functions", "Temporal": "Temporal", "Spatial": "Spatial",
            "Volumetric": "Volumetric", "Tables": "Table layers", "Criterions": "Criterions", "Graph": "Graph (nngraph)", ".": "Training"}
groups = [("Bases", ["Module", "Container", "Decorator", "Criterion"])]
for folder, title in sections.items():
    names = sorted(n for n, (f, s) in src.items()
                   if os.path.dirname(f) == os.path.normpath('src/Torch.Nn/' + folder) and re.search(r'public static ' + n + ' ' + n + r'\(', s))
    names += [n for n in ('StochasticGradient',) if folder == '.']
    if names: groups.append((title, names))
lines=["# nn coverage (reference §2.2 and §2.1)","",
"Every nn class of this library (those with a factory `nn.X(...)` at the end of their file), grouped by the folder of its family.",
"**Gradient** is what the class declares as its `Gradient`: *explicit* (`Gradient.Formulas`: UpdateGradInput/AccGradParameters written",
"out, as Lua's, into reused buffers, no autograd graph), *autograd* (`Gradient.Autograd`: libtorch autograd over the forward; a training",
"forward records the graph on leaves that share the input's and parameters' storage, any other forward replays it), or *children*",
"(containers). For criterions, *explicit* means UpdateOutput/UpdateGradInput are written out, *autograd* that the gradient comes from `Loss`.",
"**Checked** names the test classes (tests/Torch.Nn.Tests) that compare the module with Torch7's fixtures, hand-computed values and/or",
"central finite differences (`Jacobian.TestJacobian`, `TestJacobianParameters`, `TestJacobianUpdateParameters`, `TestCriterion`,",
"`TestAllUpdate`, `TestBatchVsSingle`) in double within 1e-5 (1.1e-4 for SoftMax/SoftMin/SpatialSoftMax, 1e-3 LogSoftMax, as test.lua).",
""]
impl=0; total=0
for g, names in groups:
    lines.append(f"## {g}"); lines.append("")
    lines.append("| Lua class | C# | status | gradient | checked in |"); lines.append("|---|---|---|---|---|")
    for n in names:
        total+=1
        if n in src:
            impl+=1
            k = '—' if n in ('Module','Container','Decorator','Criterion') else kind(n)
            if n in ('Module','Criterion'): k='base (autograd default)'
            t = tested(n) or ('ModuleTests' if n in ('Module','Container') else 'CriterionTests' if n=='Criterion' else '')
            lines.append(f"| nn.{n} | `{src[n][0]}` | implemented | {k} | {t} |")
        else:
            lines.append(f"| nn.{n} | — | not implemented | | |")
    lines.append("")
lines.insert(10, f"Classes listed: **{impl}**.\n")
lines.insert(11, """**Against real Torch7**: `OracleNnTests` runs every case of `tests/Oracle/nn-*.t7` (written by `tools/torch7/fixtures-nn.lua`,
which says how to regenerate them; batch and non-batch, with/without bias, train/evaluate, sizeAverage true/false, each in double
and float): output, gradInput, gradWeight/gradBias and `tostring`, within 1e-12 in double; a float criterion's loss must be
Torch7's number exactly. The few cases that differ on purpose are listed in the test with their reason (docs/decisions.md).
The random-noise layers in training mode are checked by the random streams' fixtures (`RandomModuleTests`).
""")
lines += ["## Module interface (§2.1)", "",
"| Lua | C# | status / test |","|---|---|---|",
"| forward, backward(input, gradOutput, scale=1), updateOutput, updateGradInput, accGradParameters | `Forward`, `Backward`, `UpdateOutput`, `UpdateGradInput`, `AccGradParameters`; a class whose Lua backward is its own overrides `BackwardPass` (Sequential: each child's backward in turn; BatchNormalization: one kernel call; CReLU) | implemented; SequentialTests, LinearTests, ModuleTests, BackwardPassTests |",
"| backwardUpdate, accUpdateGradParameters (shared variant after share) | `BackwardUpdate`, `AccUpdateGradParameters` | implemented; Jacobian.TestJacobianUpdateParameters and TestAllUpdate in LinearTests, CoverageGradientTests |",
"| zeroGradParameters, updateParameters(lr), parameters() | `ZeroGradParameters`, `UpdateParameters`, `Parameters()` (empty lists for Lua's nil) | implemented; ModuleTests |",
"| getParameters (flat storage, Lua layout, hole compaction, sharing check) | `GetParameters()` | implemented; ModuleTests.GetParameters* |",
"| training(), evaluate(), train field | `Training()`, `Evaluate()`, `Train` | implemented; ModuleTests, LayerTests (BN, Dropout) |",
"| share(m, names...), clone(names...) | `Share`, `Clone(params string[])` (Lua field names: \"weight\", \"running_mean\"...) | implemented; ModuleTests |",
"| type(t), float(), double(), cuda() (sharing kept) | `Type(string)`, `Type()`, `Float()`, `Double()`, `Cuda()` | implemented; ModuleTests.TypeConvertsAndKeepsSharing (CUDA throws without a GPU) |",
"| reset([stdv]) | `Reset(double?)` | implemented (Torch7's U(±1/sqrt(fanIn)), BN U(0,1)/0, LookupTable N(0,1)); LinearTests |",
"| apply, listModules, findModules, replace, clearState | `Apply`, `ListModules`, `FindModules`, `Replace`, `ClearState` | implemented; ModuleTests |",
"| __tostring__ | `ToString()` (Sequential, ConcatTable, Linear, convolutions, pooling, View, BN, Dropout texts of Torch7) | implemented; SequentialTests, TableTests, LayerTests |",
"| Container add/get/size, Sequential insert/remove, rethrowErrors | `Add`, `Get(i)`, `Size()`, `Insert`, `Remove`; errors prefixed \"In i module of nn.X:\" | implemented; SequentialTests |",
"| Criterion forward/backward/updateOutput/updateGradInput/sizeAverage/clone/type | same names, `SizeAverage` | implemented; CriterionTests |",
"| Module.flatten | `Module.Flatten(List<Tensor>)` (used by GetParameters) | implemented; ModuleTests.GetParameters* |",
"| write/read (serialization), __call__ | `torch.Save`/`torch.Load` of modules and criterions (Torch7's .t7 layout, `Internal/ModuleFiles.cs`); nngraph's `Call` | implemented; ModuleFileTests (Torch7's linear_5_3.t7 and seq_conv.t7), TestIOTests, GModuleTests |",
"| nn.Jacobian (forward, backward, backwardUpdate, testJacobian, testJacobianParameters, testJacobianUpdateParameters, criterion test, testAllUpdate, testIO, batch compare) | `Jacobian.*` | implemented; used throughout the tests; `TestIO` (a round trip through Torch7's binary format) in TestIOTests |",
"| nn.utils (recursiveType/ResizeAs/Fill/Add/Copy, addSingletonDimension, contiguousView, clear) | `nn.utils.*` | implemented; UtilsTests |",
"| nn.hessian, nn.oldSeed | — | not implemented: the diagonal-Hessian extension (hessian.lua) patches every module class at run time, and oldSeed only changes how Lua's own generator is drawn (random streams differ from Torch7's anyway) |",
"",
"## Design notes",
"- Module I/O is `Torch.LuaValue` (a Tensor or a Table); `Output`/`GradInput` are the module's own buffers, overwritten by the next call.",
"- Each module declares its backward (`Gradient`, the column above); the 10-10-1 tanh MLP step (explicit path) runs faster than the",
"  same step in raw TorchSharp.",
"- A training forward of an autograd module records its graph on leaves that share storage but not version counters with the input",
"  and parameters: changing weights between forward and backward (Hogwild) can neither abort libtorch's version check nor go stale —",
"  the backward reads the current values, as Lua's does. Evaluate() forwards record nothing.",
"- Lua field names: every Lua field is a public member named by the rule `Fields.Pascal` (\"weight\" -> `Weight`, \"running_mean\" ->",
"  `RunningMean`, \"kW\" -> `KW`, \"nInputPlane\" -> `NInputPlane`, \"size\" -> `Size`), which Share/Clone use and a .t7 serializer can use;",
"  the one exception is nn.Threshold's `threshold`/`val`, named `Th`/`Val` (a member may not share its class's name).",
"- Lua's idiom `m.gradInput = nil` (C#: `m.GradInput = LuaValue.Nil`) skips the input gradient of a first layer; with it a LeNet",
"  step runs at about 1.2-1.3x raw TorchSharp on this shared 2-core machine (without it libtorch spends most of the extra time",
"  computing the first convolution's unused input gradient, which raw TorchSharp never computes).",
"- Caveat for custom modules with an autograd backward: a forward must not modify in place a tensor that libtorch saved for the",
"  backward (e.g. `var y = x.Raw.exp(); y.add_(1)`): libtorch's version check then throws inside TorchSharp's autograd call, which",
"  terminates the process instead of raising. The library's own modules never do this, and the recorded graphs use their own",
"  version counters so that changes made from outside (weights, inputs) cannot trigger it. Any other error inside autograd surfaces.",
"- Choices where DESIGN.md is silent: `Parameters()` returns empty lists instead of nil; `Threshold`/`ReLU` in-place mode writes into",
"  the input as Lua; `Reshape(long[] sizes, bool batchMode)`; `Transpose(params int[][])`",
"  (Lua builds it as a Sequential) with the same numbers; ClassNLLCriterion also takes a B x C x 1 x 1 (or C x 1 x 1) pooled map as",
"  B x C (C) scores, so the DESIGN snippet that feeds a max-pooled output straight to it works (Lua would refuse a 4-D input);",
"  random layers (Dropout, RReLU, WhiteNoise, fractional pooling, nn.tables.random) draw from libtorch's generator, so their",
"  samples differ from Lua's for the same seed.",
]
open(os.path.join(root, 'docs', 'coverage', 'nn.md'), 'w').write('\n'.join(lines)+'\n')
print(impl,total)
