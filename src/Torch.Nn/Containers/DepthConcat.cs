using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.DepthConcat(dim)</c>: a <see cref="Concat"/> whose outputs may differ in the other dimensions; each is centred
/// in a zero-filled slot of the largest size (offset floor((max - size) / 2)), and the gradients are the matching windows.</summary>
/// <remarks>Example: <c>Tensor y = nn.DepthConcat(1).Add(nn.SpatialConvolution(3, 4, 3, 3)).Add(nn.SpatialConvolution(3, 2, 1, 1)).Forward(x);</c></remarks>
public class DepthConcat : Concat
{
    /// <summary>A depth-concatenating container. Example: <c>new DepthConcat(2)</c>.</summary>
    public DepthConcat(int dimension) : base(dimension) { }

    /// <summary>The window of <paramref name="full"/> where <paramref name="part"/> sits, from <paramref name="offset"/> along the dimension.</summary>
    Tensor Window(Tensor full, Tensor part, long offset)
    {
        var v = full.Narrow(Dimension, offset, part.Size(Dimension));
        for (int d = 1; d <= full.Dim(); d++)
        {
            if (d == Dimension) continue;
            long diff = full.Size(d) - part.Size(d);
            var next = v.Narrow(d, diff / 2 + 1, part.Size(d));
            v.Dispose();
            v = next;
        }
        return v;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var outs = new List<Tensor>();
        for (int i = 0; i < Modules.Count; i++) outs.Add(Child(i, m => InputTensor(m.Run(input), "child output")));
        if (outs.Count == 0) throw new InvalidOperationException($"{TypeName}: no modules to concatenate");
        var size = outs[0].Size();
        if (Dimension < 1 || Dimension > size.Length) throw new ArgumentException($"{TypeName}: dimension {Dimension} out of range for outputs of size {outs[0].SizeString()}");
        size[Dimension - 1] = 0;
        foreach (var o in outs)
        {
            if (o.Dim() != size.Length) throw new ArgumentException($"{TypeName}: outputs have different numbers of dimensions ({outs[0].SizeString()} and {o.SizeString()})");
            for (int d = 0; d < size.Length; d++) size[d] = d == Dimension - 1 ? size[d] + o.Size(d + 1) : Math.Max(size[d], o.Size(d + 1));
        }
        var y = Internal.Buffers.Fit(ref Output, outs[0].ScalarType).Resize(size).Zero();
        long offset = 1;
        foreach (var o in outs)
        {
            using var w = Window(y, o, offset);
            w.Copy(o);
            offset += o.Size(Dimension);
        }
        return Output;
    }

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        LuaValue sum = LuaValue.Nil;
        ForEachWindow(gradOutput, (i, g) =>
        {
            var gi = ChildGradInput(i, input, g);
            sum = i == 0 ? Internal.Sums.CopyOf(GradInput, gi) : Internal.Sums.AddInto(sum, gi);
        });
        GradInput = sum;
        return GradInput;
    }

    void ForEachWindow(LuaValue gradOutput, Action<int, Tensor> f)
    {
        var g = InputTensor(gradOutput, "gradOutput");
        long offset = 1;
        for (int i = 0; i < Modules.Count; i++)
        {
            var o = (Tensor)Modules[i].Output;
            f(i, Window(g, o, offset));
            offset += o.Size(Dimension);
        }
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass) =>
        ForEachWindow(gradOutput, (i, g) => Child(i, pass, input, g));
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.DepthConcat"/> (Lua's <c>nn.DepthConcat</c>). Example: <c>var m = nn.DepthConcat(dimension);</c></summary>
    public static DepthConcat DepthConcat(int dimension) => new(dimension);
}
