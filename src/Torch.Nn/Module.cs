using Torch.Nn.Internal;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.Module</c>: the base of every layer. <see cref="UpdateOutput"/> computes <see cref="Output"/>; each module declares
/// how its backward is computed (<see cref="Gradient"/>): by libtorch autograd over that forward (the default), or by its own
/// <see cref="UpdateGradInput"/> / <see cref="AccGradParameters"/> formulas, as Lua modules do.
/// </summary>
/// <remarks>Example: <c>var m = nn.Linear(10, 5); Tensor y = m.Forward(x); m.Backward(x, gradY);</c></remarks>
public class Module
{
    /// <summary>The output buffer (a Tensor or a Table), overwritten by the next forward. Example: <c>Tensor y = m.Output;</c></summary>
    public LuaValue Output = torch.Tensor();

    /// <summary>The gradient with respect to the input, overwritten by the next backward. Example: <c>Tensor gi = m.GradInput;</c></summary>
    public LuaValue GradInput = torch.Tensor();

    /// <summary>Training mode flag (Lua's <c>train</c>): Dropout and BatchNormalization behave differently when false.
    /// Example: <c>m.Evaluate(); bool t = m.Train; // false</c></summary>
    public bool Train = true;

    /// <summary>The weight parameter (Lua's <c>weight</c>), null for modules without one. Example: <c>Tensor w = lin.Weight;</c></summary>
    public Tensor Weight = null!;

    /// <summary>The bias parameter (Lua's <c>bias</c>), null when absent. Example: <c>Tensor b = lin.Bias;</c></summary>
    public Tensor Bias = null!;

    /// <summary>The accumulated weight gradient (Lua's <c>gradWeight</c>). Example: <c>Tensor gw = lin.GradWeight;</c></summary>
    public Tensor GradWeight = null!;

    /// <summary>The accumulated bias gradient (Lua's <c>gradBias</c>). Example: <c>Tensor gb = lin.GradBias;</c></summary>
    public Tensor GradBias = null!;

    /// <summary>Set by <see cref="Share"/>: accUpdateGradParameters then zeroes, accumulates and updates (Lua's sharedAccUpdateGradParameters).</summary>
    internal bool SharedParameters;

    /// <summary>The autograd graph of the last training forward, then the gradients of its backward (modules with
    /// <see cref="Gradient.Autograd"/> only).</summary>
    internal Recording? Recorded;

    /// <summary>The Lua fields this class does not model, written back when the module is saved: those a loaded file had
    /// (Lua-only buffers such as addBuffer or finput), or those Lua's constructor makes for its own code (Add's <c>_ones</c>),
    /// which a constructor here puts in, so that Torch7 can run a file written here.</summary>
    internal Table? LuaRest;

    /// <summary>Adds fields Lua's constructor makes for its own code to <see cref="LuaRest"/>, so that the file of an object
    /// made here runs in Torch7. Example: <c>LuaOnly(("_ones", torch.Tensor(new[] { 1.0 })));</c></summary>
    internal void LuaOnly(params (string Name, object Value)[] fields) => LuaFields.AddTo(ref LuaRest, fields);

    /// <summary>Starts <see cref="Output"/> and/or <see cref="GradInput"/> as empty tables, as the Lua constructor of a table module
    /// does: Torch7's code indexes them, so a module saved before its first forward must hold tables to run there.
    /// Example: <c>public ZipTable() => LuaTables(output: true, gradInput: true);</c></summary>
    internal void LuaTables(bool output, bool gradInput)
    {
        if (output) Output = new Table();
        if (gradInput) GradInput = new Table();
    }

