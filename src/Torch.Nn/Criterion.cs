using TorchSharp;
using Torch.Nn.Internal;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn.Criterion</c>: a loss. <see cref="Forward"/> returns the loss as a number, <see cref="Backward"/> the gradient
/// with respect to the input. Subclasses write <see cref="Loss"/> with libtorch ops (the gradient then comes from autograd)
/// or override <see cref="UpdateOutput"/> and <see cref="UpdateGradInput"/> with explicit formulas.
/// </summary>
/// <remarks>Example: <c>var crit = nn.MSECriterion(); double err = crit.Forward(y, t); Tensor g = crit.Backward(y, t);</c></remarks>
public abstract class Criterion
{
    /// <summary>The last loss (Lua's <c>output</c>). Example: <c>double e = crit.Output;</c></summary>
    public double Output;

    /// <summary>The gradient buffer, overwritten by the next backward. Example: <c>Tensor g = crit.GradInput;</c></summary>
    public LuaValue GradInput = torch.Tensor();

    /// <summary>Whether the loss is averaged over elements/samples (Lua's <c>sizeAverage</c>, default true). Example: <c>crit.SizeAverage = false;</c></summary>
    public bool SizeAverage = true;

    /// <summary>The Lua fields this class does not model, written back when the criterion is saved: those a loaded file had,
    /// or those Lua's constructor makes for its own code (ClassNLLCriterion's <c>output_tensor</c>), see <see cref="Module.LuaRest"/>.</summary>
    internal Table? LuaRest;

    /// <summary>Adds fields Lua's constructor makes for its own code to <see cref="LuaRest"/>, so that the file of an object
    /// made here runs in Torch7. Example: <c>LuaOnly(("_ones", torch.Tensor(new[] { 1.0 })));</c></summary>
    internal void LuaOnly(params (string Name, object Value)[] fields) => LuaFields.AddTo(ref LuaRest, fields);

    /// <summary>Lists what this criterion is made of, once (see <see cref="Members"/> and <see cref="Module.Declare"/>): clone,
    /// type conversion, saving and loading run through it. Example: <c>protected override void Declare(Members m) { base.Declare(m); m.Field("margin", ref Margin); }</c></summary>
    protected internal virtual void Declare(Members m)
    {
        m.Field("output", ref Output);
        m.Buffer("gradInput", ref GradInput);
        m.Field("sizeAverage", ref SizeAverage);
        m.State(ref LuaRest);
    }

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>. Example: <c>double err = crit.Forward(y, targets);</c></summary>
    public double Forward(LuaValue input, LuaValue target)
    {
        try { return UpdateOutput(input, target); }
        catch (Exception e) when (NnError.Translate(e, this, Arguments(input, target)) is { } t) { throw t; }
    }

    /// <summary>The gradient of the loss with respect to the input (the <see cref="GradInput"/> buffer). Example: <c>net.Backward(x, crit.Backward(y, t));</c></summary>
    public LuaValue Backward(LuaValue input, LuaValue target)
    {
        try { return UpdateGradInput(input, target); }
        catch (Exception e) when (NnError.Translate(e, this, Arguments(input, target)) is { } t) { throw t; }
    }

    static string Arguments(LuaValue input, LuaValue target) => $"the input {Module.ValueText(input)} and target {Module.ValueText(target)}";

    /// <summary>Computes and stores <see cref="Output"/>; by default the value of <see cref="Loss"/>. Example: <c>crit.UpdateOutput(y, t);</c></summary>
    public virtual double UpdateOutput(LuaValue input, LuaValue target)
    {
        using var l = Loss(input, target);
        Output = l.ToDouble();
        return Output;
    }

