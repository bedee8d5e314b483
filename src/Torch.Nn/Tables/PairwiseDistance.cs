using Torch.Native;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.PairwiseDistance(p)</c>: ||x1 - x2||_p for a table {x1, x2} (per row for batches). Gradients by Lua's formulas: they divide by the distance plus 1e-6, and for p = 1 a zero difference takes
/// a random sign from Torch7's generator, as Lua's do.</summary>
/// <remarks>Example: <c>Tensor d = nn.PairwiseDistance(2).Forward(new Table(a, b));</c></remarks>
public class PairwiseDistance : Module
{
    /// <summary>The norm (Lua's <c>norm</c>). Example: <c>d.Norm</c>.</summary>
    public double Norm;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("norm", ref Norm);
    }

    /// <summary>A distance layer. Example: <c>new PairwiseDistance(1)</c>.</summary>
    public PairwiseDistance(double p)
    {
        Norm = p;
        LuaTables(output: false, gradInput: true);
        LuaOnly(("diff", torch.Tensor())); // Lua's
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Formulas;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs.Count != 2) throw new ArgumentException($"{this}: expected a table of 2 tensors, got {xs.Count}");
        Internal.TableArgs.SameElements(xs, this);
        using var d = xs[0].Raw - xs[1].Raw;
        using var a = d.abs();
        using var s = a.Pow(Norm).sum(new long[] { -1 }, keepdim: xs[0].Dim() == 1);
        return Emit(s.Pow(1 / Norm));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var xs = Internal.TableArgs.Tensors(input, this);
        if (xs[0].Dim() > 2) throw new ArgumentException($"{this}: expected vectors or matrices, got {xs[0].SizeString()}");
        var go = InputTensor(gradOutput, "gradOutput");
        var g = xs[0].Raw - xs[1].Raw;
        if (Norm == 1) RandomSigns(g);
        else
        {
            if (Norm > 2)
                using (var a = g.abs()) using (var p = a.Pow(Norm - 2)) g.mul_(p);
            if (xs[0].Dim() > 1)
                using (var o = Output.AsTensor.Raw.Add(1e-6)) using (var p = o.Pow(-(Norm - 1))) g.mul_(p.unsqueeze(1));
            else g.Mul_(Math.Pow(Scalar(Output.AsTensor.Raw) + 1e-6, -(Norm - 1)));
        }
        if (xs[0].Dim() == 1) g.Mul_(Scalar(go.Raw));
        else using (var e = go.Raw.unsqueeze(1)) g.mul_(e);
        var old = GradInput.Object as Table;
        var first = Slot(old, 1, xs[0]).Into(g);
        var second = Slot(old, 2, xs[1]);
        second.Into(first.Raw.neg());
        GradInput = new Table(first, second);
        return GradInput;
    }

    /// <summary>The first element as a double (Lua's <c>t[1]</c>).</summary>
    static double Scalar(TorchSharp.torch.Tensor t)
    {
        using var first = t.view(-1)[0];
        using var d = first.to_type(TorchSharp.torch.ScalarType.Float64);
        return d.item<double>();
    }

    static Tensor Slot(Table? old, int i, Tensor like) => old?[i].Object is Tensor b && b.Type() == like.Type() ? b : like.New();

    /// <summary>Lua's mathsign applied in element order: the sign, and for a zero 2·torch.random(2) - 3 (±1 from Torch7's stream).</summary>
    static void RandomSigns(TorchSharp.torch.Tensor g)
    {
        using var s = g.sign();
        g.copy_(s);
        using var zero = g.Eq(0);
        using (var any = zero.any()) if (!any.item<bool>()) return;
        using var flat = g.contiguous().view(-1);
        var values = flat.to_type(TorchSharp.torch.ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < values.Length; i++)
            if (values[i] == 0) values[i] = 2 * torch.Random(2) - 3;
        using var filled = TorchSharp.torch.tensor(values).to_type(g.dtype).view(g.shape);
        g.copy_(filled);
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.PairwiseDistance"/> (Lua's <c>nn.PairwiseDistance</c>). Example: <c>var m = nn.PairwiseDistance(p);</c></summary>
    public static PairwiseDistance PairwiseDistance(double p) => new(p);
}