    /// <summary>
    /// Lists what this module is made of, once, with the kind of each field (see <see cref="Members"/>): clone, share, type
    /// conversion, ClearState, Parameters(), saving and loading all run through it. A subclass with fields overrides it, calls
    /// the base first and declares every instance field it adds; a class whose fields are not declared cannot be cloned, converted
    /// or saved (an error says so). Example: <c>protected override void Declare(Members m) { base.Declare(m); m.Field("p", ref P); }</c>
    /// </summary>
    protected internal virtual void Declare(Members m)
    {
        m.Buffer("output", ref Output);
        m.Buffer("gradInput", ref GradInput);
        m.Field("train", ref Train);
        if (m is Reading r && r.IsNil("train")) Train = NilTrain; // Lua's constructors leave train nil unless they set it
        m.Parameter("weight", ref Weight, "gradWeight", ref GradWeight);
        m.Parameter("bias", ref Bias, "gradBias", ref GradBias);
        string type = Type(); // Lua keeps _type; here the tensors say it, so it is written but never read back
        m.Field("_type", ref type);
        m.State(ref SharedParameters);
        m.State(ref LuaRest);
        m.Cache(ref Recorded);
    }

    /// <summary>What this module's Lua code makes of a nil <c>train</c> (a file saved before any training()/evaluate()): most
    /// modules test <c>if self.train</c> (nil: evaluation); WhiteNoise, WeightNorm and LinearWeightNorm test
    /// <c>self.train ~= false</c> (nil: training). Example: <c>protected internal override bool NilTrain => true;</c></summary>
    protected internal virtual bool NilTrain => false;

    /// <summary>What Lua's <c>read(file, version)</c> does once the fields are set: upgrades a file written by an older version of
    /// the class (BatchNormalization's running_std, GradientReversal's lambda...), or rebuilds what Lua's own write left out
    /// (WeightNorm's weight). Nothing by default. Example: <c>protected internal override void AfterRead(int version) { if (version &lt; 2) Lambda = 1; }</c></summary>
    protected internal virtual void AfterRead(int version) { }

    /// <summary>How type conversion reaches this module inside a tree: by default every declared tensor is converted; DontCast
    /// and GPU change it, as their Lua type() does.</summary>
    internal virtual void ConvertBy(Converting c) => c.Visit(this);

    // ---------------------------------------------------------------- forward and backward

    /// <summary>Computes the output for <paramref name="input"/> (Lua's <c>forward</c>). Example: <c>Tensor y = net.Forward(x);</c></summary>
    public LuaValue Forward(LuaValue input) => Run(input);

    /// <summary>How this module's backward is computed, declared by each module: <see cref="Gradient.Formulas"/> (the default, as Lua
    /// modules are written: its own <see cref="UpdateGradInput"/> and <see cref="AccGradParameters"/>; where it writes no
    /// UpdateGradInput, Module's runs its forward again under autograd) or <see cref="Gradient.Autograd"/> (it writes only its forward,
    /// and a training forward records the autograd graph so that the backward need not run the forward again). Every nn class
    /// declares it; a user's module that writes only a forward may declare Autograd to save that second forward.
    /// Example: <c>protected internal override Gradient Gradient => Gradient.Autograd;</c></summary>
    protected internal virtual Gradient Gradient => Gradient.Formulas;

    /// <summary>The forward as containers run it: a training forward of a module with an autograd backward records its graph, so the
    /// backward need not run it again; any other forward is <see cref="UpdateOutput"/>.</summary>
    internal LuaValue Run(LuaValue input)
    {
        try
        {
            if (!Train || Gradient != Gradient.Autograd) return UpdateOutput(input);
            Recorded?.Dispose();
            Recorded = null;
            Recorded = Recording.Record(this, input, replay: false);
            return Output;
        }
        catch (Exception e) when (NnError.Translate(e, this, $"the input {ValueText(input)}") is { } t) { throw t; }
    }

    internal static string ValueText(LuaValue v) => v.Object is Tensor t ? $"{t.Type()} of size {t.SizeString()}" : v.Describe();

    /// <summary>UpdateGradInput then AccGradParameters(scale); returns <see cref="GradInput"/> (Lua's <c>backward</c>).
    /// Example: <c>net.Backward(x, crit.Backward(y, t));</c></summary>
    public LuaValue Backward(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        try { return BackwardPass(input, gradOutput, scale); }
        catch (Exception e) when (NnError.Translate(e, this, $"the gradOutput {ValueText(gradOutput)} for the input {ValueText(input)}") is { } t) { throw t; }
    }