    /// <summary>Computes <see cref="GradInput"/>; by default by autograd over <see cref="Loss"/>. Example: <c>crit.UpdateGradInput(y, t);</c></summary>
    public virtual LuaValue UpdateGradInput(LuaValue input, LuaValue target)
    {
        var leaves = new List<TT?>();
        var leafInput = Values.Map(input, t =>
        {
            var leaf = TensorType.IsFloating(t.ScalarType) ? Autograd.Leaf(t.Raw) : null;
            leaves.Add(leaf);
            return leaf is null ? t : new Tensor(leaf);
        });
        try
        {
            TT?[] grads;
            using (var loss = Autograd.Recorded(false, () => Loss(leafInput, target)))
                grads = Autograd.Grad(this, new[] { loss }, null, leaves);
            int k = 0;
            return Buffers.Store(ref GradInput, Values.Map(input, t => new Tensor(grads[k++] ?? TS.zeros_like(t.Raw))));
        }
        finally { foreach (var l in leaves) l?.Dispose(); }
    }

    /// <summary>The loss as a one-element libtorch tensor, written with libtorch ops (differentiable with respect to the input).
    /// Example: <c>protected override TT Loss(LuaValue i, LuaValue t) => (i.AsTensor.Raw - t.AsTensor.Raw).abs().sum();</c></summary>
    protected virtual TT Loss(LuaValue input, LuaValue target) =>
        throw new NotImplementedException($"{TypeName}: override Loss or UpdateOutput/UpdateGradInput");

    /// <summary>The Lua class name, e.g. "nn.MSECriterion". Example: <c>crit.TypeName</c>.</summary>
    public virtual string TypeName => "nn." + GetType().Name;

    /// <summary>Torch7's <c>tostring(criterion)</c>: the class name. Example: <c>crit.ToString() == "nn.MSECriterion"</c>.</summary>
    public override string ToString() => TypeName;

    /// <summary>A deep copy (Lua's <c>clone</c>). Example: <c>var c2 = crit.Clone();</c></summary>
    public Criterion Clone() => Cloning.Copy(this);

    /// <summary>Converts the criterion's tensors to <paramref name="typeName"/>. Example: <c>crit.Type("torch.FloatTensor");</c></summary>
    public virtual Criterion Type(string typeName)
    {
        if (TensorType.Parse(typeName).Cuda) cutorch.RequireCuda(TypeName + ".Type");
        Converting.Run(this, typeName);
        return this;
    }

    /// <summary>Converts to FloatTensor. Example: <c>crit.Float();</c></summary>
    public Criterion Float() => Type("torch.FloatTensor");
    /// <summary>Converts to DoubleTensor. Example: <c>crit.Double();</c></summary>
    public Criterion Double() => Type("torch.DoubleTensor");
    /// <summary>Converts to CudaTensor. Example: <c>crit.Cuda();</c></summary>
    public Criterion Cuda() => Type("torch.CudaTensor");

    /// <summary>The input as a tensor, or an error naming this criterion. Example: <c>var x = InputTensor(input);</c></summary>
    protected Tensor InputTensor(LuaValue v, string what = "input") =>
        v.Object as Tensor ?? throw new ArgumentException($"{TypeName}: expected a Tensor as {what}, got {v.Describe()}");

    /// <summary>Throws unless input and target have the same number of elements. Example: <c>CheckSameSize(x, t);</c></summary>
    protected void CheckSameSize(Tensor input, Tensor target)
    {
        if (input.NElement() != target.NElement())
            throw new ArgumentException($"{TypeName}: input and target should have the same number of elements, got input {input.SizeString()} and target {target.SizeString()}");
    }

    /// <summary>Stores a libtorch result into the tensor gradInput buffer and frees it. Example: <c>return EmitGrad(g);</c></summary>
    protected Tensor EmitGrad(TT result) => Buffers.Fit(ref GradInput, result.dtype).Into(result);

    /// <summary>Reads a one-element libtorch result as a double and frees it. Example: <c>Output = Scalar(loss);</c></summary>
    protected static double Scalar(TT t)
    {
        using (t) return t.ToDouble();
    }
}