    /// <summary>What <see cref="Backward"/> computes, Lua's <c>backward</c>: UpdateGradInput then AccGradParameters(scale). A module
    /// whose Lua class writes its own backward overrides it, as Sequential (each child's backward in turn, the last first) and
    /// BatchNormalization (the three gradients in one pass) do.
    /// Example: <c>protected internal override LuaValue BackwardPass(LuaValue x, LuaValue g, double scale) { ... return GradInput; }</c></summary>
    protected internal virtual LuaValue BackwardPass(LuaValue input, LuaValue gradOutput, double scale)
    {
        UpdateGradInput(input, gradOutput);
        AccGradParameters(input, gradOutput, scale);
        return GradInput;
    }

    /// <summary>UpdateGradInput then AccUpdateGradParameters(lr) (Lua's <c>backwardUpdate</c>). Example: <c>m.BackwardUpdate(x, g, 0.01);</c></summary>
    public LuaValue BackwardUpdate(LuaValue input, LuaValue gradOutput, double learningRate)
    {
        try
        {
            UpdateGradInput(input, gradOutput);
            AccUpdateGradParameters(input, gradOutput, learningRate);
            return GradInput;
        }
        catch (Exception e) when (NnError.Translate(e, this, $"the gradOutput {ValueText(gradOutput)} for the input {ValueText(input)}") is { } t) { throw t; }
    }

    /// <summary>Computes <see cref="Output"/> from <paramref name="input"/>; override it to write a module.
    /// Example: <c>public override LuaValue UpdateOutput(LuaValue input) => Emit(input.AsTensor.Raw * 2);</c></summary>
    public virtual LuaValue UpdateOutput(LuaValue input) => Output;

    /// <summary>Computes <see cref="GradInput"/>; for a module that does not write its own, by libtorch autograd over
    /// <see cref="UpdateOutput"/> (the graph its training forward recorded, with <see cref="Gradient.Autograd"/>; else a replayed
    /// forward). Example: <c>m.UpdateGradInput(x, gradOutput);</c></summary>
    public virtual LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var r = Graph(input);
        r.Backward(this, input, gradOutput);
        return Buffers.Store(ref GradInput, r.GradInput);
    }

    /// <summary>Adds <paramref name="scale"/> times the parameter gradients to GradWeight/GradBias; for a module without its own, from
    /// the same autograd backward as <see cref="UpdateGradInput"/> (none for a module with formulas: Lua's default).
    /// Example: <c>m.AccGradParameters(x, gradOutput, 1);</c></summary>
    public virtual void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        var r = Recorded is { } p && p.Holds(input, gradOutput) ? p : null; // the autograd backward of Module's UpdateGradInput
        if (r is not null || Gradient == Gradient.Autograd) // else nothing to add: no walk of the fields for the parameters
        {
            var grads = Parameters().GradParams;
            if (r is null && grads.Count > 0)
            {
                r = Graph(input);
                r.Backward(this, input, gradOutput);
            }
            r?.Accumulate(grads, scale);
        }
        Recorded?.Dispose();
        Recorded = null;
    }

    /// <summary>The recorded graph of <paramref name="input"/>'s forward, or a new one made by replaying that forward.</summary>
    Recording Graph(LuaValue input)
    {
        if (Recorded is { } r && r.Records(input)) return r;
        Recorded?.Dispose();
        Recorded = null;
        return Recorded = Recording.Record(this, input, replay: true);
    }

    /// <summary>Updates the parameters directly with the gradient times -lr (Lua's <c>accUpdateGradParameters</c>); the gradient
    /// buffers are left as they were (modules sharing parameters zero, accumulate and update, as Lua's shared version does).
    /// Example: <c>m.AccUpdateGradParameters(x, gradOutput, 0.1);</c></summary>
    public virtual void AccUpdateGradParameters(LuaValue input, LuaValue gradOutput, double learningRate)
    {
        var (ps, gs) = Parameters();
        if (ps.Count == 0) return;
        var saved = SharedParameters ? null : gs.Select(g => g.Clone()).ToList();
        ZeroGradParameters();
        AccGradParameters(input, gradOutput, 1);
        UpdateParameters(learningRate);
        if (saved is null) return;
        for (int i = 0; i < gs.Count; i++)
        {
            gs[i].Copy(saved[i]);
            saved[i].Dispose();
        }
    }

    /// <summary>Zeroes every gradient parameter. Example: <c>net.ZeroGradParameters();</c></summary>
    public virtual void ZeroGradParameters()
    {
        foreach (var g in Parameters().GradParams) g.Zero();
    }

    /// <summary>Adds -lr times each gradient to its parameter. Example: <c>net.UpdateParameters(0.01);</c></summary>
    public virtual void UpdateParameters(double learningRate)
    {
        var (ps, gs) = Parameters();
        for (int i = 0; i < ps.Count; i++) ps[i].Add(-learningRate, gs[i]);
    }

    /// <summary>The declared parameters and their gradients (Lua's <c>parameters()</c>: weight then bias); empty lists when none.
    /// Example: <c>var (ps, gs) = net.Parameters();</c></summary>
    public virtual (List<Tensor> Params, List<Tensor> GradParams) Parameters() => Listing.Of(this);

    /// <summary>Re-points every parameter (and every gradient) into one flat tensor and returns both (Lua's <c>getParameters</c>).
    /// Example: <c>var (w, dw) = net.GetParameters();</c></summary>
    public (Tensor Params, Tensor GradParams) GetParameters()
    {
        var (ps, gs) = Parameters();
        var p = Flatten(ps);
        var g = Flatten(gs);
        if (p.NElement() != g.NElement())
            throw new InvalidOperationException(
                $"{TypeName}.GetParameters: check that you are sharing parameters and gradParameters ({p.NElement()} parameters but {g.NElement()} gradients)");
        for (int i = 0; i < ps.Count; i++)
            if (ps[i].StorageOffset() != gs[i].StorageOffset())
                throw new InvalidOperationException($"{TypeName}.GetParameters: misaligned parameter at {i + 1}");
        return (p, g);
    }

    /// <summary>Copies the storages of <paramref name="tensors"/> into one flat tensor and re-points each tensor into it, compacting
    /// unused holes (Lua's <c>nn.Module.flatten</c>, used by <see cref="GetParameters"/>). Example: <c>Tensor flat = Module.Flatten(ps);</c></summary>
    public static Tensor Flatten(List<Tensor> tensors) => Flattener.Flatten(tensors);

    // ---------------------------------------------------------------- modes, sharing, copies

    /// <summary>Sets training mode (recursively in containers). Example: <c>net.Training();</c></summary>
    public virtual Module Training()
    {
        Train = true;
        return this;
    }

    /// <summary>Sets evaluation mode (recursively in containers). Example: <c>net.Evaluate();</c></summary>
    public virtual Module Evaluate()
    {
        Train = false;
        return this;
    }

    /// <summary>Makes the named tensors (Lua field names: "weight", "bias", "gradWeight", ...) views of <paramref name="other"/>'s.
    /// Example: <c>m2.Share(m1, "weight", "bias");</c></summary>
    public virtual Module Share(Module other, params string[] names)
    {
        foreach (var name in names)
        {
            var mine = Lookup.Tensor(this, name);
            var theirs = Lookup.Tensor(other, name);
            if (mine is null || theirs is null) continue;
            mine.Set(theirs);
            SharedParameters = true;
            other.SharedParameters = true;
        }
        return this;
    }

    /// <summary>A deep copy (Lua's <c>clone</c>); the named fields (e.g. "weight", "bias") are then shared with this module.
    /// Example: <c>var replica = net.Clone("weight", "bias");</c></summary>
    public Module Clone(params string[] shared)
    {
        var copy = Cloning.Copy(this);
        if (shared.Length > 0) copy.Share(this, shared);
        return copy;
    }

    /// <summary>The tensor type of this module (Lua's <c>type()</c> without arguments). Example: <c>m.Type() == "torch.DoubleTensor"</c>.</summary>
    public string Type() => Weight?.Type() ?? (Output.Object as Tensor)?.Type() ?? torch.GetDefaultTensorType();

    /// <summary>Converts every tensor of this module (and its children) to <paramref name="typeName"/>, keeping shared tensors shared.
    /// Example: <c>net.Type("torch.FloatTensor");</c></summary>
    public virtual Module Type(string typeName)
    {
        if (TensorType.Parse(typeName).Cuda) cutorch.RequireCuda(TypeName + ".Type(\"" + typeName + "\")");
        Converting.Run(this, typeName);
        return this;
    }

    /// <summary>Converts to FloatTensor. Example: <c>net.Float();</c></summary>
    public Module Float() => Type("torch.FloatTensor");

    /// <summary>Converts to DoubleTensor. Example: <c>net.Double();</c></summary>
    public Module Double() => Type("torch.DoubleTensor");

    /// <summary>Converts to CudaTensor (throws when CUDA is absent). Example: <c>net.Cuda();</c></summary>
    public Module Cuda() => Type("torch.CudaTensor");

    /// <summary>Removes the bias and its gradient (Lua's <c>noBias()</c>), for the modules whose Lua class has it (Linear, the
    /// convolutions); the others throw, as calling a missing method does in Lua. Example: <c>m.NoBias();</c></summary>
    public virtual Module NoBias() =>
        throw new NotSupportedException($"{TypeName}.NoBias: {TypeName} has no noBias method (only Linear and the convolutions have one)");

    /// <summary>Drops <see cref="Bias"/> and <see cref="GradBias"/> (what every Lua noBias does). Example: <c>public override Linear NoBias() => DropBias(this);</c></summary>
    protected static T DropBias<T>(T m) where T : Module
    {
        m.Bias = null!;
        m.GradBias = null!;
        return m;
    }

    /// <summary>Re-initialises the parameters (Lua's <c>reset([stdv])</c>). Example: <c>lin.Reset(0.1);</c></summary>
    public virtual Module Reset(double? stdv = null) => this;

    /// <summary>Calls <paramref name="callback"/> on this module then on every child, pre-order. Example: <c>net.Apply(m => m.Evaluate());</c></summary>
    public virtual void Apply(Action<Module> callback) => callback(this);

    /// <summary>This module then all its descendants, pre-order. Example: <c>var all = net.ListModules();</c></summary>
    public virtual List<Module> ListModules() => new() { this };

    /// <summary>The modules of this Lua type name (e.g. "nn.Linear") in this tree, with the container of each.
    /// Example: <c>var (linears, _) = net.FindModules("nn.Linear");</c></summary>
    public (List<Module> Nodes, List<Module> Containers) FindModules(string typeName)
    {
        var nodes = new List<Module>();
        var containers = new List<Module>();
        FindModules(typeName, this, nodes, containers);
        return (nodes, containers);
    }

    internal virtual void FindModules(string typeName, Module container, List<Module> nodes, List<Module> containers)
    {
        if (TypeName != typeName) return;
        nodes.Add(this);
        containers.Add(container);
    }

    /// <summary>Empties every declared buffer (output, gradInput and the module's own) and drops its caches; returns this module.
    /// Example: <c>net.ClearState();</c></summary>
    public virtual Module ClearState()
    {
        Recorded?.Dispose();
        Clearing.Clear(this);
        return this;
    }

    /// <summary>Replaces this module and its descendants with what <paramref name="callback"/> returns. Example: <c>net = net.Replace(m => m is Dropout ? nn.Identity() : m);</c></summary>
    public virtual Module Replace(Func<Module, Module> callback) => callback(this);

    // ---------------------------------------------------------------- naming and helpers for subclasses

    /// <summary>The Lua class name, e.g. "nn.Linear". Example: <c>m.TypeName == "nn.Tanh"</c>.</summary>
    public virtual string TypeName => "nn." + GetType().Name;

    /// <summary>Torch7's <c>tostring(m)</c>, e.g. "nn.Linear(10 -> 5)". Example: <c>Console.WriteLine(net);</c></summary>
    public override string ToString() => TypeName;

    /// <summary>Stores a libtorch result into the tensor <see cref="Output"/> buffer (resized, reused) and frees the result.
    /// Example: <c>return Emit(x.Raw.exp());</c></summary>
    protected Tensor Emit(TT result)
    {
        var o = Buffers.Fit(ref Output, result.dtype);
        return o.Into(result);
    }

    /// <summary>Like <see cref="Emit"/>, for a result that is a new tensor nothing else views (a convolution's, a pooling's): its
    /// storage becomes the <see cref="Output"/>'s, the same object, instead of being copied into it.
    /// Example: <c>return EmitFresh(TS.nn.functional.conv2d(x.Raw, Weight.Raw));</c></summary>
    protected Tensor EmitFresh(TT result) => Buffers.Fit(ref Output, result.dtype).Adopt(result);

    /// <summary>Lua's in-place mode: writes a libtorch result into the input tensor itself, frees the result, and makes the input the
    /// <see cref="Output"/>. Example: <c>if (Inplace) return EmitInPlace(x, x.Raw.clamp(0, 6));</c></summary>
    protected Tensor EmitInPlace(Tensor x, TT result)
    {
        using (result) x.Raw.copy_(result);
        Output = x;
        return x;
    }

    /// <summary>Stores a libtorch result into the tensor <see cref="GradInput"/> buffer (resized, reused) and frees the result.
    /// Example: <c>return EmitGradInput(x.Raw * g.Raw * 2);</c></summary>
    protected Tensor EmitGradInput(TT result)
    {
        var g = Buffers.Fit(ref GradInput, result.dtype);
        return g.Into(result);
    }

    /// <summary>True while an autograd backward replays this module's forward: a module that updates state in its
    /// forward (running statistics, random noise) must not update it again then. Example: <c>if (!Replaying) UpdateRunningMean();</c></summary>
    protected static bool Replaying => Autograd.Replaying;

    /// <summary>The input as a tensor, or an error naming this module and what it got. Example: <c>var x = InputTensor(input);</c></summary>
    protected internal Tensor InputTensor(LuaValue input, string what = "input")
    {
        if (input.Object is Tensor t) return t;
        throw new ArgumentException($"{this}: expected a Tensor as {what}, got {input.Describe()}");
    }

    /// <summary>The input as a C x H x W image or a B x C x H x W batch, checked: <paramref name="planes"/> planes (0: any), and the
    /// image padded by padH/padW at least as large as a kH x kW kernel; errors name this module, what it expects and the size got.
    /// Example: <c>var x = ImageInput(input, NInputPlane, KH, KW, PadH, PadW);</c></summary>
    protected Tensor ImageInput(LuaValue input, int planes, int kH = 1, int kW = 1, int padH = 0, int padW = 0)
    {
        var x = InputTensor(input);
        CheckDims(x, 3, 4);
        int c = x.Dim() - 3;
        if (planes > 0 && x.Size(c + 1) != planes)
            throw new ArgumentException($"{this}: expected {planes} input planes, got an input of size {x.SizeString()}");
        long h = x.Size(c + 2) + 2 * padH, w = x.Size(c + 3) + 2 * padW;
        if (h < kH || w < kW)
            throw new ArgumentException($"{this}: the padded input ({h}x{w}) is smaller than the kernel ({kH}x{kW}); input size {x.SizeString()}");
        return x;
    }

    /// <summary>Throws unless the input has one of the given numbers of dimensions. Example: <c>CheckDims(x, 1, 2);</c></summary>
    protected void CheckDims(Tensor x, params int[] dims)
    {
        if (!dims.Contains(x.Dim()))
            throw new ArgumentException($"{this}: expected a {string.Join(" or ", dims.Select(d => d + "D"))} input, got a tensor of size {x.SizeString()}");
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Module"/> (Lua's <c>nn.Module</c>). Example: <c>var m = nn.Module();</c></summary>
    public static Module Module() => new();
}
